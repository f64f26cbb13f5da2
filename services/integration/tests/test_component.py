"""Integration alone with its real database and NATS: e-mail notifications over SMTP, quiet hours, SSRF refusals."""
from __future__ import annotations

import datetime as dt
import time

import grpc
import pytest
from aiosmtpd.controller import Controller

from shared.auth import TokenIssuer
from shared.errors import from_rpc_error
from stack.processes import Stack, StackConfig, free_port
from stack.testing import create_database
from zhili.integration.v1 import integration_pb2 as pb
from zhili.integration.v1 import integration_pb2_grpc


class Mailbox:
    def __init__(self) -> None:
        self.messages: list = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's naming
        self.messages.append(envelope)
        return "250 OK"


@pytest.fixture(scope="module")
def mailbox():
    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield box, controller.port
    controller.stop()


@pytest.fixture(scope="module")
def integration(backend, request, tmp_path_factory, mailbox):
    urls = {}
    if backend == "postgresql":
        urls["integration"] = create_database(request.getfixturevalue("postgres_admin_url"), "integ")
    config = StackConfig.ephemeral(tmp_path_factory.mktemp("integration"), urls)
    config.extra_env.update(SMTP_HOST="127.0.0.1", SMTP_PORT=str(mailbox[1]),
                            INTEGRATION_POLL_SECONDS="0.2",
                            INTEGRATION_ALLOW_PRIVATE_CALLBACKS="0")  # the production setting
    running = Stack(config)
    running.prepare(demo=False)
    try:
        running.start_nats()
        running.start_service("integration")
        yield running
    finally:
        running.stop_all()


@pytest.fixture(scope="module")
def stub(integration):
    with grpc.insecure_channel(integration.config.grpc_addr("integration")) as channel:
        yield integration_pb2_grpc.IntegrationServiceStub(channel)


@pytest.fixture(scope="module")
def admin(integration):
    keys = integration.config.data_dir / "keys"
    issuer = TokenIssuer.from_files(keys / "jwt_private.pem", (keys / "jwt_key_id").read_text(),
                                    issuer="zhili-directory", audience="zhili",
                                    ttl=dt.timedelta(hours=1))
    token = issuer.issue(subject="admin-1", name="管理员", roles=["admin"], org_id="330688",
                         scope_org_id="330688")
    return [("authorization", f"Bearer {token}")]


def wait(predicate, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def test_an_email_notification_reaches_the_smtp_server(stub, admin, mailbox):
    box, _ = mailbox
    stub.SetNotificationPreferences(pb.NotificationPreferences(
        person_id="person-email", org_id="330688100201", channels=["email"],
        email="tu.su@example.cn"), metadata=admin)
    sent = stub.SendNotification(pb.SendNotificationRequest(
        person_ids=["person-email"], kind="petition_overdue", title="诉求逾期督办",
        body="请立即办理", urgent=True), metadata=admin)
    assert len(sent.notification_ids) == 1
    assert wait(lambda: any("tu.su@example.cn" in m.rcpt_tos for m in box.messages))
    listed = stub.ListNotifications(pb.ListNotificationsRequest(person_id="person-email"), metadata=admin)
    assert wait(lambda: stub.ListNotifications(pb.ListNotificationsRequest(
        person_id="person-email"), metadata=admin).notifications[0].status == "sent")
    assert listed.notifications[0].channel == "email"


def test_quiet_hours_defer_a_non_urgent_notification(stub, admin, mailbox):
    box, _ = mailbox
    local = dt.datetime.now(dt.timezone(dt.timedelta(hours=8)))
    start, end = (local - dt.timedelta(hours=1)).strftime("%H:%M"), (local + dt.timedelta(hours=1)).strftime("%H:%M")
    stub.SetNotificationPreferences(pb.NotificationPreferences(
        person_id="person-quiet", org_id="330688100201", channels=["email"], email="quiet@example.cn",
        quiet_start=start, quiet_end=end, muted_kinds=["task_urged"]), metadata=admin)
    stub.SendNotification(pb.SendNotificationRequest(person_ids=["person-quiet"], kind="task_due_soon",
                                                     title="任务即将到期", body="明天截止"), metadata=admin)
    stub.SendNotification(pb.SendNotificationRequest(person_ids=["person-quiet"], kind="task_urged",
                                                     title="催办", body="请尽快"), metadata=admin)
    time.sleep(1.5)
    assert not any("quiet@example.cn" in m.rcpt_tos for m in box.messages)
    found = {n.kind: n for n in stub.ListNotifications(pb.ListNotificationsRequest(
        person_id="person-quiet"), metadata=admin).notifications}
    assert found["task_due_soon"].status == "pending"
    assert found["task_due_soon"].not_before.ToDatetime(dt.UTC) > dt.datetime.now(dt.UTC) + dt.timedelta(minutes=50)
    assert found["task_urged"].status == "muted"


@pytest.mark.parametrize("url", ["http://127.0.0.1:9/hook", "http://169.254.169.254/latest",
                                 "http://10.0.0.8/callback", "http://localhost/cb"])
def test_private_callbacks_are_refused_when_not_allowed(stub, admin, url):
    with pytest.raises(grpc.RpcError) as refused:
        stub.RegisterPartner(pb.RegisterPartnerRequest(
            code=f"p-{abs(hash(url)) % 10**6}", name="测试平台", kind="complaint_platform",
            jurisdiction_org_id="330688", scopes=["status:read"], callback_url=url), metadata=admin)
    assert from_rpc_error(refused.value).code == "UNSAFE_DESTINATION"
    with pytest.raises(grpc.RpcError) as robot:
        stub.SetNotificationPreferences(pb.NotificationPreferences(
            person_id="person-robot", channels=["webhook"], webhook_url=url), metadata=admin)
    assert from_rpc_error(robot.value).code == "UNSAFE_DESTINATION"


def test_rotation_returns_a_new_secret_and_keeps_the_old_one_for_the_overlap(stub, admin):
    created = stub.RegisterPartner(pb.RegisterPartnerRequest(
        code="rotating-partner", name="投诉平台", kind="complaint_platform",
        jurisdiction_org_id="330688100", scopes=["work_orders:create"]), metadata=admin)
    rotated = stub.RotatePartnerSecret(pb.RotatePartnerSecretRequest(id=created.partner.id,
                                                                     overlap_hours=2), metadata=admin)
    assert rotated.secret != created.secret and rotated.key_id == created.key_id
    secrets = rotated.partner.secrets
    assert len(secrets) == 2 and sum(not s.HasField("expires_at") for s in secrets) == 1
    with pytest.raises(grpc.RpcError) as duplicate:
        stub.RegisterPartner(pb.RegisterPartnerRequest(
            code="rotating-partner", name="重复", kind="complaint_platform",
            jurisdiction_org_id="330688"), metadata=admin)
    assert from_rpc_error(duplicate.value).code == "PARTNER_EXISTS"
