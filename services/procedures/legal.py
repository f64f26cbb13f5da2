"""Legal rules as data: national defaults with the source of each, overridable per province or county."""
from __future__ import annotations

# A fraction rule reads "count compared with base × num/den": strict means "more than"
# (过半数, 超过), not strict means "at least" (以上 includes the number itself, 民法典 第1259条).
# `base` is what the count is compared against: the body's size (应到) or those present (到会).
ORGANIC_LAW = "《中华人民共和国村民委员会组织法》(2018年修正)"
PARTY_BRANCH = "《中国共产党支部工作条例（试行）》(2018)"
CONVENTION = "基层议事惯例（法律未规定，默认值可按省、县配置）"

DEFAULT_RULES: dict[str, dict] = {
    "quorum.villager_assembly": {
        "value": [
            {"basis": "villagers", "num": 1, "den": 2, "strict": True,
             "label": "本村十八周岁以上村民过半数参加"},
            {"basis": "households", "num": 2, "den": 3, "strict": False,
             "label": "本村三分之二以上的户的代表参加"},
        ],
        "source": f"{ORGANIC_LAW}第二十二条",
        "description": "村民会议的召开条件（两种计算口径任选其一）",
    },
    "pass.villager_assembly": {
        "value": {"base": "present", "num": 1, "den": 2, "strict": True,
                  "label": "经到会人员的过半数通过"},
        "source": f"{ORGANIC_LAW}第二十二条",
        "description": "村民会议决定的通过条件",
    },
    "notice_days.villager_assembly": {
        "value": 10,
        "source": f"{ORGANIC_LAW}第二十一条（召开村民会议，应当提前十天通知村民）",
        "description": "村民会议提前通知天数",
    },
    "quorum.representative_assembly": {
        "value": [{"basis": "members", "num": 2, "den": 3, "strict": False,
                   "label": "三分之二以上的组成人员参加"}],
        "source": f"{ORGANIC_LAW}第二十六条",
        "description": "村民代表会议的召开条件",
    },
    "pass.representative_assembly": {
        "value": {"base": "present", "num": 1, "den": 2, "strict": True,
                  "label": "经到会人员的过半数同意"},
        "source": f"{ORGANIC_LAW}第二十六条",
        "description": "村民代表会议决定的通过条件",
    },
    "quorum.party_assembly": {
        "value": [{"basis": "members", "num": 1, "den": 2, "strict": False,
                   "label": "半数以上有表决权的党员到会"}],
        "source": f"{PARTY_BRANCH}（党员大会须有半数以上有表决权的党员到会方可召开）",
        "description": "党员大会的召开条件",
    },
    "pass.party_assembly": {
        "value": {"base": "size", "num": 1, "den": 2, "strict": True,
                  "label": "赞成人数超过应到会有表决权党员的半数"},
        "source": PARTY_BRANCH,
        "description": "党员大会讨论决定事项的通过条件",
    },
    "quorum.party_committee": {
        "value": [{"basis": "members", "num": 1, "den": 2, "strict": False,
                   "label": "半数以上委员到会"}],
        "source": f"{PARTY_BRANCH}（支部委员会会议）",
        "description": "村党组织（支委会）会议的召开条件",
    },
    "pass.party_committee": {
        "value": {"base": "size", "num": 1, "den": 2, "strict": True,
                  "label": "超过应到会委员的半数同意"},
        "source": PARTY_BRANCH,
        "description": "村党组织提议的通过条件",
    },
    "quorum.two_committees": {
        "value": [{"basis": "members", "num": 1, "den": 2, "strict": True,
                   "label": "两委成员过半数到会"}],
        "source": CONVENTION,
        "description": "村两委联席会议（商议）的召开条件",
    },
    "pass.two_committees": {
        "value": {"base": "size", "num": 1, "den": 2, "strict": True,
                  "label": "超过两委成员半数同意"},
        "source": CONVENTION,
        "description": "村两委商议的通过条件",
    },
    "quorum.supervisory_committee": {
        "value": [{"basis": "members", "num": 1, "den": 2, "strict": True,
                   "label": "村务监督委员会成员过半数到会"}],
        "source": f"《关于建立健全村务监督委员会的指导意见》(2017)；{CONVENTION}",
        "description": "村务监督委员会核议的召开条件",
    },
    "pass.supervisory_committee": {
        "value": {"base": "size", "num": 1, "den": 2, "strict": True,
                  "label": "超过监委会成员半数同意"},
        "source": CONVENTION,
        "description": "村务监督委员会核议的通过条件",
    },
    "quorum.joint_meeting": {
        "value": [{"basis": "members", "num": 1, "den": 2, "strict": True,
                   "label": "联席会议成员过半数到会"}],
        "source": CONVENTION,
        "description": "村务联席会议（村两委、监委会等）的召开条件",
    },
    "pass.joint_meeting": {
        "value": {"base": "present", "num": 1, "den": 2, "strict": True,
                  "label": "经到会人员的过半数同意"},
        "source": CONVENTION,
        "description": "村务联席会议的通过条件",
    },
    "publicity.min_days": {
        "value": 7,
        "source": "法律未规定天数；各地“四议两公开”实施办法通行“公示不少于7天”，按省配置",
        "description": "决议公开、实施结果公开的最短天数（含首尾两日）",
    },
    "stall.max_working_days": {
        "value": 20,
        "source": CONVENTION,
        "description": "一个步骤超过该工作日数未推进即预警“程序停滞”",
    },
    "major_matter": {
        "value": {"threshold_fen": 5_000_000,
                  "categories": ["allowance", "collective_income", "public_works",
                                 "land_contract", "collective_project", "homestead",
                                 "land_compensation", "asset_disposal", "land"]},
        "source": f"{ORGANIC_LAW}第二十四条列举的事项；金额标准（默认5万元）为地方做法，按县配置",
        "description": "须经民主决策程序的重大事项：金额达到标准或属于所列类别",
    },
    "disclosure.schedule": {
        "value": {"finance": "monthly", "party": "quarterly", "village_affairs": "quarterly",
                  "grace_days": 10},
        "source": f"{ORGANIC_LAW}第三十条（一般事项至少每季度公布一次；集体财务往来较多的，"
                  "财务收支情况应当每月公布一次；涉及村民利益的重大事项应当随时公布）",
        "description": "三务公开周期；期末后宽限天数内未公开即预警",
    },
}

BODIES = {
    "party_committee": ("村党组织（支委会）", "village party committee"),
    "two_committees": ("村两委联席会议", "joint meeting of the two committees"),
    "party_assembly": ("党员大会", "party members' assembly"),
    "villager_assembly": ("村民会议", "villagers' assembly"),
    "representative_assembly": ("村民代表会议", "villagers' representatives assembly"),
    "supervisory_committee": ("村务监督委员会", "village affairs supervisory committee"),
    "joint_meeting": ("村务联席会议", "joint village affairs meeting"),
}

MAJOR_CATEGORIES = {
    "allowance": "误工补贴人员及标准", "collective_income": "集体经济所得收益的使用",
    "public_works": "公益事业兴办、筹资筹劳及建设承包", "land_contract": "土地承包经营方案",
    "collective_project": "集体经济项目立项、承包", "homestead": "宅基地使用方案",
    "land_compensation": "征地补偿费使用、分配", "asset_disposal": "处分村集体财产",
    "land": "土地", "other": "其他事项",
}


def effective(rows: list[dict], org_id: str) -> dict[str, dict]:
    """Defaults overlaid with stored rows whose region is a prefix of `org_id`, longest last."""
    rules = {key: {"key": key, "region": "", **spec} for key, spec in DEFAULT_RULES.items()}
    for row in sorted(rows, key=lambda r: len(r["region"])):
        if org_id.startswith(row["region"]) and row["key"] in rules:
            rules[row["key"]] = {**rules[row["key"]], **row}
    return rules
