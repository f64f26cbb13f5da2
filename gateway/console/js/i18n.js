// Simplified Chinese labels for the API's codes (states, roles, levels, actions).
export const POSITIONS = {
  admin: "系统管理员", county_staff: "县级部门人员", supervisor: "纪委监督员",
  town_leader: "镇街分管领导", deputy_secretary: "镇党委副书记", town_staff: "镇职能办公室干部",
  village_secretary: "村社书记", village_cadre: "村干部", grid_worker: "网格员",
};
export const LEVELS = { county: "县", town: "镇街", village: "村社", grid: "网格", office: "办公室", department: "县级部门" };
export const TASK_STATES = { draft: "草稿", screened: "待审核", dispatched: "已派发", rejected: "已驳回", merged: "已归并" };
export const TASK_CATEGORIES = { major: "重大任务", upper: "上级任务", town: "镇级任务" };
export const ASSIGNMENT_STATES = {
  pending: "待签收", signed: "已签收", allocated: "已分派", in_progress: "办理中",
  submitted: "待验收", sent_back: "退回重办", accepted: "已验收",
};
export const SCREENING = { accepted: "准入通过", rejected: "驳回", needs_review: "需合规审查" };
export const PETITION_STATUS = {
  received: "待受理", processing: "办理中", resolved: "已办结", followed_up: "已回访",
  closed: "已关闭", declined: "不予受理",
};
export const PETITION_LEVELS = { village: "村级", town: "镇级", county: "县级" };
export const PETITION_SOURCES = {
  grid_report: "网格上报", snapshot: "随手拍", mailbox: "村民信箱", visit: "民情日记",
  hotline: "12345热线", partner: "合作系统",
};
export const SATISFACTION = { satisfied: "满意", basically_satisfied: "基本满意", unsatisfied: "不满意" };
export const PROCEDURE_STATES = { in_progress: "进行中", blocked: "受阻", completed: "已完成", abandoned: "已撤回终止" };
export const STEP_STATUS = { pending: "待登记", passed: "已通过", failed: "未通过" };
export const STEP_KINDS = { meeting: "会议", publicity: "公示", record: "登记" };
export const BODIES = {
  party_committee: "村党组织（支委会）", two_committees: "村两委联席会议", party_assembly: "党员大会",
  villager_assembly: "村民会议", representative_assembly: "村民代表会议", supervisory_committee: "村务监督委员会",
  joint_meeting: "村务联席会议",
};
export const QUORUM_BASES = { villagers: "按十八周岁以上村民计", households: "按户代表计", members: "按组成人员计" };
export const MAJOR_CATEGORIES = {
  allowance: "误工补贴人员及标准", collective_income: "集体经济所得收益的使用",
  public_works: "公益事业兴办、筹资筹劳及建设承包", land_contract: "土地承包经营方案",
  collective_project: "集体经济项目立项、承包", homestead: "宅基地使用方案",
  land_compensation: "征地补偿费使用、分配", asset_disposal: "处分村集体财产", land: "土地", other: "其他事项",
};
export const DISCLOSURE_CATEGORIES = { party: "党务公开", village_affairs: "村务公开", finance: "财务公开" };
export const DISCLOSURE_KINDS = { regular: "定期公开", major: "重大事项随时公开" };
export const WARNING_STATUS = { open: "未解除", resolved: "已解除" };
export const BURDEN = { light: "较轻", moderate: "适中", heavy: "较重" };
export const ACTIONS = {
  dispatched: "派发", sign: "签收", allocate: "分派", progress: "报告进展", submit: "提交办结",
  accept: "验收评分", send_back: "退回重办", rate: "评价任务", urge: "催办", overdue: "超期",
  remind: "到期提醒", reminded: "到期提醒",
  received: "登记", accepted: "受理", declined: "不予受理", escalated: "上报", assigned: "分派",
  transferred: "转办", returned: "退回", resolved: "办结", followed_up: "回访", closed: "关闭",
  reopened: "重办", urged: "督办", supervised: "列入督办", extension_requested: "申请延期",
  extension_decided: "延期审批", extension_approved: "批准延期", extension_rejected: "不批准延期",
  mediation: "调解", mediated: "调解",
  started: "启动程序", step_passed: "步骤通过", step_failed: "步骤未通过", completed: "程序完成", abandoned: "撤回终止",
};
export const EXTENSION_STATUS = { pending: "待审批", approved: "已批准", rejected: "未批准", withdrawn: "已失效" };
export const HOUSEHOLD_COLORS = { red: "红色户", yellow: "黄色户", green: "绿色户" };
export const MEDIATION_OUTCOMES = { agreement: "达成协议", failed: "调解不成", referred: "移交处理" };

export const WARNING_KINDS = {
  STEP_OUT_OF_ORDER: "环节顺序错误", QUORUM_MISREPORTED: "到会人数不足", IMPLEMENTATION_BEFORE_RESOLUTION: "决议前实施",
  PUBLICITY_TOO_SHORT: "公示期不足", NOTICE_TOO_SHORT: "通知期不足", PROCEDURE_STALLED: "程序停滞",
  MAJOR_MATTER_WITHOUT_PROCEDURE: "重大事项未经程序", DISCLOSURE_OVERDUE: "三务公开逾期",
};

export const label = (table, code) => (code in table ? table[code] : code || "—");
