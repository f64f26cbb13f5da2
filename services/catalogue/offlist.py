"""Off-list rules: what a notice asks the village itself to do (fine, demolish, approve, clean up…)."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

_CLAUSE_END = re.compile(r"[，,。；;！!？?\n：:]")
# Spoken negations count too ("千万别自己去扣车", "不用罚款"), but not 别 inside 特别/分别/个别/类别…;
# so does the village being kept out of the act ("村里不参与处罚", "无权罚款").
_NEGATED = re.compile(r"(不得|严禁|禁止|不准|不要|防止|杜绝|避免|不能|未经|(?<![特分个类区识级性辨告派])别|不用|不必|无需"
                      r"|不参与|不介入|不插手|无权)"
                      r"[^，。；]{0,10}$")
# The village said not to do it, in any words: "村里不负责拆除", "村里不出具鉴定结论", "村里不代收、不垫付";
# and a bare 不 right before the act ("不罚款"), but not a condition on someone else (拒不拆除, 逾期不拆除的).
_VILLAGE_NOT = re.compile(r"村(里|委会?|两委|级|干部)?(一律|均|都|也|就|并)?(不|无权|无需|不必)[^，。；]{0,8}$"
                          r"|(?<![拒仍还如若期])不$")
# A demand or a stake said not to apply: "不以照片数量作为考核依据", "不排名", "不得与补贴挂钩".
_STAKE_NEGATED = re.compile(_NEGATED.pattern.replace("(不得|", "(不(再|作为|纳入|计入|与|以|搞|进行|排|通报)|不得|", 1))
_NEGATED_INSIDE = re.compile(r"不(再|作为|纳入|计入|以)")
# Someone other than the village acts: "报镇执法队处置", "由执法队依法处罚", "供林业部门审批".
# 委托 hands the act to an agency ("由村建办委托专业机构鉴定"); 村建办 (the town's village-building
# office) is not the village ("由村" followed by 建办/镇).
_NOT_VILLAGE = r"(?!(你|本|所在|各|该)?村(?!建|镇))"
_AGENT_WORDS = r"(执法|部门|镇|所|局|站|队|中心|公安|派出所|机构|政府|办)"
_DELEGATED = re.compile(
    r"(报|上报|报告|报请|移交|交由|交给|提交|转报|转交|供|提请|委托|由" + _NOT_VILLAGE + ")"
    r"[^，。；]{0,14}(" + _AGENT_WORDS + "|专业)")
# The same, said after the act in its clause: "后续关停还是整改由镇里会同部门处理", "罚不罚由执法队定".
_DELEGATED_AFTER = re.compile(
    r"[^，。；]{0,20}由" + _NOT_VILLAGE + r"[^，。；]{0,8}" + _AGENT_WORDS
    + r"[^，。；]{0,14}(处理|处置|负责|决定|定|实施|办理|依法|完成|承担|开展|进行|上门|做)")
# A condition naming the act, then who does it: "需要做房屋安全鉴定的，由镇里委托有资质的机构上门".
_DELEGATED_NEXT = re.compile(r"[^，。；]{0,8}的，由" + _NOT_VILLAGE + r"[^，。；]{0,14}" + _AGENT_WORDS)
# The act word naming an agency or its staff, not an act: "鉴定机构", "检测人员".
_AGENCY_NOUN = re.compile(r"机构|中心|单位|公司|人员|专家")
# "罚款这个事情不是你们村里的事".
_NOT_VILLAGES_AFTER = re.compile(r"[^，。；]{0,8}不(是|归|属于)[^，。；]{0,8}村")
# The act as the topic, someone else's: "罚款的事情执法队会处理", "罚款是执法队的事", "罚款的事交给执法中队".
_AGENCY = r"(执法队|执法中队|执法大队|执法部门|职能部门|专业队|专业机构|派出所|公安|技术员)"
_DELEGATED_TOPIC = re.compile(
    r"[^，。；]{0,4}?(的事情?)?((是|由)?" + _AGENCY + r"[^，。；]{0,4}(的事|会处理|处理|负责|去管|来管|完成)"
    r"|(交给|交由|归)" + _AGENCY + ")")
# The clause names someone else as the one acting, before the act: "镇综合执法中队定于12月8日对…依法
# 拆除", "县疾控中心下周对农村饮用水开展水质检测" (the village's part follows in its own clause).
_OTHER_AGENT = re.compile(
    r"^[^，。；]{0,4}?(县|市|区|镇|乡|街道)[^，。；村]{0,10}?(执法队|中队|大队|局|站|所|办|中心|部门|公司|机构|政府|专班|小组)"
    r"(将|会|拟|已|定于|计划|统一|依法|负责|于|在|对|下周|近期|本周|近日|明天|今天|\d)")
_ASSISTING = re.compile(r"配合|协助|协同")
# The act's result, someone else's, that the village passes on: "检测报告出来后在公开栏公布", "鉴定为C、D级的
# 督促停用"; and an act already done ("已报废、拆除的办理核销").
_RESULT_AFTER = re.compile(r"为[A-DＡ-Ｄa-d一二三四]|(结果|结论|报告)?(出来|下来|反馈)")
_ALREADY = re.compile(r"(已经?|早已)[^，。；]{0,4}$")
# The clause asks the village itself, in so many words, to do the act: "请各村对…逐户开展房屋安全鉴定",
# "由你村负责拆除" (not "你村村民…", who is the object).
_ASKED_OF_VILLAGE = re.compile(r"(请|由|要求|责成)(各|你|本|该)?村(（社区）)?(?!村?民|建|镇)")
# Someone else already acted and the notice only reports it: "被公安机关处罚", "受到行政处罚";
# but 被征收人/被拆迁户 name the people an act is aimed at.
_PASSIVE = re.compile(r"(被|受到|受过|遭到|遭受)[^，。；由再并将把对]{0,12}$")
_PASSIVE_NOUN = re.compile(r"被(征收|征迁|拆迁|执行|申请|告|处罚人)")
# The village removes the act from a text rather than doing it: "删除…罚款条款" (editing verbs, the
# act their object), "取消罚款的规定" (withdrawing verbs only when a rule or clause follows the act).
_EDITING = re.compile(r"(删除|删去|删掉|删改|废止|废除)[^，。；并再后]{0,10}$")
_WITHDRAWING = re.compile(r"(取消|撤销|去掉|修改)[^，。；并再后]{0,6}$")
_RULE_TEXT = re.compile(r"[^，。；]{0,6}(条款|规定|条文|内容|规矩|做法|措施)")
# A violation named in the same place overrides a rule's `unless` ("临时违章搭建的棚子" is still 违建).
_VIOLATION = re.compile(r"违章|违建|违法|违规|私搭|乱搭")
# What the village is to look for or report is what others do, not what it is asked to do: "拉票威胁等
# 线索登记后报镇", "举报刷票", "查看是否…".
_OBSERVED_BEFORE = re.compile(r"(举报|反映|打击|揭发|曝光|有没有|有无|是否)[^，。；]{0,10}$")
# What the village tells people about (a fine others impose, a scam's 点赞 links) is publicity, not the
# act — unless the telling mobilises them to do it ("宣传发动村民点赞").
_TOLD = re.compile(r"(宣传|告知|提醒|讲清|讲明|讲解)(?![^，。；]{0,10}(发动|动员|组织|号召|要求|引导))[^，。；]{0,10}$")
_OBSERVED_AFTER = re.compile(r"[^，。；、]{0,14}(线索|苗头)")
_QUOTES = {"“": "”", "「": "」", "‘": "’"}
# Where a rule's object must be: the clause up to the match, or right after it up to the next pause.
_OBJECT_AFTER = re.compile(r"[^，,。；;！!？?\n：:、]{0,8}")


@dataclass(frozen=True)
class OffListRule:
    """A pattern naming a negative-list entry (N-…) or a town duty (T-…).

    agent: "village" when the pattern only counts if the village itself is to act, "any" otherwise.
    on_assist: "review" when the village merely assisting still needs a human look, "ignore" when fine.
    object: when set, the match counts only if this pattern also occurs in the same clause before it
    or right after it ("拆除违建", "违章搭建的彩钢棚组织拆除", but not "叫他拆掉线"); with
    object_scope "sentence", anywhere in the sentence before it ("对拒不停工的违建户，…停止供水").
    unless: when set, the match does not count if this pattern occurs in the same place (temporary
    things: "临时搭建的舞台…演出结束后拆除" is clearing up after an event, not demolition) and no
    violation (违章, 违建, 私搭 …) is named there too.
    """
    code: str
    pattern: re.Pattern
    agent: str = "any"
    on_assist: str = "ignore"
    note: str = ""
    object: re.Pattern | None = None
    unless: re.Pattern | None = None
    object_scope: str = "clause"


@dataclass(frozen=True)
class RuleHit:
    code: str
    term: str
    assisted: bool
    asked_of_village: bool = False  # the act's clause asks the village by name (请各村…开展鉴定)


def load_rules(path: Path) -> list[OffListRule]:
    with open(path, encoding="utf-8", newline="") as f:
        return [OffListRule(r["code"], re.compile(r["pattern"]), r.get("agent") or "any",
                            r.get("on_assist") or "ignore", r.get("note", ""),
                            re.compile(r["object"]) if r.get("object") else None,
                            re.compile(r["unless"]) if r.get("unless") else None,
                            r.get("object_scope") or "clause") for r in csv.DictReader(f)]


def _sentence_prefix(text: str, pos: int) -> str:
    return text[max(text.rfind(c, 0, pos) for c in "。！？；\n") + 1:pos]


def _clause_prefix(text: str, pos: int) -> str:
    start = 0
    for m in _CLAUSE_END.finditer(text, 0, pos):
        start = m.end()
    return text[start:pos]


def delegates_enforcement(text: str) -> bool:
    """True when the notice hands something to an enforcement team or department (报镇执法队处置)."""
    return bool(_DELEGATED.search(text))


def _reported(text: str, prefix: str, pos: int) -> bool:
    """True when a passive before the match says someone else already did it (被…处罚)."""
    m = _PASSIVE.search(prefix)
    return m is not None and not _PASSIVE_NOUN.match(text, pos - len(prefix) + m.start())


def _quoted(text: str, pos: int) -> bool:
    """True when pos lies inside a quotation opened in the same sentence (a cited rule or slogan)."""
    start = max(text.rfind(c, 0, pos) for c in "。\n")
    depth_open = None
    for k in range(start + 1, pos):
        ch = text[k]
        if ch in _QUOTES:
            depth_open = _QUOTES[ch]
        elif depth_open is not None and ch == depth_open:
            depth_open = None
    return depth_open is not None


def _vetoed(text: str, rule: OffListRule, m: re.Match, prefix: str) -> str | None:
    """Why the match is not the village's act: "negated", "observed" (looked for, reported, told
    about), "reported" (already done, being removed or quoted) or "agent" (someone else is to act);
    "assisted" when the village only assists; None when it is."""
    if (_STAKE_NEGATED.search(prefix) or _NEGATED_INSIDE.search(m.group(0)) or _VILLAGE_NOT.search(prefix)
            or _NOT_VILLAGES_AFTER.match(text, m.end())):
        return "negated"
    if _AGENCY_NOUN.match(text, m.end()):
        return "agent"
    if _OBSERVED_BEFORE.search(prefix) or _OBSERVED_AFTER.match(text, m.end()) or _TOLD.search(prefix):
        return "observed"
    if rule.agent != "village":
        return None
    if (_DELEGATED.search(prefix) or _DELEGATED_AFTER.match(text, m.end()) or _DELEGATED_TOPIC.match(text, m.end())
            or _DELEGATED_NEXT.match(text, m.end()) or _OTHER_AGENT.match(prefix)):
        return "agent"
    if (_reported(text, prefix, m.start()) or _EDITING.search(prefix) or _ALREADY.search(prefix)
            or _RESULT_AFTER.match(text, m.end())
            or (_WITHDRAWING.search(prefix) and _RULE_TEXT.match(text, m.end())) or _quoted(text, m.start())):
        return "reported"
    if _ASSISTING.search(prefix):
        return "assisted"
    return None


def apply_rules(text: str, rules: list[OffListRule], title_len: int = 0,
                cleared: set[str] | None = None) -> list[RuleHit]:
    """Rule hits in the text, one per code, the village's own actions before assisted ones.

    `cleared`, when given, receives the codes of acts the text names but says are not the village's
    (negated, only looked for or told about, someone else's, already done or quoted).

    The first `title_len` characters are the title, which names the topic ("违建拆除配合"): a hit
    there counts only when the body does not say the same act is someone else's or not to be done
    ("镇执法中队定于…依法拆除，请相关村做好群众工作").
    """
    hits: dict[str, RuleHit] = {}
    in_title: dict[str, RuleHit] = {}
    vetoed: set[str] = set()
    for rule in rules:
        for m in rule.pattern.finditer(text):
            prefix = _clause_prefix(text, m.start())
            after = _OBJECT_AFTER.match(text, m.end()).group(0)
            where = _sentence_prefix(text, m.start()) if rule.object_scope == "sentence" else prefix
            if rule.object is not None and not (rule.object.search(where) or rule.object.search(after)):
                continue
            if (rule.unless is not None and (rule.unless.search(prefix) or rule.unless.search(after)
                                             or rule.unless.search(m.group(0)))
                    and not _VIOLATION.search(prefix + after)):
                continue
            why = _vetoed(text, rule, m, prefix)
            if why == "assisted" and rule.on_assist == "ignore":
                why = "agent"
            if why not in (None, "assisted"):
                if cleared is not None:
                    cleared.add(rule.code)
                # Only who is to act (or that nobody is) overrules the title; what happened or is
                # looked for describes the situation ("被倾倒了一批固废，请你村…清运" still asks it).
                if m.start() >= title_len and why in ("agent", "negated"):
                    vetoed.add(rule.code)
                continue
            assisted = why == "assisted"
            found = RuleHit(rule.code, m.group(0), assisted, bool(_ASKED_OF_VILLAGE.search(prefix)))
            if m.start() < title_len:
                in_title.setdefault(rule.code, found)
                continue
            known = hits.get(rule.code)
            if known is None or (known.assisted and not assisted):
                hits[rule.code] = found
            if not assisted:
                break
    for code, found in in_title.items():
        if code not in hits and code not in vetoed:
            hits[code] = found
    return sorted(hits.values(), key=lambda h: h.assisted)


# --- The demand: what a notice measures and what hangs on the measure ------------------------------
# Word rules and similarity see the topic (an App, photos, a patrol); an off-list demand is often
# village work plus a measure: "激活率每天通报…未达标的村考核扣分", "照片不少于5张…照片总数排名与补贴
# 挂钩". A measure is an artefact (activations, forwards, photos — `demand_measures.csv`) counted as a
# rate (激活率), a number (照片数量, 下载量, 不少于5张) or a target (达到90%); the stake is what hangs on
# it in the same sentence (考核, 扣分, 排名, 通报, 挂钩, 视为未完成). A measure with a stake is the
# demand, whatever work it is phrased as; a count with nothing at stake ("拍照上传") is evidence.

_SENTENCE_END = re.compile(r"[。！!？?\n]")
_NUMBER = r"[\d一二两三四五六七八九十百千]+"
_RATE_AFTER = re.compile(r"[^，,。；;、\d\s]{0,4}?率")
_COUNT_AFTER = re.compile(
    r"[^，,。；;]{0,10}?(数量|总数|张数|条数|个数|组数|人数|户数|次数|数(?=[^据字码学额]|$)|(?<!工作)量(?!化|力|身)"
    r"|(不少于|不低于|至少|达到|满)\s*" + _NUMBER + r"|\d+\s*(张|条|个|次|人|户|票)(以上)?)")
_COUNT_BEFORE = re.compile(r"(不少于|不低于|至少|每天|每日|每周|每次|每人|每户)[^，,。；;\d]{0,3}?" + _NUMBER
                           + r"\s*[张条个次组]?[^，,。；;]{0,4}$")
_STAKE = re.compile(r"考核|扣分|加分|排名|排序|倒数|通报|挂钩|视为未完成|视为未|问责|约谈|计分|得分|绩效|扣发|扣减|扣除")


@dataclass(frozen=True)
class MeasureKind:
    """An artefact whose counting, ranked or scored, is a negative-list entry's demand."""
    code: str
    artefact: re.Pattern
    note: str = ""


@dataclass(frozen=True)
class Measure:
    code: str
    measure: str   # the counted phrase as written: 激活率, 照片不少于5张
    stake: str     # what hangs on it: 考核, 挂钩, 排名 …


def load_measures(path: Path) -> list[MeasureKind]:
    if not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as f:
        return [MeasureKind(r["code"], re.compile(r["artefact"]), r.get("note", "")) for r in csv.DictReader(f)]


def _measured(text: str, m: re.Match, prefix: str) -> str | None:
    """The measure phrase when the artefact at m is counted, else None."""
    after = _RATE_AFTER.match(text, m.end()) or _COUNT_AFTER.match(text, m.end())
    if after is not None:
        return text[m.start():after.end()]
    before = _COUNT_BEFORE.search(prefix)
    if before is not None:
        return text[m.start() - len(prefix) + before.start():m.end()]
    return None


def read_measures(text: str, kinds: list[MeasureKind]) -> list[Measure]:
    """Measures with a stake the notice imposes, one per code (see the comment above)."""
    found: dict[str, Measure] = {}
    start = 0
    for end_match in list(_SENTENCE_END.finditer(text)) + [None]:
        end = end_match.start() if end_match else len(text)
        sentence = text[start:end]
        stakes = [s for s in _STAKE.finditer(sentence)
                  if not _STAKE_NEGATED.search(_clause_prefix(sentence, s.start()))]
        if stakes:
            for kind in kinds:
                if kind.code in found:
                    continue
                for m in kind.artefact.finditer(sentence):
                    prefix = _clause_prefix(sentence, m.start())
                    if _STAKE_NEGATED.search(prefix) or _OBSERVED_BEFORE.search(prefix):
                        continue
                    phrase = _measured(sentence, m, prefix)
                    if phrase:
                        found[kind.code] = Measure(kind.code, phrase, stakes[0].group(0))
                        break
        start = end + 1
    return list(found.values())


_CLAUSE = re.compile(r"[^，,。；;！!？?\n]+")


def disclaimed_measures(text: str, kinds: list[MeasureKind]) -> set[str]:
    """Codes whose measure the notice says does not count: a clause with the artefact, a stake and a
    negation ("照片数量不作为考核依据", "不以转发量排名") — reading like the entry is then no reason to
    reject it."""
    out: set[str] = set()
    for clause in _CLAUSE.findall(text):
        if not _STAKE.search(clause) or not (_STAKE_NEGATED.search(clause[:_STAKE.search(clause).start()])
                                             or _NEGATED_INSIDE.search(clause)):
            continue
        out.update(k.code for k in kinds if k.artefact.search(clause))
    return out


# Helping one person use an App or take part is a village act; a number of them is the demand.
_HELPING = re.compile(r"(帮|帮助|帮忙|指导|教会|手把手|代为|协助)[^，。；]{0,12}$")
_QUOTA = re.compile(r"(不少于|不低于|至少|达到|每村|每户|每人)[^，。；]{0,4}[\d一二两三四五六七八九十百千]+|\d+\s*[%％]"
                    r"|率|排名|考核|通报|截图")


def helping_without_quota(text: str, term: str) -> bool:
    """True when the clause before `term` has the village helping people and the notice sets no
    number, rate, ranking or scoring for it ("帮不会用手机的老人下载App完成认证")."""
    pos = text.find(term)
    return pos >= 0 and bool(_HELPING.search(_clause_prefix(text, pos))) and not _QUOTA.search(text)
