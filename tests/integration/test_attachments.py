"""Photos through the gateway: uploaded by a grid worker, linked from a 随手拍, shown without login."""
from __future__ import annotations

import struct
import zlib

from tests.integration.conftest import assert_problem

VILLAGE = "330688100201"


def png_pixel() -> bytes:
    """A real 1×1 PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def upload(api, headers, data: bytes, name="photo.png", content_type="image/png"):
    return api.post("/api/v1/attachments", files={"file": (name, data, content_type)}, headers=headers)


def test_a_photo_is_uploaded_linked_from_a_report_and_shown_without_login(api, login):
    photo = png_pixel()
    stored = upload(api, login("jin.yi"), photo)
    assert stored.status_code == 201, stored.text
    body = stored.json()
    assert body["content_type"] == "image/png" and body["size"] == len(photo)
    assert stored.headers["location"] == body["url"]
    shown = api.get(body["url"])  # an <img> tag sends no token
    assert shown.status_code == 200 and shown.content == photo
    assert shown.headers["content-type"] == "image/png"
    assert shown.headers["x-content-type-options"] == "nosniff"
    report = api.post("/api/v1/petitions", headers=login("jin.yi"), json={
        "source": "snapshot", "content": "村口垃圾桶满溢，气味很大", "village_id": VILLAGE,
        "photo_urls": [body["url"]]})
    assert report.status_code == 201, report.text
    petition = api.get(f"/api/v1/petitions/{report.json()['id']}", headers=login("tu.su")).json()
    assert petition["photo_urls"] == [body["url"]]


def test_only_images_judged_by_their_bytes_and_within_the_size_limit(api, login):
    headers = login("jin.yi")
    disguised = upload(api, headers, b"<script>alert(1)</script>", "photo.jpg", "image/jpeg")
    assert_problem(disguised, 415, "UNSUPPORTED_MEDIA_TYPE")
    too_big = upload(api, headers, b"\xff\xd8\xff" + b"\x00" * (5 * 1024 * 1024), "big.jpg", "image/jpeg")
    assert too_big.status_code == 413 and too_big.headers["content-type"].startswith("application/problem+json")
    assert_problem(upload(api, {}, png_pixel()), 401)
    assert_problem(api.get("/api/v1/attachments/AAAAAAAAAAAAAAAAAAAAAA.png"), 404, "NOT_FOUND")
    assert api.get("/api/v1/attachments/..%2F..%2Fkeys%2Fjwt_private.pem").status_code == 404
