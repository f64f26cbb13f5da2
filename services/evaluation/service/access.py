"""Who may read and change what in evaluation: org scope, writer and role checks, id shapes."""
from __future__ import annotations

import re

from shared.auth import (ADMIN, COUNTY_STAFF, DEPUTY_SECRETARY, TOWN_LEADER, Principal)
from shared.errors import InvalidArgument

ORG = re.compile(r"\d{6}(\d{3}(\d{3}(G\d{2})?)?)?")
TOWN_ROLES = (TOWN_LEADER, DEPUTY_SECRETARY, ADMIN, COUNTY_STAFF)
COUNTY_ROLES = (ADMIN, COUNTY_STAFF)


def org(org_id: str, *, field: str = "org_id", sizes: tuple[int, ...] = (6, 9, 12)) -> str:
    if not ORG.fullmatch(org_id or "") or len(org_id) not in sizes:
        raise InvalidArgument(f"组织编码“{org_id}”无效", f"Invalid org id {org_id!r}",
                              code="INVALID_ORG", field=field)
    return org_id


def require_manager(principal: Principal, org_id: str) -> None:
    """Towns manage their own evaluation; the county (admin, county staff) manages every town."""
    principal.require_writer()
    principal.require_visible(org_id)
    principal.require_role(*(COUNTY_ROLES if len(org_id) == 6 else TOWN_ROLES))


def require_board_reader(principal: Principal, scope: str) -> None:
    """Boards are published (晾晒) to everyone inside them, and to those above."""
    if not principal.scope_org_id.startswith(scope):
        principal.require_visible(scope)
