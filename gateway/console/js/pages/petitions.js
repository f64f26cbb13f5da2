// Bottom-up work: report a problem with photos, petition lists (待办, 督办, 我的上报), detail and timeline.
import * as api from "../api.js";
import { h, clear, toast, busy, formData, field, badge, formatTime, emptyRow } from "../dom.js";
import { PETITION_STATUS, PETITION_LEVELS, PETITION_SOURCES, SATISFACTION, label } from "../i18n.js";
import { session, orgName, hasPosition, isReadOnly, childrenOf } from "../session.js";
import { kv, actionButton, timeline, tabs, textArea, textInput, select } from "../components.js";
import { addExtraActions, allows, decides, extensionsCard, mediationCard, pendingExtension } from "./extras.js";

const PHOTO_TYPES = "image/jpeg,image/png,image/webp";

export async function renderReport(view) {
  const elements = await api.get("/governance-elements").then((r) => r.elements).catch(() => []);
  const triage = h("div", { id: "triage-result" });
  const grid = hasPosition("grid_worker");
  const form = h("form", { class: "card", id: "report-form" },
    field("来源", select("source", Object.entries(PETITION_SOURCES).filter(([k]) => !["hotline", "partner"].includes(k))
      .sort(([a], [b]) => (a === (grid ? "grid_report" : "visit") ? -1 : b === (grid ? "grid_report" : "visit") ? 1 : 0)))),
    field("标题（可空）", textInput("title", { maxlength: 200 })),
    field("问题描述", textArea("content", { required: true, maxlength: 5000, placeholder: "发生了什么、在哪里、涉及哪些群众" })),
    triage,
    field("治理要素（可空）", select("element_code", [["", "—"], ...elements.map((e) => [e.minor_code, `${e.major_name} / ${e.minor_name}`])])),
    field("现场照片", textInput("photo_files", { type: "file", accept: PHOTO_TYPES, multiple: true, capture: "environment" }),
      "拍照或从相册选择，JPEG/PNG/WebP，每张不超过 5 MB，最多 9 张"),
    field("照片链接（可空）", textArea("photo_urls", { rows: 2, placeholder: "已有网络照片时，每行一个 https 链接" })),
    field("地点", textInput("address", { maxlength: 200 })),
    field("反映人（可空）", textInput("reporter_name", { maxlength: 50 })),
    field("联系电话（可空）", textInput("reporter_phone", { maxlength: 20, inputmode: "tel" })),
    h("div", { class: "actions" }, h("button", { type: "button", id: "triage-button" }, "智能分拨建议"),
      h("button", { type: "submit", class: "primary", id: "report-submit" }, "上报")));
  form.querySelector("#triage-button").addEventListener("click", async (event) => {
    const text = form.content.value.trim();
    if (!text) return toast("请先填写问题描述", "error");
    const result = await busy(event.target, () => api.post("/triage", { text, limit: 3 }));
    if (result) clear(triage, h("ul", { class: "screening" }, result.suggestions.map((s) => h("li", {},
      `${s.name}（${label(PETITION_LEVELS, s.level)}办理，${s.department || "—"}）`))));
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const d = formData(form);
    const links = d.photo_urls.split(/\s+/).filter(Boolean);
    if (links.some((url) => !/^https?:\/\//.test(url))) return toast("照片链接须以 http:// 或 https:// 开头", "error");
    if (links.length + d.photo_files.length > 9) return toast("照片最多 9 张", "error");
    const uploaded = await busy(form.querySelector("#report-submit"), () => api.uploadPhotos(d.photo_files));
    if (!uploaded) return;
    const photos = [...uploaded, ...links];
    const body = { source: d.source, content: d.content, title: d.title || undefined,
      element_code: d.element_code || undefined, photo_urls: photos.length ? photos.slice(0, 9) : undefined,
      location: d.address ? { address: d.address } : undefined,
      reporter_name: d.reporter_name || undefined, reporter_phone: d.reporter_phone || undefined };
    const created = await busy(form.querySelector("#report-submit"), () => api.post("/petitions", body), "已上报");
    if (created) location.hash = `#/petition/${created.id}`;
  });
  clear(view, h("h1", {}, "上报问题"), h("p", { class: "muted" }, "简单问题村里自办，复杂问题逐级上报；系统按工作日计算办理时限。"), form);
}

const VIEWS = [["open", "诉求待办"], ["supervision", "督办清单"], ["reported_by_me", "我的上报"], ["all", "全部"]];
// Not an API view: the open petitions with an extension request waiting for a decision.
const EXTENSIONS = ["extensions", "延期审批"];

export async function renderList(view, { params }) {
  const which = params.get("view") || "open";
  const deciding = which === EXTENSIONS[0];
  let items = await api.listAll("/petitions", "petitions", { view: deciding ? "open" : which }, 500);
  if (deciding) items = items.filter((p) => pendingExtension(p) && decides(p));
  const shown = hasPosition("town_leader", "deputy_secretary", "admin") ? [...VIEWS, EXTENSIONS] : VIEWS;
  const title = shown.find(([k]) => k === which)?.[1] || "诉求";
  clear(view, h("h1", {}, title),
    tabs(shown.map(([k, v]) => [`#/petitions?view=${k}`, v]), `#/petitions?view=${which}`),
    which === "supervision" ? h("p", { class: "muted" }, "已超过办理时限、列入督办的诉求（按截止时间排序）") : null,
    deciding ? h("p", { class: "muted" }, "下级申请延期、计时已暂停的诉求，请审批") : null,
    items.length ? h("ul", { class: "list", id: "petition-list" }, items.map((p) => h("li", { dataset: { id: p.id } },
      h("a", { class: "title", href: `#/petition/${p.id}` }, p.title || p.content.slice(0, 40)),
      h("div", { class: "meta" },
        badge(label(PETITION_STATUS, p.status), p.status === "closed" ? "green" : p.status === "received" ? "orange" : ""),
        badge(label(PETITION_LEVELS, p.level)), p.overdue ? badge("超时", "red") : null,
        p.urge_count ? badge(`督办 ${p.urge_count} 次`, "red") : null,
        pendingExtension(p) ? badge(`延期待批 ${pendingExtension(p).days} 天`, "orange") : null,
        h("span", {}, p.category_name || p.category_code), h("span", {}, `承办：${orgName(p.handler_org_id)}`),
        h("span", {}, `时限 ${formatTime(p.due_at)}`))))) : emptyRow("暂无诉求"));
}

function reasonField(text = "原因", required = true, name = "reason") {
  return h("label", { class: "field" }, h("span", { class: "label" }, text), textArea(name, { required, maxlength: 1000 }));
}

async function countyDepartments() {
  const county = [...session.orgs.values()].find((u) => u.level === "county");
  return county ? childrenOf(county.id).filter((u) => u.level === "department") : [];
}

export async function renderPetition(view, { id }) {
  const [p, line] = await Promise.all([api.get(`/petitions/${id}`),
    api.get(`/petitions/${id}/timeline`).catch(() => ({ entries: [] }))]);
  const bar = h("div", { class: "actions", id: "petition-actions" });
  const slot = h("div", {});
  const done = () => renderPetition(view, { id });
  const act = (action, body) => api.post(`/petitions/${id}/${action}`, body);
  const add = (spec) => actionButton(bar, slot, { ...spec, done });
  if (!isReadOnly()) await addActions(p, add, act);
  clear(view,
    h("h1", {}, p.title || "诉求详情"),
    h("section", { class: "card" },
      kv([["状态", h("span", { id: "petition-status" }, label(PETITION_STATUS, p.status))],
        ["层级", h("span", { id: "petition-level" }, label(PETITION_LEVELS, p.level))], ["承办单位", orgName(p.handler_org_id)],
        ["来源", label(PETITION_SOURCES, p.source)], ["类别", p.category_name || p.category_code],
        ["建议", p.suggested_level ? `${label(PETITION_LEVELS, p.suggested_level)}办理 · ${p.suggested_department || ""}` : "—"],
        ["描述", p.content],
        ["办理时限", p.clock_paused ? h("span", { id: "petition-due", class: "badge orange" }, "计时暂停（延期申请待审批）")
          : h("span", { id: "petition-due" }, `${formatTime(p.due_at)}${p.time_limit ? `（${timeLimit(p.time_limit)}）` : ""}`)],
        ["超时", p.overdue ? h("span", { class: "badge red" }, "已超时，列入督办") : "否"], ["督办", `${p.urge_count || 0} 次`],
        p.location?.address ? ["地点", p.location.address] : null, p.reporter_name ? ["反映人", `${p.reporter_name} ${p.reporter_phone || ""}`] : null,
        p.resolution ? ["办理结果", p.resolution] : null, p.satisfaction ? ["满意度", label(SATISFACTION, p.satisfaction)] : null]),
      p.photo_urls?.length ? h("div", { class: "photos", id: "petition-photos" }, p.photo_urls.map((url) =>
        h("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, h("img", { src: url, alt: "现场照片", loading: "lazy" })))) : null,
      bar, slot),
    mediationCard(p),
    extensionsCard(p),
    h("section", { class: "card" }, h("h2", {}, "办理全过程"), timeline(line.entries, "petition-timeline")));
}

/** The buttons for what the API says the logged-in person may do now (`petition.allowed_actions`);
 * 转办 (transfer) has no button yet. */
async function addActions(p, add, act) {
  const can = (action) => allows(p, action);
  if (can("accept")) {
    add({ id: "accept", text: "受理", kind: "primary", submit: () => act("accept", {}), success: "已受理" });
  }
  if (can("decline")) {
    add({ id: "decline", text: "不予受理", kind: "danger", fields: [reasonField()], submit: (d) => act("decline", { reason: d.reason }), success: "已不予受理" });
  }
  addExtraActions(p, add, act);
  if (can("resolve")) {
    add({ id: "resolve", text: "办结", kind: "primary", fields: [reasonField("办理结果", true, "result")],
      submit: (d) => act("resolve", { result: d.result }), success: "已办结" });
  }
  // 上报 goes to the town from a village, to a county department from the town (or its office).
  if (can("escalate") && p.level === "village") {
    add({ id: "escalate", text: "上报镇街", fields: [reasonField("上报原因", false)],
      submit: (d) => act("escalate", { reason: d.reason || undefined }), success: "已上报镇街" });
  }
  if (can("assign")) {
    const offices = childrenOf(p.village_id.slice(0, 9)).filter((u) => u.level === "office" && u.id !== p.handler_org_id);
    add({ id: "assign", text: "分派办公室", fields: [
      h("label", { class: "field" }, h("span", { class: "label" }, "职能办公室"), select("target_org_id", offices.map((o) => [o.id, o.name]))),
      reasonField("说明", false)],
    submit: (d) => act("assign", { target_org_id: d.target_org_id, reason: d.reason || undefined }), success: "已分派" });
  }
  if (can("escalate") && p.level === "town") {
    const departments = await countyDepartments();
    add({ id: "escalate", text: "上报县级部门", fields: [
      h("label", { class: "field" }, h("span", { class: "label" }, "县级部门"), select("target_org_id", departments.map((o) => [o.id, o.name]))),
      reasonField("上报原因", false)],
    submit: (d) => act("escalate", { target_org_id: d.target_org_id, reason: d.reason || undefined }), success: "已上报县级部门" });
  }
  if (can("return")) {
    add({ id: "return", text: "退回下级", kind: "danger", fields: [reasonField("退回原因")],
      submit: (d) => act("return", { reason: d.reason }), success: "已退回" });
  }
  if (can("follow_up")) {
    add({ id: "follow-up", text: "回访", kind: "primary", fields: [
      h("label", { class: "field" }, h("span", { class: "label" }, "群众满意度"), select("satisfaction", Object.entries(SATISFACTION))),
      reasonField("回访记录", false, "comment")],
    submit: (d) => act("follow-up", { satisfaction: d.satisfaction, comment: d.comment || undefined }), success: "回访已记录" });
  }
  if (can("close")) {
    add({ id: "close", text: "关闭", kind: "primary", submit: () => act("close", {}), success: "已关闭" });
  }
  if (can("reopen")) {
    add({ id: "reopen", text: "重办", kind: "danger", fields: [reasonField("重办原因")], submit: (d) => act("reopen", { reason: d.reason }), success: "已重办" });
  }
  if (can("urge")) {
    add({ id: "urge", text: "督办", kind: "danger", fields: [reasonField("督办说明", false)],
      submit: (d) => act("urge", { reason: d.reason || undefined }), success: "已督办" });
  }
}

/** "8 working_days" → "8个工作日" (the API's time limit). */
function timeLimit(text) {
  const [amount, unit] = text.split(" ");
  return { working_days: `${amount}个工作日`, working_hours: `${amount}个工作小时`,
    calendar_days: `${amount}天`, calendar_hours: `${amount}小时` }[unit] || text;
}
