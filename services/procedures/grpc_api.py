"""Thin gRPC adapter: proto request → procedures use case → proto response."""
from __future__ import annotations

import datetime as dt

from services.procedures.service import ProceduresService
from shared.grpc_server import current_principal, idempotency_key_var
from shared.idempotency import run_idempotent
from zhili.procedures.v1 import procedures_pb2 as pb
from zhili.procedures.v1 import procedures_pb2_grpc as pb_grpc

SERVICE_NAME = pb.DESCRIPTOR.services_by_name["ProceduresService"].full_name
PUBLIC_METHODS = [f"/{SERVICE_NAME}/ListPublicDisclosures"]


class ProceduresApi(pb_grpc.ProceduresServiceServicer):
    def __init__(self, service: ProceduresService) -> None:
        self._service = service

    async def ListTemplates(self, request, context):
        found = await self._service.list_templates(current_principal())
        return pb.ListTemplatesResponse(templates=found)

    async def GetTemplate(self, request, context):
        return await self._service.get_template(current_principal(), code=request.code,
                                                version=request.version)

    async def SaveTemplate(self, request, context):
        return await self._idempotent(request, pb.Template, self._service.save_template)

    async def ListRules(self, request, context):
        rules = await self._service.list_rules(current_principal(), org_id=request.org_id)
        return pb.ListRulesResponse(rules=rules)

    async def SetRule(self, request, context):
        return await self._idempotent(request, pb.Rule, self._service.set_rule)

    async def StartProcedure(self, request, context):
        return await self._idempotent(request, pb.Procedure, self._service.start_procedure)

    async def GetProcedure(self, request, context):
        return await self._service.get_procedure(current_principal(), procedure_id=request.id)

    async def ListProcedures(self, request, context):
        found, token = await self._service.list_procedures(current_principal(), request)
        return pb.ListProceduresResponse(procedures=found, next_page_token=token)

    async def RecordStep(self, request, context):
        return await self._idempotent(request, pb.Procedure, self._service.record_step)

    async def AbandonProcedure(self, request, context):
        return await self._idempotent(request, pb.Procedure, self._service.abandon_procedure)

    async def RecordSpending(self, request, context):
        return await self._idempotent(request, pb.Spending, self._service.record_spending)

    async def ListWarnings(self, request, context):
        found, token = await self._service.list_warnings(current_principal(), request)
        return pb.ListWarningsResponse(warnings=found, next_page_token=token)

    async def ResolveWarning(self, request, context):
        return await self._idempotent(request, pb.Warning, self._service.resolve_warning)

    async def PublishDisclosure(self, request, context):
        return await self._idempotent(request, pb.Disclosure, self._service.publish_disclosure)

    async def ListDisclosures(self, request, context):
        found, token = await self._service.list_disclosures(current_principal(), request)
        return pb.ListDisclosuresResponse(disclosures=found, next_page_token=token)

    async def ListPublicDisclosures(self, request, context):
        found, token = await self._service.list_public_disclosures(request)
        return pb.ListDisclosuresResponse(disclosures=found, next_page_token=token)

    async def RunSweep(self, request, context):
        as_of = request.as_of.ToDatetime(tzinfo=dt.UTC) \
            if request.HasField("as_of") else None
        stalled, overdue = await self._service.run_sweep(current_principal(), as_of=as_of)
        return pb.RunSweepResponse(stalled=stalled, overdue=overdue)

    async def _idempotent(self, request, response_type, use_case):
        principal = current_principal()
        return await run_idempotent(
            self._service.database, caller=principal.subject, key=idempotency_key_var.get(),
            request=request, response_type=response_type, actor_id=principal.subject,
            use_case=lambda tx: use_case(tx, principal, request))
