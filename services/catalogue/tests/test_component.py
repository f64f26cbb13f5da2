"""The catalogue service alone, with its real database and NATS: screening, dispatch events, restarts."""
from __future__ import annotations

import asyncio
import datetime as dt
import sys
import time

import grpc
import nats
import pytest
from google.protobuf.timestamp_pb2 import Timestamp

from services.directory.domain import scope_root
from shared import bus, migrate
from shared.auth import TokenIssuer, generate_keys
from shared.errors import from_rpc_error
from stack.processes import Stack, StackConfig
from stack.testing import create_database
from zhili.catalogue.v1 import catalogue_pb2 as pb
from zhili.catalogue.v1 import catalogue_pb2_grpc, events_pb2
from zhili.tasks.v1 import events_pb2 as task_events

TOWN, OFFICE = "330688100", "330688100B01"
VILLAGE, OTHER_VILLAGE = "330688100201", "330688100202"
PEOPLE = {"chen.qianmei": ("town_staff", OFFICE), "he.fangya": ("town_leader", TOWN),
          "dong.qing": ("deputy_secretary", TOWN), "fu.min": ("admin", "330688"),
          "yu.zhenying": ("supervisor", "330688K13"), "wu.other": ("town_leader", "330688101")}


@pytest.fixture(scope="module")
def catalogue(backend, request, tmp_path_factory):
    urls = {}
    if backend == "postgresql":
        urls["catalogue"] = create_database(request.getfixturevalue("postgres_admin_url"), "cat")
    running = Stack(StackConfig.ephemeral(tmp_path_factory.mktemp("catalogue"), urls))
    generate_keys(running.config.data_dir / "keys")
    migrate.upgrade("catalogue", running.config.database_url("catalogue"))
    running.run_command("catalogue-demo", [sys.executable, "-m", "services.catalogue", "load-demo"],
                        running.service_env("catalogue"))
    try:
        running.start_nats()
        running.start_service("catalogue")
        yield running
    finally:
        running.stop_all()


@pytest.fixture(scope="module")
def stub(catalogue):
    with grpc.insecure_channel(catalogue.config.grpc_addr("catalogue")) as channel:
        yield catalogue_pb2_grpc.CatalogueServiceStub(channel)


def auth(stack, username="chen.qianmei", key=""):
    keys = stack.config.data_dir / "keys"
    issuer = TokenIssuer.from_files(keys / "jwt_private.pem", (keys / "jwt_key_id").read_text(),
                                    issuer="zhili-directory", audience="zhili",
                                    ttl=dt.timedelta(hours=1))
    position, org_id = PEOPLE[username]
    token = issuer.issue(subject=f"person-{username}", name=username, roles=[position],
                         org_id=org_id, scope_org_id=scope_root(position, org_id, "330688"))
    return [("authorization", f"Bearer {token}")] + ([("idempotency-key", key)] if key else [])


def deadline(days=10) -> Timestamp:
    stamp = Timestamp()
    stamp.FromDatetime(dt.datetime.now(dt.UTC) + dt.timedelta(days=days))
    return stamp


def publish_dispatch(stack, task_id, title, description, villages, issuer=OFFICE, code="",
                     event_id=""):
    async def send():
        nc = await nats.connect(f"nats://127.0.0.1:{stack.config.nats_port}")
        try:
            js = nc.jetstream()
            await bus.ensure_service_stream(js, "tasks")
            event = task_events.TaskDispatched(
                task_id=task_id, title=title, description=description, matter_code=code,
                issuer_org_id=issuer, town_id=TOWN, assignments=[
                    task_events.DispatchedAssignment(assignment_id=f"{task_id}-{v}", village_id=v)
                    for v in villages])
            event.meta.event_id = event_id or f"evt-{task_id}"
            event.dispatched_at.FromDatetime(dt.datetime.now(dt.UTC))
            await js.publish("tasks.task.dispatched", event.SerializeToString(),
                             headers={"Nats-Msg-Id": event.meta.event_id})
        finally:
            await nc.close()

    asyncio.run(send())


def screen_until(stub, stack, request, predicate, timeout=15.0):
    """Screen again until the consumer applied the event (it is asynchronous by design)."""
    end = time.monotonic() + timeout
    while True:
        result = stub.Screen(request, metadata=auth(stack))
        if predicate(result) or time.monotonic() > end:
            return result
        time.sleep(0.3)


STRAW = dict(title="秋季秸秆禁烧巡查",
             description="请各村落实网格员分片包干，每天下田巡查，发现焚烧秸秆的及时劝阻，月底前报巡查记录。")


def test_screening_is_persisted_and_readable_in_both_languages(catalogue, stub):
    result = stub.Screen(pb.ScreenRequest(**STRAW, target_org_ids=[VILLAGE], deadline=deadline()),
                         metadata=auth(catalogue))
    assert (result.decision, result.matter_code) == ("accepted", "V-NY-010")
    slag = stub.Screen(pb.ScreenRequest(
        title="清理金溪村山坡工业渣土", deadline=deadline(), target_org_ids=[VILLAGE],
        description="有群众反映你村山坡上有人倾倒工业渣土，请你村尽快组织人员清理干净并反馈。",
        language="en"), metadata=auth(catalogue))
    assert slag.decision == "rejected" and slag.reasons[0].code == "OFF_LIST"
    assert "must not be pushed down" in slag.reasons[0].detail
    assert slag.town_matches[0].department == "镇综合行政执法队"
    again = stub.GetScreening(pb.GetScreeningRequest(id=slag.id), metadata=auth(catalogue))
    assert again.decision == "rejected" and "不得下派" in again.reasons[0].detail
    with pytest.raises(grpc.RpcError) as hidden:  # another town cannot read it
        stub.GetScreening(pb.GetScreeningRequest(id=slag.id), metadata=auth(catalogue, "wu.other"))
    assert from_rpc_error(hidden.value).code == "SCREENING_NOT_FOUND"


def test_a_published_dispatch_makes_the_same_task_a_duplicate(catalogue, stub):
    villages = ["330688100203"]
    publish_dispatch(catalogue, "task-straw-1", STRAW["title"], STRAW["description"], villages,
                     code="V-NY-010")
    request = pb.ScreenRequest(title="关于加强秸秆禁烧工作的提醒", deadline=deadline(),
                               description="近期多地出现焚烧稻草现象，请各村安排人员每日田间巡逻，见火就灭。",
                               target_org_ids=villages)
    result = screen_until(stub, catalogue, request, lambda r: r.decision == "rejected")
    assert "DUPLICATE" in [r.code for r in result.reasons]
    assert [d.task_id for d in result.duplicates] == ["task-straw-1"]
    other = stub.Screen(pb.ScreenRequest(title=request.title, description=request.description,
                                         deadline=deadline(), target_org_ids=["330688100204"]),
                        metadata=auth(catalogue))
    assert "DUPLICATE" not in [r.code for r in other.reasons]


def test_a_redispatch_to_more_villages_widens_the_running_index(catalogue, stub):
    title, text = "冬季森林防火巡山", "请各村组织护林员每日巡山，清明前后重点看护坟头，发现火情立即报告林业站。"
    publish_dispatch(catalogue, "task-fire-1", title, text, ["330688100206"])
    request = pb.ScreenRequest(title="森林防火巡山提醒", deadline=deadline(), target_org_ids=[
        "330688100207"], description="请各村安排护林员每天巡山，重点看护坟头，发现火情及时报告林业站。")
    first = screen_until(stub, catalogue, pb.ScreenRequest(
        title=request.title, description=request.description, deadline=deadline(),
        target_org_ids=["330688100206"]), lambda r: r.decision == "rejected")
    assert "DUPLICATE" in [r.code for r in first.reasons]
    assert "DUPLICATE" not in [r.code for r in stub.Screen(request, metadata=auth(catalogue)).reasons]
    publish_dispatch(catalogue, "task-fire-1", title, text, ["330688100206", "330688100207"],
                     event_id="evt-task-fire-1-again")  # the same task sent to one more village
    again = screen_until(stub, catalogue, request, lambda r: r.decision == "rejected")
    assert [d.task_id for d in again.duplicates] == ["task-fire-1"]


def test_the_index_is_rebuilt_from_the_database_after_a_restart(catalogue, stub):
    villages = ["330688100205"]
    publish_dispatch(catalogue, "task-flu-1", "流感疫苗接种摸底",
                     "请各村摸清60岁以上老人流感疫苗接种意愿，逐户登记，12月5日前报镇卫生办。", villages)
    request = pb.ScreenRequest(title="老人流感疫苗接种意愿摸排", deadline=deadline(),
                               description="请各村对60岁以上老人流感疫苗接种意愿逐户摸清登记，月底前上报。",
                               target_org_ids=villages)
    assert screen_until(stub, catalogue, request, lambda r: r.decision == "rejected").decision \
        == "rejected"
    catalogue.stop("catalogue")
    catalogue.start_service("catalogue")
    result = stub.Screen(request, metadata=auth(catalogue))
    assert [d.task_id for d in result.duplicates] == ["task-flu-1"]


def test_quota_counts_persisted_dispatches_of_the_issuing_office(catalogue, stub):
    village = "330688100206"
    stub.SetQuota(pb.SetQuotaRequest(quota=pb.Quota(village_id=village, issuer_org_id=OFFICE,
                                                    period="month", max_tasks=1)),
                  metadata=auth(catalogue, "fu.min"))
    publish_dispatch(catalogue, "task-quota-1", "反诈宣传", "请各村开展反诈宣传，月底前完成。", [village])
    request = pb.ScreenRequest(title="医保参保动员", deadline=deadline(), target_org_ids=[village],
                               description="请各村动员未参保村民参加城乡居民医保，12月20日前完成。")
    result = screen_until(stub, catalogue, request, lambda r: r.decision == "rejected")
    assert [r.code for r in result.reasons] == ["QUOTA_EXCEEDED"]
    # The limit is the office's: the town leader, issuing as the town itself, is not counted.
    leader = stub.Screen(request, metadata=auth(catalogue, "he.fangya"))
    assert leader.decision == "accepted", leader


def test_emergency_opens_a_compliance_review_that_the_deputy_secretary_closes(catalogue, stub):
    result = stub.Screen(pb.ScreenRequest(
        title="寒潮道路除冰", urgency="emergency", target_org_ids=[VILLAGE],
        description="今晚有冰冻，请各村立即组织人员对桥面、陡坡路段撒盐除冰，设置警示标志。"),
        metadata=auth(catalogue))
    assert (result.decision, result.matter_code) == ("accepted", "OTHER")
    assert result.compliance_review_id
    with pytest.raises(grpc.RpcError) as refused:
        stub.CloseComplianceReview(pb.CloseComplianceReviewRequest(
            id=result.compliance_review_id, outcome="compliant"), metadata=auth(catalogue))
    assert from_rpc_error(refused.value).code == "ROLE_REQUIRED"
    closed = stub.CloseComplianceReview(pb.CloseComplianceReviewRequest(
        id=result.compliance_review_id, outcome="compliant", note="确属突发寒潮"),
        metadata=auth(catalogue, "dong.qing"))
    assert (closed.status, closed.outcome) == ("closed", "compliant")
    stats = stub.GetStatistics(pb.GetStatisticsRequest(), metadata=auth(catalogue, "fu.min"))
    assert stats.compliance_closed >= 1 and stats.screenings >= 2
    assert {c.key for c in stats.by_reason} >= {"EMERGENCY", "OFF_LIST"}


def test_same_idempotency_key_screens_once(catalogue, stub):
    request = pb.ScreenRequest(**STRAW, target_org_ids=[OTHER_VILLAGE], deadline=deadline())
    first = stub.Screen(request, metadata=auth(catalogue, key="screen-once"))
    again = stub.Screen(request, metadata=auth(catalogue, key="screen-once"))
    assert first.id == again.id


def test_screenings_and_reviews_are_published_as_events(catalogue, stub):
    result = stub.Screen(pb.ScreenRequest(
        title="暴雨转移群众", urgency="emergency", target_org_ids=["330688100204"],
        description="今夜特大暴雨，请各村立即组织地质灾害点群众转移，逐户落实到人。"),
        metadata=auth(catalogue))

    async def read():
        nc = await nats.connect(f"nats://127.0.0.1:{catalogue.config.nats_port}")
        try:
            sub = await nc.jetstream().pull_subscribe("catalogue.>", durable=None,
                                                      stream="CATALOGUE")
            seen: dict[str, list[bytes]] = {}
            end = time.monotonic() + 20
            while time.monotonic() < end:  # the relay publishes after commit, asynchronously
                try:
                    for message in await sub.fetch(50, timeout=1):
                        seen.setdefault(message.subject, []).append(message.data)
                except TimeoutError:  # nats-py also raises a bare asyncio.TimeoutError
                    await asyncio.sleep(0.2)
                reviews = seen.get("catalogue.compliance_review.opened", [])
                screened = seen.get("catalogue.screening.completed", [])
                if (any(result.compliance_review_id.encode() in d for d in reviews)
                        and any(result.id.encode() in d for d in screened)):
                    return seen
            return seen
        finally:
            await nc.close()

    seen = asyncio.run(read())
    completed = [events_pb2.ScreeningCompleted.FromString(d)
                 for d in seen["catalogue.screening.completed"]]
    mine = [e for e in completed if e.screening_id == result.id]
    assert mine and mine[0].decision == "accepted" and "EMERGENCY" in mine[0].reason_codes
    assert mine[0].issuer_org_id == OFFICE
    opened = [events_pb2.ComplianceReviewOpened.FromString(d)
              for d in seen["catalogue.compliance_review.opened"]]
    assert result.compliance_review_id in {e.review_id for e in opened}


def publish_ratings(stack, ratings):
    """Publish tasks.assignment.rated events: (event_id, task_id, assignment_id, village, town,
    matter_code, reasonable, burden, rated_at or None)."""
    async def send():
        nc = await nats.connect(f"nats://127.0.0.1:{stack.config.nats_port}")
        try:
            js = nc.jetstream()
            await bus.ensure_service_stream(js, "tasks")
            for event_id, task_id, assignment_id, village, town, code, fair, burden, at in ratings:
                event = task_events.AssignmentRated(
                    assignment=task_events.AssignmentFacts(
                        task_id=task_id, assignment_id=assignment_id, village_id=village,
                        town_id=town, matter_code=code, state="accepted"),
                    reasonable=fair, burden=burden, comment="评价" + assignment_id)
                event.meta.event_id = event_id
                event.rated_at.FromDatetime(at or dt.datetime.now(dt.UTC))
                await js.publish("tasks.assignment.rated", event.SerializeToString(),
                                 headers={"Nats-Msg-Id": event_id})
        finally:
            await nc.close()

    asyncio.run(send())


def statistics_until(stub, stack, predicate, username="fu.min", timeout=20.0, **filters):
    end = time.monotonic() + timeout
    while True:
        stats = stub.GetStatistics(pb.GetStatisticsRequest(**filters),
                                   metadata=auth(stack, username))
        if predicate(stats) or time.monotonic() > end:
            return stats
        time.sleep(0.3)


def test_village_ratings_feed_the_statistics_exactly_once(catalogue, stub):
    villages = ["330688100207", "330688100208", "330688100209"]
    publish_dispatch(catalogue, "task-rated-1", "村级防汛物资清点", "请各村清点防汛物资并上报。",
                     villages, code="V-NY-010")
    september = dt.datetime(2026, 9, 10, 2, tzinfo=dt.UTC)
    first = ("evt-rate-1", "task-rated-1", "asg-rated-1", villages[0], TOWN, "V-NY-010", False,
             "heavy", None)
    publish_ratings(catalogue, [
        first,
        ("evt-rate-2", "task-rated-1", "asg-rated-2", villages[1], TOWN, "V-NY-010", True,
         "light", None),
        first,  # the producer publishing again: same Nats-Msg-Id
        ("evt-rate-1-again", *first[1:]),  # the same assignment's rating under another event id
        ("evt-rate-3", "task-rated-1", "asg-rated-3", villages[2], TOWN, "V-NY-010", True,
         "moderate", september),
        # a task whose dispatch the catalogue never saw: judged against its town
        ("evt-rate-4", "task-unseen", "asg-rated-4", "330688100210", TOWN, "", False,
         "heavy", None),
        # another town's task
        ("evt-rate-5", "task-other-town", "asg-rated-5", "330688101201", "330688101", "V-NY-010",
         True, "light", None),
    ])
    # Two consumers: the dispatch (which names the issuing office) may be applied after the
    # ratings, and until then its ratings count against the town. Wait for both.
    rated = statistics_until(stub, catalogue, lambda s: s.ratings.ratings >= 5 and OFFICE in {
        c.key for c in s.ratings.by_issuer}).ratings
    assert (rated.ratings, rated.unreasonable, rated.light, rated.moderate, rated.heavy) \
        == (5, 2, 2, 1, 2), rated
    assert rated.unreasonable_share == 0.4
    by_issuer = {c.key: c for c in rated.by_issuer}
    assert set(by_issuer) == {OFFICE, TOWN, "330688101"}
    office = by_issuer[OFFICE]
    assert (office.ratings, office.unreasonable, office.light, office.moderate, office.heavy) \
        == (3, 1, 1, 1, 1)
    assert office.unreasonable_share == round(1 / 3, 4)
    assert (by_issuer[TOWN].ratings, by_issuer[TOWN].unreasonable) == (1, 1)
    by_matter = {c.key: c for c in rated.by_matter}
    assert (by_matter["V-NY-010"].ratings, by_matter["V-NY-010"].name) \
        == (4, "秸秆禁烧巡查与综合利用宣传")
    assert (by_matter[""].ratings, by_matter[""].name) == (1, "")
    months = {c.key: c.ratings for c in rated.by_month}
    assert months["2026-09"] == 1 and sum(months.values()) == 5
    # Months and scope filter the ratings as they filter screenings.
    later = stub.GetStatistics(pb.GetStatisticsRequest(from_month="2026-10"),
                               metadata=auth(catalogue, "fu.min"))
    assert later.ratings.ratings == 4 and "2026-09" not in {c.key for c in later.ratings.by_month}
    town = stub.GetStatistics(pb.GetStatisticsRequest(), metadata=auth(catalogue, "he.fangya"))
    assert {c.key for c in town.ratings.by_issuer} == {OFFICE, TOWN}
    assert town.ratings.ratings == 4
    office = stub.GetStatistics(pb.GetStatisticsRequest(), metadata=auth(catalogue))
    assert [(c.key, c.ratings) for c in office.ratings.by_issuer] == [(OFFICE, 3)]

    # Every rating delivered again to the consumer: a new durable starts from the stream's start.
    catalogue.stop("catalogue")

    async def forget_position():
        nc = await nats.connect(f"nats://127.0.0.1:{catalogue.config.nats_port}")
        try:
            await nc.jetstream().delete_consumer("TASKS", "catalogue-ratings")
        finally:
            await nc.close()

    asyncio.run(forget_position())
    catalogue.start_service("catalogue")
    publish_ratings(catalogue, [("evt-rate-6", "task-rated-1", "asg-rated-6", "330688100211",
                                 TOWN, "V-NY-010", True, "light", None)])
    stats = statistics_until(stub, catalogue, lambda s: s.ratings.ratings >= 6)
    rated = stats.ratings
    assert (rated.ratings, rated.unreasonable, rated.light, rated.heavy) == (6, 2, 3, 2), rated
    assert {c.key: c.ratings for c in rated.by_issuer}[OFFICE] == 4


def read_events(stack, subjects, predicate, timeout=20.0):
    """Messages of the CATALOGUE stream by subject, until `predicate(seen)` holds."""
    async def read():
        nc = await nats.connect(f"nats://127.0.0.1:{stack.config.nats_port}")
        try:
            sub = await nc.jetstream().pull_subscribe("catalogue.>", durable=None,
                                                      stream="CATALOGUE")
            seen: dict[str, list[bytes]] = {s: [] for s in subjects}
            end = time.monotonic() + timeout
            while time.monotonic() < end and not predicate(seen):
                try:
                    for message in await sub.fetch(100, timeout=1):
                        seen.setdefault(message.subject, []).append(message.data)
                except TimeoutError:  # nats-py also raises a bare asyncio.TimeoutError
                    await asyncio.sleep(0.2)
            return seen
        finally:
            await nc.close()

    return asyncio.run(read())


def audit_rows(stack, entity_id_prefix):
    from sqlalchemy import create_engine, text
    url = stack.config.database_url("catalogue").replace("+aiosqlite", "").replace(
        "+psycopg_async", "+psycopg")
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(text(
                "SELECT action, from_state, to_state, reason, actor_id FROM audit_log "
                "WHERE entity_id LIKE :p ORDER BY at"), {"p": entity_id_prefix + "%"}).all()
    finally:
        engine.dispose()


def test_a_draft_version_is_edited_item_by_item_then_published(catalogue, stub):
    admin = auth(catalogue, "fu.min")
    draft = stub.StartCatalogueVersion(pb.StartCatalogueVersionRequest(year=2030), metadata=admin)
    assert draft.status == "draft" and not draft.HasField("published_at")
    edited = stub.UpdateItem(pb.UpdateItemRequest(
        code="V-NY-010", year=2030, update_fields=["name", "basis"],
        item=pb.Item(name="秸秆禁烧巡查", basis="《大气污染防治法》第七十七条")), metadata=admin)
    assert (edited.name, edited.year, edited.description[:4]) == ("秸秆禁烧巡查", 2030, "在夏收、")
    assert stub.GetItem(pb.GetItemRequest(code="V-NY-010", year=2026),
                        metadata=admin).name == "秸秆禁烧巡查与综合利用宣传"
    with pytest.raises(grpc.RpcError) as loop:
        stub.UpdateItem(pb.UpdateItemRequest(code="V-MZ-001", year=2030, update_fields=[
            "parent_code"], item=pb.Item(parent_code="V-MZ-002")), metadata=admin)
    assert from_rpc_error(loop.value).code == "VALIDATION_FAILED"
    with pytest.raises(grpc.RpcError) as parent:
        stub.DeleteItem(pb.DeleteItemRequest(code="V-MZ-001", year=2030), metadata=admin)
    assert from_rpc_error(parent.value).code == "ITEM_HAS_CHILDREN"
    stub.DeleteItem(pb.DeleteItemRequest(code="V-MZ-002", year=2030), metadata=admin)
    with pytest.raises(grpc.RpcError) as gone:
        stub.GetItem(pb.GetItemRequest(code="V-MZ-002", year=2030), metadata=admin)
    assert from_rpc_error(gone.value).code == "ITEM_NOT_FOUND"
    for call in (lambda: stub.DeleteItem(pb.DeleteItemRequest(code="V-MZ-002", year=2026),
                                         metadata=admin),
                 lambda: stub.UpdateItem(pb.UpdateItemRequest(
                     code="V-NY-010", year=2026, update_fields=["name"], item=pb.Item(name="改")),
                     metadata=admin)):
        with pytest.raises(grpc.RpcError) as published:
            call()
        assert from_rpc_error(published.value).code == "CATALOGUE_PUBLISHED"
    with pytest.raises(grpc.RpcError) as role:
        stub.DeleteItem(pb.DeleteItemRequest(code="V-NY-010", year=2030),
                        metadata=auth(catalogue, "he.fangya"))
    assert from_rpc_error(role.value).code == "ROLE_REQUIRED"

    # While 2030 is a draft, a 2030 screening still uses the published 2026 list.
    card = pb.ScreenRequest(title="老年人优待证申领", matter_code="V-MZ-002", year=2030,
                            deadline=deadline(), target_org_ids=["330688100210"],
                            description="请各村受理60周岁以上老人优待证申领，核对身份信息和照片后协助线上提交。")
    assert "UNKNOWN_CODE" not in [r.code for r in stub.Screen(card, metadata=auth(catalogue)).reasons]
    published = stub.PublishCatalogueVersion(pb.PublishCatalogueVersionRequest(year=2030),
                                             metadata=admin)
    assert published.status == "published" and published.HasField("published_at")
    assert published.village_items == draft.village_items - 1
    assert "UNKNOWN_CODE" in [r.code for r in stub.Screen(card, metadata=auth(catalogue)).reasons]
    with pytest.raises(grpc.RpcError) as again:
        stub.PublishCatalogueVersion(pb.PublishCatalogueVersionRequest(year=2030), metadata=admin)
    assert from_rpc_error(again.value).code == "INVALID_TRANSITION"

    trail = audit_rows(catalogue, "330688/2030/")
    assert [(a, f, t) for a, f, t, _, _ in trail] == [
        ("updated", "draft", "draft"), ("deleted", "draft", "deleted")]
    assert "秸秆禁烧巡查与综合利用宣传" in trail[0].reason and "老年人优待证" in trail[1].reason
    assert {row.actor_id for row in trail} == {"person-fu.min"}
    subjects = ("catalogue.item.updated", "catalogue.item.deleted", "catalogue.version.published")
    seen = read_events(catalogue, subjects, lambda s: all(s[x] for x in subjects))
    updated = [events_pb2.ItemUpdated.FromString(d) for d in seen["catalogue.item.updated"]]
    assert [(e.code, e.year, list(e.changed_fields)) for e in updated] == [
        ("V-NY-010", 2030, ["basis", "name"])]
    deleted = [events_pb2.ItemDeleted.FromString(d) for d in seen["catalogue.item.deleted"]]
    assert [(e.code, e.name) for e in deleted] == [("V-MZ-002", "老年人优待证申领初审")]
    versions = [events_pb2.CatalogueVersionPublished.FromString(d)
                for d in seen["catalogue.version.published"]]
    assert [(e.year, e.catalogue_id) for e in versions] == [(2030, published.id)]
