"""A province rule file chosen by PROCEDURES_PROVINCE changes the law the service applies."""
from __future__ import annotations

import datetime as dt
import json

import grpc
import pytest

from stack.processes import Stack, StackConfig
from stack.testing import create_database
from zhili.directory.v1 import directory_pb2, directory_pb2_grpc
from zhili.procedures.v1 import procedures_pb2 as pb
from zhili.procedures.v1 import procedures_pb2_grpc

# A stricter representatives' quorum than the national two-thirds (村委会组织法 第二十六条).
PROVINCE_33 = """
province: "33"
name: 测试省份规则
rules:
  quorum.representative_assembly:
    value: [{basis: members, num: 4, den: 5, strict: false, label: 五分之四以上的组成人员参加}]
    source: 测试用省级实施办法第十二条
  publicity.min_days: {value: 10, source: 测试用省级实施办法第二十条}
"""


def day(offset: int) -> str:
    return (dt.date.today() + dt.timedelta(days=offset)).isoformat()


@pytest.fixture(scope="module")
def stack(backend, request, tmp_path_factory):
    urls = {}
    if backend == "postgresql":
        admin = request.getfixturevalue("postgres_admin_url")
        urls = {s: create_database(admin, s[:4]) for s in ("directory", "procedures")}
    rules_dir = tmp_path_factory.mktemp("provinces")
    (rules_dir / "33.yaml").write_text(PROVINCE_33, encoding="utf-8")
    config = StackConfig.ephemeral(tmp_path_factory.mktemp("procedures-province"), urls)
    config.extra_env.update(PROCEDURES_PROVINCE="33", PROCEDURES_RULES_DIR=str(rules_dir))
    running = Stack(config)
    running.prepare(demo=True)
    try:
        running.start_nats()
        running.start_service("directory")
        running.start_service("procedures")
        yield running
    finally:
        running.stop_all()


@pytest.fixture(scope="module")
def calls(stack):
    with grpc.insecure_channel(stack.config.grpc_addr("directory")) as directory_channel, \
            grpc.insecure_channel(stack.config.grpc_addr("procedures")) as channel:
        token = directory_pb2_grpc.DirectoryServiceStub(directory_channel).Authenticate(
            directory_pb2.AuthenticateRequest(username="tu.su", password="Zhili@2026")).access_token
        yield procedures_pb2_grpc.ProceduresServiceStub(channel), [
            ("authorization", f"Bearer {token}")]


def test_the_province_file_is_in_force_with_its_source(calls):
    stub, secretary = calls
    rules = {r.key: r for r in stub.ListRules(pb.ListRulesRequest(), metadata=secretary).rules}
    quorum = rules["quorum.representative_assembly"]
    assert (quorum.region, quorum.source) == ("33", "测试用省级实施办法第十二条")
    assert json.loads(quorum.value_json)[0]["num"] == 4
    assert rules["quorum.villager_assembly"].region == ""  # not in the file: national default


def test_a_quorum_the_nation_accepts_fails_under_the_province_rule(calls):
    stub, secretary = calls
    procedure = stub.StartProcedure(pb.StartProcedureRequest(
        template_code="sixiyi_liang_gongkai", title="修复桃源桥", category="public_works",
        amount_fen=18_600_000), metadata=secretary)
    for number, (size, present, yes) in enumerate([(5, 5, 5), (9, 9, 9), (40, 30, 28)],
                                                  start=1):
        stub.RecordStep(pb.RecordStepRequest(
            procedure_id=procedure.id, number=number, held_on=day(-20 + number), body_size=size,
            present=present, votes_for=yes), metadata=secretary)
    # 21 of 30: two-thirds nationally (passes, see test_component), under four-fifths here.
    decided = stub.RecordStep(pb.RecordStepRequest(
        procedure_id=procedure.id, number=4, held_on=day(-10), body_size=30, present=21,
        votes_for=20), metadata=secretary)
    step = decided.steps[3]
    assert decided.state == "blocked" and not step.record.quorum_met
    assert "五分之四以上的组成人员参加" in step.record.result_zh
    enough = stub.RecordStep(pb.RecordStepRequest(
        procedure_id=procedure.id, number=4, held_on=day(-9), body_size=30, present=24,
        votes_for=20), metadata=secretary)
    assert enough.steps[3].status == "passed"
    assert enough.steps[4].min_days == 10  # the province's publicity minimum
