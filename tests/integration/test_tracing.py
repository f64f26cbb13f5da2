"""One trace id from the HTTP request, through gRPC, into the event on NATS."""
import asyncio

import nats

from zhili.directory.v1 import events_pb2


def test_trace_id_travels_from_http_to_the_event(api, login, stack):
    headers = {**login("jin.yi"), "X-Trace-Id": "trace-walks-the-whole-way"}
    created = api.post("/api/v1/households", headers=headers, json={
        "grid_id": "330688100201G01", "head_name": "追踪户", "color": "green"})
    assert created.status_code == 201
    assert created.headers["x-trace-id"] == "trace-walks-the-whole-way"
    household_id = created.json()["id"]

    async def event_trace_id() -> str:
        nc = await nats.connect(f"nats://127.0.0.1:{stack.config.nats_port}")
        try:
            sub = await nc.jetstream().pull_subscribe("directory.household.created", durable=None,
                                                      stream="DIRECTORY")
            for _ in range(30):
                for message in await sub.fetch(20, timeout=5):
                    event = events_pb2.HouseholdCreated.FromString(message.data)
                    if event.household.id == household_id:
                        assert message.headers["Zhili-Trace-Id"] == event.meta.trace_id
                        return event.meta.trace_id
            return ""
        finally:
            await nc.close()

    assert asyncio.run(event_trace_id()) == "trace-walks-the-whole-way"
