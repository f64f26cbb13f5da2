// Who is logged in, the org units in their scope (names for ids) and where their 驾驶舱 starts.
import * as api from "./api.js";

export const session = { me: null, orgs: new Map(), home: null };

const TOWN_ROLES = new Set(["town_leader", "deputy_secretary", "town_staff"]);
const VILLAGE_ROLES = new Set(["village_secretary", "village_cadre", "grid_worker"]);

export async function loadSession() {
  const me = await api.get("/me");
  const units = await api.listAll("/org-units", "org_units").catch(() => []);
  session.orgs = new Map(units.map((unit) => [unit.id, unit]));
  let own = session.orgs.get(me.org_id);
  if (!own) {
    own = await api.get(`/org-units/${me.org_id}`).catch(() => null);
    if (own) session.orgs.set(own.id, own);
  }
  if (own) nameAncestors(own);
  session.me = me;
  // Offices and departments look at the 驾驶舱 of the unit above them; a grid at its own.
  session.home = own && ["office", "department"].includes(own.level) ? own.parent_id : me.org_id;
  return me;
}

/** A unit's path holds the names from the county down to its parent; their ids are the leading
 * 6 / 9 / 12 digits of its own (行政区划代码). Villages and grids see no unit above them otherwise. */
function nameAncestors(unit) {
  const levels = { 6: "county", 9: "town", 12: "village" };
  const ids = [6, 9, 12].filter((n) => n < unit.id.length && /^\d+$/.test(unit.id.slice(0, n)))
    .map((n) => unit.id.slice(0, n)).slice(0, (unit.path || []).length);
  ids.forEach((id, i) => {
    if (!session.orgs.has(id)) session.orgs.set(id, { id, name: unit.path[i], level: levels[id.length], parent_id: ids[i - 1] || "", partial: true });
  });
}

export const homeOrgId = () => session.home;
export const orgName = (id) => session.orgs.get(id)?.name || id || "—";
export const org = (id) => session.orgs.get(id);
export const isTownRole = () => TOWN_ROLES.has(session.me?.position);
export const isVillageRole = () => VILLAGE_ROLES.has(session.me?.position);
export const isReadOnly = () => session.me?.position === "supervisor";
export const hasPosition = (...positions) => positions.includes(session.me?.position);

/** The village or town an org unit belongs to (for grids and offices). */
export function townOf(id) {
  let unit = session.orgs.get(id);
  while (unit && unit.level !== "town") unit = session.orgs.get(unit.parent_id);
  return unit?.id;
}

export function villagesOf(townId) {
  return [...session.orgs.values()].filter((u) => u.level === "village" && u.parent_id === townId)
    .sort((a, b) => a.id.localeCompare(b.id));
}

export function childrenOf(id) {
  return [...session.orgs.values()].filter((u) => u.parent_id === id)
    .sort((a, b) => a.id.localeCompare(b.id));
}
