"""Photos uploaded by grid workers, cadres and residents: checked, stored, served by capability URL.

A photo is accepted only if its bytes are a JPEG, PNG or WebP image (the client's content type is
not trusted), stored once under an unguessable id (128 random bits), and served back at
`/api/v1/attachments/<id>` without a login, so an `<img>` tag, a partner's system or a printed
report can show it. That id is the only key: it is handed out only to the uploader, who attaches
the URL to a petition or an assignment's progress, which have their own access rules.
"""
from __future__ import annotations

import os
import re
import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path

from shared.settings import data_dir, env, env_int

# Magic numbers of the accepted image formats → (content type, file extension).
_SIGNATURES = (
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
)
_ID = re.compile(r"[A-Za-z0-9_-]{22}\.(jpg|png|webp)")
CONTENT_TYPES = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}


class NotAnImage(ValueError):
    pass


@dataclass(frozen=True)
class Attachment:
    id: str
    content_type: str
    size: int


def sniff(data: bytes) -> tuple[str, str]:
    """(content type, extension) from the first bytes, or NotAnImage."""
    for magic, content_type, extension in _SIGNATURES:
        if data.startswith(magic):
            return content_type, extension
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp", "webp"
    raise NotAnImage()


class AttachmentStore:
    """Files under one folder (a volume shared by every gateway replica), two-level fan-out."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    @classmethod
    def from_env(cls) -> "AttachmentStore":
        return cls(Path(env("ATTACHMENTS_DIR", str(data_dir() / "attachments"))))

    def save(self, data: bytes) -> Attachment:
        content_type, extension = sniff(data)
        attachment_id = f"{secrets.token_urlsafe(16)}.{extension}"
        path = self._path(attachment_id)
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written aside and renamed: a reader never sees half a photo, a crash leaves no stub.
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(handle.name, path)
        return Attachment(attachment_id, content_type, len(data))

    def path_of(self, attachment_id: str) -> Path | None:
        """The file of an id, or None when the id is malformed or unknown."""
        if not _ID.fullmatch(attachment_id):
            return None
        path = self._path(attachment_id)
        return path if path.is_file() else None

    def _path(self, attachment_id: str) -> Path:
        return self.directory / attachment_id[:2] / attachment_id


def max_attachment_bytes() -> int:
    return env_int("MAX_ATTACHMENT_BYTES", 5 * 1024 * 1024)
