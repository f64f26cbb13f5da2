"""Photo uploads (随手拍, progress photos): stored by the gateway, linked from petitions and tasks."""
from __future__ import annotations

import asyncio
from functools import cache

from connexion import request
from starlette.responses import FileResponse

from gateway.attachments import CONTENT_TYPES, AttachmentStore, NotAnImage, max_attachment_bytes
from gateway.peers import reply
from gateway.problems import ApiProblem


@cache
def store() -> AttachmentStore:
    return AttachmentStore.from_env()


async def upload(file):
    limit = max_attachment_bytes()
    data = await file.read(limit + 1)
    if len(data) > limit:
        raise ApiProblem(413, "ATTACHMENT_TOO_LARGE", f"照片不能超过 {limit // 1048576} MB",
                         f"A photo may not exceed {limit // 1048576} MB", field="file")
    if not data:
        raise ApiProblem(400, "VALIDATION_FAILED", "文件为空", "The file is empty", field="file")
    try:
        attachment = await asyncio.to_thread(store().save, data)
    except NotAnImage:
        raise ApiProblem(415, "UNSUPPORTED_MEDIA_TYPE", "只能上传 JPEG、PNG 或 WebP 格式的照片",
                         "Only JPEG, PNG or WebP photos can be uploaded", field="file") from None
    url = f"{str(request.base_url).rstrip('/')}/api/v1/attachments/{attachment.id}"
    return reply({"id": attachment.id, "url": url, "content_type": attachment.content_type,
                  "size": attachment.size}, 201, {"Location": url})


async def download(id):  # noqa: A002 - the path parameter is called id
    path = store().path_of(id)
    if path is None:
        raise ApiProblem(404, "NOT_FOUND", "照片不存在", "No such photo")
    return FileResponse(path, media_type=CONTENT_TYPES[path.suffix[1:]], headers={
        "Cache-Control": "private, max-age=31536000, immutable",
        "X-Content-Type-Options": "nosniff", "Content-Security-Policy": "default-src 'none'",
        "Content-Disposition": "inline"})
