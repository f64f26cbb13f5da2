"""Rows and snapshots turned into protos, with the guidance for the next step."""
from __future__ import annotations

import datetime as dt
import json

from google.protobuf.timestamp_pb2 import Timestamp

from services.procedures.legal import BODIES
from shared import db as dbmod
from zhili.procedures.v1 import procedures_pb2 as pb

RECORD_FIELDS = ("attempt", "body", "basis", "held_on", "notified_on", "body_size", "present",
                 "votes_for", "votes_against", "abstentions", "minutes", "attachments",
                 "declared_result", "quorum_met", "passed", "result_zh", "result_en", "channel",
                 "start_on", "end_on", "days", "recorded_by")


def ts(value) -> Timestamp | None:
    if value is None:
        return None
    stamp = Timestamp()
    stamp.FromDatetime(dbmod.as_utc(value))
    return stamp


def template_proto(row) -> pb.Template:
    return pb.Template(code=row.code, version=row.version, name=row.name,
                       description=row.description, county_id=row.county_id,
                       steps=[template_step(s) for s in json.loads(row.steps_json)],
                       created_at=ts(row.created_at), created_by=row.created_by)


def template_step(step: dict) -> pb.TemplateStep:
    body = step["bodies"][0] if step["bodies"] else ""
    return pb.TemplateStep(key=step["key"], name=step["name"], kind=step["kind"],
                           bodies=step["bodies"], decisive=step.get("decisive", False),
                           max_days=step.get("max_days", 0),
                           quorum_rule=f"quorum.{body}" if body else "",
                           pass_rule=f"pass.{body}" if body else "")


def warning_proto(row) -> pb.Warning:
    return pb.Warning(id=row.id, kind=row.kind, status=row.status,
                      procedure_id=row.procedure_id or "", village_id=row.village_id,
                      town_id=row.town_id, step_number=row.step_number, detail_zh=row.detail_zh,
                      detail_en=row.detail_en, amount_fen=row.amount_fen,
                      raised_at=ts(row.raised_at), resolved_at=ts(row.resolved_at),
                      disclosure_category=row.category, period=row.period,
                      resolution=row.resolution, resolved_by=row.resolved_by,
                      resolution_note=row.resolution_note, history=warning_history(row))


def warning_history(row) -> list[pb.WarningEntry]:
    """Raised by the service's computation; resolved by the facts or by a person, with why."""
    history = [pb.WarningEntry(action="raised", at=ts(row.raised_at), by="system",
                               note=row.detail_zh)]
    if row.status == "resolved":
        history.append(pb.WarningEntry(action="resolved", at=ts(row.resolved_at),
                                       by=row.resolved_by or "system", note=row.resolution_note))
    return history


def timeline(row, attempts) -> list[pb.TimelineEntry]:
    """What happened to a procedure, oldest first: start, every attempt at a step, its end."""
    entries = [pb.TimelineEntry(at=ts(row.started_at), action="started", by=row.started_by,
                                note=row.title)]
    for rec in attempts:
        data = json.loads(rec.data_json)
        entries.append(pb.TimelineEntry(
            at=ts(rec.recorded_at), action="step_passed" if rec.passed else "step_failed",
            step_number=rec.number, by=rec.recorded_by, note=data.get("result_zh", "")))
    if row.state == "completed":
        entries.append(pb.TimelineEntry(at=ts(row.updated_at), action="completed",
                                        note="程序已全部完成"))
    if row.state == "abandoned":
        entries.append(pb.TimelineEntry(at=ts(row.abandoned_at), action="abandoned",
                                        step_number=row.current_step, by=row.abandoned_by,
                                        note=row.abandon_reason))
    return entries


def _texts(step: dict) -> tuple[str, str]:
    if step["kind"] == "publicity":
        return "", f"公示不少于{step['min_days']}天"
    if step["kind"] == "record":
        return "", "登记即完成"
    quorum, passing = [], []
    for body in step["bodies"]:
        rule = step["rules"][body]
        quorum.append(f"{BODIES[body][0]}：" + "或".join(q["label"] for q in rule["quorum"]))
        passing.append(f"{BODIES[body][0]}：{rule['pass']['label']}")
    return "；".join(quorum), "；".join(passing)


def procedure_proto(row, records: dict[int, dict], warning_rows, attempts=()) -> pb.Procedure:
    snapshot = json.loads(row.snapshot_json)
    steps = []
    for number, step in enumerate(snapshot["steps"], start=1):
        quorum_text, pass_text = _texts(step)
        record = records.get(number)
        status = "pending" if record is None else ("passed" if record["passed"] else "failed")
        proto = pb.ProcedureStep(number=number, key=step["key"], name=step["name"],
                                 kind=step["kind"], bodies=step["bodies"],
                                 quorum_text=quorum_text, pass_text=pass_text,
                                 min_days=step.get("min_days", 0), status=status)
        if record is not None:
            proto.record.CopyFrom(pb.StepRecord(
                **{k: record[k] for k in RECORD_FIELDS if k in record},
                recorded_at=ts(dt.datetime.fromisoformat(record["recorded_at"]))))
        steps.append(proto)
    guide_zh, guide_en = guidance(row.state, row.current_step, snapshot["steps"], records,
                                  row.abandon_reason)
    return pb.Procedure(
        id=row.id, village_id=row.village_id, town_id=row.town_id,
        template_code=row.template_code, template_version=row.template_version,
        template_name=row.template_name, title=row.title, category=row.category,
        amount_fen=row.amount_fen, major=row.major, description=row.description,
        state=row.state, current_step=row.current_step, current_step_key=row.current_step_key,
        guidance_zh=guide_zh, guidance_en=guide_en, steps=steps,
        warnings=[warning_proto(w) for w in warning_rows], open_warnings=row.open_warnings,
        started_at=ts(row.started_at), updated_at=ts(row.updated_at), started_by=row.started_by,
        timeline=timeline(row, attempts), abandon_reason=row.abandon_reason,
        abandoned_at=ts(row.abandoned_at), abandoned_by=row.abandoned_by)


def guidance(state: str, current: int, steps: list[dict], records: dict[int, dict],
             abandon_reason: str = ""):
    """What the village should do next, in words (按照指引逐步操作)."""
    if state == "completed":
        return "程序已全部完成并留痕", "All steps are done and recorded"
    if state == "abandoned":
        return (f"程序已于第{current}步撤回终止（{abandon_reason}），不再继续",
                f"Abandoned at step {current}: {abandon_reason}")
    step = steps[current - 1]
    if state == "blocked":
        reason = records[current].get("result_zh", "")
        return (f"第{current}步“{step['name']}”未通过（{reason}），须重新履行该步骤后才能继续",
                f"Step {current} ({step['key']}) failed; redo it before going on")
    if step["kind"] == "publicity":
        return (f"下一步：第{current}步“{step['name']}”，登记公开渠道与起止日期，"
                f"公示不少于{step['min_days']}天",
                f"Next: step {current} ({step['key']}), publicity of at least {step['min_days']} days")
    if step["kind"] == "record":
        return (f"下一步：第{current}步“{step['name']}”，登记日期与内容",
                f"Next: step {current} ({step['key']}): record the date and content")
    quorum_text, pass_text = _texts(step)
    return (f"下一步：第{current}步“{step['name']}”。{quorum_text}；{pass_text}",
            f"Next: step {current} ({step['key']}), a meeting of {'/'.join(step['bodies'])}")


def disclosure_proto(row) -> pb.Disclosure:
    return pb.Disclosure(id=row.id, village_id=row.village_id, town_id=row.town_id,
                         category=row.category, kind=row.kind, period=row.period, title=row.title,
                         content=row.content, channel=row.channel,
                         published_on=row.published_on.isoformat(),
                         attachments=json.loads(row.attachments_json),
                         procedure_id=row.procedure_id, published_at=ts(row.published_at))
