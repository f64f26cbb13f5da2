"""Tasks routes: tasks and review, assignments and their actions, 揭榜挂帅 biddings, project requests."""
from __future__ import annotations

from gateway.peers import call, from_json, page_request, reply
from zhili.tasks.v1 import tasks_pb2 as pb


# --- tasks -----------------------------------------------------------------------------------
async def create_task(body: dict):
    return reply(await call("tasks", "CreateTask", from_json(body, pb.CreateTaskRequest())), 201)


async def list_tasks(town_id=None, state=None, category=None, page_size=None, page_token=None):
    return reply(await call("tasks", "ListTasks", pb.ListTasksRequest(
        town_id=town_id or "", state=state or "", category=category or "",
        page=page_request(page_size, page_token))))


async def get_task(id):  # noqa: A002 - the path parameter is called id
    return reply(await call("tasks", "GetTask", pb.GetTaskRequest(id=id)))


async def update_task(id, body: dict):  # noqa: A002
    return reply(await call("tasks", "UpdateTask", pb.UpdateTaskRequest(
        id=id, draft=from_json(body, pb.CreateTaskRequest()))))


async def _task_action(method: str, id: str, body: dict | None):  # noqa: A002
    request = from_json(body or {}, pb.TaskActionRequest())
    request.id = id
    return reply(await call("tasks", method, request))


async def submit_task(id, body=None):  # noqa: A002
    return await _task_action("SubmitTask", id, body)


async def approve_task(id, body=None):  # noqa: A002
    return await _task_action("ApproveTask", id, body)


async def return_task(id, body: dict):  # noqa: A002
    return await _task_action("ReturnTask", id, body)


async def reject_task(id, body: dict):  # noqa: A002
    return await _task_action("RejectTask", id, body)


async def merge_tasks(id, body: dict):  # noqa: A002
    return reply(await call("tasks", "MergeTasks", pb.MergeTasksRequest(
        id=id, merged_task_ids=body["merged_task_ids"], comment=body.get("comment", ""))))


# --- assignments -----------------------------------------------------------------------------
async def list_assignments(view=None, town_id=None, village_id=None, task_id=None, state=None,
                           page_size=None, page_token=None):
    return reply(await call("tasks", "ListAssignments", pb.ListAssignmentsRequest(
        view=view or "", town_id=town_id or "", village_id=village_id or "",
        task_id=task_id or "", state=state or "", page=page_request(page_size, page_token))))


async def get_assignment(id):  # noqa: A002
    return reply(await call("tasks", "GetAssignment", pb.GetAssignmentRequest(id=id)))


async def _assignment_action(method: str, id: str, message, body: dict | None):  # noqa: A002
    request = from_json(body or {}, message)
    request.id = id
    return reply(await call("tasks", method, request))


async def sign_assignment(id, body=None):  # noqa: A002
    return await _assignment_action("SignAssignment", id, pb.AssignmentActionRequest(), body)


async def allocate_assignment(id, body: dict):  # noqa: A002
    return await _assignment_action("AllocateAssignment", id, pb.AllocateAssignmentRequest(), body)


async def report_progress(id, body: dict):  # noqa: A002
    return await _assignment_action("ReportProgress", id, pb.ReportProgressRequest(), body)


async def submit_assignment(id, body=None):  # noqa: A002
    return await _assignment_action("SubmitAssignment", id, pb.AssignmentActionRequest(), body)


async def accept_assignment(id, body: dict):  # noqa: A002
    return await _assignment_action("AcceptAssignment", id, pb.AcceptAssignmentRequest(), body)


async def send_back_assignment(id, body: dict):  # noqa: A002
    return await _assignment_action("SendBackAssignment", id, pb.AssignmentActionRequest(), body)


async def rate_assignment(id, body: dict):  # noqa: A002
    return await _assignment_action("RateAssignment", id, pb.RateAssignmentRequest(), body)


async def urge_assignment(id, body: dict):  # noqa: A002
    return await _assignment_action("UrgeAssignment", id, pb.AssignmentActionRequest(), body)


async def sweep_deadlines():
    return reply(await call("tasks", "SweepDeadlines", pb.SweepDeadlinesRequest()))


# --- 揭榜挂帅 -----------------------------------------------------------------------------------
async def create_bidding(body: dict):
    return reply(await call("tasks", "CreateListing", from_json(body, pb.CreateListingRequest())), 201)


async def list_biddings(town_id=None, state=None, page_size=None, page_token=None):
    return reply(await call("tasks", "ListListings", pb.ListListingsRequest(
        town_id=town_id or "", state=state or "", page=page_request(page_size, page_token))))


async def get_bidding(id):  # noqa: A002
    return reply(await call("tasks", "GetListing", pb.GetListingRequest(id=id)))


async def place_bid(id, body: dict):  # noqa: A002
    return reply(await call("tasks", "PlaceBid", pb.PlaceBidRequest(
        listing_id=id, statement=body["statement"])), 201)


async def award_bidding(id, body: dict):  # noqa: A002
    request = from_json(body, pb.AwardListingRequest())
    request.listing_id = id
    return reply(await call("tasks", "AwardListing", request))


# --- project requests ------------------------------------------------------------------------
async def create_project_request(body: dict):
    return reply(await call("tasks", "CreateProjectRequest",
                            from_json(body, pb.CreateProjectRequestRequest())), 201)


async def list_project_requests(town_id=None, state=None, page_size=None, page_token=None):
    return reply(await call("tasks", "ListProjectRequests", pb.ListProjectRequestsRequest(
        town_id=town_id or "", state=state or "", page=page_request(page_size, page_token))))


async def get_project_request(id):  # noqa: A002
    return reply(await call("tasks", "GetProjectRequest", pb.GetProjectRequestRequest(id=id)))


async def review_project_request(id, body: dict):  # noqa: A002
    request = from_json(body, pb.ReviewProjectRequestRequest())
    request.id = id
    return reply(await call("tasks", "ReviewProjectRequest", request))
