// 驾驶舱: indicators of one org unit with charts, leaderboards, drill-down and auto refresh.
import * as api from "../api.js";
import { h, clear, percent, formatTime } from "../dom.js";
import { barChart, stackedChart, ring, PALETTE } from "../charts.js";
import { ASSIGNMENT_STATES, TASK_STATES, PETITION_LEVELS, PETITION_STATUS, LEVELS, WARNING_KINDS, label } from "../i18n.js";
import { session, homeOrgId, orgName, org } from "../session.js";

const BOARDS = [["villages", "兴村治社榜"], ["cadres", "先锋干部榜"]];

export async function render(view, { params, onLeave }) {
  const orgId = params.get("org") || homeOrgId();
  const every = Math.max(5, Number(params.get("refresh")) || 60);
  let unit = org(orgId) || await api.get(`/org-units/${orgId}`);
  const stamp = h("span", { id: "refreshed-at", dataset: { count: "0" } }, "—");
  const body = h("div", { class: "dash-body" });
  clear(view,
    h("div", { class: "page-head" },
      h("div", {}, breadcrumb(unit), h("h1", { id: "dash-title" }, `${unit.name} 驾驶舱`)),
      h("p", { class: "muted refresh" }, `每 ${every} 秒自动刷新 · 上次刷新 `, stamp)),
    body);
  let count = 0;
  const load = async () => {
    const data = await collect(unit);
    clear(body, ...layout(unit, data));
    count += 1;
    stamp.textContent = new Date().toLocaleTimeString("zh-CN", { hour12: false, timeZone: "Asia/Shanghai" });
    stamp.dataset.count = String(count);
  };
  await load();
  const timer = setInterval(() => { if (!document.hidden) load().catch(() => {}); }, every * 1000);
  onLeave(() => clearInterval(timer));
}

function breadcrumb(unit) {
  const trail = [];
  let current = unit;
  while (current) {
    trail.unshift(current);
    if (current.id === homeOrgId()) break;
    current = org(current.parent_id);
  }
  return h("nav", { class: "crumbs", "aria-label": "层级" }, trail.map((u, i) => [
    i ? " › " : "",
    i === trail.length - 1 ? h("span", {}, u.name)
      : h("a", { href: `#/dashboard?org=${u.id}` }, u.name),
  ]));
}

function scopeParams(unit) {
  if (unit.level === "town") return { town_id: unit.id };
  if (unit.level === "village") return { village_id: unit.id };
  if (unit.level === "county") return {};
  return null;
}

async function collect(unit) {
  const scope = scopeParams(unit);
  const children = childUnits(unit);
  const settle = (promise) => promise.then((value) => ({ value }), (error) => ({ error }));
  const [assignments, tasks, stats, petitions, warnings, childStats, boards] = await Promise.all([
    settle(scope ? api.listAll("/assignments", "assignments", scope) : Promise.resolve(null)),
    settle(["town", "county"].includes(unit.level)
      ? api.listAll("/tasks", "tasks", unit.level === "town" ? { town_id: unit.id } : {}) : Promise.resolve(null)),
    settle(api.get("/petition-statistics", { org_id: unit.id })),
    settle(api.listAll("/petitions", "petitions", { view: "all", org_id: unit.id })),
    settle(api.listAll("/procedure-warnings", "warnings", { org_id: unit.id, status: "open" })),
    settle(Promise.all(children.map((child) => api.get("/petition-statistics", { org_id: child.id })
      .catch(() => null)))),
    settle(loadBoards(unit)),
  ]);
  return { assignments, tasks, stats, petitions, warnings, children, childStats, boards };
}

function childUnits(unit) {
  const wanted = { county: "town", town: "village", village: "grid" }[unit.level];
  return [...session.orgs.values()].filter((u) => u.parent_id === unit.id && u.level === wanted)
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** The current month in China (the evaluation periods are months, quarters or years). */
export function currentPeriod() {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit" })
    .formatToParts(new Date());
  return `${parts.find((p) => p.type === "year").value}-${parts.find((p) => p.type === "month").value}`;
}

async function loadBoards(unit) {
  const town = unit.id.slice(0, 9);
  const boardOrg = unit.level === "village" || unit.level === "grid" ? town : unit.id;
  const result = {};
  for (const [board] of BOARDS) {
    const orgId = board === "cadres" && ["village", "grid"].includes(unit.level) ? unit.id.slice(0, 12) : boardOrg;
    // A gateway without the evaluation API answers 404 for the path itself (not for a record).
    result[board] = await api.get(`/leaderboards/${board}`, { org_id: orgId, period: currentPeriod(), page_size: 10 })
      .catch((error) => (error.status === 404 && !error.code.endsWith("_NOT_FOUND") ? { missing: true } : { error }));
  }
  return result;
}

function layout(unit, data) {
  const a = data.assignments.value || [];
  const overall = data.stats.value?.overall || {};
  const warnings = data.warnings.value || [];
  const overdue = a.filter((x) => x.overdue && x.state !== "accepted").length;
  const tiles = h("section", { class: "tiles", "aria-label": "核心指标" },
    tile("派单总数", data.assignments.value ? a.length : "—", "kpi-assignments"),
    tile("超期派单", data.assignments.value ? overdue : "—", "kpi-overdue", overdue ? "alert" : ""),
    tile("诉求总数", overall.total ?? "—", "kpi-petitions"),
    tile("在办诉求", overall.open ?? "—", "kpi-open"),
    tile("超时督办", overall.overdue ?? "—", "kpi-petitions-overdue", overall.overdue ? "alert" : ""),
    tile("未解除预警", data.warnings.value ? warnings.length : "—", "kpi-warnings", warnings.length ? "alert" : ""));
  return [
    tiles,
    overdueAlerts(a),
    h("div", { class: "grid" },
      card("派单状态", "chart-assignments", data.assignments, () =>
        barChart(Object.keys(ASSIGNMENT_STATES).map((state) => ({
          label: ASSIGNMENT_STATES[state], value: a.filter((x) => x.state === state).length })), { title: "派单状态" }),
        data.assignments.value === null ? "网格不单独统计派单，请查看所在村社" : null),
      data.tasks.value ? card("任务状态", "chart-tasks", data.tasks, () =>
        barChart(Object.keys(TASK_STATES).map((state, i) => ({ label: TASK_STATES[state],
          value: data.tasks.value.filter((t) => t.state === state).length, color: PALETTE[(i + 2) % PALETTE.length] })),
        { title: "任务状态" })) : null,
      card("诉求按层级", "chart-petitions", data.stats, () => petitionChart(data.stats.value)),
      card("诉求按状态", "chart-petition-status", data.petitions, () =>
        barChart(Object.keys(PETITION_STATUS).map((status, i) => ({ label: PETITION_STATUS[status],
          value: data.petitions.value.filter((p) => p.status === status).length, color: PALETTE[(i + 4) % PALETTE.length] })),
        { title: "诉求按状态" })),
      card("办结与满意", "chart-rates", data.stats, () => h("div", { class: "rings" },
        ring(overall.closure_rate, "办结率", { color: PALETTE[2] }),
        ring(overall.satisfaction_rate, "满意率", { color: PALETTE[3] }),
        ring(overall.resolved_at_village_share, "村级解决占比", { color: PALETTE[1] }))),
      card("预警（议事程序与三务公开）", "chart-warnings", data.warnings, () => warningChart(warnings)),
      ...BOARDS.map(([board, title]) => boardCard(board, title, data.boards)),
    ),
    drillDown(unit, data),
  ];
}

function tile(caption, value, id, kind = "") {
  return h("div", { class: `tile ${kind}`, id }, h("span", { class: "tile-value" }, String(value)),
    h("span", { class: "tile-label" }, caption));
}

function card(title, id, settled, draw, note) {
  let content;
  if (settled.error) content = h("p", { class: "empty" }, `无法获取：${settled.error.message}`);
  else if (note && settled.value === null) content = h("p", { class: "empty" }, note);
  else content = draw();
  return h("section", { class: "card", id }, h("h2", {}, title), content);
}

function petitionChart(stats) {
  const rows = ["village", "town", "county"].map((level) => {
    const row = stats.by_level.find((r) => r.key === level) || {};
    const [open, closed, declined] = [row.open || 0, row.closed || 0, row.declined || 0];
    return { label: PETITION_LEVELS[level], parts: [{ key: "open", value: open },
      { key: "resolved", value: Math.max(0, (row.total || 0) - open - closed - declined) },
      { key: "closed", value: closed }, { key: "declined", value: declined }] };
  });
  // by_level counts each petition once, at the level that resolved it (or where it is now).
  return stackedChart(rows, { open: "在办", resolved: "已办结待关闭", closed: "已关闭", declined: "不予受理" },
    { title: "诉求按层级" });
}


function warningChart(warnings) {
  const counts = new Map();
  for (const w of warnings) counts.set(w.kind, (counts.get(w.kind) || 0) + 1);
  if (!counts.size) return h("p", { class: "empty good" }, "暂无未解除的预警");
  return barChart([...counts].map(([kind, value]) => ({ label: WARNING_KINDS[kind] || kind, value,
    color: PALETTE[0] })), { title: "预警" });
}

function boardCard(board, title, settled) {
  const id = `board-${board}`;
  const data = settled.value?.[board];
  if (settled.error || !data) return h("section", { class: "card", id }, h("h2", {}, title), h("p", { class: "empty" }, "无法获取榜单"));
  if (data.missing) {
    return h("section", { class: "card pending", id }, h("h2", {}, title),
      h("p", { class: "empty" }, "榜单接口尚未开放（评价服务的网关接口待上线）"));
  }
  if (data.error) return h("section", { class: "card", id }, h("h2", {}, title), h("p", { class: "empty" }, `无法获取：${data.error.message}`));
  const entries = data.entries || [];
  return h("section", { class: "card", id }, h("h2", {}, title, data.period ? h("small", { class: "muted" }, ` ${data.period}`) : null),
    entries.length ? h("ol", { class: "board" }, entries.map((e) => h("li", {},
      h("span", { class: "rank" }, String(e.rank)),
      h("span", { class: "name" }, entryName(board, e)),
      h("span", { class: "score", title: "综合得分" }, e.value ?? e.points ?? ""),
      movement(e)))) : h("p", { class: "empty" }, "本期暂无排名"));
}

/** Evaluation names every entry it has heard of from the directory (a village may not read
 * the other villages itself); until then the code is shown. Cadres come with their village. */
function entryName(board, e) {
  const village = e.org_name || org(e.org_id)?.name || `村社 ${e.org_id}`;
  if (board === "cadres") return e.subject_name ? `${e.subject_name}（${village}）` : `人员 ${e.subject_id}（${village}）`;
  return e.subject_name || org(e.subject_id)?.name || `村社 ${e.subject_id}`;
}

function movement(entry) {
  if (!entry.previous_rank) return h("span", { class: "move new", title: "上期未上榜" }, "新");
  const m = Number(entry.movement || 0);
  if (m > 0) return h("span", { class: "move up", title: `上升${m}位` }, `↑${m}`);
  if (m < 0) return h("span", { class: "move down", title: `下降${-m}位` }, `↓${-m}`);
  return h("span", { class: "move same", title: "名次不变" }, "—");
}

/** 超期提醒: what is late, with the way to 催办 (the assignment page). */
function overdueAlerts(assignments) {
  const late = assignments.filter((x) => x.overdue && x.state !== "accepted");
  if (!late.length) return null;
  return h("section", { class: "card wide alert-card", id: "overdue-alerts", role: "alert" },
    h("h2", {}, `超期提醒（${late.length}）`),
    h("ul", { class: "plain" }, late.map((x) => h("li", {},
      h("a", { href: `#/assignment/${x.id}` }, x.task_title || "派单"), ` · ${orgName(x.village_id)} · `,
      label(ASSIGNMENT_STATES, x.state), ` · 截止 ${formatTime(x.deadline)}`,
      x.urge_count ? ` · 已催办 ${x.urge_count} 次` : ""))));
}

function drillDown(unit, data) {
  if (!data.children.length) return null;
  const a = data.assignments.value || [];
  const warnings = data.warnings.value || [];
  const key = unit.level === "county" ? "town_id" : "village_id";
  const stats = data.childStats.value || [];
  const canDrill = unit.level !== "village";
  return h("section", { class: "card wide", id: "drill-down" },
    h("h2", {}, `下级${label(LEVELS, data.children[0].level)}${canDrill ? "（点击下钻）" : ""}`),
    h("div", { class: "table-wrap" }, h("table", {},
      h("thead", {}, h("tr", {}, ["名称", "派单", "超期", "诉求", "办结率", "满意率", "预警"].map((t) => h("th", {}, t)))),
      h("tbody", {}, data.children.map((child, i) => {
        const mine = a.filter((x) => x[key] === child.id);
        const s = stats[i]?.overall || {};
        const open = warnings.filter((w) => w[key] === child.id).length;
        return h("tr", {},
          h("td", {}, canDrill ? h("a", { href: `#/dashboard?org=${child.id}`, class: "drill" }, child.name) : child.name),
          h("td", {}, unit.level === "village" ? "—" : String(mine.length)),
          h("td", { class: mine.some((x) => x.overdue && x.state !== "accepted") ? "alert" : "" },
            unit.level === "village" ? "—" : String(mine.filter((x) => x.overdue && x.state !== "accepted").length)),
          h("td", {}, String(s.total ?? "—")), h("td", {}, s.total ? percent(s.closure_rate) : "—"),
          h("td", {}, s.total ? percent(s.satisfaction_rate) : "—"), h("td", { class: open ? "alert" : "" }, String(open)));
      })))));
}
