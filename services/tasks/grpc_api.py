"""Thin gRPC adapter: proto request → tasks use case → proto response."""
from __future__ import annotations

from services.tasks.service import TasksService
from shared.grpc_server import current_principal, idempotency_key_var
from shared.idempotency import run_idempotent
from zhili.tasks.v1 import tasks_pb2 as pb
from zhili.tasks.v1 import tasks_pb2_grpc as pb_grpc

SERVICE_NAME = pb.DESCRIPTOR.services_by_name["TasksService"].full_name


class TasksApi(pb_grpc.TasksServiceServicer):
    def __init__(self, service: TasksService) -> None:
        self._service = service

    # --- tasks -------------------------------------------------------------------------------
    async def CreateTask(self, request, context):
        return await self._idempotent(request, pb.Task, self._service.create_task)

    async def UpdateTask(self, request, context):
        return await self._idempotent(request, pb.Task, self._service.update_task)

    async def GetTask(self, request, context):
        return await self._service.get_task(current_principal(), task_id=request.id)

    async def ListTasks(self, request, context):
        found, token = await self._service.list_tasks(
            current_principal(), town_id=request.town_id, state=request.state,
            category=request.category, page_size=request.page.page_size,
            page_token=request.page.page_token)
        return pb.ListTasksResponse(tasks=found, next_page_token=token)

    async def SubmitTask(self, request, context):
        pending = await self._service.screen_draft(current_principal(), request.id)
        return await self._idempotent(
            request, pb.Task,
            lambda tx, principal, req: self._service.submit_task(tx, principal, req, pending))

    async def ApproveTask(self, request, context):
        return await self._idempotent(request, pb.Task, self._service.approve_task)

    async def ReturnTask(self, request, context):
        return await self._idempotent(request, pb.Task, self._service.return_task)

    async def RejectTask(self, request, context):
        return await self._idempotent(request, pb.Task, self._service.reject_task)

    async def MergeTasks(self, request, context):
        return await self._idempotent(request, pb.Task, self._service.merge_tasks)

    # --- assignments -------------------------------------------------------------------------
    async def GetAssignment(self, request, context):
        return await self._service.get_assignment(current_principal(), assignment_id=request.id)

    async def ListAssignments(self, request, context):
        found, token = await self._service.list_assignments(
            current_principal(), view=request.view, town_id=request.town_id,
            village_id=request.village_id, task_id=request.task_id, state=request.state,
            page_size=request.page.page_size, page_token=request.page.page_token)
        return pb.ListAssignmentsResponse(assignments=found, next_page_token=token)

    async def SignAssignment(self, request, context):
        return await self._idempotent(request, pb.Assignment, self._service.sign_assignment)

    async def AllocateAssignment(self, request, context):
        checked = await self._service.check_assignees(current_principal(), request)
        return await self._idempotent(
            request, pb.Assignment,
            lambda tx, principal, req: self._service.allocate_assignment(tx, principal, req, checked))

    async def ReportProgress(self, request, context):
        return await self._idempotent(request, pb.Assignment, self._service.report_progress)

    async def SubmitAssignment(self, request, context):
        return await self._idempotent(request, pb.Assignment, self._service.submit_assignment)

    async def AcceptAssignment(self, request, context):
        return await self._idempotent(request, pb.Assignment, self._service.accept_assignment)

    async def SendBackAssignment(self, request, context):
        return await self._idempotent(request, pb.Assignment, self._service.send_back_assignment)

    async def RateAssignment(self, request, context):
        return await self._idempotent(request, pb.Assignment, self._service.rate_assignment)

    async def UrgeAssignment(self, request, context):
        return await self._idempotent(request, pb.Assignment, self._service.urge_assignment)

    async def SweepDeadlines(self, request, context):
        reminded, overdue = await self._service.sweep_deadlines(current_principal())
        return pb.SweepDeadlinesResponse(reminded=reminded, overdue=overdue)

    # --- 揭榜挂帅 -----------------------------------------------------------------------------
    async def CreateListing(self, request, context):
        return await self._idempotent(request, pb.Listing, self._service.create_listing)

    async def GetListing(self, request, context):
        return await self._service.get_listing(current_principal(), listing_id=request.id)

    async def ListListings(self, request, context):
        found, token = await self._service.list_listings(
            current_principal(), town_id=request.town_id, state=request.state,
            page_size=request.page.page_size, page_token=request.page.page_token)
        return pb.ListListingsResponse(listings=found, next_page_token=token)

    async def PlaceBid(self, request, context):
        return await self._idempotent(request, pb.Listing, self._service.place_bid)

    async def AwardListing(self, request, context):
        return await self._idempotent(request, pb.Listing, self._service.award_listing)

    # --- project requests --------------------------------------------------------------------
    async def CreateProjectRequest(self, request, context):
        return await self._idempotent(request, pb.ProjectRequest,
                                      self._service.create_project_request)

    async def GetProjectRequest(self, request, context):
        return await self._service.get_project_request(current_principal(), request_id=request.id)

    async def ListProjectRequests(self, request, context):
        found, token = await self._service.list_project_requests(
            current_principal(), town_id=request.town_id, state=request.state,
            page_size=request.page.page_size, page_token=request.page.page_token)
        return pb.ListProjectRequestsResponse(project_requests=found, next_page_token=token)

    async def ReviewProjectRequest(self, request, context):
        return await self._idempotent(request, pb.ProjectRequest,
                                      self._service.review_project_request)

    async def _idempotent(self, request, response_type, use_case):
        principal = current_principal()
        return await run_idempotent(
            self._service.database, caller=principal.subject, key=idempotency_key_var.get(),
            request=request, response_type=response_type, actor_id=principal.subject,
            use_case=lambda tx: use_case(tx, principal, request))
