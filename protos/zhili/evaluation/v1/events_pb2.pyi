from zhili.common.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class SnapshotEntry(_message.Message):
    __slots__ = ("board", "subject_id", "rank", "value", "points")
    BOARD_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    RANK_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    POINTS_FIELD_NUMBER: _ClassVar[int]
    board: str
    subject_id: str
    rank: int
    value: str
    points: str
    def __init__(self, board: _Optional[str] = ..., subject_id: _Optional[str] = ..., rank: _Optional[int] = ..., value: _Optional[str] = ..., points: _Optional[str] = ...) -> None: ...

class SnapshotPublished(_message.Message):
    __slots__ = ("meta", "org_id", "period", "ranked", "top")
    class RankedEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    META_FIELD_NUMBER: _ClassVar[int]
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    RANKED_FIELD_NUMBER: _ClassVar[int]
    TOP_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    org_id: str
    period: str
    ranked: _containers.ScalarMap[str, int]
    top: _containers.RepeatedCompositeFieldContainer[SnapshotEntry]
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., org_id: _Optional[str] = ..., period: _Optional[str] = ..., ranked: _Optional[_Mapping[str, int]] = ..., top: _Optional[_Iterable[_Union[SnapshotEntry, _Mapping]]] = ...) -> None: ...

class ScoringRulesChanged(_message.Message):
    __slots__ = ("meta", "org_id", "version", "effective_from")
    META_FIELD_NUMBER: _ClassVar[int]
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    EFFECTIVE_FROM_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    org_id: str
    version: int
    effective_from: str
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., org_id: _Optional[str] = ..., version: _Optional[int] = ..., effective_from: _Optional[str] = ...) -> None: ...

class GridBonusAllocated(_message.Message):
    __slots__ = ("meta", "allocation_id", "org_id", "year", "pool_fen", "recipients")
    META_FIELD_NUMBER: _ClassVar[int]
    ALLOCATION_ID_FIELD_NUMBER: _ClassVar[int]
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    POOL_FEN_FIELD_NUMBER: _ClassVar[int]
    RECIPIENTS_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    allocation_id: str
    org_id: str
    year: str
    pool_fen: int
    recipients: int
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., allocation_id: _Optional[str] = ..., org_id: _Optional[str] = ..., year: _Optional[str] = ..., pool_fen: _Optional[int] = ..., recipients: _Optional[int] = ...) -> None: ...

class EventEnvelope(_message.Message):
    __slots__ = ("meta",)
    META_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ...) -> None: ...
