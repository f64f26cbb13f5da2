// Village procedures with their progress (the village runs its own, others read) and warnings.
import * as api from "../api.js";
import { h, clear, badge, formatTime, emptyRow } from "../dom.js";
import { MAJOR_CATEGORIES, PROCEDURE_STATES, WARNING_STATUS, WARNING_KINDS, label } from "../i18n.js";
import { homeOrgId, orgName } from "../session.js";
import { kv, tabs } from "../components.js";
import { addVillageActions, procedureTabs, runsVillage, stepsCard, timelineCard, yuan } from "./procedure_run.js";

const STATE_BADGE = { blocked: "red", completed: "green", abandoned: "" };
const stepName = (p) => p.steps?.[p.current_step - 1]?.name || p.current_step_key || "";

export async function renderProcedures(view, { params }) {
  const state = params.get("state") || "";
  const warned = params.get("with_warnings") === "true";
  const items = await api.listAll("/procedures", "procedures", { org_id: homeOrgId(), state, with_warnings: warned || undefined }, 500);
  clear(view, h("h1", {}, "议事程序"),
    procedureTabs(`#/procedures${location.hash.includes("?") ? "?" + location.hash.split("?")[1] : ""}`),
    runsVillage(homeOrgId()) ? h("div", { class: "actions" },
      h("a", { class: "button primary", id: "start-procedure", href: "#/procedures/new" }, "启动议事程序")) : null,
    items.length ? h("ul", { class: "list", id: "procedure-list" }, items.map((p) => h("li", { dataset: { id: p.id } },
      h("a", { class: "title", href: `#/procedure/${p.id}` }, p.title || p.template_name),
      h("div", { class: "meta" }, badge(label(PROCEDURE_STATES, p.state), STATE_BADGE[p.state] || ""),
        p.open_warnings ? badge(`预警 ${p.open_warnings}`, "red") : null, h("span", {}, orgName(p.village_id)),
        h("span", {}, p.template_name || p.template_code),
        p.current_step ? h("span", {}, `第 ${p.current_step} 步 ${stepName(p)}`) : null)))) : emptyRow("暂无议事程序"));
}

export async function renderProcedure(view, { id }) {
  const p = await api.get(`/procedures/${id}`);
  const bar = h("div", { class: "actions", id: "procedure-actions" });
  const slot = h("div", {});
  await addVillageActions(p, bar, slot, () => renderProcedure(view, { id }));
  const publish = runsVillage(p.village_id) && p.state !== "abandoned"
    ? h("a", { class: "button", id: "publish-disclosure", href: `#/disclosures?procedure=${p.id}` }, "发布三务公开") : null;
  if (publish) bar.append(publish);
  clear(view, h("h1", {}, p.title || p.template_name),
    h("section", { class: "card" }, kv([["村社", orgName(p.village_id)], ["程序", `${p.template_name || p.template_code}（第 ${p.template_version} 版）`],
      ["状态", h("span", { id: "procedure-state" }, label(PROCEDURE_STATES, p.state))],
      ["当前环节", p.current_step ? `第 ${p.current_step} 步 ${stepName(p)}` : "—"],
      ["下一步", h("span", { id: "procedure-guidance" }, p.guidance_zh || "—")],
      ["事项类别", p.category ? label(MAJOR_CATEGORIES, p.category) : "一般事项"], ["重大事项", p.major ? "是" : "否"],
      ["金额", p.amount_fen ? yuan(p.amount_fen) : "—"], p.description ? ["说明", p.description] : null,
      ["开始", formatTime(p.started_at)], p.abandon_reason ? ["撤回终止理由", p.abandon_reason] : null]),
    bar, slot),
    stepsCard(p),
    h("section", { class: "card" }, h("h2", {}, "预警"), warningList(p.warnings || [])),
    timelineCard(p));
}

function warningList(items) {
  if (!items.length) return emptyRow("暂无预警");
  return h("ul", { class: "list", id: "warning-list" }, items.map((w) => h("li", {},
    h("span", { class: "title" }, label(WARNING_KINDS, w.kind)),
    h("div", {}, w.detail_zh || ""),
    h("div", { class: "meta" }, badge(label(WARNING_STATUS, w.status), w.status === "open" ? "red" : "green"),
      h("span", {}, orgName(w.village_id)), h("span", {}, formatTime(w.raised_at)),
      w.procedure_id ? h("a", { href: `#/procedure/${w.procedure_id}` }, "查看程序") : null))));
}

export async function renderWarnings(view, { params }) {
  const status = params.get("status") || "open";
  const items = await api.listAll("/procedure-warnings", "warnings", { org_id: homeOrgId(), status }, 500);
  clear(view, h("h1", {}, "预警"),
    tabs([["#/warnings?status=open", "未解除"], ["#/warnings?status=resolved", "已解除"]], `#/warnings?status=${status}`),
    warningList(items));
}
