// Pieces shared by the work pages: timelines, small action forms, key-value lists, tabs.
import { h, clear, formatTime, busy, formData } from "./dom.js";
import { ACTIONS, label } from "./i18n.js";
import { orgName } from "./session.js";

const MOVES = new Set(["escalated", "assigned", "transferred", "returned"]);

/** A timeline of {action, at, actor_name, note|reason, photo_urls, percent, to_org_id}. */
export function timeline(entries, id = "timeline") {
  if (!entries?.length) return h("p", { class: "empty", id }, "暂无记录");
  return h("ol", { class: "timeline", id }, entries.map((e) => h("li", { dataset: { action: e.action } },
    h("div", {}, h("strong", {}, label(ACTIONS, e.action)), e.actor_name ? ` · ${e.actor_name}` : "",
      e.to_org_id && MOVES.has(e.action) ? ` → ${orgName(e.to_org_id)}` : "", e.percent !== undefined && e.action === "progress" ? ` · ${e.percent}%` : ""),
    h("div", { class: "when" }, formatTime(e.at)),
    e.note || e.reason ? h("div", {}, e.note || e.reason) : null,
    e.photo_urls?.length ? h("div", { class: "photos" }, e.photo_urls.map((url) =>
      h("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, h("img", { src: url, alt: "现场照片", loading: "lazy" })))) : null)));
}

export function kv(pairs) {
  return h("dl", { class: "kv" }, pairs.filter(Boolean).map(([k, v]) => [h("dt", {}, k), h("dd", {}, v ?? "—")]));
}

/**
 * A button that opens a small form under the action bar; `fields` are built controls with names;
 * `submit(data)` performs the call and returns the new record; `done(record)` re-renders.
 */
export function actionButton(bar, slot, { id, text, kind = "", fields = [], submit, done, success }) {
  const button = h("button", { type: "button", id, class: kind }, text);
  button.addEventListener("click", async () => {
    if (!fields.length) {
      const result = await busy(button, () => submit({}), success);
      if (result) done(result);
      return;
    }
    const form = h("form", { class: "action-form", id: `${id}-form` }, h("h3", {}, text), fields,
      h("div", { class: "actions" }, h("button", { type: "submit", class: "primary" }, `确认${text}`),
        h("button", { type: "button", onclick: () => clear(slot) }, "取消")));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const result = await busy(form.querySelector("button[type=submit]"), () => submit(formData(form)), success);
      if (result) done(result);
    });
    clear(slot, form);
    form.querySelector("input, textarea, select")?.focus();
  });
  bar.append(button);
  return button;
}

export function tabs(items, current) {
  return h("nav", { class: "tabs" }, items.map(([href, text]) => h("a", { href, class: href === current ? "active" : "" }, text)));
}

export function textInput(name, attrs = {}) { return h("input", { name, ...attrs }); }
export function textArea(name, attrs = {}) { return h("textarea", { name, ...attrs }); }
export function select(name, options, attrs = {}) {
  return h("select", { name, ...attrs }, options.map(([value, text]) => h("option", { value }, text)));
}
