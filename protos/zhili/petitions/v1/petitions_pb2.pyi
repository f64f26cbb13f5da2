import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from zhili.common.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Location(_message.Message):
    __slots__ = ("latitude", "longitude", "address")
    LATITUDE_FIELD_NUMBER: _ClassVar[int]
    LONGITUDE_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    latitude: float
    longitude: float
    address: str
    def __init__(self, latitude: _Optional[float] = ..., longitude: _Optional[float] = ..., address: _Optional[str] = ...) -> None: ...

class Suggestion(_message.Message):
    __slots__ = ("category_code", "name", "level", "department", "score", "matched_terms", "default_level", "level_raised_by")
    CATEGORY_CODE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    DEPARTMENT_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    MATCHED_TERMS_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_LEVEL_FIELD_NUMBER: _ClassVar[int]
    LEVEL_RAISED_BY_FIELD_NUMBER: _ClassVar[int]
    category_code: str
    name: str
    level: str
    department: str
    score: float
    matched_terms: _containers.RepeatedScalarFieldContainer[str]
    default_level: str
    level_raised_by: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, category_code: _Optional[str] = ..., name: _Optional[str] = ..., level: _Optional[str] = ..., department: _Optional[str] = ..., score: _Optional[float] = ..., matched_terms: _Optional[_Iterable[str]] = ..., default_level: _Optional[str] = ..., level_raised_by: _Optional[_Iterable[str]] = ...) -> None: ...

class CreatePetitionRequest(_message.Message):
    __slots__ = ("source", "external_id", "title", "content", "village_id", "grid_id", "element_code", "photo_urls", "location", "reporter_name", "reporter_phone", "anonymous", "category_code", "received_at", "household_id")
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    EXTERNAL_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    VILLAGE_ID_FIELD_NUMBER: _ClassVar[int]
    GRID_ID_FIELD_NUMBER: _ClassVar[int]
    ELEMENT_CODE_FIELD_NUMBER: _ClassVar[int]
    PHOTO_URLS_FIELD_NUMBER: _ClassVar[int]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    REPORTER_NAME_FIELD_NUMBER: _ClassVar[int]
    REPORTER_PHONE_FIELD_NUMBER: _ClassVar[int]
    ANONYMOUS_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_CODE_FIELD_NUMBER: _ClassVar[int]
    RECEIVED_AT_FIELD_NUMBER: _ClassVar[int]
    HOUSEHOLD_ID_FIELD_NUMBER: _ClassVar[int]
    source: str
    external_id: str
    title: str
    content: str
    village_id: str
    grid_id: str
    element_code: str
    photo_urls: _containers.RepeatedScalarFieldContainer[str]
    location: Location
    reporter_name: str
    reporter_phone: str
    anonymous: bool
    category_code: str
    received_at: _timestamp_pb2.Timestamp
    household_id: str
    def __init__(self, source: _Optional[str] = ..., external_id: _Optional[str] = ..., title: _Optional[str] = ..., content: _Optional[str] = ..., village_id: _Optional[str] = ..., grid_id: _Optional[str] = ..., element_code: _Optional[str] = ..., photo_urls: _Optional[_Iterable[str]] = ..., location: _Optional[_Union[Location, _Mapping]] = ..., reporter_name: _Optional[str] = ..., reporter_phone: _Optional[str] = ..., anonymous: _Optional[bool] = ..., category_code: _Optional[str] = ..., received_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., household_id: _Optional[str] = ...) -> None: ...

class MediationSession(_message.Message):
    __slots__ = ("id", "held_on", "mediators", "parties", "outcome", "note", "expert_requested", "expert_field", "recorded_by", "recorded_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    HELD_ON_FIELD_NUMBER: _ClassVar[int]
    MEDIATORS_FIELD_NUMBER: _ClassVar[int]
    PARTIES_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    EXPERT_REQUESTED_FIELD_NUMBER: _ClassVar[int]
    EXPERT_FIELD_FIELD_NUMBER: _ClassVar[int]
    RECORDED_BY_FIELD_NUMBER: _ClassVar[int]
    RECORDED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    held_on: str
    mediators: _containers.RepeatedScalarFieldContainer[str]
    parties: _containers.RepeatedScalarFieldContainer[str]
    outcome: str
    note: str
    expert_requested: bool
    expert_field: str
    recorded_by: str
    recorded_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., held_on: _Optional[str] = ..., mediators: _Optional[_Iterable[str]] = ..., parties: _Optional[_Iterable[str]] = ..., outcome: _Optional[str] = ..., note: _Optional[str] = ..., expert_requested: _Optional[bool] = ..., expert_field: _Optional[str] = ..., recorded_by: _Optional[str] = ..., recorded_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ExtensionRequest(_message.Message):
    __slots__ = ("id", "days", "reason", "status", "requested_by", "requested_org_id", "requested_at", "decided_by", "decided_at", "decision_reason")
    ID_FIELD_NUMBER: _ClassVar[int]
    DAYS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_BY_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_ORG_ID_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_AT_FIELD_NUMBER: _ClassVar[int]
    DECIDED_BY_FIELD_NUMBER: _ClassVar[int]
    DECIDED_AT_FIELD_NUMBER: _ClassVar[int]
    DECISION_REASON_FIELD_NUMBER: _ClassVar[int]
    id: str
    days: int
    reason: str
    status: str
    requested_by: str
    requested_org_id: str
    requested_at: _timestamp_pb2.Timestamp
    decided_by: str
    decided_at: _timestamp_pb2.Timestamp
    decision_reason: str
    def __init__(self, id: _Optional[str] = ..., days: _Optional[int] = ..., reason: _Optional[str] = ..., status: _Optional[str] = ..., requested_by: _Optional[str] = ..., requested_org_id: _Optional[str] = ..., requested_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., decided_by: _Optional[str] = ..., decided_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., decision_reason: _Optional[str] = ...) -> None: ...

class Petition(_message.Message):
    __slots__ = ("id", "source", "external_id", "title", "content", "kind", "category_code", "category_name", "suggested_level", "suggested_department", "triage", "village_id", "grid_id", "element_code", "photo_urls", "location", "reporter_id", "reporter_name", "reporter_phone", "anonymous", "status", "level", "handler_org_id", "received_at", "due_at", "time_limit", "clock_paused", "overdue", "overdue_at", "urge_count", "reopen_count", "resolution", "resolved_at", "resolved_level", "resolved_org_id", "satisfaction", "closed_at", "decline_reason", "mediation_sessions", "extensions", "household_id", "created_at", "updated_at", "allowed_actions")
    ID_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    EXTERNAL_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_CODE_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_NAME_FIELD_NUMBER: _ClassVar[int]
    SUGGESTED_LEVEL_FIELD_NUMBER: _ClassVar[int]
    SUGGESTED_DEPARTMENT_FIELD_NUMBER: _ClassVar[int]
    TRIAGE_FIELD_NUMBER: _ClassVar[int]
    VILLAGE_ID_FIELD_NUMBER: _ClassVar[int]
    GRID_ID_FIELD_NUMBER: _ClassVar[int]
    ELEMENT_CODE_FIELD_NUMBER: _ClassVar[int]
    PHOTO_URLS_FIELD_NUMBER: _ClassVar[int]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    REPORTER_ID_FIELD_NUMBER: _ClassVar[int]
    REPORTER_NAME_FIELD_NUMBER: _ClassVar[int]
    REPORTER_PHONE_FIELD_NUMBER: _ClassVar[int]
    ANONYMOUS_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    HANDLER_ORG_ID_FIELD_NUMBER: _ClassVar[int]
    RECEIVED_AT_FIELD_NUMBER: _ClassVar[int]
    DUE_AT_FIELD_NUMBER: _ClassVar[int]
    TIME_LIMIT_FIELD_NUMBER: _ClassVar[int]
    CLOCK_PAUSED_FIELD_NUMBER: _ClassVar[int]
    OVERDUE_FIELD_NUMBER: _ClassVar[int]
    OVERDUE_AT_FIELD_NUMBER: _ClassVar[int]
    URGE_COUNT_FIELD_NUMBER: _ClassVar[int]
    REOPEN_COUNT_FIELD_NUMBER: _ClassVar[int]
    RESOLUTION_FIELD_NUMBER: _ClassVar[int]
    RESOLVED_AT_FIELD_NUMBER: _ClassVar[int]
    RESOLVED_LEVEL_FIELD_NUMBER: _ClassVar[int]
    RESOLVED_ORG_ID_FIELD_NUMBER: _ClassVar[int]
    SATISFACTION_FIELD_NUMBER: _ClassVar[int]
    CLOSED_AT_FIELD_NUMBER: _ClassVar[int]
    DECLINE_REASON_FIELD_NUMBER: _ClassVar[int]
    MEDIATION_SESSIONS_FIELD_NUMBER: _ClassVar[int]
    EXTENSIONS_FIELD_NUMBER: _ClassVar[int]
    HOUSEHOLD_ID_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    ALLOWED_ACTIONS_FIELD_NUMBER: _ClassVar[int]
    id: str
    source: str
    external_id: str
    title: str
    content: str
    kind: str
    category_code: str
    category_name: str
    suggested_level: str
    suggested_department: str
    triage: _containers.RepeatedCompositeFieldContainer[Suggestion]
    village_id: str
    grid_id: str
    element_code: str
    photo_urls: _containers.RepeatedScalarFieldContainer[str]
    location: Location
    reporter_id: str
    reporter_name: str
    reporter_phone: str
    anonymous: bool
    status: str
    level: str
    handler_org_id: str
    received_at: _timestamp_pb2.Timestamp
    due_at: _timestamp_pb2.Timestamp
    time_limit: str
    clock_paused: bool
    overdue: bool
    overdue_at: _timestamp_pb2.Timestamp
    urge_count: int
    reopen_count: int
    resolution: str
    resolved_at: _timestamp_pb2.Timestamp
    resolved_level: str
    resolved_org_id: str
    satisfaction: str
    closed_at: _timestamp_pb2.Timestamp
    decline_reason: str
    mediation_sessions: _containers.RepeatedCompositeFieldContainer[MediationSession]
    extensions: _containers.RepeatedCompositeFieldContainer[ExtensionRequest]
    household_id: str
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    allowed_actions: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, id: _Optional[str] = ..., source: _Optional[str] = ..., external_id: _Optional[str] = ..., title: _Optional[str] = ..., content: _Optional[str] = ..., kind: _Optional[str] = ..., category_code: _Optional[str] = ..., category_name: _Optional[str] = ..., suggested_level: _Optional[str] = ..., suggested_department: _Optional[str] = ..., triage: _Optional[_Iterable[_Union[Suggestion, _Mapping]]] = ..., village_id: _Optional[str] = ..., grid_id: _Optional[str] = ..., element_code: _Optional[str] = ..., photo_urls: _Optional[_Iterable[str]] = ..., location: _Optional[_Union[Location, _Mapping]] = ..., reporter_id: _Optional[str] = ..., reporter_name: _Optional[str] = ..., reporter_phone: _Optional[str] = ..., anonymous: _Optional[bool] = ..., status: _Optional[str] = ..., level: _Optional[str] = ..., handler_org_id: _Optional[str] = ..., received_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., due_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., time_limit: _Optional[str] = ..., clock_paused: _Optional[bool] = ..., overdue: _Optional[bool] = ..., overdue_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., urge_count: _Optional[int] = ..., reopen_count: _Optional[int] = ..., resolution: _Optional[str] = ..., resolved_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., resolved_level: _Optional[str] = ..., resolved_org_id: _Optional[str] = ..., satisfaction: _Optional[str] = ..., closed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., decline_reason: _Optional[str] = ..., mediation_sessions: _Optional[_Iterable[_Union[MediationSession, _Mapping]]] = ..., extensions: _Optional[_Iterable[_Union[ExtensionRequest, _Mapping]]] = ..., household_id: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., allowed_actions: _Optional[_Iterable[str]] = ...) -> None: ...

class GetPetitionRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class ListPetitionsRequest(_message.Message):
    __slots__ = ("view", "org_id", "status", "category_code", "page")
    VIEW_FIELD_NUMBER: _ClassVar[int]
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_CODE_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    view: str
    org_id: str
    status: str
    category_code: str
    page: _common_pb2.PageRequest
    def __init__(self, view: _Optional[str] = ..., org_id: _Optional[str] = ..., status: _Optional[str] = ..., category_code: _Optional[str] = ..., page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ...) -> None: ...

class ListPetitionsResponse(_message.Message):
    __slots__ = ("petitions", "next_page_token")
    PETITIONS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    petitions: _containers.RepeatedCompositeFieldContainer[Petition]
    next_page_token: str
    def __init__(self, petitions: _Optional[_Iterable[_Union[Petition, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class TimelineEntry(_message.Message):
    __slots__ = ("id", "at", "action", "actor_id", "actor_name", "from_status", "to_status", "from_org_id", "to_org_id", "level", "reason", "note")
    ID_FIELD_NUMBER: _ClassVar[int]
    AT_FIELD_NUMBER: _ClassVar[int]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    ACTOR_ID_FIELD_NUMBER: _ClassVar[int]
    ACTOR_NAME_FIELD_NUMBER: _ClassVar[int]
    FROM_STATUS_FIELD_NUMBER: _ClassVar[int]
    TO_STATUS_FIELD_NUMBER: _ClassVar[int]
    FROM_ORG_ID_FIELD_NUMBER: _ClassVar[int]
    TO_ORG_ID_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    id: str
    at: _timestamp_pb2.Timestamp
    action: str
    actor_id: str
    actor_name: str
    from_status: str
    to_status: str
    from_org_id: str
    to_org_id: str
    level: str
    reason: str
    note: str
    def __init__(self, id: _Optional[str] = ..., at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., action: _Optional[str] = ..., actor_id: _Optional[str] = ..., actor_name: _Optional[str] = ..., from_status: _Optional[str] = ..., to_status: _Optional[str] = ..., from_org_id: _Optional[str] = ..., to_org_id: _Optional[str] = ..., level: _Optional[str] = ..., reason: _Optional[str] = ..., note: _Optional[str] = ...) -> None: ...

class Timeline(_message.Message):
    __slots__ = ("petition_id", "entries")
    PETITION_ID_FIELD_NUMBER: _ClassVar[int]
    ENTRIES_FIELD_NUMBER: _ClassVar[int]
    petition_id: str
    entries: _containers.RepeatedCompositeFieldContainer[TimelineEntry]
    def __init__(self, petition_id: _Optional[str] = ..., entries: _Optional[_Iterable[_Union[TimelineEntry, _Mapping]]] = ...) -> None: ...

class TriageRequest(_message.Message):
    __slots__ = ("text", "limit")
    TEXT_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    text: str
    limit: int
    def __init__(self, text: _Optional[str] = ..., limit: _Optional[int] = ...) -> None: ...

class TriageResponse(_message.Message):
    __slots__ = ("suggestions",)
    SUGGESTIONS_FIELD_NUMBER: _ClassVar[int]
    suggestions: _containers.RepeatedCompositeFieldContainer[Suggestion]
    def __init__(self, suggestions: _Optional[_Iterable[_Union[Suggestion, _Mapping]]] = ...) -> None: ...

class ActionRequest(_message.Message):
    __slots__ = ("id", "target_org_id", "reason", "result", "satisfaction", "days", "approve", "comment")
    ID_FIELD_NUMBER: _ClassVar[int]
    TARGET_ORG_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    SATISFACTION_FIELD_NUMBER: _ClassVar[int]
    DAYS_FIELD_NUMBER: _ClassVar[int]
    APPROVE_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    id: str
    target_org_id: str
    reason: str
    result: str
    satisfaction: str
    days: int
    approve: bool
    comment: str
    def __init__(self, id: _Optional[str] = ..., target_org_id: _Optional[str] = ..., reason: _Optional[str] = ..., result: _Optional[str] = ..., satisfaction: _Optional[str] = ..., days: _Optional[int] = ..., approve: _Optional[bool] = ..., comment: _Optional[str] = ...) -> None: ...

class AddMediationSessionRequest(_message.Message):
    __slots__ = ("id", "held_on", "mediators", "parties", "outcome", "note", "expert_requested", "expert_field")
    ID_FIELD_NUMBER: _ClassVar[int]
    HELD_ON_FIELD_NUMBER: _ClassVar[int]
    MEDIATORS_FIELD_NUMBER: _ClassVar[int]
    PARTIES_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    EXPERT_REQUESTED_FIELD_NUMBER: _ClassVar[int]
    EXPERT_FIELD_FIELD_NUMBER: _ClassVar[int]
    id: str
    held_on: str
    mediators: _containers.RepeatedScalarFieldContainer[str]
    parties: _containers.RepeatedScalarFieldContainer[str]
    outcome: str
    note: str
    expert_requested: bool
    expert_field: str
    def __init__(self, id: _Optional[str] = ..., held_on: _Optional[str] = ..., mediators: _Optional[_Iterable[str]] = ..., parties: _Optional[_Iterable[str]] = ..., outcome: _Optional[str] = ..., note: _Optional[str] = ..., expert_requested: _Optional[bool] = ..., expert_field: _Optional[str] = ...) -> None: ...

class RunOverdueSweepRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class RunOverdueSweepResponse(_message.Message):
    __slots__ = ("marked", "petition_ids")
    MARKED_FIELD_NUMBER: _ClassVar[int]
    PETITION_IDS_FIELD_NUMBER: _ClassVar[int]
    marked: int
    petition_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, marked: _Optional[int] = ..., petition_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class GetStatisticsRequest(_message.Message):
    __slots__ = ("org_id", "from_date", "to_date")
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    FROM_DATE_FIELD_NUMBER: _ClassVar[int]
    TO_DATE_FIELD_NUMBER: _ClassVar[int]
    org_id: str
    from_date: str
    to_date: str
    def __init__(self, org_id: _Optional[str] = ..., from_date: _Optional[str] = ..., to_date: _Optional[str] = ...) -> None: ...

class StatisticsRow(_message.Message):
    __slots__ = ("key", "name", "total", "open", "resolved", "closed", "declined", "overdue", "closure_rate", "satisfaction_rate", "average_hours_to_resolve", "resolved_at_village_share", "resolved_at_town_share")
    KEY_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    OPEN_FIELD_NUMBER: _ClassVar[int]
    RESOLVED_FIELD_NUMBER: _ClassVar[int]
    CLOSED_FIELD_NUMBER: _ClassVar[int]
    DECLINED_FIELD_NUMBER: _ClassVar[int]
    OVERDUE_FIELD_NUMBER: _ClassVar[int]
    CLOSURE_RATE_FIELD_NUMBER: _ClassVar[int]
    SATISFACTION_RATE_FIELD_NUMBER: _ClassVar[int]
    AVERAGE_HOURS_TO_RESOLVE_FIELD_NUMBER: _ClassVar[int]
    RESOLVED_AT_VILLAGE_SHARE_FIELD_NUMBER: _ClassVar[int]
    RESOLVED_AT_TOWN_SHARE_FIELD_NUMBER: _ClassVar[int]
    key: str
    name: str
    total: int
    open: int
    resolved: int
    closed: int
    declined: int
    overdue: int
    closure_rate: float
    satisfaction_rate: float
    average_hours_to_resolve: float
    resolved_at_village_share: float
    resolved_at_town_share: float
    def __init__(self, key: _Optional[str] = ..., name: _Optional[str] = ..., total: _Optional[int] = ..., open: _Optional[int] = ..., resolved: _Optional[int] = ..., closed: _Optional[int] = ..., declined: _Optional[int] = ..., overdue: _Optional[int] = ..., closure_rate: _Optional[float] = ..., satisfaction_rate: _Optional[float] = ..., average_hours_to_resolve: _Optional[float] = ..., resolved_at_village_share: _Optional[float] = ..., resolved_at_town_share: _Optional[float] = ...) -> None: ...

class Statistics(_message.Message):
    __slots__ = ("overall", "by_category", "by_level")
    OVERALL_FIELD_NUMBER: _ClassVar[int]
    BY_CATEGORY_FIELD_NUMBER: _ClassVar[int]
    BY_LEVEL_FIELD_NUMBER: _ClassVar[int]
    overall: StatisticsRow
    by_category: _containers.RepeatedCompositeFieldContainer[StatisticsRow]
    by_level: _containers.RepeatedCompositeFieldContainer[StatisticsRow]
    def __init__(self, overall: _Optional[_Union[StatisticsRow, _Mapping]] = ..., by_category: _Optional[_Iterable[_Union[StatisticsRow, _Mapping]]] = ..., by_level: _Optional[_Iterable[_Union[StatisticsRow, _Mapping]]] = ...) -> None: ...

class Visit(_message.Message):
    __slots__ = ("id", "household_id", "household_head", "household_color", "grid_id", "village_id", "visitor_id", "visitor_name", "visited_on", "content", "concerns", "petition_id", "created_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    HOUSEHOLD_ID_FIELD_NUMBER: _ClassVar[int]
    HOUSEHOLD_HEAD_FIELD_NUMBER: _ClassVar[int]
    HOUSEHOLD_COLOR_FIELD_NUMBER: _ClassVar[int]
    GRID_ID_FIELD_NUMBER: _ClassVar[int]
    VILLAGE_ID_FIELD_NUMBER: _ClassVar[int]
    VISITOR_ID_FIELD_NUMBER: _ClassVar[int]
    VISITOR_NAME_FIELD_NUMBER: _ClassVar[int]
    VISITED_ON_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    CONCERNS_FIELD_NUMBER: _ClassVar[int]
    PETITION_ID_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    household_id: str
    household_head: str
    household_color: str
    grid_id: str
    village_id: str
    visitor_id: str
    visitor_name: str
    visited_on: str
    content: str
    concerns: str
    petition_id: str
    created_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., household_id: _Optional[str] = ..., household_head: _Optional[str] = ..., household_color: _Optional[str] = ..., grid_id: _Optional[str] = ..., village_id: _Optional[str] = ..., visitor_id: _Optional[str] = ..., visitor_name: _Optional[str] = ..., visited_on: _Optional[str] = ..., content: _Optional[str] = ..., concerns: _Optional[str] = ..., petition_id: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class RecordVisitRequest(_message.Message):
    __slots__ = ("household_id", "visited_on", "content", "concerns", "open_petition")
    HOUSEHOLD_ID_FIELD_NUMBER: _ClassVar[int]
    VISITED_ON_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    CONCERNS_FIELD_NUMBER: _ClassVar[int]
    OPEN_PETITION_FIELD_NUMBER: _ClassVar[int]
    household_id: str
    visited_on: str
    content: str
    concerns: str
    open_petition: bool
    def __init__(self, household_id: _Optional[str] = ..., visited_on: _Optional[str] = ..., content: _Optional[str] = ..., concerns: _Optional[str] = ..., open_petition: _Optional[bool] = ...) -> None: ...

class ListVisitsRequest(_message.Message):
    __slots__ = ("org_id", "household_id", "page", "view", "visitor_id", "from_date", "to_date")
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    HOUSEHOLD_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    VIEW_FIELD_NUMBER: _ClassVar[int]
    VISITOR_ID_FIELD_NUMBER: _ClassVar[int]
    FROM_DATE_FIELD_NUMBER: _ClassVar[int]
    TO_DATE_FIELD_NUMBER: _ClassVar[int]
    org_id: str
    household_id: str
    page: _common_pb2.PageRequest
    view: str
    visitor_id: str
    from_date: str
    to_date: str
    def __init__(self, org_id: _Optional[str] = ..., household_id: _Optional[str] = ..., page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ..., view: _Optional[str] = ..., visitor_id: _Optional[str] = ..., from_date: _Optional[str] = ..., to_date: _Optional[str] = ...) -> None: ...

class ListVisitsResponse(_message.Message):
    __slots__ = ("visits", "next_page_token")
    VISITS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    visits: _containers.RepeatedCompositeFieldContainer[Visit]
    next_page_token: str
    def __init__(self, visits: _Optional[_Iterable[_Union[Visit, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class HouseholdDue(_message.Message):
    __slots__ = ("household_id", "head_name", "grid_id", "village_id", "color", "interval_days", "last_visited_on", "due_on", "days_overdue")
    HOUSEHOLD_ID_FIELD_NUMBER: _ClassVar[int]
    HEAD_NAME_FIELD_NUMBER: _ClassVar[int]
    GRID_ID_FIELD_NUMBER: _ClassVar[int]
    VILLAGE_ID_FIELD_NUMBER: _ClassVar[int]
    COLOR_FIELD_NUMBER: _ClassVar[int]
    INTERVAL_DAYS_FIELD_NUMBER: _ClassVar[int]
    LAST_VISITED_ON_FIELD_NUMBER: _ClassVar[int]
    DUE_ON_FIELD_NUMBER: _ClassVar[int]
    DAYS_OVERDUE_FIELD_NUMBER: _ClassVar[int]
    household_id: str
    head_name: str
    grid_id: str
    village_id: str
    color: str
    interval_days: int
    last_visited_on: str
    due_on: str
    days_overdue: int
    def __init__(self, household_id: _Optional[str] = ..., head_name: _Optional[str] = ..., grid_id: _Optional[str] = ..., village_id: _Optional[str] = ..., color: _Optional[str] = ..., interval_days: _Optional[int] = ..., last_visited_on: _Optional[str] = ..., due_on: _Optional[str] = ..., days_overdue: _Optional[int] = ...) -> None: ...

class ListHouseholdsDueForVisitRequest(_message.Message):
    __slots__ = ("org_id", "color", "as_of")
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    COLOR_FIELD_NUMBER: _ClassVar[int]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    org_id: str
    color: str
    as_of: str
    def __init__(self, org_id: _Optional[str] = ..., color: _Optional[str] = ..., as_of: _Optional[str] = ...) -> None: ...

class ListHouseholdsDueForVisitResponse(_message.Message):
    __slots__ = ("households",)
    HOUSEHOLDS_FIELD_NUMBER: _ClassVar[int]
    households: _containers.RepeatedCompositeFieldContainer[HouseholdDue]
    def __init__(self, households: _Optional[_Iterable[_Union[HouseholdDue, _Mapping]]] = ...) -> None: ...

class Patrol(_message.Message):
    __slots__ = ("id", "grid_id", "worker_id", "worker_name", "patrolled_at", "element_codes", "note", "petition_id")
    ID_FIELD_NUMBER: _ClassVar[int]
    GRID_ID_FIELD_NUMBER: _ClassVar[int]
    WORKER_ID_FIELD_NUMBER: _ClassVar[int]
    WORKER_NAME_FIELD_NUMBER: _ClassVar[int]
    PATROLLED_AT_FIELD_NUMBER: _ClassVar[int]
    ELEMENT_CODES_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    PETITION_ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    grid_id: str
    worker_id: str
    worker_name: str
    patrolled_at: _timestamp_pb2.Timestamp
    element_codes: _containers.RepeatedScalarFieldContainer[str]
    note: str
    petition_id: str
    def __init__(self, id: _Optional[str] = ..., grid_id: _Optional[str] = ..., worker_id: _Optional[str] = ..., worker_name: _Optional[str] = ..., patrolled_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., element_codes: _Optional[_Iterable[str]] = ..., note: _Optional[str] = ..., petition_id: _Optional[str] = ...) -> None: ...

class RecordPatrolRequest(_message.Message):
    __slots__ = ("grid_id", "element_codes", "note", "issue", "issue_element_code")
    GRID_ID_FIELD_NUMBER: _ClassVar[int]
    ELEMENT_CODES_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    ISSUE_FIELD_NUMBER: _ClassVar[int]
    ISSUE_ELEMENT_CODE_FIELD_NUMBER: _ClassVar[int]
    grid_id: str
    element_codes: _containers.RepeatedScalarFieldContainer[str]
    note: str
    issue: str
    issue_element_code: str
    def __init__(self, grid_id: _Optional[str] = ..., element_codes: _Optional[_Iterable[str]] = ..., note: _Optional[str] = ..., issue: _Optional[str] = ..., issue_element_code: _Optional[str] = ...) -> None: ...

class ListPatrolsRequest(_message.Message):
    __slots__ = ("org_id", "page")
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    org_id: str
    page: _common_pb2.PageRequest
    def __init__(self, org_id: _Optional[str] = ..., page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ...) -> None: ...

class ListPatrolsResponse(_message.Message):
    __slots__ = ("patrols", "next_page_token")
    PATROLS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    patrols: _containers.RepeatedCompositeFieldContainer[Patrol]
    next_page_token: str
    def __init__(self, patrols: _Optional[_Iterable[_Union[Patrol, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...
