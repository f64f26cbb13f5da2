"""Scoring rules per town with a county default, versioned; a change applies from the next month."""
from __future__ import annotations

import json

from sqlalchemy import func, select

from services.evaluation import domain
from services.evaluation.models import rule_versions
from services.evaluation.service import access
from services.evaluation.service.ledger import rules_in_force, touch
from shared import db as dbmod
from shared.auth import Principal
from shared.errors import InvalidArgument
from zhili.evaluation.v1 import evaluation_pb2 as pb
from zhili.evaluation.v1 import events_pb2 as events


def current_month() -> str:
    return domain.month_of(dbmod.utcnow())


def _version(row) -> pb.RuleVersion:
    return pb.RuleVersion(org_id=row.org_id, version=row.version,
                          effective_from=row.effective_from, created_by=row.created_by,
                          created_at=dbmod.as_utc(row.created_at).isoformat(),
                          label=f"{row.org_id}@v{row.version}")


async def _describe(session, org_id: str, month: str) -> pb.ScoringRules:
    label, rules = await rules_in_force(session, org_id, month)
    owner, _, number = label.partition("@v")
    rows = (await session.execute(select(rule_versions).where(
        rule_versions.c.org_id == org_id[:9]).order_by(rule_versions.c.version.desc()))).all()
    own = (await session.execute(select(rule_versions).where(
        rule_versions.c.org_id == owner, rule_versions.c.version == int(number)))).first()
    in_force = _version(own) if own else pb.RuleVersion(org_id="", version=0, label=label,
                                                        effective_from="")
    return pb.ScoringRules(org_id=org_id, month=month, in_force=in_force,
                           rules_json=json.dumps(rules, ensure_ascii=False, sort_keys=True),
                           versions=[_version(r) for r in rows])


async def get_rules(self, principal: Principal, *, org_id: str, month: str) -> pb.ScoringRules:
    access.org(org_id)
    access.require_board_reader(principal, org_id[:9])
    month = domain.validate_month(month) if month else current_month()
    async with self.database.sessions() as session:
        return await _describe(session, org_id, month)


async def set_rules(self, tx, principal: Principal, request: pb.SetScoringRulesRequest
                    ) -> pb.ScoringRules:
    org_id = access.org(request.org_id, sizes=(6, 9))
    access.require_manager(principal, org_id)
    earliest = domain.next_month(current_month())
    effective = (domain.validate_month(request.effective_from, field="effective_from")
                 if request.effective_from else earliest)
    if effective < earliest:
        raise InvalidArgument(f"规则变更只能从下一期间（{earliest}）起生效，已结束或进行中的期间保持原规则",
                              f"A rule change applies from the next period ({earliest}) on",
                              code="RULES_NOT_RETROACTIVE", field="effective_from")
    session = tx.session
    _, base = await rules_in_force(session, org_id, effective)
    merged = domain.merge_rules(base, request.rules_json)
    version = (await session.scalar(select(func.max(rule_versions.c.version)).where(
        rule_versions.c.org_id == org_id)) or 0) + 1
    await session.execute(rule_versions.insert().values(
        org_id=org_id, version=version, effective_from=effective,
        rules=json.dumps(merged, ensure_ascii=False, sort_keys=True),
        created_by=principal.subject, created_at=dbmod.utcnow()))
    await touch(session, "writes")
    await tx.audit(entity="scoring_rules", entity_id=org_id, action="set",
                   to_state=f"v{version}", reason=f"effective from {effective}")
    tx.emit("evaluation.rules.changed", events.ScoringRulesChanged(
        org_id=org_id, version=version, effective_from=effective))
    return await _describe(session, org_id, effective)
