from zhili.common.v1 import common_pb2 as _common_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ProcedureStarted(_message.Message):
    __slots__ = ("meta", "procedure_id", "village_id", "town_id", "kind", "template_version", "title", "category", "amount_fen", "major")
    META_FIELD_NUMBER: _ClassVar[int]
    PROCEDURE_ID_FIELD_NUMBER: _ClassVar[int]
    VILLAGE_ID_FIELD_NUMBER: _ClassVar[int]
    TOWN_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_VERSION_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FEN_FIELD_NUMBER: _ClassVar[int]
    MAJOR_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    procedure_id: str
    village_id: str
    town_id: str
    kind: str
    template_version: int
    title: str
    category: str
    amount_fen: int
    major: bool
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., procedure_id: _Optional[str] = ..., village_id: _Optional[str] = ..., town_id: _Optional[str] = ..., kind: _Optional[str] = ..., template_version: _Optional[int] = ..., title: _Optional[str] = ..., category: _Optional[str] = ..., amount_fen: _Optional[int] = ..., major: _Optional[bool] = ...) -> None: ...

class StepOutcome(_message.Message):
    __slots__ = ("meta", "procedure_id", "village_id", "town_id", "kind", "step_number", "step_key", "attempt", "quorum_met", "passed", "body_size", "present", "votes_for", "votes_against", "abstentions", "amount_fen", "reason")
    META_FIELD_NUMBER: _ClassVar[int]
    PROCEDURE_ID_FIELD_NUMBER: _ClassVar[int]
    VILLAGE_ID_FIELD_NUMBER: _ClassVar[int]
    TOWN_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    STEP_NUMBER_FIELD_NUMBER: _ClassVar[int]
    STEP_KEY_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    QUORUM_MET_FIELD_NUMBER: _ClassVar[int]
    PASSED_FIELD_NUMBER: _ClassVar[int]
    BODY_SIZE_FIELD_NUMBER: _ClassVar[int]
    PRESENT_FIELD_NUMBER: _ClassVar[int]
    VOTES_FOR_FIELD_NUMBER: _ClassVar[int]
    VOTES_AGAINST_FIELD_NUMBER: _ClassVar[int]
    ABSTENTIONS_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FEN_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    procedure_id: str
    village_id: str
    town_id: str
    kind: str
    step_number: int
    step_key: str
    attempt: int
    quorum_met: bool
    passed: bool
    body_size: int
    present: int
    votes_for: int
    votes_against: int
    abstentions: int
    amount_fen: int
    reason: str
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., procedure_id: _Optional[str] = ..., village_id: _Optional[str] = ..., town_id: _Optional[str] = ..., kind: _Optional[str] = ..., step_number: _Optional[int] = ..., step_key: _Optional[str] = ..., attempt: _Optional[int] = ..., quorum_met: _Optional[bool] = ..., passed: _Optional[bool] = ..., body_size: _Optional[int] = ..., present: _Optional[int] = ..., votes_for: _Optional[int] = ..., votes_against: _Optional[int] = ..., abstentions: _Optional[int] = ..., amount_fen: _Optional[int] = ..., reason: _Optional[str] = ...) -> None: ...

class ProcedureCompleted(_message.Message):
    __slots__ = ("meta", "procedure_id", "village_id", "town_id", "kind", "title", "amount_fen", "major")
    META_FIELD_NUMBER: _ClassVar[int]
    PROCEDURE_ID_FIELD_NUMBER: _ClassVar[int]
    VILLAGE_ID_FIELD_NUMBER: _ClassVar[int]
    TOWN_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FEN_FIELD_NUMBER: _ClassVar[int]
    MAJOR_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    procedure_id: str
    village_id: str
    town_id: str
    kind: str
    title: str
    amount_fen: int
    major: bool
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., procedure_id: _Optional[str] = ..., village_id: _Optional[str] = ..., town_id: _Optional[str] = ..., kind: _Optional[str] = ..., title: _Optional[str] = ..., amount_fen: _Optional[int] = ..., major: _Optional[bool] = ...) -> None: ...

class WarningChanged(_message.Message):
    __slots__ = ("meta", "warning_id", "warning_kind", "procedure_id", "village_id", "town_id", "kind", "step_number", "amount_fen", "detail", "resolution", "resolved_by")
    META_FIELD_NUMBER: _ClassVar[int]
    WARNING_ID_FIELD_NUMBER: _ClassVar[int]
    WARNING_KIND_FIELD_NUMBER: _ClassVar[int]
    PROCEDURE_ID_FIELD_NUMBER: _ClassVar[int]
    VILLAGE_ID_FIELD_NUMBER: _ClassVar[int]
    TOWN_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    STEP_NUMBER_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FEN_FIELD_NUMBER: _ClassVar[int]
    DETAIL_FIELD_NUMBER: _ClassVar[int]
    RESOLUTION_FIELD_NUMBER: _ClassVar[int]
    RESOLVED_BY_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    warning_id: str
    warning_kind: str
    procedure_id: str
    village_id: str
    town_id: str
    kind: str
    step_number: int
    amount_fen: int
    detail: str
    resolution: str
    resolved_by: str
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., warning_id: _Optional[str] = ..., warning_kind: _Optional[str] = ..., procedure_id: _Optional[str] = ..., village_id: _Optional[str] = ..., town_id: _Optional[str] = ..., kind: _Optional[str] = ..., step_number: _Optional[int] = ..., amount_fen: _Optional[int] = ..., detail: _Optional[str] = ..., resolution: _Optional[str] = ..., resolved_by: _Optional[str] = ...) -> None: ...

class ProcedureAbandoned(_message.Message):
    __slots__ = ("meta", "procedure_id", "village_id", "town_id", "kind", "title", "amount_fen", "major", "step_number", "reason", "public")
    META_FIELD_NUMBER: _ClassVar[int]
    PROCEDURE_ID_FIELD_NUMBER: _ClassVar[int]
    VILLAGE_ID_FIELD_NUMBER: _ClassVar[int]
    TOWN_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FEN_FIELD_NUMBER: _ClassVar[int]
    MAJOR_FIELD_NUMBER: _ClassVar[int]
    STEP_NUMBER_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    PUBLIC_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    procedure_id: str
    village_id: str
    town_id: str
    kind: str
    title: str
    amount_fen: int
    major: bool
    step_number: int
    reason: str
    public: bool
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., procedure_id: _Optional[str] = ..., village_id: _Optional[str] = ..., town_id: _Optional[str] = ..., kind: _Optional[str] = ..., title: _Optional[str] = ..., amount_fen: _Optional[int] = ..., major: _Optional[bool] = ..., step_number: _Optional[int] = ..., reason: _Optional[str] = ..., public: _Optional[bool] = ...) -> None: ...

class DisclosurePublished(_message.Message):
    __slots__ = ("meta", "disclosure_id", "village_id", "town_id", "category", "kind", "period", "procedure_id")
    META_FIELD_NUMBER: _ClassVar[int]
    DISCLOSURE_ID_FIELD_NUMBER: _ClassVar[int]
    VILLAGE_ID_FIELD_NUMBER: _ClassVar[int]
    TOWN_ID_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    PROCEDURE_ID_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    disclosure_id: str
    village_id: str
    town_id: str
    category: str
    kind: str
    period: str
    procedure_id: str
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., disclosure_id: _Optional[str] = ..., village_id: _Optional[str] = ..., town_id: _Optional[str] = ..., category: _Optional[str] = ..., kind: _Optional[str] = ..., period: _Optional[str] = ..., procedure_id: _Optional[str] = ...) -> None: ...

class DisclosureOverdue(_message.Message):
    __slots__ = ("meta", "village_id", "town_id", "category", "period", "due_on", "warning_id")
    META_FIELD_NUMBER: _ClassVar[int]
    VILLAGE_ID_FIELD_NUMBER: _ClassVar[int]
    TOWN_ID_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    DUE_ON_FIELD_NUMBER: _ClassVar[int]
    WARNING_ID_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    village_id: str
    town_id: str
    category: str
    period: str
    due_on: str
    warning_id: str
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., village_id: _Optional[str] = ..., town_id: _Optional[str] = ..., category: _Optional[str] = ..., period: _Optional[str] = ..., due_on: _Optional[str] = ..., warning_id: _Optional[str] = ...) -> None: ...
