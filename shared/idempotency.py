"""Idempotency keys: the first response to (caller, key) is kept and returned to every retry."""
from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable
from typing import TypeVar

from google.protobuf.message import Message
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from shared import db as dbmod
from shared.errors import Conflict, InvalidArgument
from shared.outbox import Database, Transaction

Response = TypeVar("Response", bound=Message)


def fingerprint(request: Message) -> str:
    return hashlib.sha256(request.SerializeToString(deterministic=True)).hexdigest()


async def run_idempotent(database: Database, *, caller: str, key: str, request: Message,
                         response_type: type[Response], actor_id: str = "",
                         use_case: Callable[[Transaction], Awaitable[Response]]) -> Response:
    """Run `use_case` in one transaction; with a key, store its response in that transaction.

    The same key with the same request returns the stored response and changes nothing; with a
    different request it is refused (422); two concurrent requests with one key: one wins, the
    other gets 409.
    """
    if not key:
        async with database.transaction(actor_id=actor_id) as tx:
            return await use_case(tx)
    table = database.tables.idempotency_keys
    digest = fingerprint(request)
    async with database.transaction(actor_id=actor_id) as tx:
        row = (await tx.session.execute(select(table.c.request_hash, table.c.response).where(
            table.c.caller == caller, table.c.key == key))).first()
        if row is not None:
            return _replay(row, digest, response_type)
        try:
            # The claim row locks the key: a concurrent twin blocks here, then fails.
            await tx.session.execute(table.insert(), dict(
                caller=caller, key=key, request_hash=digest, response=None,
                created_at=dbmod.utcnow()))
        except IntegrityError as exc:
            raise _in_progress() from exc
        response = await use_case(tx)
        await tx.session.execute(update(table).where(
            table.c.caller == caller, table.c.key == key).values(
            response=response.SerializeToString()))
        return response


def _in_progress() -> Conflict:
    return Conflict("相同幂等键的请求正在处理，请稍后重试",
                    "A request with this Idempotency-Key is in progress; retry later",
                    code="IDEMPOTENCY_IN_PROGRESS")


def _replay(row, digest: str, response_type: type[Response]) -> Response:
    if row.request_hash != digest:
        raise InvalidArgument("幂等键已用于另一个不同的请求",
                              "This Idempotency-Key was used for a different request",
                              code="IDEMPOTENCY_KEY_REUSED", field="Idempotency-Key")
    if row.response is None:
        raise _in_progress()
    return response_type.FromString(row.response)
