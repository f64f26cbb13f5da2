// A village runs its decision procedures (启动, 逐步登记, 撤回终止) and publishes 三务公开; others read.
import * as api from "../api.js";
import { h, clear, toast, busy, formData, field, badge, emptyRow } from "../dom.js";
import { BODIES, DISCLOSURE_CATEGORIES, DISCLOSURE_KINDS, MAJOR_CATEGORIES, QUORUM_BASES, STEP_KINDS, STEP_STATUS,
  label } from "../i18n.js";
import { session, homeOrgId, orgName, hasPosition } from "../session.js";
import { actionButton, timeline, tabs, textArea, textInput, select } from "../components.js";

const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
const addDays = (day, n) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
export const yuan = (fen) => `${(fen / 100).toLocaleString("zh-CN", { minimumFractionDigits: 2 })} 元`;

/** Who records for a village (the API's StartProcedure / RecordStep / PublishDisclosure writers). */
export const runsVillage = (villageId) => hasPosition("village_secretary", "village_cadre")
  && (!villageId || session.me.org_id === villageId);

/** The tabs of the 议事程序 pages: the lists by state and 三务公开. */
export function procedureTabs(current) {
  return tabs([["#/procedures", "全部"], ["#/procedures?state=in_progress", "进行中"], ["#/procedures?state=blocked", "受阻"],
    ["#/procedures?state=completed", "已完成"], ["#/procedures?with_warnings=true", "有预警"], ["#/disclosures", "三务公开"]], current);
}

// --- starting a procedure -------------------------------------------------------------------

export async function renderStart(view) {
  if (!runsVillage()) return clear(view, h("h1", {}, "启动议事程序"), emptyRow("议事程序由村社书记、村干部启动"));
  const templates = (await api.get("/procedure-templates")).templates;
  const preview = h("ol", { class: "steps-preview", id: "template-steps" });
  const about = h("p", { class: "muted", id: "template-about" });
  const show = (code) => {
    const t = templates.find((x) => x.code === code);
    about.textContent = t?.description || "";
    clear(preview, (t?.steps || []).map((s) => h("li", {}, `${s.name}（${label(STEP_KINDS, s.kind)}${s.decisive ? "，决策环节" : ""}）`)));
  };
  const picker = select("template_code", templates.map((t) => [t.code, `${t.name}（第 ${t.version} 版）`]), { required: true });
  picker.addEventListener("change", () => show(picker.value));
  const form = h("form", { class: "card", id: "procedure-form" },
    field("议事程序", picker), about, preview,
    field("事项名称", textInput("title", { required: true, maxlength: 200, placeholder: "如：村道路灯改造工程" })),
    field("事项类别", select("category", [["", "一般事项"], ...Object.entries(MAJOR_CATEGORIES)]),
      "《村民委员会组织法》第二十四条所列事项或金额5万元以上的，为重大事项"),
    field("涉及金额（元，可空）", textInput("amount", { type: "number", min: 0, step: "0.01", inputmode: "decimal" })),
    field("事项说明（可空）", textArea("description", { maxlength: 5000 })),
    h("div", { class: "actions" }, h("button", { type: "submit", class: "primary", id: "procedure-submit" }, "启动程序")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const d = formData(form);
    const body = { template_code: d.template_code, title: d.title, category: d.category || undefined,
      amount_fen: d.amount ? Math.round(Number(d.amount) * 100) : undefined, description: d.description || undefined };
    const started = await busy(form.querySelector("#procedure-submit"), () => api.post("/procedures", body), "议事程序已启动");
    if (started) location.hash = `#/procedure/${started.id}`;
  });
  show(picker.value);
  clear(view, h("h1", {}, "启动议事程序"),
    h("p", { class: "muted" }, "按模板逐步履行，系统按法定人数和表决规则计算每一步是否通过，并给出下一步指引。"), form);
}

// --- a procedure's steps, the form of its next step, its timeline ---------------------------

function recordSummary(r) {
  if (!r) return null;
  const parts = [r.held_on ? `${r.held_on}` : "", r.start_on ? `${r.start_on} 至 ${r.end_on}（${r.days} 天）` : "",
    r.body ? label(BODIES, r.body) : "", r.channel || "",
    r.body_size ? `应到 ${r.body_size}，实到 ${r.present}，赞成 ${r.votes_for}，反对 ${r.votes_against}，弃权 ${r.abstentions}` : ""];
  return [h("div", { class: "meta" }, parts.filter(Boolean).join(" · ")),
    h("div", { class: "result" }, `结果：${r.result_zh || "—"}`), r.minutes ? h("div", { class: "muted" }, r.minutes) : null];
}

export function stepsCard(p) {
  return h("section", { class: "card", id: "procedure-steps" }, h("h2", {}, "程序步骤"),
    h("ol", { class: "list steps" }, p.steps.map((s) => h("li", {
      dataset: { number: s.number, status: s.status }, class: s.number === p.current_step ? "current" : "" },
    h("div", {}, h("strong", {}, `第 ${s.number} 步 ${s.name}`), " ",
      badge(label(STEP_STATUS, s.status), s.status === "passed" ? "green" : s.status === "failed" ? "red" : ""),
      " ", h("span", { class: "muted" }, label(STEP_KINDS, s.kind))),
    s.status === "pending" && (s.quorum_text || s.pass_text)
      ? h("div", { class: "hint" }, [s.quorum_text, s.pass_text].filter(Boolean).join("；")) : null,
    recordSummary(s.status === "pending" ? null : s.record)))));
}

export function timelineCard(p) {
  const names = new Map(p.steps.map((s) => [s.number, s.name]));
  const entries = (p.timeline || []).map((e) => ({ action: e.action, at: e.at,
    note: e.step_number && e.action !== "abandoned" ? `第 ${e.step_number} 步 ${names.get(e.step_number) || ""}：${e.note}` : e.note }));
  return h("section", { class: "card" }, h("h2", {}, "程序全过程"), timeline(entries, "procedure-timeline"));
}

const number = (name, text) => field(text, textInput(name, { type: "number", min: 0, max: 100000, required: true, inputmode: "numeric" }));

function meetingFields(step) {
  const bases = (body) => (body === "villager_assembly" ? ["villagers", "households"] : ["members"]);
  const body = select("body", step.bodies.map((b) => [b, label(BODIES, b)]));
  const basis = select("basis", []);
  const notice = field("通知日期", textInput("notified_on", { type: "date", max: today() }), "召开村民会议应当提前十天通知村民");
  const sync = () => {
    clear(basis, bases(body.value).map((b) => h("option", { value: b }, label(QUORUM_BASES, b))));
    const needed = body.value === "villager_assembly";
    notice.hidden = !needed;
    notice.querySelector("input").required = needed;
  };
  body.addEventListener("change", sync);
  sync();
  return [field("议事主体", body), field("法定人数口径", basis),
    field("会议日期", textInput("held_on", { type: "date", required: true, value: today(), max: today() })), notice,
    h("div", { class: "numbers" }, number("body_size", "应到人数"), number("present", "实到人数"),
      number("votes_for", "赞成"), number("votes_against", "反对"), number("abstentions", "弃权")),
    field("会议纪要（可空）", textArea("minutes", { maxlength: 20000 }))];
}

function stepFields(step) {
  if (step.kind === "meeting") return meetingFields(step);
  if (step.kind === "publicity") {
    return [field("公开渠道", textInput("channel", { required: true, maxlength: 100, placeholder: "如：村务公开栏、村民微信群" })),
      field("公示开始", textInput("start_on", { type: "date", required: true, value: today(), max: today() })),
      field("公示结束", textInput("end_on", { type: "date", required: true, value: addDays(today(), Math.max(step.min_days, 1) - 1) }),
        `公示不少于 ${step.min_days} 天，首尾两天均计入；结束日期可以是计划日期`),
      field("公示内容（可空）", textArea("minutes", { maxlength: 20000 }))];
  }
  return [field("日期", textInput("held_on", { type: "date", required: true, value: today(), max: today() })),
    field("内容", textArea("minutes", { required: true, maxlength: 20000 }))];
}

const INTEGERS = ["body_size", "present", "votes_for", "votes_against", "abstentions"];

function stepBody(step, d) {
  const body = {};
  for (const [key, value] of Object.entries(d)) {
    if (value === "" || value === undefined) continue;
    body[key] = INTEGERS.includes(key) ? Number(value) : value;
  }
  if (step.kind === "meeting" && body.body !== "villager_assembly") delete body.notified_on;
  return body;
}

/** The village's buttons on its own procedure: record the next step (again, if it failed), 撤回终止. */
export async function addVillageActions(p, bar, slot, done) {
  if (!runsVillage(p.village_id) || !["in_progress", "blocked"].includes(p.state)) return;
  const step = p.steps[p.current_step - 1];
  const retry = p.state === "blocked";
  actionButton(bar, slot, { id: "record-step", text: `${retry ? "重新登记" : "登记"}第 ${step.number} 步：${step.name}`,
    kind: "primary", fields: stepFields(step), done,
    submit: async (d) => {
      const saved = await api.post(`/procedures/${p.id}/steps/${step.number}/record`, stepBody(step, d));
      const record = saved.steps[step.number - 1].record;
      toast(`第 ${step.number} 步：${record?.result_zh || "已登记"}`, record?.passed ? "ok" : "error");
      return saved;
    } });
  const template = await api.get(`/procedure-templates/${p.template_code}`, { version: p.template_version }).catch(() => null);
  const decided = (template?.steps || []).some((s, i) => s.decisive && p.steps[i]?.status === "passed");
  if (!decided) {
    actionButton(bar, slot, { id: "abandon", text: "撤回终止", kind: "danger", done, success: "程序已撤回终止",
      fields: [field("撤回终止的理由", textArea("reason", { required: true, maxlength: 500 }), "仅限村民（代表）会议决议作出之前")],
      submit: (d) => api.post(`/procedures/${p.id}/abandon`, { reason: d.reason }) });
  }
}

// --- 三务公开 -------------------------------------------------------------------------------

/** The last period that ended: "2026-04" (finance, monthly) or "2026-Q1" (party, village affairs). */
function lastPeriod(category) {
  const [year, month] = today().split("-").map(Number);
  if (category === "finance") return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, "0")}`;
  const quarter = Math.floor((month - 1) / 3);
  return quarter === 0 ? `${year - 1}-Q4` : `${year}-Q${quarter}`;
}

function disclosureForm(procedures, chosen, done) {
  const category = select("category", Object.entries(DISCLOSURE_CATEGORIES));
  const kind = select("kind", Object.entries(DISCLOSURE_KINDS));
  const period = textInput("period", { maxlength: 10, required: true });
  const periodField = field("公开期间", period, "财务每月公开（如 2026-05），党务、村务每季度公开（如 2026-Q2）");
  const sync = () => {
    const regular = kind.value === "regular";
    periodField.hidden = !regular;
    period.required = regular;
    period.placeholder = category.value === "finance" ? "2026-05" : "2026-Q2";
    if (regular && !period.dataset.touched) period.value = lastPeriod(category.value);
  };
  period.addEventListener("input", () => { period.dataset.touched = "1"; });
  category.addEventListener("change", sync);
  kind.addEventListener("change", sync);
  const form = h("form", { class: "card", id: "disclosure-form" }, h("h2", {}, "发布公开"),
    field("公开类别", category), field("公开类型", kind), periodField,
    field("标题", textInput("title", { required: true, maxlength: 200 })),
    field("公开内容", textArea("content", { maxlength: 50000, rows: 5 })),
    field("公开渠道", textInput("channel", { maxlength: 100, placeholder: "如：村务公开栏、村民微信群" })),
    field("公开日期", textInput("published_on", { type: "date", required: true, value: today(), max: today() })),
    field("关联议事程序（可空）", select("procedure_id", [["", "—"], ...procedures.map((x) => [x.id, x.title || x.template_name])])),
    h("div", { class: "actions" }, h("button", { type: "submit", class: "primary", id: "disclosure-submit" }, "发布")));
  if (chosen) {
    form.procedure_id.value = chosen;
    kind.value = "major";
    category.value = "village_affairs";
  }
  sync();
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const d = formData(form);
    const body = { category: d.category, kind: d.kind, period: d.kind === "regular" ? d.period : undefined, title: d.title,
      content: d.content || undefined, channel: d.channel || undefined, published_on: d.published_on,
      procedure_id: d.procedure_id || undefined };
    const saved = await busy(form.querySelector("#disclosure-submit"), () => api.post("/disclosures", body), "已发布公开");
    if (saved) done();
  });
  return form;
}

export async function renderDisclosures(view, { params }) {
  const org = homeOrgId();
  const writer = runsVillage(org);
  const [items, procedures] = await Promise.all([api.listAll("/disclosures", "disclosures", { org_id: org }, 500),
    writer ? api.listAll("/procedures", "procedures", { org_id: org }, 500) : Promise.resolve([])]);
  const titles = new Map(procedures.map((x) => [x.id, x.title]));
  clear(view, h("h1", {}, "三务公开"), procedureTabs("#/disclosures"),
    h("p", { class: "muted" }, "党务、村务、财务公开：财务每月、党务和村务每季度至少公开一次，重大事项随时公开；期末后10天内未公开即预警。"),
    writer ? disclosureForm(procedures, params.get("procedure"), () => renderDisclosures(view, { params: new URLSearchParams() })) : null,
    h("section", { class: "card" }, h("h2", {}, "公开记录"),
      items.length ? h("ul", { class: "list", id: "disclosure-list" }, items.map((x) => h("li", { dataset: { id: x.id } },
        h("span", { class: "title" }, x.title),
        h("div", { class: "meta" }, badge(label(DISCLOSURE_CATEGORIES, x.category)),
          badge(x.kind === "major" ? "重大事项" : `定期 ${x.period}`, x.kind === "major" ? "orange" : ""),
          h("span", {}, orgName(x.village_id)), h("span", {}, `公开日期 ${x.published_on}`), x.channel ? h("span", {}, x.channel) : null,
          x.procedure_id ? h("a", { href: `#/procedure/${x.procedure_id}` }, titles.get(x.procedure_id) ? `程序：${titles.get(x.procedure_id)}` : "查看程序") : null),
        x.content ? h("div", {}, x.content) : null))) : emptyRow("暂无公开记录")));
}
