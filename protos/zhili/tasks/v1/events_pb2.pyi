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

class TaskScreened(_message.Message):
    __slots__ = ("meta", "task_id", "town_id", "screening_id", "decision", "matter_code", "reason_codes", "screened_at")
    META_FIELD_NUMBER: _ClassVar[int]
    TASK_ID_FIELD_NUMBER: _ClassVar[int]
    TOWN_ID_FIELD_NUMBER: _ClassVar[int]
    SCREENING_ID_FIELD_NUMBER: _ClassVar[int]
    DECISION_FIELD_NUMBER: _ClassVar[int]
    MATTER_CODE_FIELD_NUMBER: _ClassVar[int]
    REASON_CODES_FIELD_NUMBER: _ClassVar[int]
    SCREENED_AT_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    task_id: str
    town_id: str
    screening_id: str
    decision: str
    matter_code: str
    reason_codes: _containers.RepeatedScalarFieldContainer[str]
    screened_at: _timestamp_pb2.Timestamp
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., task_id: _Optional[str] = ..., town_id: _Optional[str] = ..., screening_id: _Optional[str] = ..., decision: _Optional[str] = ..., matter_code: _Optional[str] = ..., reason_codes: _Optional[_Iterable[str]] = ..., screened_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class TaskApproved(_message.Message):
    __slots__ = ("meta", "task_id", "town_id", "category", "points", "approved_by", "collective_decision", "approved_at", "merged_task_ids")
    META_FIELD_NUMBER: _ClassVar[int]
    TASK_ID_FIELD_NUMBER: _ClassVar[int]
    TOWN_ID_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    POINTS_FIELD_NUMBER: _ClassVar[int]
    APPROVED_BY_FIELD_NUMBER: _ClassVar[int]
    COLLECTIVE_DECISION_FIELD_NUMBER: _ClassVar[int]
    APPROVED_AT_FIELD_NUMBER: _ClassVar[int]
    MERGED_TASK_IDS_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    task_id: str
    town_id: str
    category: str
    points: int
    approved_by: str
    collective_decision: bool
    approved_at: _timestamp_pb2.Timestamp
    merged_task_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., task_id: _Optional[str] = ..., town_id: _Optional[str] = ..., category: _Optional[str] = ..., points: _Optional[int] = ..., approved_by: _Optional[str] = ..., collective_decision: _Optional[bool] = ..., approved_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., merged_task_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class AssignmentFacts(_message.Message):
    __slots__ = ("task_id", "assignment_id", "village_id", "town_id", "assignee_ids", "points", "category", "matter_code", "deadline", "state")
    TASK_ID_FIELD_NUMBER: _ClassVar[int]
    ASSIGNMENT_ID_FIELD_NUMBER: _ClassVar[int]
    VILLAGE_ID_FIELD_NUMBER: _ClassVar[int]
    TOWN_ID_FIELD_NUMBER: _ClassVar[int]
    ASSIGNEE_IDS_FIELD_NUMBER: _ClassVar[int]
    POINTS_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    MATTER_CODE_FIELD_NUMBER: _ClassVar[int]
    DEADLINE_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    task_id: str
    assignment_id: str
    village_id: str
    town_id: str
    assignee_ids: _containers.RepeatedScalarFieldContainer[str]
    points: int
    category: str
    matter_code: str
    deadline: _timestamp_pb2.Timestamp
    state: str
    def __init__(self, task_id: _Optional[str] = ..., assignment_id: _Optional[str] = ..., village_id: _Optional[str] = ..., town_id: _Optional[str] = ..., assignee_ids: _Optional[_Iterable[str]] = ..., points: _Optional[int] = ..., category: _Optional[str] = ..., matter_code: _Optional[str] = ..., deadline: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., state: _Optional[str] = ...) -> None: ...

class AssignmentSigned(_message.Message):
    __slots__ = ("meta", "assignment", "signed_by", "signed_at")
    META_FIELD_NUMBER: _ClassVar[int]
    ASSIGNMENT_FIELD_NUMBER: _ClassVar[int]
    SIGNED_BY_FIELD_NUMBER: _ClassVar[int]
    SIGNED_AT_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    assignment: AssignmentFacts
    signed_by: str
    signed_at: _timestamp_pb2.Timestamp
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., assignment: _Optional[_Union[AssignmentFacts, _Mapping]] = ..., signed_by: _Optional[str] = ..., signed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class AssignmentAllocated(_message.Message):
    __slots__ = ("meta", "assignment", "allocated_at")
    META_FIELD_NUMBER: _ClassVar[int]
    ASSIGNMENT_FIELD_NUMBER: _ClassVar[int]
    ALLOCATED_AT_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    assignment: AssignmentFacts
    allocated_at: _timestamp_pb2.Timestamp
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., assignment: _Optional[_Union[AssignmentFacts, _Mapping]] = ..., allocated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class AssignmentProgressed(_message.Message):
    __slots__ = ("meta", "assignment", "percent", "text", "photo_count", "reported_at")
    META_FIELD_NUMBER: _ClassVar[int]
    ASSIGNMENT_FIELD_NUMBER: _ClassVar[int]
    PERCENT_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    PHOTO_COUNT_FIELD_NUMBER: _ClassVar[int]
    REPORTED_AT_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    assignment: AssignmentFacts
    percent: int
    text: str
    photo_count: int
    reported_at: _timestamp_pb2.Timestamp
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., assignment: _Optional[_Union[AssignmentFacts, _Mapping]] = ..., percent: _Optional[int] = ..., text: _Optional[str] = ..., photo_count: _Optional[int] = ..., reported_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class AssignmentSubmitted(_message.Message):
    __slots__ = ("meta", "assignment", "submitted_at", "late")
    META_FIELD_NUMBER: _ClassVar[int]
    ASSIGNMENT_FIELD_NUMBER: _ClassVar[int]
    SUBMITTED_AT_FIELD_NUMBER: _ClassVar[int]
    LATE_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    assignment: AssignmentFacts
    submitted_at: _timestamp_pb2.Timestamp
    late: bool
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., assignment: _Optional[_Union[AssignmentFacts, _Mapping]] = ..., submitted_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., late: _Optional[bool] = ...) -> None: ...

class AssignmentAccepted(_message.Message):
    __slots__ = ("meta", "assignment", "quality", "points_earned", "accepted_by", "accepted_at", "submitted_at", "late", "send_back_count", "urge_count")
    META_FIELD_NUMBER: _ClassVar[int]
    ASSIGNMENT_FIELD_NUMBER: _ClassVar[int]
    QUALITY_FIELD_NUMBER: _ClassVar[int]
    POINTS_EARNED_FIELD_NUMBER: _ClassVar[int]
    ACCEPTED_BY_FIELD_NUMBER: _ClassVar[int]
    ACCEPTED_AT_FIELD_NUMBER: _ClassVar[int]
    SUBMITTED_AT_FIELD_NUMBER: _ClassVar[int]
    LATE_FIELD_NUMBER: _ClassVar[int]
    SEND_BACK_COUNT_FIELD_NUMBER: _ClassVar[int]
    URGE_COUNT_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    assignment: AssignmentFacts
    quality: int
    points_earned: float
    accepted_by: str
    accepted_at: _timestamp_pb2.Timestamp
    submitted_at: _timestamp_pb2.Timestamp
    late: bool
    send_back_count: int
    urge_count: int
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., assignment: _Optional[_Union[AssignmentFacts, _Mapping]] = ..., quality: _Optional[int] = ..., points_earned: _Optional[float] = ..., accepted_by: _Optional[str] = ..., accepted_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., submitted_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., late: _Optional[bool] = ..., send_back_count: _Optional[int] = ..., urge_count: _Optional[int] = ...) -> None: ...

class AssignmentSentBack(_message.Message):
    __slots__ = ("meta", "assignment", "reason", "sent_back_at")
    META_FIELD_NUMBER: _ClassVar[int]
    ASSIGNMENT_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    SENT_BACK_AT_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    assignment: AssignmentFacts
    reason: str
    sent_back_at: _timestamp_pb2.Timestamp
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., assignment: _Optional[_Union[AssignmentFacts, _Mapping]] = ..., reason: _Optional[str] = ..., sent_back_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class AssignmentReminded(_message.Message):
    __slots__ = ("meta", "assignment", "reminded_at")
    META_FIELD_NUMBER: _ClassVar[int]
    ASSIGNMENT_FIELD_NUMBER: _ClassVar[int]
    REMINDED_AT_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    assignment: AssignmentFacts
    reminded_at: _timestamp_pb2.Timestamp
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., assignment: _Optional[_Union[AssignmentFacts, _Mapping]] = ..., reminded_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class AssignmentOverdue(_message.Message):
    __slots__ = ("meta", "assignment", "overdue_at")
    META_FIELD_NUMBER: _ClassVar[int]
    ASSIGNMENT_FIELD_NUMBER: _ClassVar[int]
    OVERDUE_AT_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    assignment: AssignmentFacts
    overdue_at: _timestamp_pb2.Timestamp
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., assignment: _Optional[_Union[AssignmentFacts, _Mapping]] = ..., overdue_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class AssignmentUrged(_message.Message):
    __slots__ = ("meta", "assignment", "note", "urge_count", "urged_at")
    META_FIELD_NUMBER: _ClassVar[int]
    ASSIGNMENT_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    URGE_COUNT_FIELD_NUMBER: _ClassVar[int]
    URGED_AT_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    assignment: AssignmentFacts
    note: str
    urge_count: int
    urged_at: _timestamp_pb2.Timestamp
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., assignment: _Optional[_Union[AssignmentFacts, _Mapping]] = ..., note: _Optional[str] = ..., urge_count: _Optional[int] = ..., urged_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class AssignmentRated(_message.Message):
    __slots__ = ("meta", "assignment", "reasonable", "burden", "comment", "rated_at")
    META_FIELD_NUMBER: _ClassVar[int]
    ASSIGNMENT_FIELD_NUMBER: _ClassVar[int]
    REASONABLE_FIELD_NUMBER: _ClassVar[int]
    BURDEN_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    RATED_AT_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    assignment: AssignmentFacts
    reasonable: bool
    burden: str
    comment: str
    rated_at: _timestamp_pb2.Timestamp
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., assignment: _Optional[_Union[AssignmentFacts, _Mapping]] = ..., reasonable: _Optional[bool] = ..., burden: _Optional[str] = ..., comment: _Optional[str] = ..., rated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ListingAwarded(_message.Message):
    __slots__ = ("meta", "listing_id", "town_id", "winner_village_id", "bid_id", "reason", "task_id", "assignment_id", "points", "funds_fen", "bid_count", "awarded_at")
    META_FIELD_NUMBER: _ClassVar[int]
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    TOWN_ID_FIELD_NUMBER: _ClassVar[int]
    WINNER_VILLAGE_ID_FIELD_NUMBER: _ClassVar[int]
    BID_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    TASK_ID_FIELD_NUMBER: _ClassVar[int]
    ASSIGNMENT_ID_FIELD_NUMBER: _ClassVar[int]
    POINTS_FIELD_NUMBER: _ClassVar[int]
    FUNDS_FEN_FIELD_NUMBER: _ClassVar[int]
    BID_COUNT_FIELD_NUMBER: _ClassVar[int]
    AWARDED_AT_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    listing_id: str
    town_id: str
    winner_village_id: str
    bid_id: str
    reason: str
    task_id: str
    assignment_id: str
    points: int
    funds_fen: int
    bid_count: int
    awarded_at: _timestamp_pb2.Timestamp
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., listing_id: _Optional[str] = ..., town_id: _Optional[str] = ..., winner_village_id: _Optional[str] = ..., bid_id: _Optional[str] = ..., reason: _Optional[str] = ..., task_id: _Optional[str] = ..., assignment_id: _Optional[str] = ..., points: _Optional[int] = ..., funds_fen: _Optional[int] = ..., bid_count: _Optional[int] = ..., awarded_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ProjectRequestReviewed(_message.Message):
    __slots__ = ("meta", "project_request_id", "village_id", "town_id", "decision", "helping_org_ids", "reviewed_at")
    META_FIELD_NUMBER: _ClassVar[int]
    PROJECT_REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    VILLAGE_ID_FIELD_NUMBER: _ClassVar[int]
    TOWN_ID_FIELD_NUMBER: _ClassVar[int]
    DECISION_FIELD_NUMBER: _ClassVar[int]
    HELPING_ORG_IDS_FIELD_NUMBER: _ClassVar[int]
    REVIEWED_AT_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    project_request_id: str
    village_id: str
    town_id: str
    decision: str
    helping_org_ids: _containers.RepeatedScalarFieldContainer[str]
    reviewed_at: _timestamp_pb2.Timestamp
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., project_request_id: _Optional[str] = ..., village_id: _Optional[str] = ..., town_id: _Optional[str] = ..., decision: _Optional[str] = ..., helping_org_ids: _Optional[_Iterable[str]] = ..., reviewed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...
