"""Open311 GeoReport v2: JSON or XML by extension, errors as the spec's [{code, description}] list."""
from __future__ import annotations

import json
from xml.etree import ElementTree as ET

from connexion import request
from starlette.responses import Response

from gateway.peers import call
from gateway.problems import ApiProblem, wants_english
from zhili.integration.v1 import integration_pb2 as pb

FORMATS = {"json": "application/json; charset=utf-8", "xml": "text/xml; charset=utf-8"}
# XML root and item element per document kind (the spec's names).
XML_SHAPES = {"services": ("services", "service"), "requests": ("service_requests", "request"),
              "errors": ("errors", "error")}


def _xml(value, tag: str) -> ET.Element:
    element = ET.Element(tag)
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "attributes":
                holder = ET.SubElement(element, "attributes")
                for attribute in item:
                    holder.append(_xml(attribute, "attribute"))
            elif key == "values":
                holder = ET.SubElement(element, "values")
                for entry in item:
                    holder.append(_xml(entry, "value"))
            elif isinstance(item, list):
                holder = ET.SubElement(element, key)
                for entry in item:
                    holder.append(_xml(entry, key.rstrip("s")))
            else:
                element.append(_xml(item, key))
    elif value is not None:
        element.text = str(value).lower() if isinstance(value, bool) else str(value)
    return element


def render(document, fmt: str, kind: str, status: int = 200) -> Response:
    if fmt == "xml":
        if isinstance(document, list):
            root_tag, item_tag = XML_SHAPES[kind]
            root = ET.Element(root_tag)
            for item in document:
                root.append(_xml(item, item_tag))
        else:
            root = _xml(document, kind)
        body = b'<?xml version="1.0" encoding="utf-8"?>' + ET.tostring(root, encoding="utf-8")
    else:
        body = json.dumps(document, ensure_ascii=False).encode()
    return Response(body, status_code=status, media_type=FORMATS[fmt])


def _error(fmt: str, status: int, zh: str, en: str) -> Response:
    description = en if wants_english(request.headers.get("accept-language")) else zh
    return render([{"code": status, "description": description}], fmt, "errors", status)


async def _run(fmt: str, rpc: str, request: pb.Open311Request, kind: str, status: int = 200) -> Response:
    """`fmt` is json or xml: the document's enum has refused anything else (problem+json 400)."""
    try:
        reply = await call("integration", rpc, request, authenticated=False)
    except ApiProblem as problem:
        return _error(fmt, problem.status, problem.detail_zh, problem.detail_en)
    return render(json.loads(reply.json), fmt, kind, status)


async def discovery(format, **_ignored):  # noqa: A002 - the path parameter is called format
    base = str(request.base_url).rstrip("/") + "/open311/v2"
    document = {"changeset": "2026-01-01T00:00:00Z", "contact": "zhili 治理平台运维",
                "key_service": "请联系县级平台管理员登记合作系统以获取 api_key",
                "endpoints": [{"specification": "http://wiki.open311.org/GeoReport_v2", "url": base,
                               "changeset": "2026-01-01T00:00:00Z", "type": "production",
                               "formats": ["application/json", "text/xml"]}]}
    return render(document, format, "discovery")


async def list_services(format, **_ignored):  # noqa: A002
    return await _run(format, "Open311ListServices", pb.Open311Request(), "services")


async def get_service(service_code, format, **_ignored):  # noqa: A002
    return await _run(format, "Open311GetService", pb.Open311Request(service_code=service_code),
                      "service_definition")


def _params(form: dict | None = None) -> dict[str, str]:
    """Query string and form fields (Connexion has read the form; the stream is consumed)."""
    merged = {k: v for k, v in request.query_params.items()}
    merged.update(form or {})
    return {k: v[:5000] for k, v in merged.items() if isinstance(v, str)}


async def list_requests(format, **_ignored):  # noqa: A002
    return await _run(format, "Open311ListRequests", pb.Open311Request(params=_params()), "requests")


async def create_request(format, body=None, **_ignored):  # noqa: A002
    params = _params(body)
    api_key = params.pop("api_key", "")
    return await _run(format, "Open311CreateRequest", pb.Open311Request(params=params, api_key=api_key),
                      "requests", 201)


async def get_request(service_request_id, format, **_ignored):  # noqa: A002
    return await _run(format, "Open311GetRequest",
                      pb.Open311Request(service_request_id=service_request_id), "requests")


async def get_token(token, format, **_ignored):  # noqa: A002
    return await _run(format, "Open311GetToken", pb.Open311Request(token=token), "requests")
