"""Partner entrance: the signed work order goes to integration as raw bytes with its signature headers."""
from __future__ import annotations

from connexion import request

from gateway.peers import call, reply
from zhili.integration.v1 import integration_pb2 as pb


async def create_work_order():
    """The body's bytes, not the parsed JSON: the signature covers exactly what was sent. No `body`
    parameter, so Connexion leaves the stream (after validation replays it) to this handler."""
    headers = request.headers
    receipt = await call("integration", "ReceiveWorkOrder", pb.ReceiveWorkOrderRequest(
        body=await request.body(), key_id=headers.get("x-api-key", ""),
        timestamp=headers.get("x-timestamp", ""), signature=headers.get("x-signature", "")),
        authenticated=False)
    return reply(receipt, 200 if receipt.duplicate else 201)
