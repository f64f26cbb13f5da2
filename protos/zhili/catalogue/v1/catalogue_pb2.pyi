import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ScreenRequest(_message.Message):
    __slots__ = ("title", "description", "matter_code", "target_org_ids", "deadline", "urgency", "issuer_org_id", "task_id")
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    MATTER_CODE_FIELD_NUMBER: _ClassVar[int]
    TARGET_ORG_IDS_FIELD_NUMBER: _ClassVar[int]
    DEADLINE_FIELD_NUMBER: _ClassVar[int]
    URGENCY_FIELD_NUMBER: _ClassVar[int]
    ISSUER_ORG_ID_FIELD_NUMBER: _ClassVar[int]
    TASK_ID_FIELD_NUMBER: _ClassVar[int]
    title: str
    description: str
    matter_code: str
    target_org_ids: _containers.RepeatedScalarFieldContainer[str]
    deadline: _timestamp_pb2.Timestamp
    urgency: str
    issuer_org_id: str
    task_id: str
    def __init__(self, title: _Optional[str] = ..., description: _Optional[str] = ..., matter_code: _Optional[str] = ..., target_org_ids: _Optional[_Iterable[str]] = ..., deadline: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., urgency: _Optional[str] = ..., issuer_org_id: _Optional[str] = ..., task_id: _Optional[str] = ...) -> None: ...

class Reason(_message.Message):
    __slots__ = ("code", "detail")
    CODE_FIELD_NUMBER: _ClassVar[int]
    DETAIL_FIELD_NUMBER: _ClassVar[int]
    code: str
    detail: str
    def __init__(self, code: _Optional[str] = ..., detail: _Optional[str] = ...) -> None: ...

class Suggestion(_message.Message):
    __slots__ = ("code", "name", "score", "matched_terms")
    CODE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    MATCHED_TERMS_FIELD_NUMBER: _ClassVar[int]
    code: str
    name: str
    score: float
    matched_terms: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, code: _Optional[str] = ..., name: _Optional[str] = ..., score: _Optional[float] = ..., matched_terms: _Optional[_Iterable[str]] = ...) -> None: ...

class TownMatch(_message.Message):
    __slots__ = ("code", "name", "department", "score")
    CODE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DEPARTMENT_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    code: str
    name: str
    department: str
    score: float
    def __init__(self, code: _Optional[str] = ..., name: _Optional[str] = ..., department: _Optional[str] = ..., score: _Optional[float] = ...) -> None: ...

class NegativeMatch(_message.Message):
    __slots__ = ("code", "name", "redirect", "score")
    CODE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    REDIRECT_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    code: str
    name: str
    redirect: str
    score: float
    def __init__(self, code: _Optional[str] = ..., name: _Optional[str] = ..., redirect: _Optional[str] = ..., score: _Optional[float] = ...) -> None: ...

class DuplicateHit(_message.Message):
    __slots__ = ("task_id", "title", "similarity")
    TASK_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    SIMILARITY_FIELD_NUMBER: _ClassVar[int]
    task_id: str
    title: str
    similarity: float
    def __init__(self, task_id: _Optional[str] = ..., title: _Optional[str] = ..., similarity: _Optional[float] = ...) -> None: ...

class Screening(_message.Message):
    __slots__ = ("id", "decision", "matter_code", "reasons", "suggestions", "town_matches", "negative_matches", "duplicates", "compliance_review_id", "screened_at", "task_id")
    ID_FIELD_NUMBER: _ClassVar[int]
    DECISION_FIELD_NUMBER: _ClassVar[int]
    MATTER_CODE_FIELD_NUMBER: _ClassVar[int]
    REASONS_FIELD_NUMBER: _ClassVar[int]
    SUGGESTIONS_FIELD_NUMBER: _ClassVar[int]
    TOWN_MATCHES_FIELD_NUMBER: _ClassVar[int]
    NEGATIVE_MATCHES_FIELD_NUMBER: _ClassVar[int]
    DUPLICATES_FIELD_NUMBER: _ClassVar[int]
    COMPLIANCE_REVIEW_ID_FIELD_NUMBER: _ClassVar[int]
    SCREENED_AT_FIELD_NUMBER: _ClassVar[int]
    TASK_ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    decision: str
    matter_code: str
    reasons: _containers.RepeatedCompositeFieldContainer[Reason]
    suggestions: _containers.RepeatedCompositeFieldContainer[Suggestion]
    town_matches: _containers.RepeatedCompositeFieldContainer[TownMatch]
    negative_matches: _containers.RepeatedCompositeFieldContainer[NegativeMatch]
    duplicates: _containers.RepeatedCompositeFieldContainer[DuplicateHit]
    compliance_review_id: str
    screened_at: _timestamp_pb2.Timestamp
    task_id: str
    def __init__(self, id: _Optional[str] = ..., decision: _Optional[str] = ..., matter_code: _Optional[str] = ..., reasons: _Optional[_Iterable[_Union[Reason, _Mapping]]] = ..., suggestions: _Optional[_Iterable[_Union[Suggestion, _Mapping]]] = ..., town_matches: _Optional[_Iterable[_Union[TownMatch, _Mapping]]] = ..., negative_matches: _Optional[_Iterable[_Union[NegativeMatch, _Mapping]]] = ..., duplicates: _Optional[_Iterable[_Union[DuplicateHit, _Mapping]]] = ..., compliance_review_id: _Optional[str] = ..., screened_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., task_id: _Optional[str] = ...) -> None: ...

class GetScreeningRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...
