"""The hot paths of issue 10 as load-generator workers, and the demo data they need (set up once)."""
from __future__ import annotations

import asyncio
import base64
import csv
import datetime as dt
import hashlib
import hmac
import itertools
import json
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from bench.load.loadgen import Client, Run

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "Zhili@2026"
TOWN = "330688100"                                   # 溪口镇 and its demo villages
DEMO_VILLAGES = [f"{TOWN}201", f"{TOWN}202", f"{TOWN}203", f"{TOWN}204", f"{TOWN}001"]
EXTRA_VILLAGES = [f"{TOWN}{n}" for n in range(205, 220)]  # 15 more, imported: 20 in all
VILLAGES = DEMO_VILLAGES + EXTRA_VILLAGES
# village → (secretary who signs and allocates, cadre who reports progress and submits)
CREWS = {f"{TOWN}201": ("tu.su", "ge.yu"), f"{TOWN}202": ("yan.fenying", "dong.yanmei"),
         f"{TOWN}203": ("yu.zhongming", "shao.fa"), f"{TOWN}204": ("ding.jun", "pan.fengxin")}
USERS = ["fu.min", "he.fangya", "dong.qing", "jin.yi"] + [u for crew in CREWS.values() for u in crew]
GRID_REPORTS = ["村道上三盏路灯不亮，晚上老人出门不方便", "河边有人倾倒建筑垃圾，堵住了排水沟",
                "村口垃圾桶满了三天没人清运，气味很大", "小区里有流浪狗咬人，村民不敢出门"]


def month() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m")


def notices() -> list[tuple[str, str]]:
    """Town notices the demo catalogue accepts (bench/screening's labelled set), each used once."""
    with (ROOT / "bench/screening/notices.csv").open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["expected_decision"] == "accepted"
                and r["urgency"] == "normal" and not r["declared_code"]]
    return [(r["title"], r["description"]) for r in rows]


@dataclass
class World:
    """Tokens, the partner, person ids and the pool of assignments shared by the scenarios."""

    base: str
    client: Client
    auth: dict[str, dict] = field(default_factory=dict)
    partner: dict = field(default_factory=dict)
    cadre_ids: dict[str, str] = field(default_factory=dict)   # village → cadre's person id
    notices: list[tuple[str, str]] = field(default_factory=list)
    assignments: asyncio.Queue = field(default_factory=asyncio.Queue)   # (village, id) signed-for
    orders: itertools.count = field(default_factory=itertools.count)

    def url(self, path: str) -> str:
        return f"{self.base}{path}"


async def setup(world: World) -> None:
    """Log in, import 15 more villages into 溪口镇, register a partner, look up the cadres."""
    scratch = Run("setup", "setup")
    for user in USERS:
        _, body = await world.client.request(scratch, "POST", world.url("/api/v1/auth/token"),
                                             json={"username": user, "password": PASSWORD})
        world.auth[user] = {"Authorization": f"Bearer {body['access_token']}"}
    rows = "id,parent_id,level,name\n" + "".join(
        f"{v},{TOWN},village,压测{n}村\n" for n, v in enumerate(EXTRA_VILLAGES, 1))
    await world.client.request(scratch, "POST", world.url("/api/v1/directory/imports"),
                               params={"kind": "org_units"}, data=rows.encode(),
                               headers={**world.auth["fu.min"], "Content-Type": "text/csv"})
    _, world.partner = await world.client.request(
        scratch, "POST", world.url("/api/v1/partners"), headers=world.auth["fu.min"], json={
            "code": f"bench-{uuid.uuid4().hex[:6]}", "name": "越溪县12345热线（压测）",
            "kind": "hotline_12345", "jurisdiction_org_id": "330688",
            "scopes": ["work_orders:create", "status:read"], "category_map": {"HL-0301": "P08-01"}})
    for village, (_, cadre) in CREWS.items():
        _, body = await world.client.request(
            scratch, "GET", world.url("/api/v1/people"), headers=world.auth["he.fangya"],
            params={"org_id": village, "page_size": "500"})
        world.cadre_ids[village] = next(p["id"] for p in body["people"] if p["username"] == cadre)
    world.notices = notices()
    if scratch.errors:
        raise RuntimeError(f"setup failed: {scratch.first_error}")


# --- petition intake -----------------------------------------------------------------------------
def signed(partner: dict, raw: bytes) -> dict:
    stamp = str(int(time.time()))
    key = base64.b64decode(partner["secret"].removeprefix("whsec_"))
    digest = hmac.new(key, stamp.encode() + b"." + raw, hashlib.sha256).digest()
    return {"X-Api-Key": partner["key_id"], "X-Timestamp": stamp,
            "Content-Type": "application/json", "X-Signature": "v1," + base64.b64encode(digest).decode()}


async def work_order(world: World, run: Run, due: float | None = None) -> bool:
    n = next(world.orders)
    raw = json.dumps({
        "order_id": f"WO-{uuid.uuid4().hex[:12]}", "category_code": "HL-0301", "title": "小区路灯不亮",
        "content": "村口到小学的路灯连续三晚不亮，行人摔倒。", "caller_name": "王先生",
        "caller_phone": "13800000000", "village_id": DEMO_VILLAGES[n % 4], "address": "村口",
        "time_limit_hours": 72}, ensure_ascii=False).encode()
    status, _ = await world.client.request(run, "POST", world.url("/partner/v1/work-orders"),
                                           started=due, data=raw, headers=signed(world.partner, raw))
    return status == 201


async def grid_report(world: World, run: Run, due: float | None = None) -> bool:
    n = next(world.orders)
    status, _ = await world.client.request(
        run, "POST", world.url("/api/v1/petitions"), started=due, headers=world.auth["jin.yi"],
        json={"source": "grid_report", "content": GRID_REPORTS[n % len(GRID_REPORTS)],
              "element_code": "E0301"})
    return status == 201


async def intake(world: World, run: Run, due: float | None = None) -> bool:
    """Half partner work orders (HMAC), half grid reports (JWT): the issue's "petition intake"."""
    send = work_order if next(world.orders) % 2 else grid_report
    return await send(world, run, due)


# --- screening, dispatch, transitions, reads -------------------------------------------------------
def draft(title: str, description: str) -> dict:
    deadline = dt.datetime.now(dt.UTC) + dt.timedelta(days=20)
    return {"title": title, "description": description, "category": "town",
            "target_village_ids": VILLAGES, "points": 20, "deadline": deadline.isoformat(),
            "co_handler_org_ids": [f"{TOWN}B03"]}


async def screen(world: World, run: Run) -> bool:
    title, description = world.notices[next(world.orders) % len(world.notices)]
    status, _ = await world.client.request(
        run, "POST", world.url("/api/v1/screenings"), headers=world.auth["he.fangya"],
        json={"title": title, "description": description, "target_org_ids": VILLAGES[:5]})
    return status == 201


async def dispatch(world: World, run: Run) -> bool:
    """draft → submit (screening) → approve: one task dispatched to the 20 villages."""
    if not world.notices:
        return False
    title, description = world.notices.pop()
    call, leader, deputy = world.client.request, world.auth["he.fangya"], world.auth["dong.qing"]
    status, task = await call(run, "POST", world.url("/api/v1/tasks"), headers=leader,
                              json=draft(title, description))
    if status != 201:
        return True
    status, screened = await call(run, "POST", world.url(f"/api/v1/tasks/{task['id']}/submit"),
                                  headers=leader)
    if status != 200 or screened["state"] != "screened":
        return True  # refused by the screening (a notice the catalogue reads differently)
    status, approved = await call(run, "POST", world.url(f"/api/v1/tasks/{task['id']}/approve"),
                                  headers=deputy, json={"comment": "同意派发"})
    if status == 200:
        for item in approved["progress"]:
            if item["village_id"] in CREWS:
                world.assignments.put_nowait((item["village_id"], item["assignment_id"]))
    return True


STEPS = [("sign", "secretary", lambda w, v: {"note": "已签收"}),
         ("allocate", "secretary", lambda w, v: {"assignee_ids": [w.cadre_ids[v]]}),
         ("progress", "cadre", lambda w, v: {"text": "已完成一半", "percent": 50}),
         ("submit", "cadre", lambda w, v: {"note": "已完成"}),
         ("accept", "he.fangya", lambda w, v: {"quality": 90, "comment": "到位"})]


async def transitions(world: World, run: Run) -> bool:
    """One assignment through sign → allocate → progress → submit → accept (5 requests)."""
    try:
        village, assignment = world.assignments.get_nowait()
    except asyncio.QueueEmpty:
        return False
    await walk(world, run, village, assignment, STEPS)
    return True


async def walk(world: World, run: Run, village: str, assignment: str, steps) -> bool:
    secretary, cadre = CREWS[village]
    who = {"secretary": secretary, "cadre": cadre, "he.fangya": "he.fangya"}
    for action, role, body in steps:
        status, _ = await world.client.request(
            run, "POST", world.url(f"/api/v1/assignments/{assignment}/{action}"),
            headers=world.auth[who[role]], json=body(world, village))
        if status != 200:
            return False
    return True


async def leaderboard(world: World, run: Run, due: float | None = None) -> bool:
    status, _ = await world.client.request(
        run, "GET", world.url("/api/v1/leaderboards/villages"), started=due, headers=world.auth["dong.qing"],
        params={"org_id": TOWN, "period": month(), "page_size": "50"})
    return status == 200


async def dashboard(world: World, run: Run, due: float | None = None) -> bool:
    status, _ = await world.client.request(
        run, "GET", world.url("/api/v1/dashboard"), started=due, headers=world.auth["dong.qing"],
        params={"org_id": TOWN, "period": month()})
    return status == 200
