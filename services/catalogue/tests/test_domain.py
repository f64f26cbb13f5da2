"""Screening decision rules, with hand-made matcher output (no text processing involved)."""
from datetime import date

from services.catalogue.domain import (
    ACCEPTED, NEEDS_REVIEW, OTHER_CODE, REJECTED, CatalogueItem, Draft, DuplicateHit, MatchReport, NegativeMatch,
    Suggestion, TownMatch, decide, missing_requirements, over_quota)

CATALOGUE = {i.code: i for i in [
    CatalogueItem("V-NY-010", "village", "农业农村", "秸秆禁烧巡查与综合利用宣传"),
    CatalogueItem("V-YB-001", "village", "医保", "城乡居民医保参保动员"),
    CatalogueItem("V-MZ-001", "village", "民政", "办理民政线相关公共事务和公益事业"),
    CatalogueItem("V-MZ-002", "village", "民政", "老年人优待证申领初审", parent_code="V-MZ-001"),
    CatalogueItem("V-OLD-001", "village", "民政", "已停用事项", active=False),
    CatalogueItem("T-ZH-012", "town", "综合执法", "露天焚烧秸秆、落叶、垃圾查处", department="镇综合行政执法队",
                  kind="行政执法"),
]}
STRAW = Suggestion("V-NY-010", "秸秆禁烧巡查与综合利用宣传", 0.8, ("秸秆", "巡查"))
MEDICAL = Suggestion("V-YB-001", "城乡居民医保参保动员", 0.3)
PATROL_TEXT = "请各村每天下田巡查，发现焚烧秸秆的及时劝阻并上报。"


def draft(description=PATROL_TEXT, **kw):
    base = dict(title="秸秆禁烧巡查", description=description, target_org_ids=("v1", "v2"),
                deadline=date(2025, 11, 30))
    return Draft(**(base | kw))


def report(*suggestions, **kw):
    return MatchReport(suggestions=suggestions, item_scores={s.code: s.score for s in suggestions}, **kw)


def test_confident_match_is_accepted_with_that_code():
    result = decide(draft(), report(STRAW, MEDICAL), catalogue=CATALOGUE)
    assert (result.decision, result.matter_code, result.reasons) == (ACCEPTED, "V-NY-010", [])


def test_nothing_fits_is_rejected_off_list():
    result = decide(draft(), report(Suggestion("V-YB-001", "x", 0.2)), catalogue=CATALOGUE)
    assert result.decision == REJECTED and result.reason_codes == ["OFF_LIST"]


def test_unsure_match_asks_for_review_with_candidates():
    close = [Suggestion("V-NY-010", "a", 0.44), Suggestion("V-YB-001", "b", 0.43)]
    result = decide(draft(), report(*close), catalogue=CATALOGUE)
    assert result.decision == NEEDS_REVIEW and result.reason_codes == ["LOW_CONFIDENCE"]
    assert "V-NY-010" in result.reasons[0].detail


def test_negative_list_hit_rejects_and_names_the_entry():
    fine = NegativeMatch("N-ZF-001", "要求村级承担行政执法职责", "由镇综合行政执法队或职能部门执法", 1.0, ("罚款",))
    town = TownMatch("T-ZH-012", "露天焚烧秸秆、落叶、垃圾查处", "镇综合行政执法队", 0.9)
    result = decide(draft(), report(STRAW, negative_matches=(fine,), town_matches=(town,)), catalogue=CATALOGUE)
    assert result.decision == REJECTED and result.reason_codes == ["OFF_LIST"]
    assert result.negative_matches[0].code == "N-ZF-001"
    assert result.town_matches[0].department == "镇综合行政执法队"
    assert "镇综合行政执法队" in result.reasons[0].detail


def test_enforcement_item_far_ahead_of_every_village_item_is_town_work():
    town = TownMatch("T-ZH-012", "露天焚烧秸秆、落叶、垃圾查处", "镇综合行政执法队", 0.95, kind="行政执法")
    result = decide(draft(), report(Suggestion("V-NY-010", "a", 0.6), town_matches=(town,)), catalogue=CATALOGUE)
    assert result.reason_codes == ["OFF_LIST"]


def test_other_town_item_far_ahead_only_asks_for_review():
    town = TownMatch("T-SL-002", "山塘水库安全巡查", "镇水利站", 0.95, kind="协调监督")
    result = decide(draft(), report(Suggestion("V-SL-002", "山塘日常巡查与安全管理", 0.6), town_matches=(town,)),
                    catalogue=CATALOGUE)
    assert result.decision == NEEDS_REVIEW and "TOWN_ITEM_CLOSER" in result.reason_codes
    assert result.town_matches[0].department == "镇水利站"


def test_a_town_item_far_ahead_when_no_village_item_fits_with_confidence_is_town_work():
    town = TownMatch("T-SL-002", "山塘水库安全巡查", "镇水利站", 0.56, kind="协调监督")
    unsure = [Suggestion("V-SL-002", "山塘日常巡查与安全管理", 0.44), Suggestion("V-NY-010", "b", 0.43)]
    result = decide(draft(), report(*unsure, town_matches=(town,)), catalogue=CATALOGUE)
    assert result.decision == REJECTED and result.reason_codes == ["OFF_LIST"]
    assert result.town_matches[0].department == "镇水利站" and "镇水利站" in result.reasons[0].detail
    # the same village items without a town item ahead of them: a person decides
    result = decide(draft(), report(*unsure), catalogue=CATALOGUE)
    assert result.decision == NEEDS_REVIEW and result.reason_codes == ["LOW_CONFIDENCE"]


def test_assisting_enforcement_goes_to_review_not_rejection():
    assist = NegativeMatch("N-ZF-001", "要求村级承担行政执法职责", "", 0.5, ("拆除",), assisted=True)
    result = decide(draft(), report(STRAW, negative_matches=(assist,)), catalogue=CATALOGUE)
    assert result.decision == NEEDS_REVIEW and "ENFORCEMENT_ASSIST" in result.reason_codes


def test_declared_town_code_is_a_level_mismatch_naming_the_town_office():
    result = decide(draft(matter_code="T-ZH-012"), report(STRAW), catalogue=CATALOGUE)
    assert result.decision == REJECTED and result.reason_codes == ["LEVEL_MISMATCH"]
    assert result.town_matches[0].code == "T-ZH-012"
    assert "镇综合行政执法队" in result.reasons[0].detail


def test_wrong_declared_code_suggests_the_right_one():
    result = decide(draft(matter_code="V-YB-001"), report(STRAW, MEDICAL), catalogue=CATALOGUE)
    assert result.decision == NEEDS_REVIEW and result.reason_codes == ["CODE_MISMATCH"]
    assert "V-NY-010" in result.reasons[0].detail and result.suggestions[0].code == "V-NY-010"


def test_declared_code_that_fits_is_kept():
    result = decide(draft(matter_code="V-NY-010"), report(STRAW, MEDICAL), catalogue=CATALOGUE)
    assert (result.decision, result.matter_code) == (ACCEPTED, "V-NY-010")


def test_declared_grouping_item_must_be_replaced_by_a_child():
    child = Suggestion("V-MZ-002", "老年人优待证申领初审", 0.8)
    result = decide(draft(matter_code="V-MZ-001"), report(child), catalogue=CATALOGUE)
    assert result.reason_codes == ["CODE_MISMATCH"] and "V-MZ-002" in result.reasons[0].detail


def test_inactive_and_unknown_codes_are_rejected():
    assert decide(draft(matter_code="V-OLD-001"), report(STRAW), catalogue=CATALOGUE).reason_codes == ["INACTIVE_ITEM"]
    assert decide(draft(matter_code="V-XX-999"), report(STRAW), catalogue=CATALOGUE).reason_codes == ["UNKNOWN_CODE"]


def test_vague_without_deadline_or_without_concrete_requirement():
    assert missing_requirements(draft(deadline=None)) == ["deadline"]
    assert missing_requirements(draft(deadline=None, description="请各村于11月30日前完成巡查。")) == []
    slogans = draft(title="进一步做好安全生产工作", description="各村要高度重视，认真落实，切实抓紧抓实各项工作，确保取得实效。")
    assert missing_requirements(slogans) == ["requirement"]
    result = decide(slogans, report(STRAW), catalogue=CATALOGUE)
    assert result.decision == REJECTED and "VAGUE" in result.reason_codes


def test_emergency_outside_the_list_passes_under_other_with_compliance_review():
    result = decide(draft(urgency="emergency", deadline=None), report(Suggestion("V-YB-001", "x", 0.1)),
                    catalogue=CATALOGUE)
    assert (result.decision, result.matter_code, result.compliance_review_required) == (ACCEPTED, OTHER_CODE, True)
    assert result.reason_codes[0] == "EMERGENCY"


def test_emergency_on_the_list_keeps_its_code_without_review():
    result = decide(draft(urgency="emergency"), report(STRAW, MEDICAL), catalogue=CATALOGUE)
    assert (result.decision, result.matter_code, result.compliance_review_required) == (ACCEPTED, "V-NY-010", False)


def test_duplicate_and_quota_are_reported_together():
    dup = DuplicateHit("task-1", "秋季秸秆禁烧", 0.8, ("v2",))
    result = decide(draft(), report(STRAW, MEDICAL), catalogue=CATALOGUE, duplicates=[dup],
                    over_quota_orgs=["v1"], quota_limit=5)
    assert result.decision == REJECTED and result.reason_codes == ["DUPLICATE", "QUOTA_EXCEEDED"]
    assert "v2" in result.reasons[0].detail and "5" in result.reasons[1].detail
    assert result.to_dict()["duplicates"] == [{"task_id": "task-1", "title": "秋季秸秆禁烧", "similarity": 0.8}]


def test_quota_counts_per_village_and_is_configurable():
    assert over_quota({"v1": 5, "v2": 4}, ["v1", "v2", "v3"], 5) == ["v1"]
    assert over_quota({"v1": 50}, ["v1"], None) == []


def test_reason_details_in_chinese_and_english():
    result = decide(draft(matter_code="T-ZH-012"), report(STRAW), catalogue=CATALOGUE)
    zh, en = result.to_dict()["reasons"][0], result.to_dict(lang="en")["reasons"][0]
    assert zh["code"] == en["code"] == "LEVEL_MISMATCH"
    assert "涉镇事项" in zh["detail"] and "town-level" in en["detail"]


def _similar(code, lead, score=0.6):
    return NegativeMatch(code, "要求村级拍照留痕和截图作为完成依据", "", score, ("照片", "组数", "考核"),
                         source="similarity", lead=lead)


def test_reading_like_a_negative_list_entry_at_least_as_much_as_any_item_rejects_and_says_why():
    result = decide(draft(), report(STRAW, negative_matches=(_similar("N-XS-003", 0.0),)), catalogue=CATALOGUE)
    assert result.decision == REJECTED and result.reason_codes == ["OFF_LIST"]
    assert "拍照留痕" in result.reasons[0].detail and "照片、组数、考核" in result.reasons[0].detail


def test_a_village_item_a_little_closer_than_the_negative_entry_asks_for_review():
    result = decide(draft(), report(STRAW, negative_matches=(_similar("N-XS-003", -0.06),)), catalogue=CATALOGUE)
    assert result.decision == NEEDS_REVIEW and result.reason_codes == ["LOW_CONFIDENCE"]
    assert "N-XS-003" in result.reasons[0].detail and "负面清单" in result.reasons[0].detail


def test_a_village_item_clearly_closer_than_the_negative_entry_is_accepted():
    result = decide(draft(), report(STRAW, negative_matches=(_similar("N-XS-003", -0.2),)), catalogue=CATALOGUE)
    assert (result.decision, result.matter_code) == (ACCEPTED, "V-NY-010")


def test_reading_like_enforcement_without_an_enforcement_act_is_only_reviewed():
    result = decide(draft(), report(STRAW, negative_matches=(_similar("N-ZF-002", 0.05),)), catalogue=CATALOGUE)
    assert result.decision == NEEDS_REVIEW and "OFF_LIST" not in result.reason_codes


# The learned off-list model (MatchReport.offlist_probability) next to the rules.
COERCION = NegativeMatch("N-ZF-001", "要求村级承担行政执法职责", "由镇综合行政执法队或职能部门执法", 0.31,
                         ("扣发", "补贴"), source="similarity", lead=-0.3)


def test_learned_model_rejects_what_no_rule_names_and_says_why():
    disguised = report(STRAW, negative_matches=(COERCION,), offlist_probability=0.93,
                       offlist_evidence=("扣发", "停水"))
    result = decide(draft("对焚烧秸秆的农户，村里暂停发放其当年地力补贴，并停水三天。"), disguised, catalogue=CATALOGUE)
    assert (result.decision, result.reason_codes, result.matter_code) == (REJECTED, ["OFF_LIST"], None)
    assert result.negative_matches[0].code == "N-ZF-001"  # named after the entry it reads most like
    assert "93%" in result.reasons[0].detail and "扣发" in result.reasons[0].detail


def test_learned_model_below_its_threshold_changes_nothing():
    result = decide(draft(), report(STRAW, MEDICAL, offlist_probability=0.45), catalogue=CATALOGUE)
    assert (result.decision, result.matter_code, result.reasons) == (ACCEPTED, "V-NY-010", [])


def test_rule_rejection_the_model_reads_as_village_work_goes_to_a_person():
    fine = NegativeMatch("N-ZF-001", "要求村级承担行政执法职责", "", 1.0, ("罚款",))
    result = decide(draft(), report(STRAW, negative_matches=(fine,), offlist_probability=0.04), catalogue=CATALOGUE)
    assert (result.decision, result.reason_codes, result.matter_code) == (NEEDS_REVIEW, ["LOW_CONFIDENCE"], None)
    assert "N-ZF-001" in result.reasons[0].detail and "V-NY-010" in result.reasons[0].detail
    # the same rule hit with the model agreeing (or no model loaded) still rejects
    for p in (0.5, None):
        agreed = decide(draft(), report(STRAW, negative_matches=(fine,), offlist_probability=p), catalogue=CATALOGUE)
        assert agreed.decision == REJECTED and agreed.reason_codes == ["OFF_LIST"]


def test_the_model_cannot_dispute_an_act_the_notice_asks_of_the_village_by_name():
    fine = NegativeMatch("N-ZF-001", "要求村级承担行政执法职责", "", 1.0, ("罚款",), asked_of_village=True)
    result = decide(draft(), report(STRAW, negative_matches=(fine,), offlist_probability=0.04), catalogue=CATALOGUE)
    assert result.decision == REJECTED and result.reason_codes == ["OFF_LIST"]


def test_learned_model_never_blocks_an_emergency_or_adds_to_a_vague_notice():
    emergency = draft("暴雨来袭，请各村今晚转移山脚危房住户。", urgency="emergency", deadline=None)
    result = decide(emergency, report(STRAW, offlist_probability=0.97), catalogue=CATALOGUE)
    assert (result.decision, result.matter_code) == (ACCEPTED, "V-NY-010")
    slogans = draft("要高度重视，切实抓好落实，确保取得实效。", title="关于秋冬季工作的要求")
    result = decide(slogans, report(STRAW, offlist_probability=0.97), catalogue=CATALOGUE)
    assert result.reason_codes == ["VAGUE"]
