"""Builds the one OpenAPI document from the per-domain files, adding the standard error responses."""
from __future__ import annotations

import copy
from pathlib import Path

import yaml

SPEC_DIR = Path(__file__).parent / "openapi"
METHODS = {"get", "post", "put", "patch", "delete"}


def build_spec(spec_dir: Path = SPEC_DIR, domain_files: list[str] | None = None) -> dict:
    spec = yaml.safe_load((spec_dir / "common.yaml").read_text(encoding="utf-8"))
    names = domain_files or sorted(p.name for p in spec_dir.glob("*.yaml") if p.name != "common.yaml")
    for name in names:
        part = yaml.safe_load((spec_dir / name).read_text(encoding="utf-8"))
        _merge_unique(spec["paths"], part.get("paths", {}), f"{name}: path")
        for section, items in part.get("components", {}).items():
            _merge_unique(spec["components"].setdefault(section, {}), items,
                          f"{name}: components.{section}")
    for path_item in spec["paths"].values():
        for method, operation in path_item.items():
            if method in METHODS:
                _add_error_responses(operation, secured=operation.get("security") != [],
                                     has_body="requestBody" in operation,
                                     has_path_id="{" in str(path_item))
    return spec


PUBLIC_DIR = SPEC_DIR / "public"


def build_public_spec(public_dir: Path = PUBLIC_DIR) -> dict:
    """The login-free API mounted at /public/v1: common components, its own paths, no security."""
    names = [str(p.relative_to(public_dir.parent)) for p in sorted(public_dir.glob("*.yaml"))]
    spec = build_spec(public_dir.parent, names)
    spec["servers"] = [{"url": "/public/v1"}]
    spec["security"] = []
    spec["info"]["title"] += "（免登录公开接口）"
    return spec


def build_mounted_spec(folder: str, base_path: str, title: str) -> dict:
    """A further API of its own files (openapi/<folder>/*.yaml) and base path, no JWT security:
    /partner/v1 (HMAC-signed work orders) and /open311/v2 (GeoReport v2)."""
    directory = SPEC_DIR / folder
    names = [str(p.relative_to(SPEC_DIR)) for p in sorted(directory.glob("*.yaml"))]
    spec = build_spec(SPEC_DIR, names)
    spec["servers"] = [{"url": base_path}]
    spec["security"] = []
    spec["info"]["title"] += f"（{title}）"
    return spec


def _merge_unique(target: dict, items: dict, what: str) -> None:
    for key, value in items.items():
        if key in target:
            raise ValueError(f"{what} {key} is defined twice")
        target[key] = copy.deepcopy(value)


def _add_error_responses(operation: dict, *, secured: bool, has_body: bool, has_path_id: bool) -> None:
    """Every operation documents the problems it can return, so clients and fuzzers know them."""
    standard = {"400": "BadRequest", "429": "TooManyRequests", "503": "Unavailable",
                "504": "Timeout"}
    if secured:
        standard.update({"401": "Unauthorized", "403": "Forbidden"})
    if has_body:
        standard.update({"413": "PayloadTooLarge", "415": "UnsupportedMediaType",
                         "409": "Conflict", "422": "Unprocessable"})
    if has_path_id or has_body:
        standard["404"] = "NotFound"
    responses = operation.setdefault("responses", {})
    for status, name in standard.items():
        responses.setdefault(status, {"$ref": f"#/components/responses/{name}"})
