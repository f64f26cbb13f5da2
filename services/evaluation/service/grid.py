"""Year-end grid worker assessment: 二次赋分 by grid size and the bonus pool, paid to the fen."""
from __future__ import annotations

import json

import grpc
from sqlalchemy import select

from services.evaluation import domain, indices
from services.evaluation.models import grid_allocations, subject_stats
from services.evaluation.service import access
from services.evaluation.service.ledger import GRID_WORKER, rules_in_force
from shared import db as dbmod
from shared.auth import Principal
from shared.errors import InvalidArgument, Unavailable, from_rpc_error
from shared.grpc_client import call_metadata, insecure_aio_channel
from zhili.common.v1 import common_pb2
from zhili.directory.v1 import directory_pb2, directory_pb2_grpc
from zhili.evaluation.v1 import evaluation_pb2 as pb
from zhili.evaluation.v1 import events_pb2 as events

MAX_POOL_FEN = 10**12


async def grid_elements(directory_addr: str, token: str, town_id: str) -> dict[str, int]:
    """Governance elements per grid of a town, asked of the directory with the caller's token."""
    counts: dict[str, int] = {}
    async with insecure_aio_channel(directory_addr) as channel:
        stub = directory_pb2_grpc.DirectoryServiceStub(channel)
        page_token = ""
        while True:
            try:
                reply = await stub.ListOrgUnits(directory_pb2.ListOrgUnitsRequest(
                    root_id=town_id, level="grid", page=common_pb2.PageRequest(
                        page_size=500, page_token=page_token)),
                    metadata=call_metadata(token=token), timeout=5)
            except grpc.RpcError as error:
                remote = from_rpc_error(error)
                raise Unavailable(f"无法从组织目录读取网格治理要素：{remote.message_zh}",
                                  f"Could not read grid elements from the directory: "
                                  f"{remote.message_en}", code="DIRECTORY_UNAVAILABLE") from None
            for unit in reply.org_units:
                counts[unit.id] = sum(element.count for element in unit.elements)
            page_token = reply.next_page_token
            if not page_token:
                return counts


async def allocate_grid_bonus(self, tx, principal: Principal,
                              request: pb.AllocateGridBonusRequest) -> pb.GridBonusAllocation:
    town = access.org(request.org_id, sizes=(9,))
    access.require_manager(principal, town)
    period = domain.Period.parse(request.year, field="year")
    if period.kind != "year":
        raise InvalidArgument("此处需要年度（YYYY）", "A year (YYYY) is required",
                              code="INVALID_PERIOD", field="year")
    if not 0 < request.pool_fen <= MAX_POOL_FEN:
        raise InvalidArgument("奖金池应为正的金额（分）", "pool_fen must be a positive amount in fen",
                              code="VALIDATION_FAILED", field="pool_fen")
    adjustments = {}
    for item in request.adjustments:
        points = domain.decimal(item.points, field="adjustments.points")
        if abs(points) > 1000 or not item.reason:
            raise InvalidArgument("二次赋分调整须在±1000分以内并说明理由",
                                  "Adjustments are within ±1000 points and need a reason",
                                  code="VALIDATION_FAILED", field="adjustments")
        adjustments[item.subject_id] = domain.centi(points)
    session = tx.session
    rows = (await session.execute(select(subject_stats).where(
        subject_stats.c.subject_type == GRID_WORKER, subject_stats.c.town_id == town,
        subject_stats.c.period == str(period)))).all()
    unknown = set(adjustments) - {row.subject_id for row in rows}
    if unknown:
        raise InvalidArgument("调整对象不是本镇有考核记录的网格员", f"Unknown grid workers: {sorted(unknown)}",
                              code="VALIDATION_FAILED", field="adjustments")
    elements = await grid_elements(self.directory_addr, principal.token, town)
    label, rules = await rules_in_force(session, town, f"{period.year}-12")
    workers = [indices.GridWorkerYear(row.subject_id, row.village_id,
                                      elements.get(row.village_id, 0), row.points,
                                      adjustments.get(row.subject_id, 0)) for row in rows]
    computed = indices.grid_bonus(workers, request.pool_fen, rules["grid"])
    lines = [pb.GridBonusLine(
        subject_id=c["worker"].subject_id, grid_id=c["worker"].grid_id,
        elements=c["worker"].elements, daily_points=domain.show(c["worker"].daily),
        size_factor=str(c["size_factor"]), adjustment=domain.show(c["worker"].adjustment),
        final_score=domain.show(c["final"]), bonus_coefficient=str(c["coefficient"]),
        amount_fen=c["amount_fen"]) for c in sorted(computed, key=lambda c: c["worker"].subject_id)]
    allocation = pb.GridBonusAllocation(
        id=dbmod.new_id(), org_id=town, year=str(period), pool_fen=request.pool_fen,
        allocated_fen=sum(line.amount_fen for line in lines), lines=lines, rule_version=label)
    await session.execute(grid_allocations.insert().values(
        id=allocation.id, org_id=town, year=str(period), pool_fen=request.pool_fen,
        result=json.dumps([[line.subject_id, line.amount_fen] for line in lines]),
        created_by=principal.subject, created_at=dbmod.utcnow()))
    await tx.audit(entity="grid_bonus", entity_id=allocation.id, action="allocate",
                   to_state=str(allocation.allocated_fen), reason=f"{town} {period}")
    tx.emit("evaluation.grid_bonus.allocated", events.GridBonusAllocated(
        allocation_id=allocation.id, org_id=town, year=str(period), pool_fen=request.pool_fen,
        recipients=sum(1 for line in lines if line.amount_fen)))
    return allocation
