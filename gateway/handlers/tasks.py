"""Tasks routes: tasks and review, assignments and their actions, 揭榜挂帅 biddings, project requests."""
from __future__ import annotations

from google.protobuf import json_format

from gateway.peers import call, reply
from gateway.problems import ApiProblem
from zhili.common.v1 import common_pb2
from zhili.tasks.v1 import tasks_pb2 as pb


def _page(page_size, page_token) -> common_pb2.PageRequest:
    return common_pb2.PageRequest(page_size=page_size or 0, page_token=page_token or "")


def _parse(body: dict, message):
    """JSON body → proto; a bad timestamp or value is the caller's 400, never a 500."""
    try:
        return json_format.ParseDict(body, message)
    except json_format.ParseError as error:
        raise ApiProblem(400, "VALIDATION_FAILED", f"请求内容有误：{error}", f"Invalid request: {error}",
                         field="body") from None


# --- tasks -----------------------------------------------------------------------------------
def create_task(body: dict):
    return reply(call("tasks", "CreateTask", _parse(body, pb.CreateTaskRequest())), 201)


def list_tasks(town_id=None, state=None, category=None, page_size=None, page_token=None):
    return reply(call("tasks", "ListTasks", pb.ListTasksRequest(
        town_id=town_id or "", state=state or "", category=category or "",
        page=_page(page_size, page_token))))


def get_task(id):  # noqa: A002 - the path parameter is called id
    return reply(call("tasks", "GetTask", pb.GetTaskRequest(id=id)))


def update_task(id, body: dict):  # noqa: A002
    return reply(call("tasks", "UpdateTask", pb.UpdateTaskRequest(
        id=id, draft=_parse(body, pb.CreateTaskRequest()))))


def _task_action(method: str, id: str, body: dict | None):  # noqa: A002
    request = _parse(body or {}, pb.TaskActionRequest())
    request.id = id
    return reply(call("tasks", method, request))


def submit_task(id, body=None):  # noqa: A002
    return _task_action("SubmitTask", id, body)


def approve_task(id, body=None):  # noqa: A002
    return _task_action("ApproveTask", id, body)


def return_task(id, body: dict):  # noqa: A002
    return _task_action("ReturnTask", id, body)


def reject_task(id, body: dict):  # noqa: A002
    return _task_action("RejectTask", id, body)


def merge_tasks(id, body: dict):  # noqa: A002
    return reply(call("tasks", "MergeTasks", pb.MergeTasksRequest(
        id=id, merged_task_ids=body["merged_task_ids"], comment=body.get("comment", ""))))


# --- assignments -----------------------------------------------------------------------------
def list_assignments(view=None, town_id=None, village_id=None, task_id=None, state=None,
                     page_size=None, page_token=None):
    return reply(call("tasks", "ListAssignments", pb.ListAssignmentsRequest(
        view=view or "", town_id=town_id or "", village_id=village_id or "",
        task_id=task_id or "", state=state or "", page=_page(page_size, page_token))))


def get_assignment(id):  # noqa: A002
    return reply(call("tasks", "GetAssignment", pb.GetAssignmentRequest(id=id)))


def _assignment_action(method: str, id: str, message, body: dict | None):  # noqa: A002
    request = _parse(body or {}, message)
    request.id = id
    return reply(call("tasks", method, request))


def sign_assignment(id, body=None):  # noqa: A002
    return _assignment_action("SignAssignment", id, pb.AssignmentActionRequest(), body)


def allocate_assignment(id, body: dict):  # noqa: A002
    return _assignment_action("AllocateAssignment", id, pb.AllocateAssignmentRequest(), body)


def report_progress(id, body: dict):  # noqa: A002
    return _assignment_action("ReportProgress", id, pb.ReportProgressRequest(), body)


def submit_assignment(id, body=None):  # noqa: A002
    return _assignment_action("SubmitAssignment", id, pb.AssignmentActionRequest(), body)


def accept_assignment(id, body: dict):  # noqa: A002
    return _assignment_action("AcceptAssignment", id, pb.AcceptAssignmentRequest(), body)


def send_back_assignment(id, body: dict):  # noqa: A002
    return _assignment_action("SendBackAssignment", id, pb.AssignmentActionRequest(), body)


def rate_assignment(id, body: dict):  # noqa: A002
    return _assignment_action("RateAssignment", id, pb.RateAssignmentRequest(), body)


def urge_assignment(id, body: dict):  # noqa: A002
    return _assignment_action("UrgeAssignment", id, pb.AssignmentActionRequest(), body)


def sweep_deadlines():
    return reply(call("tasks", "SweepDeadlines", pb.SweepDeadlinesRequest()))


# --- 揭榜挂帅 -----------------------------------------------------------------------------------
def create_bidding(body: dict):
    return reply(call("tasks", "CreateListing", _parse(body, pb.CreateListingRequest())), 201)


def list_biddings(town_id=None, state=None, page_size=None, page_token=None):
    return reply(call("tasks", "ListListings", pb.ListListingsRequest(
        town_id=town_id or "", state=state or "", page=_page(page_size, page_token))))


def get_bidding(id):  # noqa: A002
    return reply(call("tasks", "GetListing", pb.GetListingRequest(id=id)))


def place_bid(id, body: dict):  # noqa: A002
    return reply(call("tasks", "PlaceBid", pb.PlaceBidRequest(
        listing_id=id, statement=body["statement"])), 201)


def award_bidding(id, body: dict):  # noqa: A002
    request = _parse(body, pb.AwardListingRequest())
    request.listing_id = id
    return reply(call("tasks", "AwardListing", request))


# --- project requests ------------------------------------------------------------------------
def create_project_request(body: dict):
    return reply(call("tasks", "CreateProjectRequest",
                      _parse(body, pb.CreateProjectRequestRequest())), 201)


def list_project_requests(town_id=None, state=None, page_size=None, page_token=None):
    return reply(call("tasks", "ListProjectRequests", pb.ListProjectRequestsRequest(
        town_id=town_id or "", state=state or "", page=_page(page_size, page_token))))


def get_project_request(id):  # noqa: A002
    return reply(call("tasks", "GetProjectRequest", pb.GetProjectRequestRequest(id=id)))


def review_project_request(id, body: dict):  # noqa: A002
    request = _parse(body, pb.ReviewProjectRequestRequest())
    request.id = id
    return reply(call("tasks", "ReviewProjectRequest", request))
