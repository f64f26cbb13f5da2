"""Names of villages and people for the leaderboards, kept from the directory's events."""
from __future__ import annotations

from sqlalchemy import select

from services.evaluation.models import names
from services.evaluation.service.ledger import order_key
from zhili.directory.v1 import events_pb2 as de

ORG_UNIT_CREATED = "directory.org_unit.created"
PERSON_CREATED = "directory.person.created"
TYPES = {ORG_UNIT_CREATED: de.OrgUnitCreated, PERSON_CREATED: de.PersonCreated}


async def apply(session, subject: str, event) -> None:
    """Keep id → name; the latest fact wins, so a redelivered or older event changes nothing."""
    if subject == ORG_UNIT_CREATED:
        unit = event.org_unit
        await _remember(session, unit.id, "org_unit", unit.name, unit.parent_id,
                        order_key(event.meta))
    elif subject == PERSON_CREATED:
        person = event.person
        await _remember(session, person.id, "person", person.name, person.org_id,
                        order_key(event.meta))


async def _remember(session, subject_id: str, kind: str, name: str, org_id: str,
                    stamp: str) -> None:
    if not subject_id or not name:
        return
    row = (await session.execute(select(names.c.seen_at).where(
        names.c.subject_id == subject_id))).first()
    if row is None:
        await session.execute(names.insert().values(subject_id=subject_id, kind=kind, name=name,
                                                    org_id=org_id, seen_at=stamp))
    elif stamp > row.seen_at:
        await session.execute(names.update().where(names.c.subject_id == subject_id).values(
            kind=kind, name=name, org_id=org_id, seen_at=stamp))


async def lookup(session, ids: set[str]) -> dict[str, str]:
    """id → name for the ids known (the others are left out: the caller shows the id)."""
    ids = {i for i in ids if i}
    if not ids:
        return {}
    rows = await session.execute(select(names.c.subject_id, names.c.name).where(
        names.c.subject_id.in_(ids)))
    return dict(rows.all())
