import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from zhili.common.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class DispatchedAssignment(_message.Message):
    __slots__ = ("assignment_id", "village_id")
    ASSIGNMENT_ID_FIELD_NUMBER: _ClassVar[int]
    VILLAGE_ID_FIELD_NUMBER: _ClassVar[int]
    assignment_id: str
    village_id: str
    def __init__(self, assignment_id: _Optional[str] = ..., village_id: _Optional[str] = ...) -> None: ...

class TaskDispatched(_message.Message):
    __slots__ = ("meta", "task_id", "title", "description", "matter_code", "issuer_org_id", "town_id", "assignments", "deadline", "category", "points", "dispatched_at")
    META_FIELD_NUMBER: _ClassVar[int]
    TASK_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    MATTER_CODE_FIELD_NUMBER: _ClassVar[int]
    ISSUER_ORG_ID_FIELD_NUMBER: _ClassVar[int]
    TOWN_ID_FIELD_NUMBER: _ClassVar[int]
    ASSIGNMENTS_FIELD_NUMBER: _ClassVar[int]
    DEADLINE_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    POINTS_FIELD_NUMBER: _ClassVar[int]
    DISPATCHED_AT_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    task_id: str
    title: str
    description: str
    matter_code: str
    issuer_org_id: str
    town_id: str
    assignments: _containers.RepeatedCompositeFieldContainer[DispatchedAssignment]
    deadline: _timestamp_pb2.Timestamp
    category: str
    points: int
    dispatched_at: _timestamp_pb2.Timestamp
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., task_id: _Optional[str] = ..., title: _Optional[str] = ..., description: _Optional[str] = ..., matter_code: _Optional[str] = ..., issuer_org_id: _Optional[str] = ..., town_id: _Optional[str] = ..., assignments: _Optional[_Iterable[_Union[DispatchedAssignment, _Mapping]]] = ..., deadline: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., category: _Optional[str] = ..., points: _Optional[int] = ..., dispatched_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...
