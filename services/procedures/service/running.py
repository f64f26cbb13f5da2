"""Running a procedure: start it on a snapshot of its template and rules, then record each step."""
from __future__ import annotations

import json

from sqlalchemy import and_, func, select, update

from services.procedures import domain
from services.procedures.models import procedures, step_records, warnings
from services.procedures.service import common
from services.procedures.service.templates import template_in_force
from services.procedures.service.views import procedure_proto
from shared import db as dbmod
from shared.auth import Principal
from shared.errors import Conflict, InvalidArgument
from zhili.procedures.v1 import events_pb2 as events
from zhili.procedures.v1 import procedures_pb2 as pb


def snapshot(template, rules: dict[str, dict]) -> dict:
    """The template version plus every rule its steps need, frozen at start."""
    steps = []
    for step in json.loads(template.steps_json):
        frozen = {**step, "max_days": step.get("max_days") or rules["stall.max_working_days"]["value"]}
        if step["kind"] == "meeting":
            frozen["rules"] = {body: {
                "quorum": rules[f"quorum.{body}"]["value"], "pass": rules[f"pass.{body}"]["value"],
                "notice_days": rules.get(f"notice_days.{body}", {}).get("value", 0)}
                for body in step["bodies"]}
        if step["kind"] == "publicity":
            frozen["min_days"] = rules["publicity.min_days"]["value"]
        steps.append(frozen)
    return {"steps": steps, "major_matter": rules["major_matter"]["value"]}


async def start(tx, principal: Principal, request: pb.StartProcedureRequest) -> pb.Procedure:
    village_id = common.village_writer(principal, request.village_id)
    if not request.title.strip():
        raise InvalidArgument("事项标题不能为空", "title is required", field="title")
    if request.amount_fen < 0:
        raise InvalidArgument("金额不能为负", "amount_fen cannot be negative", field="amount_fen")
    template = await template_in_force(tx.session, request.template_code, village_id[:6])
    rules = await common.rules_for(tx.session, village_id)
    frozen = snapshot(template, rules)
    major = domain.is_major(request.amount_fen, request.category, frozen["major_matter"])
    procedure_id, now = dbmod.new_id(), dbmod.utcnow()
    first = frozen["steps"][0]
    await tx.session.execute(procedures.insert().values(
        id=procedure_id, village_id=village_id, town_id=domain.town_of(village_id),
        template_code=template.code, template_version=template.version,
        template_name=template.name, title=request.title.strip(), category=request.category,
        amount_fen=request.amount_fen, major=major, description=request.description,
        state="in_progress", current_step=1, current_step_key=first["key"],
        snapshot_json=json.dumps(frozen, ensure_ascii=False), open_warnings=0, revision=0,
        stage_since=now, started_at=now, updated_at=now, started_by=principal.subject))
    await common.track_village(tx.session, village_id)
    await tx.audit(entity="procedure", entity_id=procedure_id, action="started",
                   to_state="in_progress", reason=request.title)
    tx.emit("procedures.procedure.started", events.ProcedureStarted(
        procedure_id=procedure_id, village_id=village_id, town_id=domain.town_of(village_id),
        kind=template.code, template_version=template.version, title=request.title,
        category=request.category, amount_fen=request.amount_fen, major=major))
    return await view(tx.session, procedure_id)


async def view(session, procedure_id: str) -> pb.Procedure:
    row = await common.load_procedure(session, None, procedure_id)
    return (await views_of(session, [row]))[0]


async def views_of(session, rows) -> list[pb.Procedure]:
    ids = [row.id for row in rows]
    records: dict[str, dict[int, dict]] = {i: {} for i in ids}
    attempts: dict[str, list] = {i: [] for i in ids}
    if ids:
        for rec in (await session.execute(select(step_records).where(
                step_records.c.procedure_id.in_(ids)).order_by(
                step_records.c.recorded_at, step_records.c.number,
                step_records.c.attempt))).all():
            records[rec.procedure_id][rec.number] = json.loads(rec.data_json)
            attempts[rec.procedure_id].append(rec)
        found = (await session.execute(select(warnings).where(
            warnings.c.procedure_id.in_(ids)).order_by(warnings.c.raised_at))).all()
    else:
        found = []
    return [procedure_proto(row, records[row.id], [w for w in found if w.procedure_id == row.id],
                            attempts[row.id]) for row in rows]


async def latest_record(session, procedure_id: str, number: int) -> dict | None:
    row = (await session.execute(select(step_records.c.data_json).where(
        step_records.c.procedure_id == procedure_id, step_records.c.number == number)
        .order_by(step_records.c.attempt.desc()).limit(1))).first()
    return json.loads(row.data_json) if row else None


async def record_step(tx, principal: Principal, request: pb.RecordStepRequest) -> pb.Procedure:
    principal.require_writer()
    principal.require_role(*common.VILLAGE_ROLES)
    row = await common.load_procedure(tx.session, principal, request.procedure_id)
    frozen = json.loads(row.snapshot_json)
    steps = frozen["steps"]
    domain.check_step_number(row.state, row.current_step, request.number, len(steps))
    step, number = steps[request.number - 1], request.number
    attempt = (await tx.session.scalar(select(func.count()).select_from(step_records).where(
        step_records.c.procedure_id == row.id, step_records.c.number == number)) or 0) + 1
    record, found = _evaluate(step, request, common.today())
    record.update(attempt=attempt, recorded_by=principal.subject,
                  recorded_at=dbmod.utcnow().isoformat())
    previous = await latest_record(tx.session, row.id, number - 1) if number > 1 else None
    when, before = domain.step_date(record), previous and domain.step_date(previous)
    if before and when and when < before:
        found.append((domain.STEP_OUT_OF_ORDER,
                      f"第{number}步“{step['name']}”日期{when}早于上一步日期{before}，程序倒置",
                      f"Step {number} is dated {when}, before the previous step ({before})"))
    state, current = _next_state(record["passed"], number, len(steps))
    now = dbmod.utcnow()
    values = dict(state=state, current_step=current, updated_at=now, revision=row.revision + 1,
                  current_step_key=steps[current - 1]["key"] if current else "")
    if record["passed"]:
        values["stage_since"] = now
    moved = await tx.session.execute(update(procedures).where(
        procedures.c.id == row.id, procedures.c.revision == row.revision).values(**values))
    if moved.rowcount != 1:
        raise Conflict("该程序正被他人同时登记，请刷新后重试",
                       "The procedure changed meanwhile; reload and retry", code="CONCURRENT_UPDATE")
    # After the guarded update: a concurrent twin has already been turned away above.
    await tx.session.execute(step_records.insert().values(
        id=dbmod.new_id(), procedure_id=row.id, number=number, attempt=attempt,
        passed=record["passed"], data_json=json.dumps(record, ensure_ascii=False),
        recorded_at=dbmod.utcnow(), recorded_by=principal.subject))
    for kind, zh, en in found:
        await common.raise_warning(tx, kind=kind, village_id=row.village_id, detail_zh=zh,
                                   detail_en=en, procedure=row, step_number=number,
                                   amount_fen=row.amount_fen,
                                   dedupe_key=f"{kind}:{row.id}:{number}:{attempt}")
    if record["passed"]:
        await common.resolve_warnings(tx, and_(
            warnings.c.procedure_id == row.id, warnings.c.kind.in_(
                [domain.PUBLICITY_TOO_SHORT, domain.PROCEDURE_STALLED]),
            warnings.c.step_number <= number), f"第{number}步已依规完成")
    await _announce(tx, row, step, number, record, state)
    if step["kind"] == "publicity" and record["passed"]:
        from services.procedures.service.disclosures import publish_from_publicity
        await publish_from_publicity(tx, row, step, record)
    return await view(tx.session, row.id)


def _next_state(passed: bool, number: int, total: int) -> tuple[str, int]:
    if not passed:
        return "blocked", number
    if number == total:
        return "completed", 0
    return "in_progress", number + 1


def _evaluate(step: dict, r: pb.RecordStepRequest, today) -> tuple[dict, list[tuple[str, str, str]]]:
    """The stored record of one attempt and the warnings it reveals."""
    record = {"minutes": r.minutes, "attachments": list(r.attachments)}
    found: list[tuple[str, str, str]] = []
    if step["kind"] == "publicity":
        if not r.channel.strip():
            raise InvalidArgument("须登记公开渠道（如村务公开栏、微信群）", "channel is required",
                                  field="channel")
        start = domain.parse_date(r.start_on, "start_on")
        end = domain.parse_date(r.end_on, "end_on")
        domain.check_not_future(start, today, "start_on")
        if end < start:
            raise InvalidArgument("公示结束日期不能早于开始日期", "end_on is before start_on",
                                  field="end_on")
        days = domain.publicity_days(start, end)
        passed = days >= step["min_days"]
        record.update(channel=r.channel, start_on=start.isoformat(), end_on=end.isoformat(),
                      days=days, passed=passed, quorum_met=True,
                      result_zh=f"公示{days}天" + ("" if passed else f"，少于规定的{step['min_days']}天"),
                      result_en=f"Publicity of {days} days (minimum {step['min_days']})")
        if not passed:
            found.append((domain.PUBLICITY_TOO_SHORT,
                          f"“{step['name']}”公示{days}天，少于规定的{step['min_days']}天",
                          f"Publicity of {days} days, under the {step['min_days']}-day minimum"))
        return record, found
    held = domain.parse_date(r.held_on, "held_on")
    domain.check_not_future(held, today, "held_on")
    record["held_on"] = held.isoformat()
    if step["kind"] == "record":
        record.update(passed=True, quorum_met=True, result_zh="已登记", result_en="Recorded")
        return record, found
    return _evaluate_meeting(step, r, held, record, found)


def _evaluate_meeting(step, r, held, record, found):
    body = r.body or step["bodies"][0]
    if body not in step["bodies"]:
        raise InvalidArgument(f"该步骤的议事主体应为{'/'.join(step['bodies'])}",
                              f"body must be one of {', '.join(step['bodies'])}", field="body")
    rules = step["rules"][body]
    meeting = domain.Meeting(body_size=r.body_size, present=r.present, votes_for=r.votes_for,
                             votes_against=r.votes_against, abstentions=r.abstentions,
                             basis=r.basis)
    outcome = domain.evaluate(meeting, rules["quorum"], rules["pass"])
    if r.declared_result not in ("", "passed", "failed"):
        raise InvalidArgument("declared_result应为passed或failed", "declared_result must be "
                              "passed or failed", field="declared_result")
    record.update(body=body, basis=r.basis or rules["quorum"][0]["basis"],
                  body_size=r.body_size, present=r.present, votes_for=r.votes_for,
                  votes_against=r.votes_against, abstentions=r.abstentions,
                  declared_result=r.declared_result, quorum_met=outcome.quorum_met,
                  passed=outcome.passed, result_zh=outcome.reason_zh, result_en=outcome.reason_en)
    if r.declared_result == "passed" and not outcome.passed:
        found.append((domain.QUORUM_MISREPORTED,
                      f"“{step['name']}”报为通过，但按法定规则应为未通过（{outcome.reason_zh}）",
                      f"Reported as passed but fails the legal rule: {outcome.reason_en}"))
    if rules["notice_days"]:
        notified = domain.parse_date(r.notified_on, "notified_on")
        record["notified_on"] = notified.isoformat()
        if (held - notified).days < rules["notice_days"]:
            found.append((domain.NOTICE_TOO_SHORT,
                          f"会议提前{(held - notified).days}天通知，少于规定的{rules['notice_days']}天",
                          f"Notice of {(held - notified).days} days, under {rules['notice_days']}"))
    return record, found


async def _announce(tx, row, step, number, record, state) -> None:
    outcome = dict(procedure_id=row.id, village_id=row.village_id, town_id=row.town_id,
                   kind=row.template_code, step_number=number, step_key=step["key"],
                   attempt=record["attempt"], quorum_met=record["quorum_met"],
                   passed=record["passed"], body_size=record.get("body_size", 0),
                   present=record.get("present", 0), votes_for=record.get("votes_for", 0),
                   votes_against=record.get("votes_against", 0),
                   abstentions=record.get("abstentions", 0), amount_fen=row.amount_fen,
                   reason=record["result_zh"])
    tx.emit("procedures.step.recorded", events.StepOutcome(**outcome))
    verdict = "passed" if record["passed"] else "failed"
    tx.emit(f"procedures.step.{verdict}", events.StepOutcome(**outcome))
    await tx.audit(entity="procedure", entity_id=row.id, action=f"step_{verdict}",
                   from_state=row.state, to_state=state,
                   reason=f"{number}:{step['key']}:{record['result_zh']}")
    if state == "completed":
        tx.emit("procedures.procedure.completed", events.ProcedureCompleted(
            procedure_id=row.id, village_id=row.village_id, town_id=row.town_id,
            kind=row.template_code, title=row.title, amount_fen=row.amount_fen, major=row.major))
