"""Evaluation routes: scoring rules, scores and ledgers, leaderboards, dashboard, periods, indices."""
from __future__ import annotations

import json

from gateway.peers import call, reply, to_json
from zhili.common.v1 import common_pb2
from zhili.evaluation.v1 import evaluation_pb2 as pb


def _page(page_size, page_token) -> common_pb2.PageRequest:
    return common_pb2.PageRequest(page_size=page_size or 0, page_token=page_token or "")


def _rules(message) -> dict:
    body = to_json(message)
    body["rules"] = json.loads(body.pop("rules_json") or "{}")
    return body


def get_scoring_rules(org_id, month=None):
    return reply(_rules(call("evaluation", "GetScoringRules", pb.GetScoringRulesRequest(
        org_id=org_id, month=month or ""))))


def set_scoring_rules(body: dict):
    return reply(_rules(call("evaluation", "SetScoringRules", pb.SetScoringRulesRequest(
        org_id=body["org_id"], rules_json=json.dumps(body["rules"], ensure_ascii=False),
        effective_from=body.get("effective_from", "")))), 201)


def get_score(subject_id, period, page_size=None, page_token=None):
    return reply(call("evaluation", "GetScore", pb.GetScoreRequest(
        subject_id=subject_id, period=period, page=_page(page_size, page_token))))


def get_leaderboard(board, org_id, period, page_size=None, page_token=None):
    return reply(call("evaluation", "GetLeaderboard", pb.GetLeaderboardRequest(
        board=board, org_id=org_id, period=period, page=_page(page_size, page_token))))


def get_dashboard(org_id, period):
    return reply(call("evaluation", "GetDashboard", pb.GetDashboardRequest(org_id=org_id,
                                                                           period=period)))


def add_score_entry(body: dict):
    return reply(call("evaluation", "AddScoreEntry", pb.AddScoreEntryRequest(**body)), 201)


def list_closed_periods(org_id):
    return reply(call("evaluation", "ListClosedPeriods", pb.ListClosedPeriodsRequest(
        org_id=org_id)))


def close_period(period, body: dict):
    return reply(call("evaluation", "ClosePeriod", pb.ClosePeriodRequest(
        org_id=body["org_id"], period=period)))


def get_lingyan_index(village_id, period):
    return reply(call("evaluation", "GetLingyanIndex", pb.GetLingyanIndexRequest(
        village_id=village_id, period=period)))


def get_yanzhen(village_id, period):
    return reply(call("evaluation", "GetYanzhen", pb.GetYanzhenRequest(village_id=village_id,
                                                                      period=period)))


def allocate_grid_bonus(body: dict):
    allocation = to_json(call("evaluation", "AllocateGridBonus", pb.AllocateGridBonusRequest(
        org_id=body["org_id"], year=body["year"], pool_fen=body["pool_fen"],
        adjustments=[pb.GridAdjustment(**item) for item in body.get("adjustments", [])])))
    for key in ("pool_fen", "allocated_fen"):  # proto3 JSON writes int64 as text; fen are numbers
        allocation[key] = int(allocation[key])
    for line in allocation["lines"]:
        line["amount_fen"] = int(line["amount_fen"])
    return reply(allocation, 201)
