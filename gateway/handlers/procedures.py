"""Procedures routes: templates, rules, procedures and their steps, warnings, spendings, 三务公开."""
from __future__ import annotations

import datetime as dt
import json

from google.protobuf.timestamp_pb2 import Timestamp

from gateway.peers import call, page_request, reply, to_json
from gateway.problems import ApiProblem
from zhili.procedures.v1 import procedures_pb2 as pb

SVC = "procedures"


def _json(message) -> dict:
    """proto3 JSON writes int64 as strings; amounts in fen are plain integers in our API."""
    return _amounts_as_int(to_json(message))


def _amounts_as_int(value):
    if isinstance(value, dict):
        return {k: int(v) if k == "amount_fen" else _amounts_as_int(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_amounts_as_int(v) for v in value]
    return value


def _template_request(code: str, body: dict) -> pb.SaveTemplateRequest:
    steps = [pb.TemplateStep(**{k: v for k, v in s.items() if k not in ("quorum_rule", "pass_rule")})
             for s in body.get("steps", [])]
    return pb.SaveTemplateRequest(code=code, name=body["name"],
                                  description=body.get("description", ""), steps=steps)


async def list_templates():
    return reply(await call(SVC, "ListTemplates", pb.ListTemplatesRequest()))


async def get_template(code, version=None):
    return reply(await call(SVC, "GetTemplate", pb.GetTemplateRequest(code=code, version=version or 0)))


async def create_template(body: dict):
    return reply(await call(SVC, "SaveTemplate", _template_request(body["code"], body)), 201)


async def update_template(code, body: dict):
    return reply(await call(SVC, "SaveTemplate", _template_request(code, body)))


def _rule_json(rule) -> dict:
    body = to_json(rule)
    body["value"] = json.loads(body.pop("value_json"))
    return body


async def list_rules(org_id=None):
    found = await call(SVC, "ListRules", pb.ListRulesRequest(org_id=org_id or ""))
    return reply({"rules": [_rule_json(r) for r in found.rules]})


async def set_rule(key, body: dict):
    rule = await call(SVC, "SetRule", pb.SetRuleRequest(
        key=key, region=body.get("region", ""), source=body["source"],
        value_json=json.dumps(body["value"], ensure_ascii=False)))
    return reply(_rule_json(rule))


async def list_procedures(org_id=None, stage=None, state=None, with_warnings=None, page_size=None,
                    page_token=None):
    return reply(_json(await call(SVC, "ListProcedures", pb.ListProceduresRequest(
        org_id=org_id or "", stage=stage or "", state=state or "",
        with_warnings=bool(with_warnings), page=page_request(page_size, page_token)))))


async def start_procedure(body: dict):
    return reply(_json(await call(SVC, "StartProcedure", pb.StartProcedureRequest(**body))), 201)


async def get_procedure(id):  # noqa: A002 - the path parameter is called id
    return reply(_json(await call(SVC, "GetProcedure", pb.GetProcedureRequest(id=id))))


async def record_step(id, n, body: dict):  # noqa: A002
    return reply(_json(await call(SVC, "RecordStep", pb.RecordStepRequest(
        procedure_id=id, number=n, **body))))


async def abandon_procedure(id, body: dict):  # noqa: A002
    return reply(_json(await call(SVC, "AbandonProcedure", pb.AbandonProcedureRequest(
        id=id, reason=body["reason"]))))


async def resolve_warning(id, body: dict):  # noqa: A002
    return reply(_json(await call(SVC, "ResolveWarning", pb.ResolveWarningRequest(
        id=id, note=body["note"]))))


async def list_warnings(org_id=None, kind=None, status=None, procedure_id=None, page_size=None,
                  page_token=None):
    return reply(_json(await call(SVC, "ListWarnings", pb.ListWarningsRequest(
        org_id=org_id or "", kind=kind or "", status=status or "",
        procedure_id=procedure_id or "", page=page_request(page_size, page_token)))))


async def run_sweep(body: dict):
    request = pb.RunSweepRequest()
    if body.get("as_of"):
        try:
            moment = dt.datetime.fromisoformat(body["as_of"])
        except ValueError:
            raise ApiProblem(400, "VALIDATION_FAILED", "as_of应为ISO 8601时间",
                             "as_of must be an ISO 8601 time", field="as_of") from None
        stamp = Timestamp()
        stamp.FromDatetime(moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC))
        request.as_of.CopyFrom(stamp)
    return reply(await call(SVC, "RunSweep", request))


async def record_spending(body: dict):
    return reply(_json(await call(SVC, "RecordSpending", pb.RecordSpendingRequest(**body))), 201)


async def list_disclosures(org_id=None, category=None, period=None, page_size=None, page_token=None):
    return reply(await call(SVC, "ListDisclosures", pb.ListDisclosuresRequest(
        org_id=org_id or "", category=category or "", period=period or "",
        page=page_request(page_size, page_token))))


async def publish_disclosure(body: dict):
    return reply(await call(SVC, "PublishDisclosure", pb.PublishDisclosureRequest(**body)), 201)


async def list_public_disclosures(village_id, category=None, page_size=None, page_token=None):
    """Mounted at /public/v1: no token is sent, the service serves this one method publicly."""
    return reply(await call(SVC, "ListPublicDisclosures", pb.ListPublicDisclosuresRequest(
        village_id=village_id, category=category or "", page=page_request(page_size, page_token)),
        authenticated=False), headers={"Cache-Control": "public, max-age=60"})
