"""Evaluation routes: scoring rules, scores and ledgers, leaderboards, dashboard, periods, indices."""
from __future__ import annotations

import json

from gateway.peers import call, page_request, reply, to_json
from zhili.evaluation.v1 import evaluation_pb2 as pb


def _rules(message) -> dict:
    body = to_json(message)
    body["rules"] = json.loads(body.pop("rules_json") or "{}")
    return body


async def get_scoring_rules(org_id, month=None):
    return reply(_rules(await call("evaluation", "GetScoringRules", pb.GetScoringRulesRequest(
        org_id=org_id, month=month or ""))))


async def set_scoring_rules(body: dict):
    return reply(_rules(await call("evaluation", "SetScoringRules", pb.SetScoringRulesRequest(
        org_id=body["org_id"], rules_json=json.dumps(body["rules"], ensure_ascii=False),
        effective_from=body.get("effective_from", "")))), 201)


async def get_score(subject_id, period, page_size=None, page_token=None):
    return reply(await call("evaluation", "GetScore", pb.GetScoreRequest(
        subject_id=subject_id, period=period, page=page_request(page_size, page_token))))


async def get_leaderboard(board, org_id, period, page_size=None, page_token=None):
    return reply(await call("evaluation", "GetLeaderboard", pb.GetLeaderboardRequest(
        board=board, org_id=org_id, period=period, page=page_request(page_size, page_token))))


async def get_dashboard(org_id, period):
    return reply(await call("evaluation", "GetDashboard", pb.GetDashboardRequest(org_id=org_id,
                                                                                 period=period)))


async def add_score_entry(body: dict):
    return reply(await call("evaluation", "AddScoreEntry", pb.AddScoreEntryRequest(**body)), 201)


async def list_closed_periods(org_id):
    return reply(await call("evaluation", "ListClosedPeriods", pb.ListClosedPeriodsRequest(
        org_id=org_id)))


async def close_period(period, body: dict):
    return reply(await call("evaluation", "ClosePeriod", pb.ClosePeriodRequest(
        org_id=body["org_id"], period=period)))


async def get_lingyan_index(village_id, period):
    return reply(await call("evaluation", "GetLingyanIndex", pb.GetLingyanIndexRequest(
        village_id=village_id, period=period)))


async def get_yanzhen(village_id, period):
    return reply(await call("evaluation", "GetYanzhen", pb.GetYanzhenRequest(village_id=village_id,
                                                                             period=period)))


async def allocate_grid_bonus(body: dict):
    allocation = to_json(await call("evaluation", "AllocateGridBonus", pb.AllocateGridBonusRequest(
        org_id=body["org_id"], year=body["year"], pool_fen=body["pool_fen"],
        adjustments=[pb.GridAdjustment(**item) for item in body.get("adjustments", [])])))
    for key in ("pool_fen", "allocated_fen"):  # proto3 JSON writes int64 as text; fen are numbers
        allocation[key] = int(allocation[key])
    for line in allocation["lines"]:
        line["amount_fen"] = int(line["amount_fen"])
    return reply(allocation, 201)
