"""Thin gRPC adapter: proto request → evaluation use case → proto response."""
from __future__ import annotations

from services.evaluation.service import EvaluationService
from shared.grpc_server import current_principal, idempotency_key_var
from shared.idempotency import run_idempotent
from zhili.evaluation.v1 import evaluation_pb2 as pb
from zhili.evaluation.v1 import evaluation_pb2_grpc as pb_grpc

SERVICE_NAME = pb.DESCRIPTOR.services_by_name["EvaluationService"].full_name
PUBLIC_METHODS: list[str] = []


class EvaluationApi(pb_grpc.EvaluationServiceServicer):
    def __init__(self, service: EvaluationService) -> None:
        self._service = service

    async def GetScoringRules(self, request, context):
        return await self._service.get_rules(current_principal(), org_id=request.org_id,
                                             month=request.month)

    async def SetScoringRules(self, request, context):
        return await self._idempotent(request, pb.ScoringRules, self._service.set_rules)

    async def GetScore(self, request, context):
        return await self._service.get_score(
            current_principal(), subject_id=request.subject_id, period=request.period,
            page_size=request.page.page_size, page_token=request.page.page_token)

    async def GetLeaderboard(self, request, context):
        return await self._service.leaderboard(
            current_principal(), board=request.board, org_id=request.org_id,
            period=request.period, page_size=request.page.page_size,
            page_token=request.page.page_token)

    async def GetDashboard(self, request, context):
        return await self._service.dashboard(current_principal(), org_id=request.org_id,
                                             period=request.period)

    async def AddScoreEntry(self, request, context):
        return await self._idempotent(request, pb.ScoreEntry, self._service.add_entry)

    async def ClosePeriod(self, request, context):
        return await self._idempotent(request, pb.PeriodClosure, self._service.close_period)

    async def ListClosedPeriods(self, request, context):
        return await self._service.list_closures(current_principal(), org_id=request.org_id)

    async def GetLingyanIndex(self, request, context):
        return await self._service.lingyan(current_principal(), village_id=request.village_id,
                                           period=request.period)

    async def GetYanzhen(self, request, context):
        return await self._service.yanzhen(current_principal(), village_id=request.village_id,
                                           period=request.period)

    async def AllocateGridBonus(self, request, context):
        return await self._idempotent(request, pb.GridBonusAllocation,
                                      self._service.allocate_grid_bonus)

    async def _idempotent(self, request, response_type, use_case):
        principal = current_principal()
        return await run_idempotent(
            self._service.database, caller=principal.subject, key=idempotency_key_var.get(),
            request=request, response_type=response_type, actor_id=principal.subject,
            use_case=lambda tx: use_case(tx, principal, request))
