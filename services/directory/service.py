"""Directory use cases: each runs in one transaction and writes its events to the outbox."""
from __future__ import annotations

import asyncio
import csv
import json
from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerifyMismatchError
from sqlalchemy import func, or_, select, update

from services.directory import domain
from services.directory.models import (governance_elements, grid_elements, households, org_units,
                                       people)
from shared import db as dbmod
from shared.auth import POSITIONS, Principal, TokenIssuer
from shared.csvtext import read_csv
from shared.errors import InvalidArgument, NotFound, Unauthenticated
from shared.outbox import Database
from shared.paging import next_page_token, page_window
from zhili.directory.v1 import directory_pb2 as pb
from zhili.directory.v1 import events_pb2 as events

DATA_DIR = Path(__file__).parent / "data"
IMPORT_KINDS = ("org_units", "people", "households", "grid_elements")
# OWASP's Argon2id baseline (19 MiB, t=2, p=1): about 20 ms a login on one core, so a gateway
# worker is not starved by logins, while an offline guess stays expensive.
hasher = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)
# Verifying against this keeps unknown usernames as slow as wrong passwords (no user probing).
_DUMMY_HASH = hasher.hash("not-a-real-password")


class ImportRejected(Exception):
    """The whole file was refused; `errors` lists every bad row."""

    def __init__(self, errors: list[domain.RowError]) -> None:
        super().__init__(f"{len(errors)} bad rows")
        self.errors = errors


@dataclass
class DirectoryService:
    database: Database
    issuer: TokenIssuer
    jwks: dict

    # --- login -------------------------------------------------------------------------------
    async def authenticate(self, *, username: str, password: str) -> tuple[str, int]:
        async with self.database.sessions() as session:
            row = (await session.execute(select(people).where(
                people.c.username == username.strip().lower()))).first()
        stored = row.password_hash if row is not None and row.active else _DUMMY_HASH
        if not await asyncio.to_thread(_password_matches, stored, password) or row is None \
                or not row.active:
            raise Unauthenticated("用户名或密码错误", "Wrong username or password",
                                  code="INVALID_CREDENTIALS")
        scope = domain.scope_root(row.position, row.org_id, domain.county_of(row.org_id))
        token = self.issuer.issue(subject=row.id, name=row.name, roles=[row.position],
                                  org_id=row.org_id, scope_org_id=scope)
        return token, int(self.issuer.ttl.total_seconds())

    def jwks_json(self) -> str:
        return json.dumps(self.jwks, ensure_ascii=False)

    # --- org units ---------------------------------------------------------------------------
    async def get_org_unit(self, principal: Principal, *, org_id: str) -> pb.OrgUnit:
        principal.require_visible(org_id)
        async with self.database.sessions() as session:
            row = (await session.execute(select(org_units).where(org_units.c.id == org_id))).first()
            if row is None:
                raise NotFound(f"组织{org_id}不存在", f"Org unit {org_id} not found",
                               code="ORG_UNIT_NOT_FOUND", field="id")
            return (await self._org_protos(session, [row]))[0]

    async def list_org_units(self, principal: Principal, *, parent_id: str, root_id: str,
                             level: str, page_size: int, page_token: str):
        offset, limit = page_window(page_size, page_token)
        query = select(org_units).order_by(org_units.c.id)
        if parent_id:
            principal.require_visible(parent_id)
            query = query.where(org_units.c.parent_id == parent_id)
        root = root_id or principal.scope_org_id
        principal.require_visible(root)
        query = query.where(org_units.c.id.startswith(root, autoescape=True))
        if level:
            query = query.where(org_units.c.level == level)
        async with self.database.sessions() as session:
            rows = (await session.execute(query.offset(offset).limit(limit + 1))).all()
            units = await self._org_protos(session, rows[:limit])
        return units, next_page_token(offset, limit, len(rows))

    async def _org_protos(self, session, rows) -> list[pb.OrgUnit]:
        ids = [row.id for row in rows]
        counts = dict((await session.execute(
            select(org_units.c.parent_id, func.count()).where(org_units.c.parent_id.in_(ids))
            .group_by(org_units.c.parent_id))).all())
        elements: dict[str, list[pb.GridElement]] = {}
        grid_ids = [row.id for row in rows if row.level == "grid"]
        if grid_ids:
            for grid_id, code, name, count in (await session.execute(
                    select(grid_elements.c.grid_id, grid_elements.c.element_code,
                           governance_elements.c.minor_name, grid_elements.c.count)
                    .join(governance_elements)
                    .where(grid_elements.c.grid_id.in_(grid_ids))
                    .order_by(grid_elements.c.element_code))).all():
                elements.setdefault(grid_id, []).append(pb.GridElement(code=code, name=name,
                                                                       count=count))
        ancestors = {a for row in rows for a in _ancestor_ids(row.id)}
        names = dict((await session.execute(select(org_units.c.id, org_units.c.name).where(
            org_units.c.id.in_(ancestors)))).all()) if ancestors else {}
        return [pb.OrgUnit(id=row.id, parent_id=row.parent_id or "", level=row.level,
                           name=row.name, child_count=counts.get(row.id, 0),
                           elements=elements.get(row.id, []),
                           path=[names[a] for a in _ancestor_ids(row.id) if a in names])
                for row in rows]

    # --- people ------------------------------------------------------------------------------
    async def get_me(self, principal: Principal) -> pb.Person:
        return await self.get_person(principal, person_id=principal.subject)

    async def get_person(self, principal: Principal, *, person_id: str) -> pb.Person:
        async with self.database.sessions() as session:
            row = (await session.execute(_people_query().where(people.c.id == person_id))).first()
        if row is None or not principal.can_see(row.org_id):
            raise NotFound("人员不存在或不在您的管辖范围内", "Person not found in your scope",
                           code="PERSON_NOT_FOUND", field="id")
        return _person_proto(row)

    async def list_people(self, principal: Principal, *, org_id: str, include_subtree: bool,
                          position: str, query_text: str, page_size: int, page_token: str):
        offset, limit = page_window(page_size, page_token)
        org_id = org_id or principal.scope_org_id
        principal.require_visible(org_id)
        query = _people_query().order_by(people.c.org_id, people.c.username)
        if include_subtree or not org_id:
            query = query.where(people.c.org_id.startswith(org_id, autoescape=True))
        else:
            query = query.where(people.c.org_id == org_id)
        if position:
            query = query.where(people.c.position == position)
        if query_text:
            like = f"%{query_text}%"
            query = query.where(or_(people.c.name.like(like), people.c.username.like(like)))
        async with self.database.sessions() as session:
            rows = (await session.execute(query.offset(offset).limit(limit + 1))).all()
        return [_person_proto(r) for r in rows[:limit]], next_page_token(offset, limit, len(rows))

    async def create_person(self, tx, principal: Principal, request: pb.CreatePersonRequest) -> pb.Person:
        principal.require_writer()
        principal.require_role("admin", "town_leader", "deputy_secretary")
        principal.require_visible(request.org_id)
        row = {"username": request.username, "name": request.name, "gender": request.gender,
               "phone": request.phone, "org_id": request.org_id, "position": request.position,
               "title": request.title}
        levels = dict((await tx.session.execute(select(org_units.c.id, org_units.c.level).where(
            org_units.c.id == request.org_id))).all())
        taken = set((await tx.session.execute(select(people.c.username).where(
            people.c.username == request.username))).scalars())
        _raise_first(domain.validate_person_row(1, row, levels, taken))
        if len(request.password) < 8:
            raise InvalidArgument("密码至少8位", "The password needs at least 8 characters",
                                  field="password")
        person_id = dbmod.new_id()
        await tx.session.execute(people.insert().values(
            id=person_id, password_hash=await asyncio.to_thread(hasher.hash, request.password),
            active=True, created_at=dbmod.utcnow(), **row))
        await tx.audit(entity="person", entity_id=person_id, action="created", to_state="active")
        person = _person_proto((await tx.session.execute(
            _people_query().where(people.c.id == person_id))).first())
        tx.emit("directory.person.created", events.PersonCreated(person=person))
        return person

    # --- households --------------------------------------------------------------------------
    async def get_household(self, principal: Principal, *, household_id: str) -> pb.Household:
        async with self.database.sessions() as session:
            row = await _household_row(session, household_id)
        if row is None or not principal.can_see(row.grid_id):
            raise NotFound("住户不存在或不在您的管辖范围内", "Household not found in your scope",
                           code="HOUSEHOLD_NOT_FOUND", field="id")
        return _household_proto(row)

    async def list_households(self, principal: Principal, *, org_id: str, color: str,
                              page_size: int, page_token: str):
        offset, limit = page_window(page_size, page_token)
        org_id = org_id or principal.scope_org_id
        principal.require_visible(org_id)
        if color and color not in domain.COLORS:
            raise InvalidArgument("颜色应为green/yellow/red", "color must be green, yellow or red",
                                  field="color")
        query = (select(households).where(households.c.grid_id.startswith(org_id, autoescape=True))
                 .order_by(households.c.grid_id, households.c.id))
        if color:
            query = query.where(households.c.color == color)
        async with self.database.sessions() as session:
            rows = (await session.execute(query.offset(offset).limit(limit + 1))).all()
        return ([_household_proto(r) for r in rows[:limit]],
                next_page_token(offset, limit, len(rows)))

    async def create_household(self, tx, principal: Principal,
                               request: pb.CreateHouseholdRequest) -> pb.Household:
        principal.require_writer()
        principal.require_visible(request.grid_id)
        row = {"grid_id": request.grid_id, "head_name": request.head_name,
               "address": request.address, "members": str(request.members or 1),
               "color": request.color or "green", "note": request.note}
        levels = dict((await tx.session.execute(select(org_units.c.id, org_units.c.level).where(
            org_units.c.id == request.grid_id))).all())
        _raise_first(domain.validate_household_row(1, row, levels))
        household_id = dbmod.new_id()
        await tx.session.execute(households.insert().values(
            id=household_id, updated_at=dbmod.utcnow(), **{**row, "members": int(row["members"])}))
        await tx.audit(entity="household", entity_id=household_id, action="created",
                       to_state=row["color"], reason=request.note)
        household = _household_proto(await _household_row(tx.session, household_id))
        tx.emit("directory.household.created", events.HouseholdCreated(household=household))
        return household

    async def change_household_color(self, tx, principal: Principal,
                                     request: pb.ChangeHouseholdColorRequest) -> pb.Household:
        principal.require_writer()
        if request.color not in domain.COLORS:
            raise InvalidArgument("颜色应为green/yellow/red", "color must be green, yellow or red",
                                  field="color")
        if not request.reason.strip():
            raise InvalidArgument("调整颜色需说明原因", "A reason is required", field="reason")
        row = await _household_row(tx.session, request.id)
        if row is None or not principal.can_see(row.grid_id):
            raise NotFound("住户不存在或不在您的管辖范围内", "Household not found in your scope",
                           code="HOUSEHOLD_NOT_FOUND", field="id")
        await tx.session.execute(update(households).where(households.c.id == request.id).values(
            color=request.color, note=request.reason, updated_at=dbmod.utcnow()))
        await tx.audit(entity="household", entity_id=request.id, action="color_changed",
                       from_state=row.color, to_state=request.color, reason=request.reason)
        tx.emit("directory.household.color_changed", events.HouseholdColorChanged(
            household_id=request.id, grid_id=row.grid_id, from_color=row.color,
            to_color=request.color, reason=request.reason))
        return _household_proto(await _household_row(tx.session, request.id))

    async def list_governance_elements(self) -> list[pb.GovernanceElement]:
        async with self.database.sessions() as session:
            rows = (await session.execute(select(governance_elements).order_by(
                governance_elements.c.minor_code))).all()
        return [pb.GovernanceElement(**row._mapping) for row in rows]

    # --- imports -----------------------------------------------------------------------------
    async def import_csv(self, principal: Principal | None, *, kind: str, csv_text: str,
                         default_password: str = "") -> int:
        """All or nothing: any bad row raises ImportRejected listing every bad row."""
        if principal is not None:
            principal.require_writer()
            principal.require_role("admin")
        if kind not in IMPORT_KINDS:
            raise InvalidArgument(f"导入类型应为{'/'.join(IMPORT_KINDS)}",
                                  f"kind must be one of {', '.join(IMPORT_KINDS)}", field="kind")
        _, rows = read_csv(csv_text)
        async with self.database.transaction(actor_id=principal.subject if principal else "system") as tx:
            importer = _IMPORTERS[kind]
            count = await importer(self, tx, rows, default_password)
            await tx.audit(entity="import", entity_id=kind, action="imported", reason=f"{count} rows")
            return count

    async def load_reference_data(self) -> int:
        """Governance elements (9 大类 49 小类) from the project's data; idempotent."""
        async with self.database.transaction(actor_id="system") as tx:
            if await tx.session.scalar(select(func.count()).select_from(governance_elements)):
                return 0
            with (DATA_DIR / "governance_elements.csv").open(encoding="utf-8") as handle:
                rows = [dict(r, patrol_interval_days=int(r["patrol_interval_days"]))
                        for r in csv.DictReader(handle)]
            await tx.session.execute(governance_elements.insert(), rows)
            return len(rows)


async def _import_org_units(service, tx, rows, _password) -> int:
    known = dict((await tx.session.execute(select(org_units.c.id, org_units.c.level))).all())
    errors, now = [], dbmod.utcnow()
    for line, row in enumerate(rows, start=2):
        row_errors = domain.validate_org_row(line, row, known)
        errors += row_errors
        if not row_errors:
            known[row["id"]] = row["level"]
    if errors:
        raise ImportRejected(errors)
    if rows:
        await tx.session.execute(org_units.insert(), [
            {"id": r["id"], "parent_id": r["parent_id"] or None, "level": r["level"],
             "name": r["name"], "created_at": now} for r in rows])
    for r in rows:  # evaluation keeps id → name from these for its leaderboards
        tx.emit("directory.org_unit.created", events.OrgUnitCreated(org_unit=pb.OrgUnit(
            id=r["id"], parent_id=r["parent_id"] or "", level=r["level"], name=r["name"])))
    return len(rows)


async def _import_people(service, tx, rows, default_password) -> int:
    levels = dict((await tx.session.execute(select(org_units.c.id, org_units.c.level))).all())
    usernames = set((await tx.session.execute(select(people.c.username))).scalars())
    errors = []
    for line, row in enumerate(rows, start=2):
        errors += domain.validate_person_row(line, row, levels, usernames)
        usernames.add(row.get("username", ""))
        if not (row.get("password") or default_password):
            errors.append(domain.RowError(line, "password", "缺少初始密码"))
    if errors:
        raise ImportRejected(errors)
    secrets = [row.get("password") or default_password for row in rows]
    # One hash per distinct initial password: an import of many accounts sharing a first
    # password (changed at first login) must not take minutes.
    distinct = {secret: await asyncio.to_thread(hasher.hash, secret) for secret in set(secrets)}
    hashes = [distinct[secret] for secret in secrets]
    now = dbmod.utcnow()
    values = [{"id": dbmod.new_id(), "username": r["username"], "name": r["name"],
               "gender": r.get("gender", ""), "phone": r.get("phone", ""), "org_id": r["org_id"],
               "position": r["position"], "title": r.get("title", ""), "password_hash": h,
               "active": True, "created_at": now} for r, h in zip(rows, hashes, strict=True)]
    if values:
        await tx.session.execute(people.insert(), values)
        org_names = dict((await tx.session.execute(select(org_units.c.id, org_units.c.name).where(
            org_units.c.id.in_({v["org_id"] for v in values})))).all())
        for v in values:  # the same event as CreatePerson, so consumers see every person
            tx.emit("directory.person.created", events.PersonCreated(person=_person_proto(
                _Row(**v, org_name=org_names.get(v["org_id"], "")))))
    return len(values)


@dataclass
class _Row:
    """An inserted person as `_person_proto` reads it (attribute access, like a result row)."""
    id: str
    username: str
    name: str
    gender: str
    phone: str
    org_id: str
    org_name: str
    position: str
    title: str
    active: bool
    password_hash: str = ""
    created_at: object = None


async def _import_households(service, tx, rows, _password) -> int:
    levels = dict((await tx.session.execute(select(org_units.c.id, org_units.c.level))).all())
    errors = [e for line, row in enumerate(rows, start=2)
              for e in domain.validate_household_row(line, row, levels)]
    if errors:
        raise ImportRejected(errors)
    now = dbmod.utcnow()
    if rows:
        await tx.session.execute(households.insert(), [
            {"id": dbmod.new_id(), "grid_id": r["grid_id"], "head_name": r["head_name"],
             "address": r.get("address", ""), "members": int(r.get("members") or 1),
             "color": r["color"], "note": r.get("note", ""), "updated_at": now} for r in rows])
    return len(rows)


async def _import_grid_elements(service, tx, rows, _password) -> int:
    levels = dict((await tx.session.execute(select(org_units.c.id, org_units.c.level))).all())
    codes = set((await tx.session.execute(select(governance_elements.c.minor_code))).scalars())
    errors = []
    for line, row in enumerate(rows, start=2):
        if levels.get(row.get("grid_id", "")) != "grid":
            errors.append(domain.RowError(line, "grid_id", f"网格{row.get('grid_id')}不存在"))
        if row.get("element_code") not in codes:
            errors.append(domain.RowError(line, "element_code",
                                          f"治理要素{row.get('element_code')}不存在"))
        if not (row.get("count") or "").isdigit():
            errors.append(domain.RowError(line, "count", "数量应为非负整数"))
    if errors:
        raise ImportRejected(errors)
    if rows:
        await tx.session.execute(grid_elements.insert(), [
            {"grid_id": r["grid_id"], "element_code": r["element_code"], "count": int(r["count"])}
            for r in rows])
    return len(rows)


_IMPORTERS = {"org_units": _import_org_units, "people": _import_people,
              "households": _import_households, "grid_elements": _import_grid_elements}


def _password_matches(stored: str, password: str) -> bool:
    try:
        return hasher.verify(stored, password)
    except (VerifyMismatchError, InvalidHashError):
        return False


def _ancestor_ids(org_id: str) -> list[str]:
    """Ids of the units above `org_id`, county first, read off the hierarchical code."""
    cuts = [6, 9, 12]
    ancestors = [org_id[:n] for n in cuts if n < len(org_id)]
    return [a for a in ancestors if a != org_id]


def _people_query():
    return select(people, org_units.c.name.label("org_name")).join(
        org_units, people.c.org_id == org_units.c.id)


def _person_proto(row) -> pb.Person:
    return pb.Person(id=row.id, username=row.username, name=row.name, gender=row.gender,
                     phone=row.phone, org_id=row.org_id, org_name=row.org_name,
                     position=row.position, position_name=POSITIONS[row.position][0],
                     title=row.title, active=row.active)


async def _household_row(session, household_id: str):
    return (await session.execute(select(households).where(
        households.c.id == household_id))).first()


def _household_proto(row) -> pb.Household:
    return pb.Household(id=row.id, grid_id=row.grid_id,
                        village_id=domain.village_of_grid(row.grid_id), head_name=row.head_name,
                        address=row.address, members=row.members, color=row.color, note=row.note)


def _raise_first(errors: list[domain.RowError]) -> None:
    if errors:
        first = errors[0]
        raise InvalidArgument(first.message, f"Invalid value for {first.field}", field=first.field)

