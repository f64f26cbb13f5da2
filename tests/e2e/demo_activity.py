"""A week of demo work done through the public REST API by demo people, so the 驾驶舱 shows data."""
from __future__ import annotations

import datetime as dt
import time

API = "/api/v1"
TOWN = "330688100"
TAOYUAN, SHANGJIANG, ZHUXI, SHIMEN = "330688100201", "330688100202", "330688100203", "330688100204"

TASKS = [
    ("关于做好秋季秸秆禁烧工作的通知", "各村落实村干部、网格员分片包干，每天下田头巡一遍，发现点火第一时间劝阻扑灭，"
     "用村广播宣传秸秆还田。巡查记录每周五报镇农业农村办。", [TAOYUAN, SHANGJIANG, ZHUXI, SHIMEN]),
    ("高龄补贴年审", "80岁以上老人都要认证一次，卧床在家的请上门帮忙刷脸，发现老人去世或户口迁走的马上报社会事务办。",
     [TAOYUAN, SHANGJIANG, ZHUXI]),
    ("2026年度居民医保集中征缴", "对照未参保人员清单逐户上门动员，重点是外出务工人员和新生儿，老年人不会手机缴费的帮忙操作。",
     [TAOYUAN, SHIMEN]),
]
PETITIONS = [  # (reporter, content, governance element, how far it goes)
    ("jin.yi", "村道上三盏路灯不亮，晚上老人出门不方便", "E08-01", "closed"),
    ("jin.yi", "村委会门口垃圾桶满了好几天没人清运，臭气很大", "E08-05", "resolved"),
    ("ge.fang", "河边有人违法搭建彩钢棚，占用河道管理范围", "E05-01", "town"),
    ("wang.songfu", "村口桥面护栏松动，学生上下学经过有危险", "E08-01", "accepted"),
    ("huang.yayi", "邻居家空调外机对着我家窗户，两家吵了好几次", "E09-01", "received"),
    ("shen.qianping", "村里自来水浑浊发黄已经三天了", "E05-03", "accepted"),
    ("shen.shui", "山塘堤坝有渗水，雨季前需要排查", "E05-02", "closed"),
]
SECRETARY = {TAOYUAN: "tu.su", SHANGJIANG: "yan.fenying", ZHUXI: "yu.zhongming", SHIMEN: "ding.jun",
             "330688101201": "zheng.qiangtao"}


def _ok(reply, status=200):
    assert reply.status_code == status, f"{reply.request.method} {reply.request.url}: {reply.text}"
    return reply.json()


def dispatch(api, login, title, description, villages, deadline) -> dict:
    body = {"title": title, "description": description, "category": "town", "points": 20,
            "target_village_ids": villages, "deadline": deadline.isoformat()}
    task = _ok(api.post(f"{API}/tasks", json=body, headers=login("he.fangya")), 201)
    screened = _ok(api.post(f"{API}/tasks/{task['id']}/submit", headers=login("he.fangya")))
    assert screened["state"] == "screened", screened.get("screening")
    return _ok(api.post(f"{API}/tasks/{task['id']}/approve", json={"comment": "同意派发"},
                        headers=login("dong.qing")))


def people_of(api, login, village: str) -> dict[str, str]:
    found = _ok(api.get(f"{API}/people", params={"org_id": village, "page_size": 500},
                        headers=login("he.fangya")))["people"]
    return {p["username"]: p["id"] for p in found}


def act(api, login, who, kind, record_id, action, body=None):
    return _ok(api.post(f"{API}/{kind}/{record_id}/{action}", json=body or {}, headers=login(who)))


def run(api, login) -> dict:
    """Tasks in every state, petitions at every level, one overdue assignment and one warning."""
    soon = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=3)
    late = dispatch(api, login, "农村房屋安全隐患排查", "对辖区内老旧农房逐户排查，建立隐患台账，发现危房立即劝离。",
                    [ZHUXI], soon)
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=20)
    tasks = [dispatch(api, login, title, text, villages, later) for title, text, villages in TASKS]
    for index, task in enumerate(tasks):
        for step, progress in enumerate(task["progress"]):
            village, assignment = progress["village_id"], progress["assignment_id"]
            depth = (2 * index + step) % 5  # 0 pending … 4 accepted
            if depth == 0:
                continue
            secretary = SECRETARY[village]
            act(api, login, secretary, "assignments", assignment, "sign", {"note": "已签收"})
            if depth == 1:
                continue
            staff = people_of(api, login, village)
            cadre = next(pid for name, pid in staff.items() if name != secretary)
            act(api, login, secretary, "assignments", assignment, "allocate", {"assignee_ids": [cadre]})
            if depth == 2:
                continue
            act(api, login, secretary, "assignments", assignment, "progress",
                {"text": "已完成大部分入户工作", "percent": 70})
            if depth == 3:
                continue
            act(api, login, secretary, "assignments", assignment, "submit", {"note": "已完成"})
            act(api, login, "he.fangya", "assignments", assignment, "accept",
                {"quality": 80 + 5 * step, "comment": "完成较好"})
    petitions = [_petition(api, login, *row) for row in PETITIONS]
    _procedures(api, login)
    _ok(api.post(f"{API}/spendings", headers=login("shao.fa"), json={
        "title": "采购村集体冷库设备", "category": "collective_project", "amount_fen": 26_000_000,
        "spent_on": (dt.date.today() - dt.timedelta(days=2)).isoformat()}), 201)
    time.sleep(max(0.0, (soon - dt.datetime.now(dt.UTC)).total_seconds()) + 0.3)
    _ok(api.post(f"{API}/deadline-sweeps", headers=login("fu.min")))
    return {"tasks": tasks, "late": late, "petitions": petitions}


def _petition(api, login, reporter, content, element, goal):
    petition = _ok(api.post(f"{API}/petitions", headers=login(reporter), json={
        "source": "grid_report", "content": content, "element_code": element}), 201)
    pid, village = petition["id"], petition["village_id"]
    secretary = SECRETARY.get(village)
    if goal == "received" or not secretary:
        return petition
    act(api, login, secretary, "petitions", pid, "accept")
    if goal == "town":
        act(api, login, secretary, "petitions", pid, "escalate", {"reason": "涉及违法建设，村里无执法权"})
        return act(api, login, "he.fangya", "petitions", pid, "assign", {"target_org_id": f"{TOWN}B07"})
    if goal == "accepted":
        return petition
    act(api, login, secretary, "petitions", pid, "resolve", {"result": "已安排人员处理完毕"})
    if goal == "resolved":
        return petition
    act(api, login, reporter, "petitions", pid, "follow-up", {"satisfaction": "satisfied"})
    return act(api, login, secretary, "petitions", pid, "close")


def _procedures(api, login) -> None:
    """Two 四议两公开 runs: one moving (two meetings held), one just started."""
    day = lambda offset: (dt.date.today() + dt.timedelta(days=offset)).isoformat()  # noqa: E731
    started = _ok(api.post(f"{API}/procedures", headers=login("tu.su"), json={
        "template_code": "sixiyi_liang_gongkai", "title": "村集体厂房出租方案",
        "category": "asset_disposal", "amount_fen": 3_000_000}), 201)
    for number, (size, present, yes) in enumerate([(5, 5, 5), (9, 8, 7)], start=1):
        _ok(api.post(f"{API}/procedures/{started['id']}/steps/{number}/record", headers=login("tu.su"),
                     json={"held_on": day(-10 + number), "body_size": size, "present": present,
                           "votes_for": yes}))
    _ok(api.post(f"{API}/procedures", headers=login("yan.fenying"), json={
        "template_code": "sixiyi_liang_gongkai", "title": "村道路灯改造工程"}), 201)
