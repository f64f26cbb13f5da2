"""Procedures use cases: each write runs in one transaction and writes its events to the outbox."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from services.procedures import domain
from services.procedures.service import (abandon, common, disclosures, oversight, provinces,
                                          running, sweep, templates)
from shared.auth import ADMIN, Principal
from shared.outbox import Database
from zhili.procedures.v1 import procedures_pb2 as pb


@dataclass
class ProceduresService:
    database: Database
    # Rows of the configured province rule file (PROCEDURES_PROVINCE), read at build time.
    province_rules: list[dict] = field(default_factory=list)

    async def load_reference_data(self) -> int:
        """Built-in templates (once) and the province rule file's rows (replacing older ones)."""
        await provinces.apply_province_rules(self.database, self.province_rules)
        return await templates.load_default_templates(self.database)

    # --- templates and rules ----------------------------------------------------------------
    async def list_templates(self, principal: Principal) -> list[pb.Template]:
        async with self.database.sessions() as session:
            return await templates.list_templates(session, principal)

    async def get_template(self, principal: Principal, *, code: str, version: int) -> pb.Template:
        async with self.database.sessions() as session:
            row = await templates.template_in_force(session, code, principal.scope_org_id[:6],
                                                    version)
        return templates.template_proto(row)

    async def save_template(self, tx, principal: Principal, request) -> pb.Template:
        return await templates.save_template(tx, principal, request)

    async def list_rules(self, principal: Principal, *, org_id: str) -> list[pb.Rule]:
        async with self.database.sessions() as session:
            return await templates.list_rules(session, principal, org_id)

    async def set_rule(self, tx, principal: Principal, request) -> pb.Rule:
        return await templates.set_rule(tx, principal, request)

    # --- procedures ---------------------------------------------------------------------------
    async def start_procedure(self, tx, principal: Principal, request) -> pb.Procedure:
        return await running.start(tx, principal, request)

    async def record_step(self, tx, principal: Principal, request) -> pb.Procedure:
        return await running.record_step(tx, principal, request)

    async def abandon_procedure(self, tx, principal: Principal, request) -> pb.Procedure:
        return await abandon.abandon(tx, principal, request)

    async def get_procedure(self, principal: Principal, *, procedure_id: str) -> pb.Procedure:
        async with self.database.sessions() as session:
            row = await common.load_procedure(session, principal, procedure_id)
            return (await running.views_of(session, [row]))[0]

    async def list_procedures(self, principal: Principal, request):
        async with self.database.sessions() as session:
            return await oversight.list_procedures(session, principal, request)

    # --- warnings and spendings --------------------------------------------------------------
    async def record_spending(self, tx, principal: Principal, request) -> pb.Spending:
        return await oversight.record_spending(tx, principal, request)

    async def list_warnings(self, principal: Principal, request):
        async with self.database.sessions() as session:
            return await oversight.list_warnings(session, principal, request)

    async def resolve_warning(self, tx, principal: Principal, request) -> pb.Warning:
        return await oversight.resolve_warning(tx, principal, request)

    async def run_sweep(self, principal: Principal, *, as_of: dt.datetime | None):
        principal.require_writer()
        principal.require_role(ADMIN)
        return await sweep.sweep(self.database, as_of or dt.datetime.now(dt.UTC))

    # --- 三务公开 ------------------------------------------------------------------------------
    async def publish_disclosure(self, tx, principal: Principal, request) -> pb.Disclosure:
        return await disclosures.publish(tx, principal, request)

    async def list_disclosures(self, principal: Principal, request):
        root = common.scope_root(principal, request.org_id)
        async with self.database.sessions() as session:
            return await disclosures.list_disclosures(
                session, root=root, category=request.category, period=request.period,
                page_size=request.page.page_size, page_token=request.page.page_token)

    async def list_public_disclosures(self, request):
        """No login: a resident names their village by its code (printed on the notice board)."""
        domain.require_village(request.village_id)
        async with self.database.sessions() as session:
            return await disclosures.list_disclosures(
                session, root=request.village_id, category=request.category, period="",
                page_size=request.page.page_size, page_token=request.page.page_token,
                exact_village=True)
