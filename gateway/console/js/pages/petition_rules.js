// Who may do what on a petition: a mirror of services/petitions/domain.py, so the page offers only
// what the API would accept (the service still decides; these only hide buttons it would refuse).
import { session } from "../session.js";

const TOWN_LEADS = ["town_leader", "deputy_secretary"];
const VILLAGE_PEOPLE = ["village_secretary", "village_cadre"];

/** grid / village / office / department / town / county, from the 行政区划代码-shaped id. */
export function orgKind(id = "") {
  if (/^\d{12}G\d{2}$/.test(id)) return "grid";
  if (/^\d{12}$/.test(id)) return "village";
  if (/^\d{9}B\d{2}$/.test(id)) return "office";
  if (/^\d{6}K\d{2}$/.test(id)) return "department";
  if (/^\d{9}$/.test(id)) return "town";
  return /^\d{6}$/.test(id) ? "county" : "";
}

const townOf = (id) => id.slice(0, 9);
const me = () => session.me || {};
const is = (...positions) => positions.includes(me().position);

/** Whether the logged-in person acts for the handling org (domain.acts_for). */
export function actsFor(orgId) {
  const { org_id: own } = me();
  switch (orgKind(orgId)) {
    case "village": return is(...VILLAGE_PEOPLE) && own === orgId;
    case "town": return is(...TOWN_LEADS) && own === orgId;
    case "office": return (is("town_staff") && own === orgId) || (is(...TOWN_LEADS) && own === townOf(orgId));
    case "department": return (is("county_staff") && own === orgId) || is("admin");
    default: return false;
  }
}

/** The handler's own people: 受理, 办结, 上报, 退回, 申请延期, 记录调解. */
export const handles = (p) => actsFor(p.handler_org_id);

/** The handler's superior (domain.supervises): the village's town leaders, the county admin above. */
export function supervises(p) {
  if (is("admin")) return true;
  return ["village", "town"].includes(p.level) && is(...TOWN_LEADS) && me().org_id === townOf(p.village_id);
}

const townLeadOf = (p) => is(...TOWN_LEADS) && me().org_id === townOf(p.village_id);

/** 分派办公室: only the town's leaders, on town-level work. */
export const mayAssign = (p) => p.level === "town" && townLeadOf(p);

/** 回访: the reporter, the village's people and grid workers, the town's leaders. */
export function mayFollowUp(p) {
  const own = me().org_id || "";
  return me().id === p.reporter_id || (is(...VILLAGE_PEOPLE) && own === p.village_id)
    || (is("grid_worker") && own.startsWith(p.village_id)) || townLeadOf(p);
}

/** 关闭: the village's people or the town's leaders. */
export const mayClose = (p) => (is(...VILLAGE_PEOPLE) && me().org_id === p.village_id) || townLeadOf(p);

/** 督办: a superior, on a petition still received or in progress. */
export const mayUrge = (p) => ["received", "processing"].includes(p.status) && (supervises(p) || townLeadOf(p));
