"""Cursor pagination for list RPCs: an opaque page token over a stable ordering."""
from __future__ import annotations

import base64

from shared.errors import InvalidArgument

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500


def page_window(page_size: int, page_token: str) -> tuple[int, int]:
    """(offset, limit) of the requested page; a bad token is the caller's error, not ours."""
    limit = DEFAULT_PAGE_SIZE if page_size <= 0 else min(page_size, MAX_PAGE_SIZE)
    if not page_token:
        return 0, limit
    try:
        offset = int(base64.urlsafe_b64decode(page_token.encode()).decode().removeprefix("o:"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise InvalidArgument("分页令牌无效", "Invalid page token", code="INVALID_PAGE_TOKEN",
                              field="page_token") from exc
    if offset < 0:
        raise InvalidArgument("分页令牌无效", "Invalid page token", code="INVALID_PAGE_TOKEN",
                              field="page_token")
    return offset, limit


def next_page_token(offset: int, limit: int, fetched: int) -> str:
    """Callers fetch limit + 1 rows; one extra row means there is a next page."""
    if fetched <= limit:
        return ""
    return base64.urlsafe_b64encode(f"o:{offset + limit}".encode()).decode()
