"""Duplicate index: pruning keeps memory to one window; a re-dispatch widens a task's villages."""
from datetime import datetime, timedelta, timezone

from services.catalogue.dupindex import DuplicateIndex

NOW = datetime(2026, 11, 20, 9, tzinfo=timezone.utc)
STRAW = ("秋季秸秆禁烧巡查", "请各村落实网格员每天下田巡查，发现焚烧秸秆当场劝阻，巡查记录每周报农业农村办。")
FLU = ("流感疫苗接种动员", "请各村对辖区六十岁以上老人逐户动员接种流感疫苗，统计接种人数报卫生院。")


def index_with(*tasks):
    index = DuplicateIndex(min_probes=2)
    index.add_background(["村级事项清单说明", "农业农村办 卫生院 民政办"])
    for task_id, (title, text), orgs, days_ago in tasks:
        index.add(task_id, title, text, orgs, NOW - timedelta(days=days_ago))
    return index


def found(index, text, orgs=("v-1",), window_days=30):
    return [hit[0] for hit in index.find(text, orgs, NOW - timedelta(days=window_days))]


def test_prune_forgets_tasks_older_than_the_window_and_their_terms():
    index = index_with(("old-straw", STRAW, ("v-1",), 40), ("new-flu", FLU, ("v-1",), 3))
    vocabulary = index.vocabulary_size
    assert index.prune(NOW - timedelta(days=30)) == ["old-straw"]
    assert len(index) == 1 and "old-straw" not in index and "new-flu" in index
    assert index.vocabulary_size < vocabulary  # 秸秆, 焚烧 … are gone with the only task using them
    assert found(index, FLU[1], window_days=365) == ["new-flu"]
    assert found(index, STRAW[1], window_days=365) == []
    assert index.prune(NOW - timedelta(days=30)) == []


def test_an_index_keeps_working_after_many_prunes():
    index = DuplicateIndex(min_probes=2)
    for day in range(120):  # one straw and one flu notice a day, a 30-day window pruned daily
        now = NOW - timedelta(days=120 - day)
        index.add(f"straw-{day}", STRAW[0], f"{STRAW[1]}第{day}批", ("v-1",), now)
        index.add(f"flu-{day}", FLU[0], f"{FLU[1]}第{day}批", ("v-2",), now)
        index.prune(now - timedelta(days=30))
    assert len(index) <= 62
    sizes = index.vocabulary_size
    index.add("straw-new", *STRAW, ("v-1",), NOW)
    assert index.vocabulary_size <= sizes + 2  # freed slots are reused rather than the lists growing
    hits = found(index, STRAW[1])
    assert hits and all(h.startswith("straw-") for h in hits)
    assert all(h.startswith("flu-") for h in found(index, FLU[1], orgs=("v-2",)))


def test_a_late_entry_with_an_old_time_waits_for_those_added_before_it():
    index = index_with(("recent", FLU, ("v-1",), 2), ("late-old", STRAW, ("v-1",), 40))
    assert index.prune(NOW - timedelta(days=30)) == []  # recent blocks the prefix …
    assert found(index, STRAW[1]) == []                 # … but lookups ignore the old one anyway
    assert index.prune(NOW + timedelta(days=29)) == ["recent", "late-old"]
    assert len(index) == 0 and index.vocabulary_size == len(index._fid)


def test_a_redispatch_to_more_villages_is_found_for_the_new_villages():
    index = index_with(("straw", STRAW, ("v-1",), 1))
    assert found(index, STRAW[1], orgs=("v-9",)) == []
    index.add("straw", *STRAW, ("v-1", "v-9"), NOW)  # the same task id sent again, wider
    assert index.villages_of("straw") == ("v-1", "v-9") and len(index) == 1
    assert found(index, STRAW[1], orgs=("v-9",)) == ["straw"]
    assert not index.add_villages("straw", ["v-9"]) and not index.add_villages("nope", ["v-1"])
