"""Templates (versioned, editable per county) and the legal rules in force, with their sources."""
from __future__ import annotations

import json
import re
from pathlib import Path

from sqlalchemy import func, or_, select

from services.procedures import domain, legal
from services.procedures.models import rules, templates
from services.procedures.service.common import rules_for
from services.procedures.service.views import template_proto
from shared import db as dbmod
from shared.auth import ADMIN, COUNTY_STAFF, Principal
from shared.errors import InvalidArgument, NotFound
from zhili.procedures.v1 import procedures_pb2 as pb

DEFAULTS_FILE = Path(__file__).resolve().parent.parent / "data" / "templates.json"
TEMPLATE_CODE = r"[a-z][a-z0-9_]{2,39}"


async def load_default_templates(database) -> int:
    """The built-in templates as version 1 of each code; idempotent."""
    async with database.transaction(actor_id="system") as tx:
        if await tx.session.scalar(select(func.count()).select_from(templates)):
            return 0
        shipped = json.loads(DEFAULTS_FILE.read_text(encoding="utf-8"))
        await tx.session.execute(templates.insert(), [
            {"code": t["code"], "version": 1, "county_id": "", "name": t["name"],
             "description": t["description"], "steps_json": json.dumps(t["steps"], ensure_ascii=False),
             "created_at": dbmod.utcnow(), "created_by": "system"} for t in shipped])
        return len(shipped)


async def template_in_force(session, code: str, county_id: str, version: int = 0):
    """The newest version a county uses: its own edits, else the built-in default."""
    query = select(templates).where(templates.c.code == code,
                                    or_(templates.c.county_id == "", templates.c.county_id == county_id))
    if version:
        query = query.where(templates.c.version == version)
    row = (await session.execute(query.order_by(templates.c.version.desc()).limit(1))).first()
    if row is None:
        raise NotFound(f"程序模板{code}不存在", f"Template {code} not found",
                       code="TEMPLATE_NOT_FOUND", field="template_code")
    return row


async def list_templates(session, principal: Principal) -> list[pb.Template]:
    county = principal.scope_org_id[:6]
    codes = (await session.execute(select(templates.c.code).distinct().where(
        or_(templates.c.county_id == "", templates.c.county_id == county))
        .order_by(templates.c.code))).scalars().all()
    return [template_proto(await template_in_force(session, code, county)) for code in codes]


async def save_template(tx, principal: Principal, request: pb.SaveTemplateRequest) -> pb.Template:
    """A new version for the caller's county; procedures already started keep their snapshot."""
    principal.require_writer()
    principal.require_role(ADMIN, COUNTY_STAFF)
    if not re.fullmatch(TEMPLATE_CODE, request.code):
        raise InvalidArgument("模板代码应为3-40位小写字母、数字或下划线", "Invalid template code",
                              field="code")
    if not request.name.strip():
        raise InvalidArgument("模板名称不能为空", "name is required", field="name")
    steps = [{"key": s.key, "name": s.name, "kind": s.kind, "bodies": list(s.bodies),
              "decisive": s.decisive, "max_days": s.max_days} for s in request.steps]
    domain.validate_template_steps(steps)
    latest = await tx.session.scalar(select(func.max(templates.c.version)).where(
        templates.c.code == request.code)) or 0
    county = principal.scope_org_id[:6]
    await tx.session.execute(templates.insert().values(
        code=request.code, version=latest + 1, county_id=county, name=request.name,
        description=request.description, steps_json=json.dumps(steps, ensure_ascii=False),
        created_at=dbmod.utcnow(), created_by=principal.subject))
    await tx.audit(entity="template", entity_id=request.code, action="versioned",
                   from_state=str(latest), to_state=str(latest + 1), reason=request.name)
    return template_proto(await template_in_force(tx.session, request.code, county, latest + 1))


async def list_rules(session, principal: Principal, org_id: str) -> list[pb.Rule]:
    org_id = org_id or principal.scope_org_id
    principal.require_visible(org_id)
    effective = await rules_for(session, org_id)
    return [pb.Rule(key=key, region=r["region"], source=r.get("source", ""),
                    description=legal.DEFAULT_RULES[key]["description"],
                    value_json=json.dumps(r["value"], ensure_ascii=False))
            for key, r in sorted(effective.items())]


async def set_rule(tx, principal: Principal, request: pb.SetRuleRequest) -> pb.Rule:
    """A county admin overrides a rule for their county; province rows come from deployment data."""
    principal.require_writer()
    principal.require_role(ADMIN)
    if request.key not in legal.DEFAULT_RULES:
        raise InvalidArgument("未知的规则", f"Unknown rule {request.key}", field="key")
    region = request.region or principal.scope_org_id[:6]
    principal.require_visible(region)
    try:
        value = json.loads(request.value_json)
    except ValueError:
        raise InvalidArgument("规则值须为JSON", "value must be JSON", field="value") from None
    if not same_shape(value, legal.DEFAULT_RULES[request.key]["value"]):
        raise InvalidArgument("规则值的结构与默认值不符", "value must have the default's shape",
                              field="value")
    if not request.source.strip():
        raise InvalidArgument("须注明规则的依据", "source is required", field="source")
    await tx.session.execute(rules.delete().where(rules.c.key == request.key,
                                                  rules.c.region == region))
    await tx.session.execute(rules.insert().values(
        key=request.key, region=region, value_json=json.dumps(value, ensure_ascii=False),
        source=request.source, updated_at=dbmod.utcnow(), updated_by=principal.subject))
    await tx.audit(entity="rule", entity_id=f"{region}:{request.key}", action="set",
                   to_state=request.value_json[:50], reason=request.source)
    return pb.Rule(key=request.key, region=region, value_json=json.dumps(value, ensure_ascii=False),
                   source=request.source, description=legal.DEFAULT_RULES[request.key]["description"])


def same_shape(value, default) -> bool:
    """Same JSON types and keys as the default (numbers must be non-negative integers)."""
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, int):
        return isinstance(value, int) and not isinstance(value, bool) and value >= 0
    if isinstance(default, str):
        return isinstance(value, str)
    if isinstance(default, list):
        return isinstance(value, list) and bool(value) and all(
            same_shape(v, default[0]) for v in value) if default and isinstance(default[0], dict) \
            else isinstance(value, list) and all(isinstance(v, str) for v in value)
    if isinstance(default, dict):
        if "den" in default and isinstance(value, dict) and not (
                isinstance(value.get("den"), int) and isinstance(value.get("num"), int)
                and 0 < value["num"] <= value["den"]):
            return False
        return isinstance(value, dict) and set(value) == set(default) and all(
            same_shape(value[k], default[k]) for k in default)
    return False
