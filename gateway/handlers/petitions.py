"""Petition routes: intake, triage, transitions, timeline, disputes, visits, patrols, statistics."""
from __future__ import annotations

from gateway.peers import call, from_json, page_request, reply
from zhili.petitions.v1 import petitions_pb2 as pb


async def create_petition(body: dict):
    return reply(await call("petitions", "CreatePetition", from_json(body, pb.CreatePetitionRequest())), 201)


async def list_petitions(view=None, org_id=None, status=None, category_code=None, page_size=None,
                         page_token=None):
    return reply(await call("petitions", "ListPetitions", pb.ListPetitionsRequest(
        view=view or "", org_id=org_id or "", status=status or "",
        category_code=category_code or "", page=page_request(page_size, page_token))))


async def get_petition(id):  # noqa: A002 - the path parameter is called id
    return reply(await call("petitions", "GetPetition", pb.GetPetitionRequest(id=id)))


async def get_timeline(id):  # noqa: A002
    return reply(await call("petitions", "GetTimeline", pb.GetPetitionRequest(id=id)))


async def triage(body: dict):
    return reply(await call("petitions", "Triage", pb.TriageRequest(text=body["text"],
                                                                    limit=body.get("limit", 5))))


def _action(rpc: str):
    async def handler(id, body: dict | None = None):  # noqa: A002
        request = from_json(body or {}, pb.ActionRequest())
        request.id = id
        return reply(await call("petitions", rpc, request))
    handler.__name__ = rpc
    return handler


accept = _action("Accept")
decline = _action("Decline")
escalate = _action("Escalate")
assign = _action("Assign")
transfer = _action("Transfer")
return_down = _action("Return")
resolve = _action("Resolve")
follow_up = _action("FollowUp")
close = _action("Close")
reopen = _action("Reopen")
urge = _action("Urge")
request_extension = _action("RequestExtension")
decide_extension = _action("DecideExtension")


async def add_mediation_session(id, body: dict):  # noqa: A002
    request = from_json(body, pb.AddMediationSessionRequest())
    request.id = id
    return reply(await call("petitions", "AddMediationSession", request), 201)


async def run_overdue_sweep():
    return reply(await call("petitions", "RunOverdueSweep", pb.RunOverdueSweepRequest()))


async def get_statistics(org_id=None, from_date=None, to_date=None):
    return reply(await call("petitions", "GetStatistics", pb.GetStatisticsRequest(
        org_id=org_id or "", from_date=from_date or "", to_date=to_date or "")))


async def record_visit(body: dict):
    return reply(await call("petitions", "RecordVisit", from_json(body, pb.RecordVisitRequest())), 201)


async def list_visits(org_id=None, household_id=None, view=None, visitor_id=None, from_date=None,
                      to_date=None, page_size=None, page_token=None):
    return reply(await call("petitions", "ListVisits", pb.ListVisitsRequest(
        org_id=org_id or "", household_id=household_id or "", view=view or "",
        visitor_id=visitor_id or "", from_date=from_date or "", to_date=to_date or "",
        page=page_request(page_size, page_token))))


async def list_households_due(org_id=None, color=None, as_of=None):
    return reply(await call("petitions", "ListHouseholdsDueForVisit", pb.ListHouseholdsDueForVisitRequest(
        org_id=org_id or "", color=color or "", as_of=as_of or "")))


async def record_patrol(body: dict):
    return reply(await call("petitions", "RecordPatrol", from_json(body, pb.RecordPatrolRequest())), 201)


async def list_patrols(org_id=None, page_size=None, page_token=None):
    return reply(await call("petitions", "ListPatrols", pb.ListPatrolsRequest(
        org_id=org_id or "", page=page_request(page_size, page_token))))
