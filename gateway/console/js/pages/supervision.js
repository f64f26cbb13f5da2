// Supervision (纪委、农业农村局 and the town): village procedures with their progress, and warnings.
import * as api from "../api.js";
import { h, clear, badge, formatTime, emptyRow } from "../dom.js";
import { PROCEDURE_STATES, WARNING_STATUS, WARNING_KINDS, label } from "../i18n.js";
import { homeOrgId, orgName } from "../session.js";
import { kv, tabs } from "../components.js";

export async function renderProcedures(view, { params }) {
  const state = params.get("state") || "";
  const warned = params.get("with_warnings") === "true";
  const items = await api.listAll("/procedures", "procedures", { org_id: homeOrgId(), state, with_warnings: warned || undefined }, 500);
  clear(view, h("h1", {}, "议事程序"),
    tabs([["#/procedures", "全部"], ["#/procedures?state=in_progress", "进行中"], ["#/procedures?state=blocked", "受阻"],
      ["#/procedures?state=completed", "已完成"], ["#/procedures?with_warnings=true", "有预警"]],
    `#/procedures${location.hash.includes("?") ? "?" + location.hash.split("?")[1] : ""}`),
    items.length ? h("ul", { class: "list", id: "procedure-list" }, items.map((p) => h("li", {},
      h("a", { class: "title", href: `#/procedure/${p.id}` }, p.title || p.template_name),
      h("div", { class: "meta" }, badge(label(PROCEDURE_STATES, p.state), p.state === "blocked" ? "red" : p.state === "completed" ? "green" : ""),
        p.open_warnings ? badge(`预警 ${p.open_warnings}`, "red") : null, h("span", {}, orgName(p.village_id)),
        h("span", {}, p.template_name || p.template_code), h("span", {}, `第 ${p.current_step} 步 ${p.current_step_key || ""}`))))) : emptyRow("暂无议事程序"));
}

export async function renderProcedure(view, { id }) {
  const p = await api.get(`/procedures/${id}`);
  clear(view, h("h1", {}, p.title || p.template_name),
    h("section", { class: "card" }, kv([["村社", orgName(p.village_id)], ["程序", `${p.template_name || p.template_code}（第 ${p.template_version} 版）`],
      ["状态", label(PROCEDURE_STATES, p.state)], ["当前环节", `第 ${p.current_step} 步 ${p.current_step_key || ""}`],
      ["下一步", p.guidance_zh || "—"], ["重大事项", p.major ? "是" : "否"],
      ["金额", p.amount_fen ? `${(p.amount_fen / 100).toFixed(2)} 元` : "—"], ["开始", formatTime(p.started_at)]])),
    h("section", { class: "card" }, h("h2", {}, "预警"), warningList(p.warnings || [])));
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
