import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from zhili.common.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class PetitionFacts(_message.Message):
    __slots__ = ("petition_id", "source", "external_id", "category_code", "kind", "village_id", "grid_id", "level", "handler_org_id", "status", "reporter_id", "received_at", "due_at")
    PETITION_ID_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    EXTERNAL_ID_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_CODE_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    VILLAGE_ID_FIELD_NUMBER: _ClassVar[int]
    GRID_ID_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    HANDLER_ORG_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    REPORTER_ID_FIELD_NUMBER: _ClassVar[int]
    RECEIVED_AT_FIELD_NUMBER: _ClassVar[int]
    DUE_AT_FIELD_NUMBER: _ClassVar[int]
    petition_id: str
    source: str
    external_id: str
    category_code: str
    kind: str
    village_id: str
    grid_id: str
    level: str
    handler_org_id: str
    status: str
    reporter_id: str
    received_at: _timestamp_pb2.Timestamp
    due_at: _timestamp_pb2.Timestamp
    def __init__(self, petition_id: _Optional[str] = ..., source: _Optional[str] = ..., external_id: _Optional[str] = ..., category_code: _Optional[str] = ..., kind: _Optional[str] = ..., village_id: _Optional[str] = ..., grid_id: _Optional[str] = ..., level: _Optional[str] = ..., handler_org_id: _Optional[str] = ..., status: _Optional[str] = ..., reporter_id: _Optional[str] = ..., received_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., due_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class PetitionReceived(_message.Message):
    __slots__ = ("meta", "petition", "title", "suggested_level")
    META_FIELD_NUMBER: _ClassVar[int]
    PETITION_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    SUGGESTED_LEVEL_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    petition: PetitionFacts
    title: str
    suggested_level: str
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., petition: _Optional[_Union[PetitionFacts, _Mapping]] = ..., title: _Optional[str] = ..., suggested_level: _Optional[str] = ...) -> None: ...

class PetitionAccepted(_message.Message):
    __slots__ = ("meta", "petition")
    META_FIELD_NUMBER: _ClassVar[int]
    PETITION_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    petition: PetitionFacts
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., petition: _Optional[_Union[PetitionFacts, _Mapping]] = ...) -> None: ...

class PetitionDeclined(_message.Message):
    __slots__ = ("meta", "petition", "reason")
    META_FIELD_NUMBER: _ClassVar[int]
    PETITION_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    petition: PetitionFacts
    reason: str
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., petition: _Optional[_Union[PetitionFacts, _Mapping]] = ..., reason: _Optional[str] = ...) -> None: ...

class PetitionEscalated(_message.Message):
    __slots__ = ("meta", "petition", "from_org_id", "from_level", "reason")
    META_FIELD_NUMBER: _ClassVar[int]
    PETITION_FIELD_NUMBER: _ClassVar[int]
    FROM_ORG_ID_FIELD_NUMBER: _ClassVar[int]
    FROM_LEVEL_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    petition: PetitionFacts
    from_org_id: str
    from_level: str
    reason: str
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., petition: _Optional[_Union[PetitionFacts, _Mapping]] = ..., from_org_id: _Optional[str] = ..., from_level: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class PetitionAssigned(_message.Message):
    __slots__ = ("meta", "petition", "from_org_id")
    META_FIELD_NUMBER: _ClassVar[int]
    PETITION_FIELD_NUMBER: _ClassVar[int]
    FROM_ORG_ID_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    petition: PetitionFacts
    from_org_id: str
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., petition: _Optional[_Union[PetitionFacts, _Mapping]] = ..., from_org_id: _Optional[str] = ...) -> None: ...

class PetitionTransferred(_message.Message):
    __slots__ = ("meta", "petition", "from_org_id", "reason")
    META_FIELD_NUMBER: _ClassVar[int]
    PETITION_FIELD_NUMBER: _ClassVar[int]
    FROM_ORG_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    petition: PetitionFacts
    from_org_id: str
    reason: str
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., petition: _Optional[_Union[PetitionFacts, _Mapping]] = ..., from_org_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class PetitionReturned(_message.Message):
    __slots__ = ("meta", "petition", "from_org_id", "from_level", "reason")
    META_FIELD_NUMBER: _ClassVar[int]
    PETITION_FIELD_NUMBER: _ClassVar[int]
    FROM_ORG_ID_FIELD_NUMBER: _ClassVar[int]
    FROM_LEVEL_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    petition: PetitionFacts
    from_org_id: str
    from_level: str
    reason: str
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., petition: _Optional[_Union[PetitionFacts, _Mapping]] = ..., from_org_id: _Optional[str] = ..., from_level: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class PetitionResolved(_message.Message):
    __slots__ = ("meta", "petition", "resolved_org_id", "resolved_level", "result", "resolved_at", "overdue")
    META_FIELD_NUMBER: _ClassVar[int]
    PETITION_FIELD_NUMBER: _ClassVar[int]
    RESOLVED_ORG_ID_FIELD_NUMBER: _ClassVar[int]
    RESOLVED_LEVEL_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    RESOLVED_AT_FIELD_NUMBER: _ClassVar[int]
    OVERDUE_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    petition: PetitionFacts
    resolved_org_id: str
    resolved_level: str
    result: str
    resolved_at: _timestamp_pb2.Timestamp
    overdue: bool
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., petition: _Optional[_Union[PetitionFacts, _Mapping]] = ..., resolved_org_id: _Optional[str] = ..., resolved_level: _Optional[str] = ..., result: _Optional[str] = ..., resolved_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., overdue: _Optional[bool] = ...) -> None: ...

class PetitionFollowedUp(_message.Message):
    __slots__ = ("meta", "petition", "satisfaction", "resolved_org_id", "comment")
    META_FIELD_NUMBER: _ClassVar[int]
    PETITION_FIELD_NUMBER: _ClassVar[int]
    SATISFACTION_FIELD_NUMBER: _ClassVar[int]
    RESOLVED_ORG_ID_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    petition: PetitionFacts
    satisfaction: str
    resolved_org_id: str
    comment: str
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., petition: _Optional[_Union[PetitionFacts, _Mapping]] = ..., satisfaction: _Optional[str] = ..., resolved_org_id: _Optional[str] = ..., comment: _Optional[str] = ...) -> None: ...

class PetitionClosed(_message.Message):
    __slots__ = ("meta", "petition", "satisfaction", "resolved_org_id", "resolved_level", "closed_at", "hours_to_resolve")
    META_FIELD_NUMBER: _ClassVar[int]
    PETITION_FIELD_NUMBER: _ClassVar[int]
    SATISFACTION_FIELD_NUMBER: _ClassVar[int]
    RESOLVED_ORG_ID_FIELD_NUMBER: _ClassVar[int]
    RESOLVED_LEVEL_FIELD_NUMBER: _ClassVar[int]
    CLOSED_AT_FIELD_NUMBER: _ClassVar[int]
    HOURS_TO_RESOLVE_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    petition: PetitionFacts
    satisfaction: str
    resolved_org_id: str
    resolved_level: str
    closed_at: _timestamp_pb2.Timestamp
    hours_to_resolve: float
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., petition: _Optional[_Union[PetitionFacts, _Mapping]] = ..., satisfaction: _Optional[str] = ..., resolved_org_id: _Optional[str] = ..., resolved_level: _Optional[str] = ..., closed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., hours_to_resolve: _Optional[float] = ...) -> None: ...

class PetitionReopened(_message.Message):
    __slots__ = ("meta", "petition", "reason", "reopen_count")
    META_FIELD_NUMBER: _ClassVar[int]
    PETITION_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REOPEN_COUNT_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    petition: PetitionFacts
    reason: str
    reopen_count: int
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., petition: _Optional[_Union[PetitionFacts, _Mapping]] = ..., reason: _Optional[str] = ..., reopen_count: _Optional[int] = ...) -> None: ...

class PetitionOverdue(_message.Message):
    __slots__ = ("meta", "petition", "overdue_at")
    META_FIELD_NUMBER: _ClassVar[int]
    PETITION_FIELD_NUMBER: _ClassVar[int]
    OVERDUE_AT_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    petition: PetitionFacts
    overdue_at: _timestamp_pb2.Timestamp
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., petition: _Optional[_Union[PetitionFacts, _Mapping]] = ..., overdue_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class PatrolRecorded(_message.Message):
    __slots__ = ("meta", "patrol_id", "grid_id", "village_id", "worker_id", "patrolled_at", "element_codes", "petition_id")
    META_FIELD_NUMBER: _ClassVar[int]
    PATROL_ID_FIELD_NUMBER: _ClassVar[int]
    GRID_ID_FIELD_NUMBER: _ClassVar[int]
    VILLAGE_ID_FIELD_NUMBER: _ClassVar[int]
    WORKER_ID_FIELD_NUMBER: _ClassVar[int]
    PATROLLED_AT_FIELD_NUMBER: _ClassVar[int]
    ELEMENT_CODES_FIELD_NUMBER: _ClassVar[int]
    PETITION_ID_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    patrol_id: str
    grid_id: str
    village_id: str
    worker_id: str
    patrolled_at: _timestamp_pb2.Timestamp
    element_codes: _containers.RepeatedScalarFieldContainer[str]
    petition_id: str
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., patrol_id: _Optional[str] = ..., grid_id: _Optional[str] = ..., village_id: _Optional[str] = ..., worker_id: _Optional[str] = ..., patrolled_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., element_codes: _Optional[_Iterable[str]] = ..., petition_id: _Optional[str] = ...) -> None: ...
