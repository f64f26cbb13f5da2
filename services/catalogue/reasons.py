"""Stable reason codes of a screening, with their Chinese and English details."""
from __future__ import annotations

from dataclasses import dataclass

# Reason code -> (zh template, en template). Codes are stable API; details are for people.
MESSAGES: dict[str, tuple[str, str]] = {
    "OFF_LIST": ("该任务不在涉村（社区）工作事项准入清单内{extra}，不得下派村（社区）。",
                 "The task is not on the village work catalogue{extra_en}; it must not be pushed down to villages."),
    "CODE_MISMATCH": ("申报的事项编码 {declared}（{declared_name}）{why}，建议改为 {code}（{name}）。",
                      "Declared code {declared} ({declared_name}) {why_en}; suggested {code} ({name})."),
    "LEVEL_MISMATCH": ("{declared}（{declared_name}）是涉镇事项，应由{department}自行办理，不能下派村（社区）。",
                       "{declared} ({declared_name}) is a town-level item for {department}; it cannot be pushed down to villages."),
    "INACTIVE_ITEM": ("事项 {declared}（{declared_name}）已停用，请选择现行清单内的事项。",
                      "Item {declared} ({declared_name}) is no longer active; choose a current catalogue item."),
    "UNKNOWN_CODE": ("事项编码 {declared} 不在本县涉村事项清单中。",
                     "Code {declared} is not in this county's village catalogue."),
    "LOW_CONFIDENCE": ("未能确定对应的清单事项，请人工确认编码（候选：{candidates}）。",
                       "No catalogue item fits with confidence; please confirm the code (candidates: {candidates})."),
    "TOWN_ITEM_CLOSER": ("任务内容更接近涉镇事项“{name}”（{department}），请确认是否应由镇里自行办理。",
                         "The text is closer to town item {code} ({department}); confirm it is not the town's own work."),
    "ENFORCEMENT_ASSIST": ("任务要求村（社区）配合执法类工作（{name}），村级仅负责发现劝导和信息报送，请人工审核。",
                           "The task asks villages to assist enforcement ({name}); villages only report and persuade. Review needed."),
    "VAGUE": ("任务要求不明确：{what}，请补充后重新提交。",
              "The task is vague: {what_en}; please complete it and resubmit."),
    "DUPLICATE": ("{orgs} 近期已收到相同任务（{titles}），请勿重复下派。",
                  "{orgs} recently received the same task ({titles}); do not dispatch it again."),
    "QUOTA_EXCEEDED": ("{orgs} 本期接收本单位派单已达上限（{limit} 件）。",
                       "{orgs} reached this period's limit of {limit} tasks from the issuing office."),
    "EMERGENCY": ("紧急任务按“其他”事项加急派发，派发后须进行合规性审查。",
                        "Emergency task dispatched under 'Other'; a compliance review must follow."),
}


@dataclass(frozen=True)
class Reason:
    code: str
    detail: str
    detail_en: str

    def to_dict(self, lang: str = "zh") -> dict:
        return {"code": self.code, "detail": self.detail_en if lang.startswith("en") else self.detail}


def reason(code: str, /, **kw: object) -> Reason:
    """Build a Reason from MESSAGES with its Chinese and English detail."""
    zh, en = MESSAGES[code]
    return Reason(code, zh.format(**kw), en.format(**kw))
