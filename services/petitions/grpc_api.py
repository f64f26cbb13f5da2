"""Thin gRPC adapter: proto request → petition use case → proto response."""
from __future__ import annotations

from services.petitions.service import PetitionsService, extras, flow, intake, queries, rows, visits
from shared.auth import ADMIN, DEPUTY_SECRETARY, TOWN_LEADER
from shared.grpc_server import current_principal, idempotency_key_var
from shared.idempotency import run_idempotent
from zhili.petitions.v1 import petitions_pb2 as pb
from zhili.petitions.v1 import petitions_pb2_grpc as pb_grpc

SERVICE_NAME = pb.DESCRIPTOR.services_by_name["PetitionsService"].full_name
PUBLIC_METHODS: list[str] = []


def _transition(step):
    """An RPC that runs one flow step idempotently and answers with the petition afterwards."""
    async def rpc(self, request, context):
        return await self._write(request, pb.Petition, step)
    return rpc


class PetitionsApi(pb_grpc.PetitionsServiceServicer):
    def __init__(self, service: PetitionsService) -> None:
        self._service = service

    async def CreatePetition(self, request, context):
        principal = current_principal()
        return await run_idempotent(
            self._service.database, caller=principal.subject, key=idempotency_key_var.get(),
            request=request, response_type=pb.Petition, actor_id=principal.subject,
            use_case=lambda tx: intake.create_petition(self._service, tx, principal, request))

    async def GetPetition(self, request, context):
        return await queries.get(self._service, current_principal(), request.id)

    async def ListPetitions(self, request, context):
        found, token = await queries.list_petitions(self._service, current_principal(), request)
        return pb.ListPetitionsResponse(petitions=found, next_page_token=token)

    async def GetTimeline(self, request, context):
        return await queries.get_timeline(self._service, current_principal(), request.id)

    async def Triage(self, request, context):
        return pb.TriageResponse(suggestions=intake.suggestions(self._service.triage, request.text,
                                                                request.limit))

    Accept = _transition(flow.accept)
    Decline = _transition(flow.decline)
    Escalate = _transition(flow.escalate)
    Assign = _transition(flow.assign)
    Transfer = _transition(flow.transfer)
    Return = _transition(flow.return_down)
    Resolve = _transition(flow.resolve)
    FollowUp = _transition(flow.follow_up)
    Close = _transition(flow.close)
    Reopen = _transition(flow.reopen)
    Urge = _transition(flow.urge)
    RequestExtension = _transition(extras.request_extension)
    DecideExtension = _transition(extras.decide_extension)
    AddMediationSession = _transition(extras.add_mediation)

    async def RunOverdueSweep(self, request, context):
        principal = current_principal()
        principal.require_writer()
        principal.require_role(ADMIN, TOWN_LEADER, DEPUTY_SECRETARY)
        marked = await extras.sweep_overdue(self._service.database)
        return pb.RunOverdueSweepResponse(marked=len(marked), petition_ids=marked)

    async def GetStatistics(self, request, context):
        return await queries.statistics(self._service, current_principal(), request)

    async def RecordVisit(self, request, context):
        principal = current_principal()
        principal.require_writer()
        household = await visits.fetch_household(self._service, principal, request.household_id)
        return await run_idempotent(
            self._service.database, caller=principal.subject, key=idempotency_key_var.get(),
            request=request, response_type=pb.Visit, actor_id=principal.subject,
            use_case=lambda tx: visits.record_visit(self._service, tx, principal, request, household))

    async def ListVisits(self, request, context):
        found, token = await visits.list_visits(self._service, current_principal(), request)
        return pb.ListVisitsResponse(visits=found, next_page_token=token)

    async def ListHouseholdsDueForVisit(self, request, context):
        due = await visits.households_due(self._service, current_principal(), request)
        return pb.ListHouseholdsDueForVisitResponse(households=due)

    async def RecordPatrol(self, request, context):
        principal = current_principal()
        return await run_idempotent(
            self._service.database, caller=principal.subject, key=idempotency_key_var.get(),
            request=request, response_type=pb.Patrol, actor_id=principal.subject,
            use_case=lambda tx: visits.record_patrol(self._service, tx, principal, request))

    async def ListPatrols(self, request, context):
        found, token = await visits.list_patrols(self._service, current_principal(), request)
        return pb.ListPatrolsResponse(patrols=found, next_page_token=token)

    async def _write(self, request, response_type, step):
        principal = current_principal()

        async def use_case(tx):
            row = await step(self._service, tx, principal, request)
            return await rows.to_proto(tx.session, row, principal)

        return await run_idempotent(
            self._service.database, caller=principal.subject, key=idempotency_key_var.get(),
            request=request, response_type=response_type, actor_id=principal.subject,
            use_case=use_case)
