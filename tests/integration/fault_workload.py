"""A mixed workload for fault tests: petitions and the task loop through the gateway, every write
with an Idempotency-Key and retried with that key until it gets a definite answer; then an audit of
what exists against what was accepted."""
from __future__ import annotations

import collections
import csv
import datetime as dt
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import httpx

API = "/api/v1"
TOWN, TAOYUAN = "330688100", "330688100201"
NOTICES = Path(__file__).resolve().parents[2] / "bench/screening/notices.csv"
RETRYABLE = {500, 502, 503, 504}
GIVE_UP_AFTER = 120.0  # seconds of retrying one write before it counts as lost


def accepted_notices() -> list[tuple[str, str]]:
    """Notices the demo catalogue accepts, each dispatched once per stack (duplicate check)."""
    with NOTICES.open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["expected_decision"] == "accepted"]
    seen, unique = set(), []
    for row in rows:
        if row["title"] not in seen:
            seen.add(row["title"])
            unique.append((row["title"], row["description"]))
    return unique


@dataclass
class Tally:
    """What the workload did and saw; shared between its threads."""

    operations: collections.Counter = field(default_factory=collections.Counter)
    answers: collections.Counter = field(default_factory=collections.Counter)
    problems: list[str] = field(default_factory=list)
    petitions: dict[str, str] = field(default_factory=dict)      # marker → petition id
    tasks: dict[str, str] = field(default_factory=dict)          # title → task id
    assignments: dict[str, str] = field(default_factory=dict)    # assignment id → final state
    lock: threading.Lock = field(default_factory=threading.Lock)
    phase: str = "warm-up"  # the fault in progress (or the last one), set by the test
    started: float = field(default_factory=time.monotonic)

    def saw(self, what: str) -> None:
        with self.lock:
            self.answers[(self.phase, what)] += 1

    def by_phase(self) -> dict[str, dict[str, int]]:
        grouped: dict[str, dict[str, int]] = {}
        for (phase, what), count in sorted(self.answers.items()):
            grouped.setdefault(phase, {})[what] = count
        return grouped

    def did(self, what: str) -> None:
        with self.lock:
            self.operations[what] += 1

    def problem(self, text: str) -> None:
        with self.lock:
            self.problems.append(f"[{time.monotonic() - self.started:.1f} s, during/after "
                                 f"{self.phase}] {text}")


class Workload:
    """Threads that keep writing until `stop()`; each write is retried with its key until answered."""

    def __init__(self, base_url: str, headers: dict[str, dict], cadre_id: str) -> None:
        self.base_url, self.headers, self.cadre_id = base_url, headers, cadre_id
        self.tally = Tally()
        self.stopping = threading.Event()
        self.notices = accepted_notices()
        self.threads = [threading.Thread(target=self._petitions, args=(n,), daemon=True)
                        for n in range(2)] + [threading.Thread(target=self._tasks, daemon=True)]
        self.run_id = uuid.uuid4().hex[:6]

    def start(self) -> None:
        for thread in self.threads:
            thread.start()

    def stop(self, timeout: float = 150.0) -> None:
        """Let every started operation finish (retrying through the last fault), then return."""
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout)
            if thread.is_alive():
                self.tally.problem(f"{thread.name} still retrying after {timeout:.0f} s")

    def progress(self) -> int:
        with self.tally.lock:
            return sum(self.tally.operations.values())

    # --- one write, retried with the same key ----------------------------------------------
    def write(self, client: httpx.Client, who: str, path: str, body: dict, what: str,
              ok: int = 200) -> dict | None:
        key = str(uuid.uuid4())
        headers = {**self.headers[who], "Idempotency-Key": key}
        deadline = time.monotonic() + GIVE_UP_AFTER
        while True:
            try:
                reply = client.post(path, json=body, headers=headers)
            except httpx.TransportError as exc:
                self.tally.saw(f"transport:{type(exc).__name__}")
            else:
                code = _code(reply)
                self.tally.saw(f"{reply.status_code}" + (f" {code}" if code else ""))
                if reply.status_code == ok:
                    self.tally.did(what)
                    return reply.json()
                in_progress = reply.status_code == 409 and code == "IDEMPOTENCY_IN_PROGRESS"
                if reply.status_code not in RETRYABLE and not in_progress:
                    self.tally.problem(f"{what} {path} refused: {reply.status_code} {reply.text[:300]}")
                    return None
            if time.monotonic() > deadline:
                self.tally.problem(f"{what} {path} key {key}: no answer in {GIVE_UP_AFTER:.0f} s")
                return None
            time.sleep(0.2)

    # --- petitions: grid reports -----------------------------------------------------------
    def _petitions(self, worker: int) -> None:
        with httpx.Client(base_url=self.base_url, timeout=10) as client:
            n = 0
            while not self.stopping.is_set():
                n += 1
                marker = f"演练{self.run_id}-{worker}-{n}"
                created = self.write(client, "jin.yi", f"{API}/petitions", {
                    "source": "grid_report", "element_code": "E0301",
                    "content": f"村道上路灯不亮，晚上老人出门不方便（{marker}）"}, "petition", ok=201)
                if created is not None:
                    with self.tally.lock:
                        self.tally.petitions[marker] = created["id"]

    # --- tasks: draft → screen → approve → sign → allocate → submit → send back → submit → accept
    def _tasks(self) -> None:
        with httpx.Client(base_url=self.base_url, timeout=10) as client:
            for n, (title, description) in enumerate(self.notices):
                if self.stopping.is_set():
                    return
                self._one_task(client, f"{title}（{self.run_id}-{n}）", description)

    def _one_task(self, client: httpx.Client, title: str, description: str) -> None:
        deadline = dt.datetime.now(dt.UTC) + dt.timedelta(days=10)
        task = self.write(client, "he.fangya", f"{API}/tasks", {
            "title": title, "description": description, "category": "town", "points": 10,
            "target_village_ids": [TAOYUAN], "deadline": deadline.isoformat()}, "task", ok=201)
        if task is None:
            return
        with self.tally.lock:
            self.tally.tasks[title] = task["id"]
        screened = self.write(client, "he.fangya", f"{API}/tasks/{task['id']}/submit", {},
                              "task.submit")
        if screened is None or screened["state"] != "screened":
            self.tally.saw(f"screening:{screened and screened['state']}")
            return  # refused by the catalogue (a definite answer): nothing to dispatch
        approved = self.write(client, "dong.qing", f"{API}/tasks/{task['id']}/approve",
                              {"comment": "同意派发"}, "task.approve")
        if approved is None:
            return
        [assignment] = [p["assignment_id"] for p in approved["progress"]]
        path = f"{API}/assignments/{assignment}"
        steps = [("tu.su", "sign", {}), ("tu.su", "allocate", {"assignee_ids": [self.cadre_id]}),
                 ("ge.yu", "submit", {"note": "已完成"}),
                 ("he.fangya", "send-back", {"note": "材料不全，请补充照片"}),
                 ("ge.yu", "submit", {"note": "已补充"}),
                 ("he.fangya", "accept", {"quality": 80})]
        state = "dispatched"
        for who, action, body in steps:
            moved = self.write(client, who, f"{path}/{action}", body, f"assignment.{action}")
            if moved is None:
                break
            state = moved["state"]
        with self.tally.lock:
            self.tally.assignments[assignment] = state


def _code(reply: httpx.Response) -> str:
    if reply.headers.get("content-type", "").startswith("application/problem+json"):
        try:
            return reply.json().get("code", "")
        except ValueError:
            return "unparsable"
    return ""


# --- the audit: what exists, compared with what was accepted ---------------------------------
def read(client: httpx.Client, path: str, headers: dict, **params) -> httpx.Response:
    """A GET after the faults, retried briefly: a restarted process may still be warming up."""
    for _ in range(10):
        reply = client.get(path, params=params, headers=headers)
        if reply.status_code not in RETRYABLE:
            return reply
        time.sleep(0.5)
    return reply


def pages(client: httpx.Client, path: str, key: str, headers: dict, **params) -> list[dict]:
    found, token = [], ""
    while True:
        reply = read(client, path, headers, **params, page_size=100, page_token=token)
        assert reply.status_code == 200, reply.text
        body = reply.json()
        found += body[key]
        token = body.get("next_page_token", "")
        if not token:
            return found


def ledger_lines(client: httpx.Client, headers: dict, subject: str) -> list[dict]:
    """Every ledger line of `subject` this month and next (a task books in its deadline's month)."""
    today = dt.date.today().replace(day=1)
    months = {today.strftime("%Y-%m"), (today + dt.timedelta(days=32)).strftime("%Y-%m")}
    lines = []
    for month in sorted(months):
        reply = read(client, f"{API}/scores/{subject}", headers, period=month, page_size=500)
        if reply.status_code == 200:
            lines += reply.json()["lines"]
    return lines
