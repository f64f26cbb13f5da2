"""The web console: static files under /console/ beside the API, with their security headers."""
from __future__ import annotations

import logging
import mimetypes
from pathlib import Path

from starlette.exceptions import HTTPException
from starlette.responses import PlainTextResponse, RedirectResponse
from starlette.staticfiles import StaticFiles

CONSOLE_DIR = Path(__file__).parent / "console"
PREFIX = "/console"

# The browser talks only to this origin; photos reported by grid workers may be https links.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data: blob:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cache-control", b"no-cache"),
]
# Module scripts are refused under nosniff unless served as JavaScript, whatever the OS tables say.
mimetypes.add_type("text/javascript", ".js")
mimetypes.add_type("text/css", ".css")


def with_console(api_app, directory: Path = CONSOLE_DIR):
    """Paths under /console go to the static files; everything else (and lifespan) to the API."""
    if not (directory / "index.html").is_file():
        # An install without the console's files (see package-data) still serves the API.
        logging.getLogger(__name__).warning("console files missing under %s", directory)
    static = StaticFiles(directory=directory, html=True, check_dir=False)

    async def app(scope, receive, send):
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if path != PREFIX and not path.startswith(PREFIX + "/"):
            return await api_app(scope, receive, send)

        async def secured_send(message):
            if message["type"] == "http.response.start":
                kept = [h for h in message.get("headers", [])
                        if h[0].lower() not in {name for name, _ in SECURITY_HEADERS}]
                message["headers"] = kept + SECURITY_HEADERS
            await send(message)

        if path == PREFIX:
            response = RedirectResponse(PREFIX + "/", status_code=308)
            return await response(scope, receive, secured_send)
        if scope["method"] not in ("GET", "HEAD"):
            response = PlainTextResponse("不支持的请求方法", status_code=405,
                                         headers={"Allow": "GET, HEAD"})
            return await response(scope, receive, secured_send)
        child = dict(scope, root_path=scope.get("root_path", "") + PREFIX)
        try:
            response = await static.get_response(static.get_path(child), child)
        except HTTPException as error:
            response = PlainTextResponse("页面不存在" if error.status_code == 404 else "请求有误",
                                         status_code=error.status_code)
        return await response(child, receive, secured_send)

    return app

