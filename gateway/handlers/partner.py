"""Partner entrance: the signed work order goes to integration as raw bytes with its signature headers."""
from __future__ import annotations

from flask import request as flask_request

from gateway.peers import call, reply
from zhili.integration.v1 import integration_pb2 as pb


def create_work_order(body=None):
    """The body's bytes, not the parsed JSON: the signature covers exactly what was sent."""
    headers = flask_request.headers
    receipt = call("integration", "ReceiveWorkOrder", pb.ReceiveWorkOrderRequest(
        body=flask_request.get_data(cache=True), key_id=headers.get("x-api-key", ""),
        timestamp=headers.get("x-timestamp", ""), signature=headers.get("x-signature", "")),
        authenticated=False)
    return reply(receipt, 200 if receipt.duplicate else 201)
