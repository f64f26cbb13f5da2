// Assignments (派单): inboxes, sign and allocate, progress with photos, acceptance, 催办, timeline.
import * as api from "../api.js";
import { h, clear, badge, formatTime, emptyRow } from "../dom.js";
import { ASSIGNMENT_STATES, BURDEN, label } from "../i18n.js";
import { session, homeOrgId, orgName, hasPosition, isTownRole } from "../session.js";
import { kv, actionButton, timeline, textArea, textInput, select } from "../components.js";

const ACTIVE = new Set(["signed", "allocated", "in_progress", "sent_back"]);

function assignmentList(items, empty = "暂无派单") {
  if (!items.length) return emptyRow(empty);
  return h("ul", { class: "list", id: "assignment-list" }, items.map((a) => h("li", { dataset: { id: a.id } },
    h("a", { class: "title", href: `#/assignment/${a.id}` }, a.task_title || "派单"),
    h("div", { class: "meta" },
      badge(label(ASSIGNMENT_STATES, a.state), a.state === "accepted" ? "green" : a.state === "pending" ? "orange" : ""),
      a.overdue ? badge("超期", "red") : null, a.urge_count ? badge(`催办 ${a.urge_count} 次`, "red") : null,
      h("span", {}, orgName(a.village_id)), h("span", {}, `进度 ${a.percent ?? 0}%`),
      h("span", {}, `截止 ${formatTime(a.deadline)}`)))));
}

export async function renderInbox(view) {
  const items = await api.listAll("/assignments", "assignments", { view: "inbox" });
  const hint = hasPosition("village_secretary") ? "新派单请先签收，再分派给村干部或网格员" : "分派给我的任务：报告进展并提交办结";
  clear(view, h("h1", {}, "待办派单"), h("p", { class: "muted" }, hint), assignmentList(items, "没有待办的派单"));
}

export async function renderAcceptance(view) {
  const scope = session.me.position === "admin" ? {} : { town_id: homeOrgId() };
  const items = await api.listAll("/assignments", "assignments", { ...scope, state: "submitted" });
  clear(view, h("h1", {}, "待验收"), h("p", { class: "muted" }, "村社已提交办结的派单：验收评分或退回重办"),
    assignmentList(items, "没有待验收的派单"));
}

export async function renderOverdue(view) {
  const scope = session.me.position === "admin" ? {} : { town_id: homeOrgId() };
  const items = await api.listAll("/assignments", "assignments", { ...scope, view: "overdue" });
  clear(view, h("h1", {}, "超期提醒"), h("p", { class: "muted" }, "已超过截止时间仍未验收的派单，可在详情页在线催办"),
    assignmentList(items, "没有超期的派单"));
}

async function allocateFields(villageId) {
  const people = await api.listAll("/people", "people", { org_id: villageId });
  const workers = people.filter((p) => ["village_cadre", "grid_worker", "village_secretary"].includes(p.position));
  return [
    h("fieldset", { class: "field" }, h("legend", { class: "label" }, "承办人（可多选）"),
      h("div", { class: "checks", id: "assignees" }, workers.map((p) => h("label", {},
        h("input", { type: "checkbox", name: "assignee_ids", value: p.id, dataset: { username: p.username } }),
        `${p.name}（${p.position_name || p.position}）`)))),
    h("label", { class: "field" }, h("span", { class: "label" }, "分派说明"), textArea("note", { maxlength: 2000 })),
  ];
}

export async function renderAssignment(view, { id }) {
  const a = await api.get(`/assignments/${id}`);
  const bar = h("div", { class: "actions", id: "assignment-actions" });
  const slot = h("div", {});
  const done = () => renderAssignment(view, { id });
  const act = (action, body) => api.post(`/assignments/${id}/${action}`, body);
  const note = (text, required = false) => h("label", { class: "field" }, h("span", { class: "label" }, text),
    textArea("note", { maxlength: 2000, required }));
  const secretary = hasPosition("village_secretary");
  const worker = hasPosition("village_secretary", "village_cadre", "grid_worker");
  if (a.state === "pending" && secretary) {
    actionButton(bar, slot, { id: "sign", text: "签收", kind: "primary", submit: () => act("sign", {}), done, success: "已签收" });
  }
  if (["signed", "allocated", "in_progress", "sent_back"].includes(a.state) && secretary) {
    const fields = await allocateFields(a.village_id);
    actionButton(bar, slot, { id: "allocate", text: "分派", kind: a.state === "signed" ? "primary" : "", fields,
      submit: (d) => act("allocate", { assignee_ids: d.assignee_ids, note: d.note || undefined }), done, success: "已分派" });
  }
  if (ACTIVE.has(a.state) && a.state !== "signed" && worker) {
    actionButton(bar, slot, { id: "progress", text: "报告进展", kind: "primary", fields: [
      h("label", { class: "field" }, h("span", { class: "label" }, "进展情况"), textArea("text", { required: true, maxlength: 2000 })),
      h("label", { class: "field" }, h("span", { class: "label" }, "完成进度（%）"), textInput("percent", { type: "number", min: 0, max: 100, required: true, value: a.percent || 0 })),
      h("label", { class: "field" }, h("span", { class: "label" }, "现场照片（可空）"), textInput("photo_files", { type: "file", accept: "image/jpeg,image/png,image/webp", multiple: true, capture: "environment" }))],
      submit: async (d) => act("progress", { text: d.text, percent: Number(d.percent), photo_urls: await api.uploadPhotos(d.photo_files.slice(0, 20)) }),
      done, success: "进展已报告" });
    actionButton(bar, slot, { id: "submit-assignment", text: "提交办结", fields: [note("办结说明")],
      submit: (d) => act("submit", d.note ? { note: d.note } : {}), done, success: "已提交，等待镇里验收" });
  }
  if (a.state === "submitted" && isTownRole()) {
    actionButton(bar, slot, { id: "accept", text: "验收评分", kind: "primary", fields: [
      h("label", { class: "field" }, h("span", { class: "label" }, "质量评分（0–100）"), textInput("quality", { type: "number", min: 0, max: 100, required: true, value: 90 })),
      h("label", { class: "field" }, h("span", { class: "label" }, "验收意见"), textArea("comment", { maxlength: 2000 }))],
      submit: (d) => act("accept", { quality: Number(d.quality), comment: d.comment || undefined }), done, success: "已验收" });
    actionButton(bar, slot, { id: "send-back", text: "退回重办", kind: "danger", fields: [note("退回理由（必填）", true)],
      submit: (d) => act("send-back", { note: d.note }), done, success: "已退回重办" });
  }
  if (a.state === "accepted" && !a.rated && secretary) {
    actionButton(bar, slot, { id: "rate", text: "评价任务", fields: [
      h("label", { class: "field" }, h("span", { class: "label" }, "任务是否合理"), select("reasonable", [["true", "合理"], ["false", "不合理"]])),
      h("label", { class: "field" }, h("span", { class: "label" }, "负担轻重"), select("burden", Object.entries(BURDEN))),
      h("label", { class: "field" }, h("span", { class: "label" }, "意见"), textArea("comment", { maxlength: 2000 }))],
      submit: (d) => act("rate", { reasonable: d.reasonable === "true", burden: d.burden, comment: d.comment || undefined }),
      done, success: "评价已提交" });
  }
  if (a.state !== "accepted" && isTownRole()) {
    actionButton(bar, slot, { id: "urge", text: "催办", kind: "danger", fields: [note("催办说明（必填）", true)],
      submit: (d) => act("urge", { note: d.note }), done, success: "已催办" });
  }
  clear(view,
    h("h1", {}, a.task_title || "派单"),
    h("section", { class: "card" },
      kv([["状态", h("span", { id: "assignment-state" }, label(ASSIGNMENT_STATES, a.state))], ["村社", orgName(a.village_id)],
        ["进度", `${a.percent ?? 0}%`], ["截止", formatTime(a.deadline)],
        ["超期", a.overdue ? h("span", { class: "badge red" }, "已超期") : "否"], ["催办", `${a.urge_count || 0} 次`],
        ["分值", String(a.points ?? "—")], a.quality !== undefined && a.quality !== null ? ["质量 / 得分", `${a.quality} / ${a.points_earned}`] : null,
        ["任务", h("a", { href: `#/task/${a.task_id}` }, "查看任务")]]),
      bar, slot),
    h("section", { class: "card" }, h("h2", {}, "办理时间线"), timeline(a.timeline, "assignment-timeline")));
}
