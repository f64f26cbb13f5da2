"""Org arithmetic of routing: ids are hierarchical codes (330688 ⊃ 330688100 ⊃ 330688100201 ⊃ …G01)."""
from __future__ import annotations

import re

from shared.errors import InvalidArgument

_VILLAGE = re.compile(r"\d{12}")
_GRID = re.compile(r"\d{12}G\d{2}")
_OFFICE = re.compile(r"\d{9}B\d{2}")
_DEPARTMENT = re.compile(r"\d{6}K\d{2}")


def town_of(org_id: str) -> str:
    return org_id[:9]


def county_of(org_id: str) -> str:
    return org_id[:6]


def village_of(org_id: str) -> str:
    """The village of a village or grid id; raises on anything else."""
    if _GRID.fullmatch(org_id):
        return org_id.split("G", 1)[0]
    if _VILLAGE.fullmatch(org_id):
        return org_id
    raise InvalidArgument("须为村（社区）或网格编码", "Must be a village or grid id", field="village_id")


def org_kind(org_id: str) -> str:
    for kind, pattern in (("grid", _GRID), ("village", _VILLAGE), ("office", _OFFICE),
                          ("department", _DEPARTMENT)):
        if pattern.fullmatch(org_id):
            return kind
    return "town" if re.fullmatch(r"\d{9}", org_id) else "county" if re.fullmatch(r"\d{6}", org_id) else ""


def kind_of_category(code: str) -> str:
    """矛盾纠纷 (P01-*) petitions carry mediation sessions."""
    return "dispute" if code.startswith("P01") else "general"
