// Console shell: login, the person and their org scope, the menu by role, and the hash router.
import * as api from "./api.js";
import { h, clear, toast, busy } from "./dom.js";
import { POSITIONS, label } from "./i18n.js";
import { session, loadSession, homeOrgId } from "./session.js";
import * as dashboard from "./pages/dashboard.js";
import * as tasks from "./pages/tasks.js";
import * as assignments from "./pages/assignments.js";
import * as petitions from "./pages/petitions.js";
import * as supervision from "./pages/supervision.js";
import * as procedureRun from "./pages/procedure_run.js";
import * as visits from "./pages/visits.js";

const ITEMS = {
  dashboard: { href: "#/dashboard", text: "驾驶舱" },
  draft: { href: "#/tasks/new", text: "起草任务" },
  tasks: { href: "#/tasks", text: "任务列表" },
  review: { href: "#/review", text: "审核队列" },
  acceptance: { href: "#/acceptance", text: "待验收" },
  overdue: { href: "#/overdue", text: "超期提醒" },
  inbox: { href: "#/inbox", text: "待办派单" },
  report: { href: "#/report", text: "上报问题" },
  mine: { href: "#/petitions?view=reported_by_me", text: "我的上报" },
  open: { href: "#/petitions?view=open", text: "诉求待办" },
  supervision: { href: "#/petitions?view=supervision", text: "督办清单" },
  allPetitions: { href: "#/petitions?view=all", text: "全部诉求" },
  extensions: { href: "#/petitions?view=extensions", text: "延期审批" },
  visits: { href: "#/visits", text: "民情日记" },
  patrols: { href: "#/patrols", text: "网格巡查" },
  procedures: { href: "#/procedures", text: "议事程序" },
  warnings: { href: "#/warnings", text: "预警" },
};

/** What each position sees in its menu (the server still checks every action). */
export const MENUS = {
  admin: ["dashboard", "tasks", "overdue", "allPetitions", "supervision", "procedures", "warnings"],
  county_staff: ["dashboard", "open", "supervision", "allPetitions"],
  supervisor: ["dashboard", "procedures", "warnings", "supervision", "allPetitions"],
  town_leader: ["dashboard", "draft", "tasks", "acceptance", "overdue", "open", "extensions", "supervision"],
  deputy_secretary: ["dashboard", "review", "tasks", "acceptance", "overdue", "open", "extensions", "supervision"],
  town_staff: ["dashboard", "open", "supervision", "allPetitions"],
  village_secretary: ["dashboard", "inbox", "open", "report", "mine", "visits", "patrols", "procedures"],
  village_cadre: ["inbox", "open", "report", "mine", "visits", "dashboard"],
  grid_worker: ["inbox", "report", "mine", "visits", "patrols", "dashboard"],
};

const ROUTES = [
  [/^\/dashboard$/, dashboard.render],
  [/^\/tasks\/new$/, tasks.renderDraft],
  [/^\/tasks$/, tasks.renderList],
  [/^\/review$/, tasks.renderReview],
  [/^\/task\/([^/]+)$/, tasks.renderTask],
  [/^\/acceptance$/, assignments.renderAcceptance],
  [/^\/overdue$/, assignments.renderOverdue],
  [/^\/inbox$/, assignments.renderInbox],
  [/^\/assignment\/([^/]+)$/, assignments.renderAssignment],
  [/^\/report$/, petitions.renderReport],
  [/^\/petitions$/, petitions.renderList],
  [/^\/petition\/([^/]+)$/, petitions.renderPetition],
  [/^\/procedures$/, supervision.renderProcedures],
  [/^\/procedures\/new$/, procedureRun.renderStart],
  [/^\/disclosures$/, procedureRun.renderDisclosures],
  [/^\/procedure\/([^/]+)$/, supervision.renderProcedure],
  [/^\/warnings$/, supervision.renderWarnings],
  [/^\/visits$/, visits.renderVisits],
  [/^\/patrols$/, visits.renderPatrols],
];

let cleanup = [];
let generation = 0;

function parseHash() {
  const raw = location.hash.replace(/^#/, "") || "/";
  const [path, search = ""] = raw.split("?");
  return { path, params: new URLSearchParams(search) };
}

async function route() {
  cleanup.forEach((fn) => fn());
  cleanup = [];
  const mine = ++generation;
  // Pages register timers here; they stop when the page changes (at once if it already has).
  const onLeave = (fn) => (mine === generation ? cleanup.push(fn) : fn());
  const view = document.getElementById("view");
  if (!api.token.get()) return renderLogin(view);
  if (!session.me) {
    try {
      await loadSession();
    } catch (error) {
      api.token.clear();
      toast(error.message, "error");
      return renderLogin(view);
    }
    renderShell();
  }
  const { path, params } = parseHash();
  if (path === "/" || path === "/login") {
    location.hash = MENUS[session.me.position]?.[0] ? ITEMS[MENUS[session.me.position][0]].href : "#/dashboard";
    return;
  }
  markMenu();
  closeMenu();
  for (const [pattern, render] of ROUTES) {
    const match = path.match(pattern);
    if (match) {
      clear(view, h("p", { class: "loading" }, "正在加载…"));
      view.dataset.ready = "0";
      try {
        await render(view, { params, id: match[1] ? decodeURIComponent(match[1]) : undefined, onLeave });
      } catch (error) {
        clear(view, h("div", { class: "error-box", role: "alert" }, `加载失败：${error.message}`));
      }
      if (mine === generation) Object.assign(view.dataset, { ready: "1", route: location.hash });
      view.focus({ preventScroll: true });
      return;
    }
  }
  clear(view, h("p", { class: "empty" }, "页面不存在"));
}

function renderLogin(view) {
  document.getElementById("menu").hidden = true;
  document.getElementById("menu-toggle").hidden = true;
  clear(document.getElementById("whoami"));
  const form = h("form", { class: "card login", id: "login-form" },
    h("h1", {}, "登录"),
    h("p", { class: "muted" }, "使用县、镇、村干部账号登录"),
    h("label", { class: "field" }, h("span", { class: "label" }, "用户名"),
      h("input", { name: "username", autocomplete: "username", required: true })),
    h("label", { class: "field" }, h("span", { class: "label" }, "密码"),
      h("input", { name: "password", type: "password", autocomplete: "current-password", required: true })),
    h("button", { type: "submit", class: "primary" }, "登录"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = form.querySelector("button");
    const ok = await busy(button, () => api.login(form.username.value.trim(), form.password.value));
    if (ok) {
      session.me = null;
      if (location.hash === "#/login") location.hash = "#/"; // the hashchange routes
      else route();
    }
  });
  clear(view, form);
}

function renderShell() {
  const me = session.me;
  clear(document.getElementById("whoami"),
    h("span", { class: "who", id: "who" }, `${me.name} · ${label(POSITIONS, me.position)} · ${me.org_name || ""}`),
    h("button", { type: "button", class: "link", id: "logout", onclick: logout }, "退出"));
  const menu = document.getElementById("menu");
  const keys = MENUS[me.position] || ["dashboard"];
  clear(menu, keys.map((key) => h("a", { href: ITEMS[key].href, dataset: { key } }, ITEMS[key].text)));
  menu.hidden = false;
  const toggle = document.getElementById("menu-toggle");
  toggle.hidden = false;
  toggle.onclick = () => menu.classList.toggle("open");
  if (!homeOrgId()) toast("未能确定您的管辖范围", "error");
}

function closeMenu() { document.getElementById("menu").classList.remove("open"); }

function markMenu() {
  const current = location.hash;
  for (const link of document.querySelectorAll("#menu a")) {
    link.classList.toggle("active", current === link.getAttribute("href")
      || current.startsWith(link.getAttribute("href") + "?"));
  }
}

function logout() {
  api.token.clear();
  session.me = null;
  location.hash = "#/login";
  route();
}

api.setUnauthorizedHandler(() => {
  api.token.clear();
  session.me = null;
  toast("登录已过期，请重新登录", "error");
  renderLogin(document.getElementById("view"));
});

window.addEventListener("hashchange", route);
route();
