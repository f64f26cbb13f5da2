"""Screening as users see it: real catalogue data, notices written in town-office language."""
from datetime import date, datetime, timedelta, timezone

import pytest

from services.catalogue.domain import ACCEPTED, NEEDS_REVIEW, OTHER_CODE, REJECTED, Draft
from services.catalogue.matching import DuplicateIndex, Matcher, Screener
from services.catalogue.textindex import tokenizer

NOW = datetime(2025, 11, 10, 9, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def matcher():
    return Matcher.from_data_dir()


@pytest.fixture()
def screener(matcher):
    return Screener(matcher)


def notice(title, description, villages=("v-jinxi",), **kw):
    return Draft(title, description, tuple(villages), kw.pop("deadline", date(2025, 11, 30)), **kw)


def screen(screener, *args, **kw):
    return screener.screen(notice(*args, **kw), now=NOW)


def test_slag_dumping_cleanup_goes_to_the_town_enforcement_team(screener):
    result = screen(screener, "清理金溪村山坡工业渣土",
                    "金溪村：有群众反映你村山坡上有人倾倒工业渣土，请你村尽快组织人员清理干净，11月15日前完成并反馈。")
    assert result.decision == REJECTED and "OFF_LIST" in result.reason_codes
    assert result.town_matches[0].department == "镇综合行政执法队"
    assert "综合行政执法队" in result.reasons[0].detail


def test_reporting_dumping_is_village_work(screener):
    result = screen(screener, "偏僻地段偷倒建筑垃圾排查",
                    "近期有人趁夜在山坳偷倒建筑垃圾，请各村加强巡查，发现倾倒的及时报告镇执法队并保护好现场。")
    assert (result.decision, result.matter_code) == (ACCEPTED, "V-ST-009")


def test_demolishing_an_illegal_building_is_off_list_but_reporting_it_is_not(screener):
    demolish = screen(screener, "违章彩钢棚拆除", "请各村对辖区内违章搭建的彩钢棚组织拆除，12月底前拆除到位。")
    assert demolish.decision == REJECTED and demolish.negative_matches[0].code == "N-ZF-001"
    report = screen(screener, "巩固两违整治成果",
                    "请网格员加强日常巡查，发现私搭乱建、违规加层当场劝阻，拍照定位后报镇综合行政执法队处置。")
    assert (report.decision, report.matter_code) == (ACCEPTED, "V-ZJ-005")


def test_fining_straw_burning_is_off_list_but_patrolling_is_not(screener):
    fine = screen(screener, "秸秆焚烧罚款", "对焚烧秸秆的农户，由所在村按每起200元进行罚款。")
    assert fine.decision == REJECTED and fine.negative_matches[0].code == "N-ZF-001"
    patrol = screen(screener, "秋季秸秆禁烧", "请各村每天下田巡查，发现点火的劝阻扑灭，劝不住的报镇执法队，由执法队依法处罚。")
    assert (patrol.decision, patrol.matter_code) == (ACCEPTED, "V-NY-010")
    assert "秸秆" in "".join(patrol.suggestions[0].matched_terms)


def test_declared_town_code_is_a_level_mismatch(screener):
    result = screen(screener, "秸秆禁烧", "请各村落实秸秆禁烧巡查，发现焚烧及时劝阻。", matter_code="T-ZH-012")
    assert result.decision == REJECTED and result.reason_codes == ["LEVEL_MISMATCH"]
    assert result.town_matches[0].code == "T-ZH-012" and result.town_matches[0].score == 1.0


def test_wrong_declared_code_gets_the_right_suggestion(screener):
    result = screen(screener, "医保参保", "请各村动员未参保村民参加2026年度城乡居民医保缴费。", matter_code="V-NY-010")
    assert result.decision == NEEDS_REVIEW and result.reason_codes == ["CODE_MISMATCH"]
    assert result.suggestions[0].code == "V-YB-001"


def test_declared_neighbouring_item_is_questioned_in_favour_of_the_closer_one(screener):
    # Re-visiting families already on 低保 is the dynamic check, not the application intake.
    revisit = ("在保低保家庭年度复核走访",
               "请各村对在保低保家庭逐户走访，核实家庭人口、收入和就业变化，不再符合条件的列出名单报镇社会事务办。")
    intake = screen(screener, *revisit, matter_code="V-MZ-007")
    assert intake.decision == NEEDS_REVIEW and intake.reason_codes == ["CODE_MISMATCH"]
    assert "V-MZ-008" in intake.reasons[0].detail
    check = screen(screener, *revisit, matter_code="V-MZ-008")
    assert (check.decision, check.matter_code) == (ACCEPTED, "V-MZ-008")


def test_abbreviations_reach_the_catalogue_item(screener):
    assert screen(screener, "两癌筛查报名", "请各村摸清适龄妇女两癌免费检查意愿并登记。").matter_code == "V-FN-002"
    assert screen(screener, "老年证办理", "请各村帮60岁以上老人线上办老年证。").matter_code == "V-MZ-002"


def test_negative_list_formalism_is_rejected(screener):
    result = screen(screener, "推广App", "请各村组织村民下载注册某App，每村不少于300人，截图报镇里排名。")
    assert result.decision == REJECTED and result.negative_matches[0].code == "N-XS-001"


def test_vague_drafts_are_sent_back(screener):
    no_deadline = screen(screener, "出租房巡查", "请各村组织网格员对出租房开展巡查，核实承租人登记情况。", deadline=None)
    assert no_deadline.decision == REJECTED and no_deadline.reason_codes == ["VAGUE"]
    slogans = screen(screener, "进一步做好安全生产工作", "各村要高度重视，认真落实，切实抓紧抓实，确保不出事故。")
    assert "VAGUE" in slogans.reason_codes


def test_emergency_outside_the_list_passes_with_compliance_review(screener):
    result = screen(screener, "寒潮道路除冰", "今晚有冰冻，请各村立即组织人员对桥面、陡坡路段撒盐除冰，设置警示标志。",
                    urgency="emergency", deadline=None)
    assert (result.decision, result.matter_code, result.compliance_review_required) == (ACCEPTED, OTHER_CODE, True)


def test_duplicates_only_for_the_same_village_and_recent(screener):
    first = notice("秋季秸秆禁烧巡查", "请各村落实网格员分片包干，每天下田巡查，发现焚烧秸秆的及时劝阻，月底前报巡查记录。",
                   villages=("v-a", "v-b"))
    screener.record_dispatch("task-1", first, NOW - timedelta(days=3), "V-NY-010")
    screener.record_dispatch("task-old", first, NOW - timedelta(days=90), "V-NY-010")
    again = ("关于加强秸秆禁烧工作的提醒", "近期多地出现焚烧稻草现象，请各村安排人员每日田间巡逻，见火就灭，并广播宣传秸秆还田。")
    same = screen(screener, *again, villages=("v-b", "v-c"))
    assert same.decision == REJECTED and "DUPLICATE" in same.reason_codes
    assert [d.task_id for d in same.duplicates] == ["task-1"] and "v-b" in same.reasons[-1].detail
    assert screen(screener, *again, villages=("v-c",)).decision == ACCEPTED
    other = screen(screener, "医保参保动员", "请各村动员未参保村民参加城乡居民医保，12月20日前完成。", villages=("v-b",))
    assert "DUPLICATE" not in other.reason_codes


def test_first_tasks_of_a_county_are_not_duplicates_of_each_other_for_sharing_common_words(screener):
    """With only one task indexed every word is "rare"; words are weighed against the catalogue."""
    patrol = notice("林长巡林和护林员日志", "请各村林长落实巡林制度，护林员每天填写巡护日志，发现盗伐滥伐、"
                    "毁林开垦的及时报告林业站。每月5日前报上月日志。")
    screener.record_dispatch("task-1", patrol, NOW - timedelta(days=1), "V-ZR-006")
    survey = screen(screener, "松线虫病枯死松树普查",
                    "请各村协助林业站对山上枯死松树进行普查标记，配合做好疫木除治，严防疫木私自下山流失。")
    assert "DUPLICATE" not in survey.reason_codes
    reworded = screen(screener, "林长巡林", "各村林长要每天巡林，护林员填好巡护日志，发现盗伐及时报林业站。")
    assert "DUPLICATE" in reworded.reason_codes


def test_quota_per_village_for_the_issuing_office(screener):
    draft = notice("反诈宣传", "请各村利用村广播、微信群开展反诈宣传，重点面向老年人。", villages=("v1", "v2"))
    result = screener.screen(draft, now=NOW, quota_usage={"v1": 8, "v2": 2}, quota_limit=8)
    assert result.decision == REJECTED and result.reason_codes == ["QUOTA_EXCEEDED"] and "v1" in result.reasons[0].detail


def test_duplicate_index_stays_fast_with_many_tasks(matcher):
    index = DuplicateIndex(matcher.synonyms)
    for k in range(3000):
        index.add(f"t{k}", "森林防火巡查", f"请各村安排人员巡山，劝阻野外用火（批次{k}）。", [f"v{k % 50}"], NOW)
    started = datetime.now()
    hits = index.find("请各村安排人员巡山值守，劝阻野外用火。", ["v7"], NOW - timedelta(days=30))
    assert hits and all(task_id in {f"t{k}" for k in range(7, 3000, 50)} for task_id, _, _ in hits)
    assert (datetime.now() - started).total_seconds() < 0.5


def test_tokenizer_is_loaded_once():
    assert tokenizer() is tokenizer()


def test_demolition_needs_a_building_or_structure_as_its_object(screener):
    wire = screen(screener, "飞线充电排查",
                  "请各村组织网格员查看楼道和窗外有没有拉线给电动车充电的，看到了当场叫住户拆掉电线，"
                  "引导到集中充电点充电，11月20日前报排查处数。")
    assert "OFF_LIST" not in wire.reason_codes
    shed = screen(screener, "违章鸡棚处理", "请各村把河边违章搭建的鸡棚拆了，11月20日前报拆除数量。")
    assert shed.decision == REJECTED and "OFF_LIST" in shed.reason_codes
    reported = screen(screener, "违章搭建巡查", "请各村网格员巡查违章搭建，发现后报镇执法队拆除，每月底报巡查记录。")
    assert "OFF_LIST" not in reported.reason_codes


def test_investigating_an_enforcement_case_is_off_list(screener):
    result = screen(screener, "非法占地案件材料",
                    "请各村对占地建房当事人做好调查笔录，调取宅基地审批和建房时间的证据，11月25日前交镇执法队。")
    assert result.decision == REJECTED and "OFF_LIST" in result.reason_codes
    assert any(n.code == "N-ZF-001" for n in result.negative_matches)


def test_title_breaks_a_near_tie_caused_by_a_neighbouring_item_in_the_body(matcher, screener):
    title = "水稻保险续保动员"
    body = ("2026年度水稻政策性保险即将开始投保，保费财政补贴80%、农户自缴20%。请各村动员种植户按实际面积投保，"
            "尤其是种粮大户，投保清单于12月20日前报镇农办。")
    report = matcher.match(f"{title}。{body}", title=title)
    assert report.suggestions[0].code == "V-NY-005" and report.title_decided
    assert screen(screener, title, body).matter_code == "V-NY-005"
    untitled = matcher.match(body)  # without a title nothing breaks the tie
    assert not untitled.title_decided


def test_removing_a_fine_from_the_village_rules_is_village_work(screener):
    for text in ("请各村把村规民约中“不参加义务劳动罚款50元”的条款删去，修订稿经村民代表会议通过后12月15日前报镇司法所备案。",
                 "请各村修订村规民约，取消罚款类规定，修订稿经村民代表会议通过后12月15日前报镇司法所备案。"):
        result = screen(screener, "村规民约修订", text)
        assert "OFF_LIST" not in result.reason_codes, text


def test_a_penalty_someone_else_imposed_is_reported_not_imposed(screener):
    result = screen(screener, "秸秆禁烧提醒",
                    "上周有农户在田里焚烧秸秆，受到行政处罚。请各村每天下田巡查，用大喇叭宣传秸秆禁烧，11月30日前报巡查记录。")
    assert not any(n.code.startswith("N-ZF") and n.source == "rule" for n in result.negative_matches)
    assert "OFF_LIST" not in result.reason_codes


def test_taking_down_a_temporary_event_structure_is_not_demolition(screener):
    result = screen(screener, "农民丰收节活动保障",
                    "请各村组织村民参加丰收节展示，活动现场临时搭的展台和帐篷在活动结束后当天拆除，现场照片11月20日前报镇农办。")
    assert not any(n.code == "N-ZF-001" for n in result.negative_matches)
    shed = screen(screener, "违章鸡棚处理", "请各村把河边违章搭建的鸡棚拆了，11月20日前报拆除数量。")
    assert shed.decision == REJECTED  # a real structure still is


def test_a_negative_list_entry_in_words_no_rule_lists_is_found_by_similarity(screener):
    result = screen(screener, "理财产品体验活动",
                    "某财富管理公司周六在镇文化中心举办理财产品体验活动，请各村动员村民到场，每村不少于20人，到场有伴手礼。")
    assert result.decision == REJECTED and "OFF_LIST" in result.reason_codes
    hit = result.negative_matches[0]
    assert (hit.code, hit.source) == ("N-HD-002", "similarity") and hit.matched_terms
    assert "相近表述" in result.reasons[0].detail


def test_the_village_acting_itself_is_still_found_next_to_those_guards(screener):
    for title, text in (
            ("摊位整治", "对违规经营户由村里取消其摊位并罚款500元，11月30日前报处理名单。"),
            ("秸秆焚烧处理", "受到过处罚的农户再烧秸秆的，由村里再罚款一次，11月30日前报名单。"),
            ("征收协议签订", "请各村作为责任主体，与被征收户逐户签订征收补偿协议，12月20日前报签订情况。"),
            ("临时违章棚拆除", "请各村把路边临时违章搭建的棚子拆除，11月30日前报拆除数量。")):
        result = screen(screener, title, text)
        assert result.decision == REJECTED and "OFF_LIST" in result.reason_codes, title
        assert any(n.code.startswith("N-ZF") and n.source == "rule" for n in result.negative_matches), title


def test_an_act_handed_to_the_town_after_it_is_named_is_not_the_villages(screener):
    listing = screen(screener, "秸秆焚烧巡查",
                     "请各村每天安排人员到田间巡查，发现焚烧秸秆的先劝阻扑灭，记下户主报镇农办，是否罚款由镇执法中队依法决定。")
    assert listing.decision == ACCEPTED and listing.matter_code == "V-NY-010"
    assert not any(n.code.startswith("N-ZF") and n.source == "rule" for n in listing.negative_matches)
    closing = screen(screener, "无证小餐馆整治", "请各村对村内无证经营的小餐馆一律关停，关停由村里负责，11月28日前报关停数量。")
    assert closing.decision == REJECTED and "OFF_LIST" in closing.reason_codes


def test_seizing_goods_or_taking_a_deposit_is_enforcement(screener):
    result = screen(screener, "乱停三轮车整治", "对在村口乱停的三轮车，请各村暂扣车钥匙，车主交纳200元保证金后领回，11月30日前报情况。")
    assert result.decision == REJECTED and "OFF_LIST" in result.reason_codes
    assert any(n.code == "N-ZF-001" and n.source == "rule" for n in result.negative_matches)
    advice = screen(screener, "乱停三轮车劝导", "请各村网格员对村口乱停的三轮车劝导车主挪走，不得暂扣车辆，11月30日前报劝导情况。")
    assert not any(n.code == "N-ZF-001" for n in advice.negative_matches)  # a forbidden seizure names no act


def test_approvals_and_assessments_handed_down_to_villages_are_off_list(screener):
    for title, text in (
            ("临时救助审核下放", "即日起临时救助申请的审核下放到村，由各村审核后直接发放，每月报镇民政办。"),
            ("伤残等级初步评定", "请各村对申请人的伤残等级进行初步评定，填写评定意见，12月5日前报送。"),
            ("协会年检", "请各村对本村的文体协会开展年度年检，不合格的提出撤销意见，12月20日前报镇社会事务办。")):
        result = screen(screener, title, text)
        assert result.decision == REJECTED and "OFF_LIST" in result.reason_codes, title
        assert any(n.code == "N-BM-001" and n.source == "rule" for n in result.negative_matches), title
    helping = screen(screener, "残疾评定预约", "请各村协助新申请残疾人证的村民预约残疾等级评定，告知评定地点和所需材料，12月5日前报名单。")
    assert "OFF_LIST" not in helping.reason_codes


def test_accompanying_a_visit_to_villagers_is_not_accompanying_an_inspection(screener):
    visit = screen(screener, "困难党员走访", "镇领导下周走访本村困难老党员，请村书记全程陪同走访，了解生活困难，12月10日前反馈走访情况。")
    assert "OFF_LIST" not in visit.reason_codes
    assert not any(n.code == "N-XS-008" and n.source == "rule" for n in visit.negative_matches)
    tour = screen(screener, "调研接待", "下周市里调研组来镇，请各村书记全程陪同，11月20日前报陪同人员名单。")
    assert tour.decision == REJECTED and "OFF_LIST" in tour.reason_codes


def test_a_notice_of_slogans_is_vague_not_off_list(screener):
    result = screen(screener, "决战四季度", "各村要对照年初确定的各项任务，全力以赴、务必确保全年各项工作圆满完成。", deadline=None)
    assert result.decision == REJECTED and result.reason_codes == ["VAGUE"]
    assert not result.negative_matches  # no negative-list entry named for a notice that asks nothing
    targets = screen(screener, "冲刺全年目标任务", "距年底仅剩一个多月，各村要对照年初确定的目标任务，查漏补缺、全力冲刺，确保全年各项工作圆满收官。",
                     deadline=None)
    assert targets.reason_codes == ["VAGUE"] and not targets.negative_matches
    quota = screen(screener, "为镇食堂供菜", "请各村为镇机关食堂供应本地蔬菜，每村每周100斤，从下周起执行。")
    assert quota.decision == REJECTED and "OFF_LIST" in quota.reason_codes  # no slogan: left to the matcher


def test_spoken_requests_count_as_concrete(screener):
    result = screen(screener, "【语音】晚上偷倒垃圾的事",
                    "各位书记，最近晚上有人开车到河边偷倒垃圾，你们让网格员多盯着，看到的劝一劝，记一下车牌号，马上打电话给我。")
    assert "VAGUE" not in result.reason_codes


def test_a_spoken_prohibition_is_not_the_act(screener):
    told_not_to = screen(screener, "【语音】夜里偷运沙石",
                         "各位书记，晚上有人偷运沙石，网格员看到的记一下车牌号报给我，千万别自己去暂扣车辆，11月30日前报情况。")
    assert not any(n.code == "N-ZF-001" and n.source == "rule" for n in told_not_to.negative_matches)
    each = screen(screener, "违章搭建处罚", "请各村对违章搭建户分别处以罚款，11月30日前报处罚名单。")
    assert each.decision == REJECTED and "OFF_LIST" in each.reason_codes  # 分别 is no negation


def test_a_rate_of_app_use_that_is_ranked_is_off_list_though_phrased_as_helping(screener):
    helping_text = "请各村对不会用手机的老人上门帮忙完成养老保险待遇领取资格认证，顺便帮他们绑定电子社保卡"
    helping = screen(screener, "养老待遇资格认证", helping_text + "，12月10日前报未认证人员名单。")
    assert (helping.decision, helping.matter_code) == (ACCEPTED, "V-RS-002")
    drive = screen(screener, "养老待遇资格认证", helping_text + "；各村绑定率每周通报，低于80%的村年终考核扣分。")
    assert drive.decision == REJECTED and "OFF_LIST" in drive.reason_codes
    found = drive.negative_matches[0]
    assert (found.code, found.source) == ("N-XS-001", "demand")
    assert "绑定率" in drive.reasons[0].detail and "通报" in drive.reasons[0].detail


def test_photo_counts_tied_to_pay_are_off_list_inside_a_patrol(screener):
    quota = screen(screener, "巡河工作要求",
                   "村级河长每周巡河不少于2次，每次上传现场图片不少于6张，图片张数不够的按缺巡处理，全年图片总数与河长报酬挂钩。")
    assert quota.decision == REJECTED and "OFF_LIST" in quota.reason_codes
    assert any(n.code == "N-XS-003" and n.source == "demand" for n in quota.negative_matches)
    evidence = screen(screener, "巡河工作要求",
                      "村级河长每周巡河不少于2次，发现河面漂浮物、违法排污的拍照片上传群里，当天报镇河长办。")
    assert evidence.decision == ACCEPTED and "OFF_LIST" not in evidence.reason_codes


def test_a_count_said_not_to_be_scored_is_no_demand(screener):
    result = screen(screener, "巡河工作要求",
                    "村级河长每周巡河不少于2次，现场照片数量不作为考核依据，发现问题及时报镇河长办。")
    assert not any(n.source == "demand" for n in result.negative_matches)
    assert "OFF_LIST" not in result.reason_codes


def test_collecting_leads_about_vote_buying_is_not_vote_buying(screener):
    result = screen(screener, "换届风气监督",
                    "请各村在村务公开栏公布举报电话，群众反映的贿选、刷票等线索登记后报镇纪委，村里不自行调查。")
    assert "OFF_LIST" not in result.reason_codes
    assert not any(n.code == "N-XS-002" and n.source == "rule" for n in result.negative_matches)


def test_looking_at_houses_is_village_work_the_appraisal_is_someone_elses(screener):
    look = screen(screener, "危房排查",
                  "请各村对独居老人的住房逐户上门看一看，墙裂了、房漏了的登记下来报镇村建办，由村建办委托有资质的机构鉴定。")
    assert "OFF_LIST" not in look.reason_codes
    test_it = screen(screener, "危房排查", "请各村对独居老人的住房逐户开展房屋安全鉴定，出具鉴定结论，12月10日前报送。")
    assert test_it.decision == REJECTED and "OFF_LIST" in test_it.reason_codes


def test_deciding_who_qualifies_and_how_much_is_the_departments(screener):
    decide_it = screen(screener, "高龄津贴发放",
                       "请各村收齐申请材料，审核老人的年龄和户籍是否符合领取条件，确定每人的津贴档次，名单直接报县民政局发放。")
    assert decide_it.decision == REJECTED and "OFF_LIST" in decide_it.reason_codes
    assert any(n.code == "N-BM-001" for n in decide_it.negative_matches)
    help_apply = screen(screener, "高龄津贴申请",
                        "请各村告知年满80周岁的老人可以申请高龄津贴，帮他们填好申请表、复印户口本，12月10日前交镇社会事务办审核。")
    assert help_apply.decision == ACCEPTED


def test_helping_someone_use_an_app_is_village_work_a_download_drive_is_not(screener):
    text = "上门帮忙下载“掌上12333”App，完成养老保险待遇领取资格认证，12月10日前报未认证人员名单。"
    helping = screen(screener, "养老待遇资格认证", "请各村对不会用手机的老人" + text)
    assert (helping.decision, helping.matter_code) == (ACCEPTED, "V-RS-002")
    drive = screen(screener, "养老待遇资格认证", "请各村对全体村民" + text.replace("名单。", "名单，每村下载不少于200人。"))
    assert drive.decision == REJECTED and drive.negative_matches[0].code == "N-XS-001"


def test_scoring_village_work_itself_is_not_counting_engagement(screener):
    cameras = screen(screener, "视频监控点位巡检",
                     "请各村对公共区域视频监控点位逐个检查，损坏的及时报修，各村视频监控完好率纳入平安建设考核，12月10日前报送检查情况。")
    assert "OFF_LIST" not in cameras.reason_codes
    assert not any(n.source == "demand" for n in cameras.negative_matches)


def test_telling_villagers_about_a_fine_is_publicity_not_fining(screener):
    told = screen(screener, "垃圾分类新规宣传", "请各村通过广播向村民宣传乱扔垃圾违者罚款200元的新规定，12月10日前报宣传情况。")
    assert (told.decision, told.matter_code) == (ACCEPTED, "V-ST-001")
    mobilised = screen(screener, "短视频推广", "请各村宣传发动村民给镇里的宣传短视频点赞转发，12月10日前报截图。")
    assert mobilised.decision == REJECTED and "OFF_LIST" in mobilised.reason_codes


def test_a_department_named_as_the_one_acting_is_not_the_village_acting(screener):
    helping = screen(screener, "关停作坊配合", "县生态环境局将对无证喷漆作坊实施关停，请各村摸清本村喷漆作坊底数，12月5日前报镇生态办。")
    assert helping.decision == ACCEPTED and "OFF_LIST" not in helping.reason_codes
    guiding = screen(screener, "违建拆除配合",
                     "镇综合执法中队定于12月8日对国道边三处违章建筑依法拆除，请相关村提前上门做好户主思想工作，当天派人维持现场秩序。")
    assert guiding.decision != REJECTED  # the title names the topic, the body says who demolishes
    ordered = screen(screener, "违建拆除", "镇政府要求各村对国道边违章建筑组织拆除，12月8日前拆除到位。")
    assert ordered.decision == REJECTED and ordered.negative_matches[0].code == "N-ZF-001"


def off_list_by(result, code):
    return (result.decision == REJECTED and "OFF_LIST" in result.reason_codes
            and any(n.code == code and n.source == "rule" for n in result.negative_matches))


def test_coercion_without_the_enforcement_words_is_still_enforcement(screener):
    cut = screen(screener, "制止抢建", "对拒不停工的违建户，请各村通知自来水站停止供水，村电工拉闸，直到当事人停工为止，12月5日前报镇。")
    assert off_list_by(cut, "N-ZF-001")
    outage = screen(screener, "停水通知", "县水务公司12月3日检修主管道，全天停水。请各村用广播和微信群通知到户，提醒村民提前储水，对独居老人上门告知。")
    assert "OFF_LIST" not in outage.reason_codes  # telling people about an outage
    keep = screen(screener, "占道经营整治", "对在村道上摆摊占道的，请各村把摊位上的货物收走，拉到村委会先扣着，摊主写了保证书再还，12月10日前报情况。")
    assert off_list_by(keep, "N-ZF-001")
    knocked = screen(screener, "违建整治", "对新搭的违建猪棚，请各村组织人员直接推倒，11月30日前报镇。")
    assert off_list_by(knocked, "N-ZF-001")


def test_docking_a_households_subsidy_for_what_it_did_is_a_fine(screener):
    docked = screen(screener, "垃圾分类奖惩", "对垃圾不分类、乱扔乱倒的农户，经村里核实后从其年度种粮补贴中扣减200元，12月20日前报扣减名单。")
    assert off_list_by(docked, "N-ZF-001")
    stake = screen(screener, "垃圾分类检查", "请各村做好垃圾分类入户督导，镇里每月检查，排名后三位的村扣减当月以奖代补资金，12月20日前报督导台账。")
    assert not any(n.code == "N-ZF-001" for n in stake.negative_matches)  # the town's stake on the village


def test_surveying_with_instruments_is_professional_work_pointing_out_boundaries_is_not(screener):
    survey = screen(screener, "宅基地测量", "请各村安排人员用RTK测出每宗宅基地的界址点坐标，绘制宗地图，12月31日前报镇自然资源所。")
    assert off_list_by(survey, "N-BM-003")
    point = screen(screener, "宅基地确权指界", "县里委托的测绘单位下周入村，请各村通知农户到场指界，村干部现场确认四至，12月31日前完成。")
    assert "OFF_LIST" not in point.reason_codes


def test_the_village_kept_out_of_the_penalty_is_not_the_penalty(screener):
    result = screen(screener, "焚烧巡查", "焚烧秸秆一律由镇执法中队依法处理，村里不参与处罚。请各村每天组织网格员下田巡查，发现焚烧及时劝阻并报执法中队，11月30日前报巡查记录。")
    assert "OFF_LIST" not in result.reason_codes



# The learned off-list model (shared.textmodel, data/offlist_learned.json).

def test_shipped_offlist_model_is_trained_on_dev_and_the_training_corpus_only():
    from bench.screening.evaluate import load_csv, training_corpus, training_examples
    from services.catalogue.matching import load_offlist_model
    from shared.textmodel import fingerprint
    examples = training_examples(load_csv("notices.csv"), training_corpus())
    assert load_offlist_model().data_hash == fingerprint(examples)  # never test or holdout; rerun --train


def test_screening_model_setting_picks_a_file_or_turns_the_model_off(tmp_path):
    from services.catalogue.matching import DATA_DIR, OFFLIST_MODEL_FILE, load_offlist_model
    assert load_offlist_model(setting="none") is None
    assert load_offlist_model(tmp_path) is None  # a data folder without a model: rules only
    shipped = load_offlist_model()
    other = tmp_path / "county.json"
    other.write_bytes((DATA_DIR / OFFLIST_MODEL_FILE).read_bytes())
    assert load_offlist_model(setting=str(other)).weights == shipped.weights
    with pytest.raises(FileNotFoundError):
        load_offlist_model(setting=str(tmp_path / "missing.json"))


def test_another_place_is_off_list_as_the_place_of_the_work_not_as_the_reason_for_it(screener):
    reason = screen(screener, "暑期防溺水",
                    "上周邻县出了溺水的事。请各村每天中午和傍晚安排人员沿河塘巡查，劝离下水游泳的孩子。")
    assert (reason.decision, reason.matter_code) == (ACCEPTED, "V-JY-004")
    elsewhere = screen(screener, "协助清点企业员工",
                       "请各村派两名村干部到邻县工业园区，协助当地清点企业员工人数，11月20日前完成。")
    assert elsewhere.decision == REJECTED and elsewhere.negative_matches[0].code == "N-BM-004"


# Notices that name an off-list act and say, in one of many ways, that the village does not do it.
SOMEONE_ELSE_ACTS = [
    # the village kept out in its own words
    ("春耕耕地巡查", "请各村田长每周巡田两次，发现打地基、搭棚子的劝阻停工并报镇自然资源所，村里不负责拆除。"),
    ("夏收秸秆禁烧", "请各村每天下田巡查，看到点火的先劝灭，劝不听的打电话给执法队，罚款是执法队的事，村里不要去罚。"),
    ("水稻保险承保", "请各村宣传水稻政策性保险，登记自愿投保农户清单，保费由农户直接缴给保险公司，村里不代收、不垫付。"),
    ("晚稻秸秆禁烧巡查", ("请各村每天安排人员到田头巡查，看到点火烧秸秆的先劝灭，拍照报镇农业农村办；罚款这个事情不是你们村里的事。"
                  "11月30日前每周报一次。")),
    # someone else's result passed on, an act already done
    ("供水设施清洗和水质抽检配合", "请各村4月20日前清洗蓄水池，县疾控来采样时带路到取水点；检测报告出来后由村里在公开栏张贴。"),
    ("自建房安全隐患回头看", ("请各村网格员逐幢查看经营性自建房有无开裂倾斜，11月15日前报镇村镇建设办；"
                    "鉴定为C、D级的，村里督促房主停止经营使用。")),
    ("集体资产年度清查", "请各村12月20日前对集体所有的房屋、设备逐项清点登记，已报废、拆除的办理核销，新增的补登记。"),
    # the act handed on, after it is named or in the next clause
    ("自建房安全隐患回头看", ("请各村对三层以上自建房逐幢查看，发现开裂的劝住户停用并上报，11月15日前完成；"
                    "房屋安全等级鉴定由镇里委托的第三方机构上门做。")),
    ("夏收秸秆禁烧", "请各村每天安排人员到田头巡查，看到焚烧秸秆的先劝灭并拍照报镇农业农村办，罚款的事交给执法中队。6月25日前每天报送。"),
    ("自建房安全隐患排查", ("请各村网格员逐幢查看经营性自建房墙体有无开裂，发现问题的登记上报，11月15日前完成；"
                   "需要做房屋安全鉴定的，由镇里委托有资质的鉴定机构上门，费用镇里出。")),
    ("建筑垃圾偷倒排查", ("请各村对偏僻路段、山塘边每周排查一次，发现新倒的建筑垃圾立即拍照定位报镇综合行政执法队；"
                  "调查取证、找倒的人、责令清运和处罚全部由执法队负责。12月底前每周报送。")),
    # residents acting of their own free will
    ("暑期反诈宣传", "请各村利用广播和村民群每周宣传两次反诈知识，国家反诈中心App由群众自愿安装，不统计安装数。8月31日前报平安办。"),
]
# The same acts asked of the village itself.
VILLAGE_ACTS = [
    ("违建整治", "对逾期拒不拆除的违建，由村里组织人员强行拆除，12月10日前完成。", "N-ZF-001"),
    ("农村供水水质检测", "请各村自行开展饮用水水质检测，出具检测报告，4月20日前报镇里。", "N-BM-003"),
    ("反诈App推广", "请各村组织每户安装国家反诈中心App，8月31日前安装率达到90%，纳入年度考核。", "N-XS-001"),
]


@pytest.mark.parametrize(("title", "body"), SOMEONE_ELSE_ACTS)
def test_an_off_list_act_the_notice_gives_to_someone_else_is_not_asked_of_the_village(screener, title, body):
    result = screen(screener, title, body)
    assert result.decision == ACCEPTED and not any(n.source == "rule" for n in result.negative_matches)


@pytest.mark.parametrize(("title", "body", "entry"), VILLAGE_ACTS)
def test_the_same_act_asked_of_the_village_is_off_list(screener, title, body, entry):
    result = screen(screener, title, body)
    assert result.decision == REJECTED and result.negative_matches[0].code == entry


def test_talking_it_over_and_reporting_back_is_a_concrete_requirement(screener):
    result = screen(screener, "广场舞音响扰民",
                    "请两个村本周内约舞队负责人坐下来谈一谈，商量把音量调低；谈不拢的报到镇平安办，处理结果7月10日前回复。")
    assert "VAGUE" not in result.reason_codes and result.matter_code == "V-ST-008"


def test_a_quota_under_slogans_is_off_list_not_vague(screener):
    quota = screen(screener, "关于进一步提升反诈App开通率的工作提示",
                   "各村：县里通报我镇反诈App开通率排名靠后。请各村发动常住人员装好该App、开通来电预警，"
                   "每个网格开通率不低于85%，截屏发网格群，镇里按开通率排名通报。")
    assert quota.decision == REJECTED and quota.reason_codes == ["OFF_LIST"]
    assert quota.negative_matches[0].code == "N-XS-001"
