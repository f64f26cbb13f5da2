// A petition's 延期 (request, the superior's decision) and 矛盾纠纷调解 sessions: actions and lists.
import { h, field, badge, formatTime, emptyRow } from "../dom.js";
import { EXTENSION_STATUS, MEDIATION_OUTCOMES, label } from "../i18n.js";
import { orgName } from "../session.js";
import { kv, textArea, textInput, select } from "../components.js";

export const pendingExtension = (p) => (p.extensions || []).find((e) => e.status === "pending");

/** Whether the API lists `action` among what the logged-in person may do on `p` now (the service's rules). */
export const allows = (p, action) => (p.allowed_actions || []).includes(action);

/** Who decides an extension: the handler's superior (the village's town leaders, the county admin above). */
export const decides = (p) => allows(p, "decide_extension");

const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
const names = (text) => text.split(/[\n,，、;；]+/).map((s) => s.trim()).filter(Boolean);

/** The buttons for extensions and mediation, from what the API allows (`petition.allowed_actions`). */
export function addExtraActions(p, add, act) {
  const pending = pendingExtension(p);
  if (allows(p, "request_extension")) {
    add({ id: "request-extension", text: "申请延期", fields: [
      field("延期天数（1—30，按原时限的计算方式）", textInput("days", { type: "number", min: 1, max: 30, required: true, value: 5 })),
      field("延期理由", textArea("reason", { required: true, maxlength: 1000 }), "提交后办理计时暂停，待上级审批")],
    submit: (d) => act("extension-requests", { days: Number(d.days), reason: d.reason }), success: "延期申请已提交，计时暂停" });
  }
  if (pending && decides(p)) {
    add({ id: "decide-extension", text: "审批延期", kind: "primary", fields: [
      field("审批意见", select("approve", [["true", `批准延期 ${pending.days} 天`], ["false", "不批准（计时恢复，原时限不变）"]])),
      field("说明（可空）", textArea("reason", { maxlength: 1000 }))],
    submit: (d) => act("extension-decision", { approve: d.approve === "true", reason: d.reason || undefined }),
    success: "延期申请已审批" });
  }
  if (allows(p, "add_mediation_session")) {
    add({ id: "mediate", text: "记录调解", fields: [
      field("调解日期", textInput("held_on", { type: "date", required: true, value: today(), max: today() })),
      field("调解员", textArea("mediators", { required: true, rows: 2, maxlength: 1000 }), "每行一人，或用顿号分隔"),
      field("当事人（至少两方）", textArea("parties", { required: true, rows: 2, maxlength: 2500 }), "每行一方，或用顿号分隔"),
      field("调解结果", select("outcome", Object.entries(MEDIATION_OUTCOMES))),
      field("调解情况（可空）", textArea("note", { maxlength: 5000 })),
      h("div", { class: "checks field" }, h("label", {}, h("input", { type: "checkbox", name: "expert_requested", value: "yes" }), "申请专家支持")),
      field("专家领域（可空）", textInput("expert_field", { maxlength: 100, placeholder: "如：法律、水利、土地" }))],
    submit: (d) => {
      const body = { held_on: d.held_on, mediators: names(d.mediators), parties: names(d.parties), outcome: d.outcome,
        note: d.note || undefined, expert_requested: d.expert_requested.length > 0, expert_field: d.expert_field || undefined };
      if (body.parties.length < 2) return Promise.reject(new Error("请至少填写两方当事人"));
      return act("mediation-sessions", body);
    },
    success: "调解记录已保存" });
  }
}

/** 延期申请 of the petition, oldest first. */
export function extensionsCard(p) {
  const items = p.extensions || [];
  if (!items.length) return null;
  return h("section", { class: "card", id: "petition-extensions" }, h("h2", {}, "延期申请"),
    h("ul", { class: "list" }, items.map((e) => h("li", { dataset: { status: e.status } },
      h("div", {}, badge(label(EXTENSION_STATUS, e.status), e.status === "approved" ? "green" : e.status === "pending" ? "orange" : ""),
        ` 延期 ${e.days} 天 · ${orgName(e.requested_org_id)} · ${formatTime(e.requested_at)}`),
      h("div", {}, `理由：${e.reason}`),
      e.decided_at ? h("div", { class: "meta" }, `审批：${formatTime(e.decided_at)}${e.decision_reason ? ` · ${e.decision_reason}` : ""}`) : null))));
}

/** 矛盾纠纷调解 sessions of a dispute. */
export function mediationCard(p) {
  if (p.kind !== "dispute") return null;
  const sessions = p.mediation_sessions || [];
  return h("section", { class: "card", id: "mediation-sessions" }, h("h2", {}, "矛盾纠纷调解"),
    sessions.length ? h("ol", { class: "list" }, sessions.map((s) => h("li", { dataset: { outcome: s.outcome } },
      h("div", {}, h("strong", {}, s.held_on), " ", badge(label(MEDIATION_OUTCOMES, s.outcome), s.outcome === "agreement" ? "green" : "")),
      kv([["调解员", s.mediators.join("、")], ["当事人", s.parties.join("、")],
        s.note ? ["调解情况", s.note] : null,
        s.expert_requested ? ["专家支持", `已申请：${s.expert_field || "未指明领域"}`] : null])))) : emptyRow("暂无调解记录"));
}
