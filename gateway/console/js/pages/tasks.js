// Top-down work of the town: draft a task with screening, review queue, task detail and progress.
import * as api from "../api.js";
import { h, clear, toast, busy, formData, field, badge, formatTime, emptyRow } from "../dom.js";
import { TASK_STATES, TASK_CATEGORIES, SCREENING, ASSIGNMENT_STATES, label } from "../i18n.js";
import { session, homeOrgId, orgName, villagesOf, hasPosition } from "../session.js";
import { kv, actionButton, tabs, textArea, textInput, select } from "../components.js";

function endOfDay(date) { return date ? new Date(`${date}T23:59:59+08:00`).toISOString() : undefined; }

function screeningBox(s, { onAdopt } = {}) {
  if (!s) return null;
  const suggestions = s.suggestions || (s.suggested_codes || []).map((code) => ({ code }));
  return h("div", { class: `screening ${s.decision}`, id: "screening-result" },
    h("strong", {}, `过筛结果：${label(SCREENING, s.decision)}`),
    s.matter_code ? h("div", {}, `对应事项：${s.matter_code}`) : null,
    s.reasons?.length ? h("ul", {}, s.reasons.map((r) => h("li", { dataset: { code: r.code } }, r.detail || r.code))) : null,
    suggestions.length ? h("div", { id: "suggestions" }, h("span", { class: "muted" }, "建议事项："),
      suggestions.map((sg) => h("span", { class: "suggestion" }, badge(`${sg.code}${sg.name ? " " + sg.name : ""}`),
        onAdopt ? h("button", { type: "button", class: "link", onclick: () => onAdopt(sg.code) }, "采用") : null))) : null,
    s.town_matches?.length ? h("div", { class: "muted" }, `涉镇事项：${s.town_matches.map((m) => `${m.name}（${m.department}）`).join("；")}`) : null,
    s.negative_matches?.length ? h("div", {}, `负面清单：${s.negative_matches.map((m) => `${m.name} → ${m.redirect}`).join("；")}`) : null,
    s.duplicates?.length ? h("div", {}, `疑似重复：${s.duplicates.map((d) => `${d.title}（相似度 ${(d.similarity * 100).toFixed(0)}%）`).join("；")}`) : null);
}

export async function renderDraft(view) {
  const town = homeOrgId();
  const villages = villagesOf(town);
  const result = h("div", { id: "prescreen" });
  const form = h("form", { class: "card", id: "draft-form" },
    field("任务标题", textInput("title", { required: true, maxlength: 200 })),
    field("任务内容", textArea("description", { maxlength: 5000 }), "写清要求和完成标准，过筛会据此匹配准入清单"),
    field("任务类别", select("category", Object.entries(TASK_CATEGORIES).reverse())),
    field("紧急程度", select("urgency", [["normal", "一般"], ["emergency", "紧急（事后合规审查）"]])),
    field("事项编码（可空）", textInput("matter_code", { maxlength: 40, placeholder: "如 V-AGR-001，过筛时会给出建议" })),
    field("截止日期", textInput("deadline", { type: "date", required: true })),
    field("分值", textInput("points", { type: "number", min: 0, max: 1000, value: 10 })),
    h("fieldset", { class: "field" }, h("legend", { class: "label" }, "派往村社"),
      h("div", { class: "checks", id: "target-villages" }, villages.map((v) =>
        h("label", {}, h("input", { type: "checkbox", name: "target_village_ids", value: v.id }), v.name)))),
    result,
    h("div", { class: "actions" },
      h("button", { type: "button", id: "prescreen-button" }, "预过筛"),
      h("button", { type: "submit", class: "primary", id: "save-submit" }, "保存并提交过筛")));
  const draft = () => {
    const d = formData(form);
    return { title: d.title, description: d.description, category: d.category, urgency: d.urgency,
      matter_code: d.matter_code || undefined, deadline: endOfDay(d.deadline), points: Number(d.points || 0),
      target_village_ids: d.target_village_ids };
  };
  form.querySelector("#prescreen-button").addEventListener("click", async (event) => {
    const d = draft();
    if (!d.title || !d.target_village_ids.length) return toast("请先填写标题并选择村社", "error");
    const screening = await busy(event.target, () => api.post("/screenings", {
      title: d.title, description: d.description, matter_code: d.matter_code, urgency: d.urgency,
      target_org_ids: d.target_village_ids, deadline: d.deadline }));
    if (screening) clear(result, screeningBox(screening, { onAdopt: (code) => { form.matter_code.value = code; toast(`已采用 ${code}`); } }));
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const d = draft();
    if (!d.target_village_ids.length) return toast("请至少选择一个村社", "error");
    const button = form.querySelector("#save-submit");
    const task = await busy(button, () => api.post("/tasks", d));
    if (!task) return;
    const screened = await busy(button, () => api.post(`/tasks/${task.id}/submit`));
    if (screened) toast(screened.state === "screened" ? "已通过过筛，等待副书记审核" : "过筛未通过，请按原因修改");
    location.hash = `#/task/${task.id}`;
  });
  clear(view, h("h1", {}, "起草任务"), h("p", { class: "muted" }, "所有下派任务须对应准入清单事项；清单之外的任务会被驳回。"), form);
}

function taskList(tasks) {
  if (!tasks.length) return emptyRow("暂无任务");
  return h("ul", { class: "list", id: "task-list" }, tasks.map((t) => h("li", { dataset: { id: t.id } },
    h("a", { class: "title", href: `#/task/${t.id}` }, t.title),
    h("div", { class: "meta" }, badge(label(TASK_STATES, t.state), t.state === "screened" ? "orange" : t.state === "dispatched" ? "green" : ""),
      h("span", {}, label(TASK_CATEGORIES, t.category)),
      t.screening ? h("span", {}, `过筛：${label(SCREENING, t.screening.decision)}`) : null,
      h("span", {}, `截止 ${formatTime(t.deadline)}`), h("span", {}, `${t.target_village_ids.length} 个村社`)))));
}

export async function renderList(view, { params }) {
  const state = params.get("state") || "";
  const scope = session.me.position === "admin" ? {} : { town_id: homeOrgId() };
  const tasks = await api.listAll("/tasks", "tasks", { ...scope, state });
  clear(view, h("h1", {}, "任务列表"),
    tabs([["#/tasks", "全部"], ...Object.entries(TASK_STATES).map(([k, v]) => [`#/tasks?state=${k}`, v])],
      state ? `#/tasks?state=${state}` : "#/tasks"),
    taskList(tasks));
}

export async function renderReview(view) {
  const tasks = await api.listAll("/tasks", "tasks", { town_id: homeOrgId(), state: "screened" });
  clear(view, h("h1", {}, "审核队列"), h("p", { class: "muted" }, "已通过过筛、等待副书记审核的任务"), taskList(tasks));
}

export async function renderTask(view, { id }) {
  const task = await api.get(`/tasks/${id}`);
  const slot = h("div", {});
  const bar = h("div", { class: "actions", id: "task-actions" });
  const reload = () => renderTask(view, { id });
  const adopt = task.state === "draft" && hasPosition("town_leader", "admin") ? async (code) => {
    const body = { title: task.title, description: task.description || "", category: task.category,
      target_village_ids: task.target_village_ids, matter_code: code, deadline: task.deadline, points: task.points };
    if (await busy(null, () => api.patch(`/tasks/${id}`, body), `已采用 ${code}，请重新提交过筛`)) reload();
  } : null;
  if (task.state === "draft" && hasPosition("town_leader", "admin")) {
    actionButton(bar, slot, { id: "submit-task", text: "提交过筛", kind: "primary",
      submit: () => api.post(`/tasks/${id}/submit`), done: reload, success: "已提交过筛" });
  }
  if (task.state === "screened" && hasPosition("deputy_secretary", "admin")) {
    const decision = task.category === "major" ? [
      h("p", { class: "muted" }, "重大任务须附集体决策记录"),
      h("label", { class: "field" }, h("span", { class: "label" }, "会议"), textInput("meeting", { value: "镇党委会议", required: true })),
      h("label", { class: "field" }, h("span", { class: "label" }, "决策日期"), textInput("decided_on", { type: "date", required: true }))] : [];
    actionButton(bar, slot, { id: "approve-task", text: "审核通过并派发", kind: "primary",
      fields: [h("label", { class: "field" }, h("span", { class: "label" }, "审核意见"), textArea("comment", { maxlength: 2000 })), ...decision],
      submit: (d) => api.post(`/tasks/${id}/approve`, { comment: d.comment || undefined,
        collective_decision: d.meeting ? { meeting: d.meeting, decided_on: d.decided_on } : undefined }),
      done: reload, success: "已派发到各村社" });
    for (const [action, text] of [["return", "退回修改"], ["reject", "驳回"]]) {
      actionButton(bar, slot, { id: `${action}-task`, text, kind: "danger",
        fields: [h("label", { class: "field" }, h("span", { class: "label" }, "意见（必填）"), textArea("comment", { required: true }))],
        submit: (d) => api.post(`/tasks/${id}/${action}`, { comment: d.comment }), done: reload, success: `已${text}` });
    }
  }
  const progress = task.progress || [];
  clear(view,
    h("h1", {}, task.title),
    h("section", { class: "card" },
      kv([["状态", h("span", { id: "task-state" }, label(TASK_STATES, task.state))], ["类别", label(TASK_CATEGORIES, task.category)],
        ["事项编码", task.matter_code || "—"], ["截止", formatTime(task.deadline)], ["分值", String(task.points ?? "—")],
        ["派往", task.target_village_ids.map(orgName).join("、")], ["内容", task.description || "—"],
        task.review_comment ? ["审核意见", task.review_comment] : null]),
      screeningBox(task.screening, { onAdopt: adopt }), bar, slot),
    h("section", { class: "card", id: "task-progress" }, h("h2", {}, "各村办理进度"),
      progress.length ? h("div", { class: "table-wrap" }, h("table", {},
        h("thead", {}, h("tr", {}, ["村社", "状态", "进度", "超期", "质量", "得分"].map((t) => h("th", {}, t)))),
        h("tbody", {}, progress.map((p) => h("tr", { dataset: { village: p.village_id } },
          h("td", {}, h("a", { href: `#/assignment/${p.assignment_id}` }, orgName(p.village_id))),
          h("td", {}, label(ASSIGNMENT_STATES, p.state)), h("td", {}, `${p.percent ?? 0}%`),
          h("td", { class: p.overdue ? "alert" : "" }, p.overdue ? "超期" : "—"),
          h("td", {}, p.quality ?? "—"), h("td", {}, p.points_earned ?? "—"))))))
        : emptyRow("尚未派发")));
}
