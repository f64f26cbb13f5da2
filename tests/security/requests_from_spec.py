"""Minimal schema-valid requests for every operation of the OpenAPI document, deterministically.

Values of org-unit fields come from the caller's "home" records (`Fixture`), so one request body can
be sent by every role: it then asks about the same village for all of them (own for some, foreign
for others)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from gateway.spec import build_spec

METHODS = ("get", "post", "put", "patch", "delete")

# A valid value for every `pattern` in the document; a new pattern fails the matrix loudly here.
PATTERN_VALUES = {
    r"^-?\d{1,4}(\.\d{1,2})?$": "5",
    r"^[a-z0-9][a-z0-9-]{1,39}$": "matrix-partner",
    r"^[0-9]{6}$": "330688",
    r"^[0-9]{6}([0-9]{3}([0-9]{3})?)?$": "330688",
    r"^[0-9]{2,12}$": "330688",
    r"^-?\d{1,6}(\.\d{1,2})?$": "1",
    r"^([0-9]{12})?$": "{village}",
    r"^20\d\d$": "2026",
    r"^[a-z][a-z0-9_]{2,39}$": "matrix_rule",
    r"^[0-9]{4}-[0-9]{2}$": "2026-01",
    r"^20\d\d(-(0[1-9]|1[0-2]|Q[1-4]))?$": "2026-01",
    r"^20\d\d-(0[1-9]|1[0-2])$": "2026-01",
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "2026-12-01",
    r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$": "{item}",
    r"^[0-9]{6}[0-9A-Z]{0,12}$": "{village}",
}
FORMAT_VALUES = {"date": "2026-12-01", "date-time": "2026-12-01T08:00:00+08:00",
                 "uri": "https://example.org/a.jpg", "email": "a@example.org"}
# Field names whose value is an org unit or a record of the fixture, whatever their schema says.
NAMED = {"village_id": "{village}", "town_id": "{town}", "org_id": "{village}",
         "county_id": "330688", "grid_id": "{grid}", "household_id": "{household}",
         "person_id": "{person}", "subject_id": "{village}", "target_village_ids": ["{village}"],
         "task_id": "{task}", "petition_id": "{petition}", "item_code": "{item}",
         "category_code": "{item}", "id": "{record}", "parent_id": "{town}",
         "jurisdiction_org_id": "{town}", "assignee_id": "{person}", "to_org_id": "{town}B03"}


@dataclass
class Operation:
    method: str
    path: str
    operation_id: str
    parameters: list[dict]
    body_schema: dict | None
    content_type: str | None

    @property
    def key(self) -> str:
        return f"{self.method.upper()} {self.path}"


@dataclass
class Request:
    method: str
    url: str
    params: dict = field(default_factory=dict)
    json: object = None
    content: bytes | None = None
    headers: dict = field(default_factory=dict)


def operations() -> list[Operation]:
    spec = build_spec()
    result = []
    for path, item in spec["paths"].items():
        shared = item.get("parameters", [])
        for method in METHODS:
            if method not in item:
                continue
            operation = item[method]
            body = operation.get("requestBody", {}).get("content", {})
            content_type = next(iter(body), None)
            schema = body[content_type].get("schema") if content_type else None
            result.append(Operation(method, path, operation["operationId"],
                                    _resolve_all(spec, shared + operation.get("parameters", [])),
                                    _resolve(spec, schema) if schema else None, content_type))
    return result


def _resolve(spec: dict, node):
    """Inline every local $ref (the document has no recursive schemas)."""
    if isinstance(node, dict):
        if "$ref" in node:
            target = spec
            for part in node["$ref"].lstrip("#/").split("/"):
                target = target[part]
            return _resolve(spec, target)
        return {key: _resolve(spec, value) for key, value in node.items()}
    if isinstance(node, list):
        return [_resolve(spec, value) for value in node]
    return node


def _resolve_all(spec: dict, nodes: list) -> list:
    return [_resolve(spec, node) for node in nodes]


# Org fields are sent even when optional: the request then names village A's org, which is what
# makes "own" and "foreign" differ for operations that otherwise act on the caller's own org.
ORG_FIELDS = {"village_id", "town_id", "org_id", "grid_id"}
# Fields required by a rule the schema cannot say (a grid report needs its governance element).
EXTRA_BODY = {"POST /petitions": {"element_code": "E0301"}}
# Operations whose org field must be a town or the county, not a village.
TOWN_LEVEL = {"POST /scoring-rules", "GET /scoring-rules", "GET /leaderboards/{board}",
              "GET /periods", "POST /periods/{period}/close", "POST /grid-bonus-allocations",
              "GET /dashboard"}


def value_for(schema: dict, name: str = ""):
    """The smallest value `schema` accepts (placeholders like "{village}" filled in later)."""
    if name in NAMED and schema.get("type") in ("string", "array", None) and "enum" not in schema:
        named = NAMED[name]
        if schema.get("type") == "array" and not isinstance(named, list):
            return [named]
        if schema.get("type") == "string" and isinstance(named, list):
            return named[0]
        return named
    for combinator in ("oneOf", "anyOf"):
        if combinator in schema:
            return value_for(schema[combinator][0], name)
    if "allOf" in schema:
        merged: dict = {}
        for part in schema["allOf"]:
            merged = {**merged, **part, "properties": {**merged.get("properties", {}),
                                                       **part.get("properties", {})},
                      "required": merged.get("required", []) + part.get("required", [])}
        return value_for(merged, name)
    if "enum" in schema:
        return schema["enum"][0]
    if "example" in schema and not isinstance(schema["example"], (dict, list)):
        return schema["example"]
    kind = schema.get("type") or ("object" if "properties" in schema else "string")
    if kind == "object":
        properties = schema.get("properties", {})
        keys = [*schema.get("required", []),
                *(key for key in properties if key in ORG_FIELDS and key not in schema.get("required", []))]
        return {key: value_for(properties.get(key, {}), key) for key in keys}
    if kind == "array":
        count = max(schema.get("minItems", 0), 1 if name in NAMED else 0)
        return [value_for(schema.get("items", {}), name) for _ in range(count)]
    if kind == "integer":
        return max(schema.get("minimum", 1), 1)
    if kind == "number":
        return max(schema.get("minimum", 1), 1)
    if kind == "boolean":
        return False
    if "pattern" in schema:
        if schema["pattern"] not in PATTERN_VALUES:
            raise KeyError(f"add a value for pattern {schema['pattern']!r} to PATTERN_VALUES")
        return PATTERN_VALUES[schema["pattern"]]
    if schema.get("format") in FORMAT_VALUES:
        return FORMAT_VALUES[schema["format"]]
    length = max(schema.get("minLength", 1), 2)
    return ("矩阵测试内容" * 10)[:length] if length <= 60 else "测" * length


def fill(value, values: dict):
    if isinstance(value, str):
        return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), value)
    if isinstance(value, list):
        return [fill(v, values) for v in value]
    if isinstance(value, dict):
        return {k: fill(v, values) for k, v in value.items()}
    return value


def build_request(operation: Operation, values: dict, *, record_ids: dict) -> Request:
    """The request, with path ids from `record_ids` (by path prefix) and org fields from `values`."""
    path = operation.path
    for parameter in operation.parameters:
        if parameter["in"] != "path":
            continue
        name = parameter["name"]
        value = record_ids.get((operation.path.split("/")[1], name)) or fill(
            value_for(parameter.get("schema", {}), name if name != "id" else "_id"), values)
        path = path.replace("{" + name + "}", str(value))
    if operation.key in TOWN_LEVEL:
        values = {**values, "village": values["town"]}
    params = {p["name"]: fill(value_for(p.get("schema", {}), p["name"]), values)
              for p in operation.parameters
              if p["in"] == "query" and (p.get("required") or p["name"] in ORG_FIELDS)}
    request = Request(operation.method.upper(), "/api/v1" + path, params=params)
    if operation.body_schema is not None:
        body = fill(value_for(operation.body_schema), values)
        if isinstance(body, dict):
            body.update(EXTRA_BODY.get(operation.key, {}))
        if operation.content_type == "application/json" or (operation.content_type or "").endswith("+json"):
            request.json = body
        else:
            request.content = (body if isinstance(body, str) else "").encode()
            request.headers["content-type"] = operation.content_type
    return request
