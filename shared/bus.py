"""NATS JetStream: connecting with retries, and provisioning each service's stream."""
from __future__ import annotations

import logging

import nats
from nats.js.api import DiscardPolicy, RetentionPolicy, StorageType, StreamConfig
from nats.js.errors import NotFoundError
from tenacity import retry, retry_if_exception_type, wait_exponential

log = logging.getLogger(__name__)

DEAD_LETTER_STREAM = "DEADLETTER"
DEAD_LETTER_PREFIX = "deadletter"
DUPLICATE_WINDOW_SECONDS = 10 * 60
MAX_AGE_SECONDS = 30 * 24 * 3600


@retry(wait=wait_exponential(multiplier=0.2, max=5), retry=retry_if_exception_type(Exception),
       before_sleep=lambda state: log.warning("NATS not reachable yet, retrying",
                                              extra={"attempt": state.attempt_number}))
async def connect(url: str, *, name: str):
    """Connect, waiting for the server as long as it takes, then reconnect forever."""
    return await nats.connect(url, name=name, max_reconnect_attempts=-1, reconnect_time_wait=0.5,
                              connect_timeout=2, allow_reconnect=True)


def stream_name(service: str) -> str:
    return service.upper()


async def ensure_stream(js, name: str, subjects: list[str], *, replicas: int = 1) -> None:
    """Create or update a file-backed stream; the duplicate window makes re-publishing harmless."""
    config = StreamConfig(name=name, subjects=subjects, storage=StorageType.FILE,
                          retention=RetentionPolicy.LIMITS, discard=DiscardPolicy.OLD,
                          max_age=MAX_AGE_SECONDS, duplicate_window=DUPLICATE_WINDOW_SECONDS,
                          num_replicas=replicas)
    try:
        await js.stream_info(name)
    except NotFoundError:
        await js.add_stream(config)
        log.info("stream created", extra={"stream": name})
        return
    await js.update_stream(config)


async def ensure_service_stream(js, service: str, *, replicas: int = 1) -> None:
    await ensure_stream(js, stream_name(service), [f"{service}.>"], replicas=replicas)


async def ensure_dead_letter_stream(js, *, replicas: int = 1) -> None:
    await ensure_stream(js, DEAD_LETTER_STREAM, [f"{DEAD_LETTER_PREFIX}.>"], replicas=replicas)
