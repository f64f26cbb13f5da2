import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from zhili.common.v1 import common_pb2 as _common_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class PartnerRegistered(_message.Message):
    __slots__ = ("meta", "partner_id", "code", "kind", "jurisdiction_org_id")
    META_FIELD_NUMBER: _ClassVar[int]
    PARTNER_ID_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    JURISDICTION_ORG_ID_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    partner_id: str
    code: str
    kind: str
    jurisdiction_org_id: str
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., partner_id: _Optional[str] = ..., code: _Optional[str] = ..., kind: _Optional[str] = ..., jurisdiction_org_id: _Optional[str] = ...) -> None: ...

class PartnerSecretRotated(_message.Message):
    __slots__ = ("meta", "partner_id", "old_secret_expires_at")
    META_FIELD_NUMBER: _ClassVar[int]
    PARTNER_ID_FIELD_NUMBER: _ClassVar[int]
    OLD_SECRET_EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    partner_id: str
    old_secret_expires_at: _timestamp_pb2.Timestamp
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., partner_id: _Optional[str] = ..., old_secret_expires_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class WorkOrderReceived(_message.Message):
    __slots__ = ("meta", "partner_id", "order_id", "petition_id", "channel")
    META_FIELD_NUMBER: _ClassVar[int]
    PARTNER_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    PETITION_ID_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    partner_id: str
    order_id: str
    petition_id: str
    channel: str
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., partner_id: _Optional[str] = ..., order_id: _Optional[str] = ..., petition_id: _Optional[str] = ..., channel: _Optional[str] = ...) -> None: ...

class DeliverySucceeded(_message.Message):
    __slots__ = ("meta", "delivery_id", "partner_id", "event_type", "attempts", "status_code")
    META_FIELD_NUMBER: _ClassVar[int]
    DELIVERY_ID_FIELD_NUMBER: _ClassVar[int]
    PARTNER_ID_FIELD_NUMBER: _ClassVar[int]
    EVENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    STATUS_CODE_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    delivery_id: str
    partner_id: str
    event_type: str
    attempts: int
    status_code: int
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., delivery_id: _Optional[str] = ..., partner_id: _Optional[str] = ..., event_type: _Optional[str] = ..., attempts: _Optional[int] = ..., status_code: _Optional[int] = ...) -> None: ...

class DeliveryFailed(_message.Message):
    __slots__ = ("meta", "delivery_id", "partner_id", "event_type", "attempt", "status_code", "error", "next_attempt_at")
    META_FIELD_NUMBER: _ClassVar[int]
    DELIVERY_ID_FIELD_NUMBER: _ClassVar[int]
    PARTNER_ID_FIELD_NUMBER: _ClassVar[int]
    EVENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    STATUS_CODE_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    NEXT_ATTEMPT_AT_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    delivery_id: str
    partner_id: str
    event_type: str
    attempt: int
    status_code: int
    error: str
    next_attempt_at: _timestamp_pb2.Timestamp
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., delivery_id: _Optional[str] = ..., partner_id: _Optional[str] = ..., event_type: _Optional[str] = ..., attempt: _Optional[int] = ..., status_code: _Optional[int] = ..., error: _Optional[str] = ..., next_attempt_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class DeliveryDeadLettered(_message.Message):
    __slots__ = ("meta", "delivery_id", "partner_id", "event_type", "attempts", "reason")
    META_FIELD_NUMBER: _ClassVar[int]
    DELIVERY_ID_FIELD_NUMBER: _ClassVar[int]
    PARTNER_ID_FIELD_NUMBER: _ClassVar[int]
    EVENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    delivery_id: str
    partner_id: str
    event_type: str
    attempts: int
    reason: str
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., delivery_id: _Optional[str] = ..., partner_id: _Optional[str] = ..., event_type: _Optional[str] = ..., attempts: _Optional[int] = ..., reason: _Optional[str] = ...) -> None: ...

class EndpointDisabled(_message.Message):
    __slots__ = ("meta", "partner_id", "subscription_id", "url")
    META_FIELD_NUMBER: _ClassVar[int]
    PARTNER_ID_FIELD_NUMBER: _ClassVar[int]
    SUBSCRIPTION_ID_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    partner_id: str
    subscription_id: str
    url: str
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., partner_id: _Optional[str] = ..., subscription_id: _Optional[str] = ..., url: _Optional[str] = ...) -> None: ...
