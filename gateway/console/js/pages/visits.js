// 民情日记 (household visits, due by colour) and 网格巡查 (patrols, a found problem becomes a petition).
import * as api from "../api.js";
import { h, clear, busy, formData, field, badge, formatTime, emptyRow } from "../dom.js";
import { HOUSEHOLD_COLORS, label } from "../i18n.js";
import { homeOrgId, orgName, hasPosition } from "../session.js";
import { tabs, textArea, textInput, select } from "../components.js";

const COLOR_BADGE = { red: "red", yellow: "orange", green: "green" };
const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
const colorBadge = (color) => badge(label(HOUSEHOLD_COLORS, color), COLOR_BADGE[color] || "");
const petitionLink = (id) => (id ? h("a", { href: `#/petition/${id}`, class: "petition-link" }, "已转诉求，查看办理") : null);

export async function renderVisits(view, { params }) {
  const writer = hasPosition("village_secretary", "village_cadre", "grid_worker");
  const which = params.get("view") || (writer ? "mine" : "all");
  const org = homeOrgId();
  const [due, households, visits] = await Promise.all([
    api.get("/visit-diaries/due-households", { org_id: org }).then((r) => r.households),
    writer ? api.listAll("/households", "households", { org_id: org }) : Promise.resolve([]),
    api.listAll("/visit-diaries", "visits", { view: which }, 200)]);
  const form = writer ? visitForm(due, households, () => renderVisits(view, { params })) : null;
  const pick = (id) => {
    form.household_id.value = id;
    form.scrollIntoView({ block: "start" });
    form.content.focus();
  };
  clear(view,
    h("h1", {}, "民情日记"),
    h("p", { class: "muted" }, "按三色管理定期走访：红色户每7天、黄色户每15天、绿色户每30天至少一次；群众反映的问题可转为诉求办理。"),
    h("section", { class: "card", id: "due-households" }, h("h2", {}, `待走访住户（${due.length}）`),
      due.length ? h("ul", { class: "list" }, due.slice(0, 30).map((d) => h("li", { dataset: { id: d.household_id } },
        h("div", {}, colorBadge(d.color), ` ${d.head_name} · ${orgName(d.grid_id)}`),
        h("div", { class: "meta" },
          h("span", {}, d.last_visited_on ? `上次走访 ${d.last_visited_on}` : "从未走访"),
          d.days_overdue ? h("span", { class: "badge red" }, `超期 ${d.days_overdue} 天`) : null,
          writer ? h("button", { type: "button", class: "visit-this", onclick: () => pick(d.household_id) }, "记录走访") : null))))
        : emptyRow("所有住户都已按期走访")),
    form,
    h("section", { class: "card" }, h("h2", {}, which === "mine" ? "我的民情日记" : "民情日记"),
      hasPosition("village_secretary") ? tabs([["#/visits?view=mine", "我的"], ["#/visits?view=all", "全村"]], `#/visits?view=${which}`) : null,
      visits.length ? h("ul", { class: "list", id: "visit-list" }, visits.map((v) => h("li", { dataset: { id: v.id } },
        h("div", {}, h("strong", {}, v.visited_on), " ", colorBadge(v.household_color), ` ${v.household_head || v.household_id}`,
          which === "all" && v.visitor_name ? ` · ${v.visitor_name}` : ""),
        h("div", {}, v.content),
        v.concerns ? h("div", { class: "meta" }, `群众诉求：${v.concerns}`) : null,
        petitionLink(v.petition_id)))) : emptyRow("暂无走访记录")));
}

function visitForm(due, households, done) {
  const dueIds = new Set(due.map((d) => d.household_id));
  const options = [...due.map((d) => [d.household_id, `${d.head_name}（${label(HOUSEHOLD_COLORS, d.color)}，待走访）`]),
    ...households.filter((x) => !dueIds.has(x.id)).map((x) => [x.id, `${x.head_name}（${label(HOUSEHOLD_COLORS, x.color)}）`])];
  const form = h("form", { class: "card", id: "visit-form" }, h("h2", {}, "记录走访"),
    field("住户", select("household_id", options, { required: true })),
    field("走访日期", textInput("visited_on", { type: "date", required: true, value: today(), max: today() })),
    field("走访情况", textArea("content", { required: true, maxlength: 5000, placeholder: "家中情况、生产生活、需要关心的事" })),
    field("群众诉求（可空）", textArea("concerns", { maxlength: 5000 })),
    h("div", { class: "checks field" }, h("label", {}, h("input", { type: "checkbox", name: "open_petition", value: "yes" }), "将群众诉求转为诉求办理")),
    h("div", { class: "actions" }, h("button", { type: "submit", class: "primary", id: "visit-submit" }, "保存民情日记")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const d = formData(form);
    const body = { household_id: d.household_id, visited_on: d.visited_on, content: d.content,
      concerns: d.concerns || undefined, open_petition: d.open_petition.length > 0 };
    const saved = await busy(form.querySelector("#visit-submit"), () => api.post("/visit-diaries", body),
      body.open_petition ? "民情日记已保存，群众诉求已转为诉求" : "民情日记已保存");
    if (saved) done();
  });
  return form;
}

export async function renderPatrols(view) {
  const worker = hasPosition("grid_worker");
  const org = homeOrgId();
  const [grid, patrols] = await Promise.all([
    worker ? api.get(`/grids/${org}`) : Promise.resolve(null),
    api.listAll("/patrols", "patrols", { org_id: org }, 200)]);
  const names = new Map((grid?.elements || []).map((e) => [e.code, e.name]));
  clear(view,
    h("h1", {}, "网格巡查"),
    h("p", { class: "muted" }, "记录每次巡查的治理要素和情况；发现的问题填写后自动上报为诉求。"),
    worker ? patrolForm(grid, () => renderPatrols(view)) : null,
    h("section", { class: "card" }, h("h2", {}, "巡查记录"),
      patrols.length ? h("ul", { class: "list", id: "patrol-list" }, patrols.map((p) => h("li", { dataset: { id: p.id } },
        h("div", {}, h("strong", {}, formatTime(p.patrolled_at)), ` · ${p.worker_name || ""} · ${orgName(p.grid_id)}`),
        p.element_codes?.length ? h("div", { class: "meta" }, `巡查要素：${p.element_codes.map((c) => names.get(c) || c).join("、")}`) : null,
        p.note ? h("div", {}, p.note) : null,
        petitionLink(p.petition_id)))) : emptyRow("暂无巡查记录")));
}

function patrolForm(grid, done) {
  const elements = grid.elements || [];
  const form = h("form", { class: "card", id: "patrol-form" }, h("h2", {}, `记录巡查 · ${grid.name}`),
    h("fieldset", { class: "field" }, h("legend", { class: "label" }, "本次巡查的治理要素"),
      elements.length ? h("div", { class: "checks" }, elements.map((e) =>
        h("label", {}, h("input", { type: "checkbox", name: "element_codes", value: e.code }), `${e.name}（${e.count}）`)))
        : h("p", { class: "muted" }, "本网格尚未登记治理要素")),
    field("巡查情况（可空）", textArea("note", { maxlength: 2000 })),
    field("发现问题（可空）", textArea("issue", { maxlength: 5000, placeholder: "填写后将作为网格上报的诉求办理" })),
    field("问题涉及的要素（可空）", select("issue_element_code", [["", "—"], ...elements.map((e) => [e.code, e.name])])),
    h("div", { class: "actions" }, h("button", { type: "submit", class: "primary", id: "patrol-submit" }, "保存巡查记录")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const d = formData(form);
    const body = { grid_id: grid.id, element_codes: d.element_codes, note: d.note || undefined,
      issue: d.issue || undefined, issue_element_code: d.issue_element_code || undefined };
    const saved = await busy(form.querySelector("#patrol-submit"), () => api.post("/patrols", body),
      body.issue ? "巡查已记录，发现的问题已上报" : "巡查已记录");
    if (saved) done();
  });
  return form;
}
