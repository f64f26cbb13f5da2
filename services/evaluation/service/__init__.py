"""Evaluation use cases: the service object the gRPC adapter calls (one transaction per write)."""
from __future__ import annotations

from services.evaluation.service import grid, periods, queries, rules
from services.evaluation.service.boards import Boards
from shared.outbox import Database
from zhili.evaluation.v1 import evaluation_pb2 as pb


class EvaluationService:
    def __init__(self, *, database: Database, refresh_seconds: float = 2.0,
                 directory_addr: str = "127.0.0.1:50051") -> None:
        self.database = database
        self.boards = Boards(database, refresh_seconds)
        self.directory_addr = directory_addr
        # (org, period) → (change count it was computed at, its counts): see queries.dashboard
        self.dashboard_counts: dict[tuple[str, str], tuple[int, pb.Dashboard]] = {}

    # rules
    get_rules = rules.get_rules
    set_rules = rules.set_rules
    # reads
    get_score = queries.get_score
    leaderboard = queries.leaderboard
    dashboard = queries.dashboard
    lingyan = queries.lingyan
    yanzhen = queries.yanzhen
    # writes
    add_entry = periods.add_entry
    close_period = periods.close_period
    list_closures = periods.list_closures
    allocate_grid_bonus = grid.allocate_grid_bonus
