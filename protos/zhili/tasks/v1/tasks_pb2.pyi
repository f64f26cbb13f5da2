import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from zhili.common.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class TimeLimit(_message.Message):
    __slots__ = ("amount", "unit")
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    amount: float
    unit: str
    def __init__(self, amount: _Optional[float] = ..., unit: _Optional[str] = ...) -> None: ...

class ScreeningReason(_message.Message):
    __slots__ = ("code", "detail")
    CODE_FIELD_NUMBER: _ClassVar[int]
    DETAIL_FIELD_NUMBER: _ClassVar[int]
    code: str
    detail: str
    def __init__(self, code: _Optional[str] = ..., detail: _Optional[str] = ...) -> None: ...

class ScreeningResult(_message.Message):
    __slots__ = ("id", "decision", "matter_code", "reasons", "suggested_codes", "screened_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    DECISION_FIELD_NUMBER: _ClassVar[int]
    MATTER_CODE_FIELD_NUMBER: _ClassVar[int]
    REASONS_FIELD_NUMBER: _ClassVar[int]
    SUGGESTED_CODES_FIELD_NUMBER: _ClassVar[int]
    SCREENED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    decision: str
    matter_code: str
    reasons: _containers.RepeatedCompositeFieldContainer[ScreeningReason]
    suggested_codes: _containers.RepeatedScalarFieldContainer[str]
    screened_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., decision: _Optional[str] = ..., matter_code: _Optional[str] = ..., reasons: _Optional[_Iterable[_Union[ScreeningReason, _Mapping]]] = ..., suggested_codes: _Optional[_Iterable[str]] = ..., screened_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CollectiveDecision(_message.Message):
    __slots__ = ("meeting", "decided_on", "summary")
    MEETING_FIELD_NUMBER: _ClassVar[int]
    DECIDED_ON_FIELD_NUMBER: _ClassVar[int]
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    meeting: str
    decided_on: str
    summary: str
    def __init__(self, meeting: _Optional[str] = ..., decided_on: _Optional[str] = ..., summary: _Optional[str] = ...) -> None: ...

class Milestone(_message.Message):
    __slots__ = ("title", "due_at")
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DUE_AT_FIELD_NUMBER: _ClassVar[int]
    title: str
    due_at: _timestamp_pb2.Timestamp
    def __init__(self, title: _Optional[str] = ..., due_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class VillageProgress(_message.Message):
    __slots__ = ("assignment_id", "village_id", "state", "percent", "overdue", "quality", "points_earned")
    ASSIGNMENT_ID_FIELD_NUMBER: _ClassVar[int]
    VILLAGE_ID_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    PERCENT_FIELD_NUMBER: _ClassVar[int]
    OVERDUE_FIELD_NUMBER: _ClassVar[int]
    QUALITY_FIELD_NUMBER: _ClassVar[int]
    POINTS_EARNED_FIELD_NUMBER: _ClassVar[int]
    assignment_id: str
    village_id: str
    state: str
    percent: int
    overdue: bool
    quality: int
    points_earned: float
    def __init__(self, assignment_id: _Optional[str] = ..., village_id: _Optional[str] = ..., state: _Optional[str] = ..., percent: _Optional[int] = ..., overdue: _Optional[bool] = ..., quality: _Optional[int] = ..., points_earned: _Optional[float] = ...) -> None: ...

class Task(_message.Message):
    __slots__ = ("id", "town_id", "issuer_org_id", "created_by", "title", "description", "category", "matter_code", "target_village_ids", "deadline", "time_limit", "points", "co_handler_org_ids", "state", "screening", "review_comment", "collective_decision", "merged_into", "merged_from", "listing_id", "milestones", "progress", "created_at", "updated_at", "dispatched_at", "urgency")
    ID_FIELD_NUMBER: _ClassVar[int]
    TOWN_ID_FIELD_NUMBER: _ClassVar[int]
    ISSUER_ORG_ID_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    MATTER_CODE_FIELD_NUMBER: _ClassVar[int]
    TARGET_VILLAGE_IDS_FIELD_NUMBER: _ClassVar[int]
    DEADLINE_FIELD_NUMBER: _ClassVar[int]
    TIME_LIMIT_FIELD_NUMBER: _ClassVar[int]
    POINTS_FIELD_NUMBER: _ClassVar[int]
    CO_HANDLER_ORG_IDS_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    SCREENING_FIELD_NUMBER: _ClassVar[int]
    REVIEW_COMMENT_FIELD_NUMBER: _ClassVar[int]
    COLLECTIVE_DECISION_FIELD_NUMBER: _ClassVar[int]
    MERGED_INTO_FIELD_NUMBER: _ClassVar[int]
    MERGED_FROM_FIELD_NUMBER: _ClassVar[int]
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    MILESTONES_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    DISPATCHED_AT_FIELD_NUMBER: _ClassVar[int]
    URGENCY_FIELD_NUMBER: _ClassVar[int]
    id: str
    town_id: str
    issuer_org_id: str
    created_by: str
    title: str
    description: str
    category: str
    matter_code: str
    target_village_ids: _containers.RepeatedScalarFieldContainer[str]
    deadline: _timestamp_pb2.Timestamp
    time_limit: TimeLimit
    points: int
    co_handler_org_ids: _containers.RepeatedScalarFieldContainer[str]
    state: str
    screening: ScreeningResult
    review_comment: str
    collective_decision: CollectiveDecision
    merged_into: str
    merged_from: _containers.RepeatedScalarFieldContainer[str]
    listing_id: str
    milestones: _containers.RepeatedCompositeFieldContainer[Milestone]
    progress: _containers.RepeatedCompositeFieldContainer[VillageProgress]
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    dispatched_at: _timestamp_pb2.Timestamp
    urgency: str
    def __init__(self, id: _Optional[str] = ..., town_id: _Optional[str] = ..., issuer_org_id: _Optional[str] = ..., created_by: _Optional[str] = ..., title: _Optional[str] = ..., description: _Optional[str] = ..., category: _Optional[str] = ..., matter_code: _Optional[str] = ..., target_village_ids: _Optional[_Iterable[str]] = ..., deadline: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., time_limit: _Optional[_Union[TimeLimit, _Mapping]] = ..., points: _Optional[int] = ..., co_handler_org_ids: _Optional[_Iterable[str]] = ..., state: _Optional[str] = ..., screening: _Optional[_Union[ScreeningResult, _Mapping]] = ..., review_comment: _Optional[str] = ..., collective_decision: _Optional[_Union[CollectiveDecision, _Mapping]] = ..., merged_into: _Optional[str] = ..., merged_from: _Optional[_Iterable[str]] = ..., listing_id: _Optional[str] = ..., milestones: _Optional[_Iterable[_Union[Milestone, _Mapping]]] = ..., progress: _Optional[_Iterable[_Union[VillageProgress, _Mapping]]] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., dispatched_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., urgency: _Optional[str] = ...) -> None: ...

class CreateTaskRequest(_message.Message):
    __slots__ = ("title", "description", "category", "matter_code", "target_village_ids", "deadline", "time_limit", "points", "co_handler_org_ids", "issuer_org_id", "urgency")
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    MATTER_CODE_FIELD_NUMBER: _ClassVar[int]
    TARGET_VILLAGE_IDS_FIELD_NUMBER: _ClassVar[int]
    DEADLINE_FIELD_NUMBER: _ClassVar[int]
    TIME_LIMIT_FIELD_NUMBER: _ClassVar[int]
    POINTS_FIELD_NUMBER: _ClassVar[int]
    CO_HANDLER_ORG_IDS_FIELD_NUMBER: _ClassVar[int]
    ISSUER_ORG_ID_FIELD_NUMBER: _ClassVar[int]
    URGENCY_FIELD_NUMBER: _ClassVar[int]
    title: str
    description: str
    category: str
    matter_code: str
    target_village_ids: _containers.RepeatedScalarFieldContainer[str]
    deadline: _timestamp_pb2.Timestamp
    time_limit: TimeLimit
    points: int
    co_handler_org_ids: _containers.RepeatedScalarFieldContainer[str]
    issuer_org_id: str
    urgency: str
    def __init__(self, title: _Optional[str] = ..., description: _Optional[str] = ..., category: _Optional[str] = ..., matter_code: _Optional[str] = ..., target_village_ids: _Optional[_Iterable[str]] = ..., deadline: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., time_limit: _Optional[_Union[TimeLimit, _Mapping]] = ..., points: _Optional[int] = ..., co_handler_org_ids: _Optional[_Iterable[str]] = ..., issuer_org_id: _Optional[str] = ..., urgency: _Optional[str] = ...) -> None: ...

class UpdateTaskRequest(_message.Message):
    __slots__ = ("id", "draft")
    ID_FIELD_NUMBER: _ClassVar[int]
    DRAFT_FIELD_NUMBER: _ClassVar[int]
    id: str
    draft: CreateTaskRequest
    def __init__(self, id: _Optional[str] = ..., draft: _Optional[_Union[CreateTaskRequest, _Mapping]] = ...) -> None: ...

class GetTaskRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class ListTasksRequest(_message.Message):
    __slots__ = ("town_id", "state", "category", "page")
    TOWN_ID_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    town_id: str
    state: str
    category: str
    page: _common_pb2.PageRequest
    def __init__(self, town_id: _Optional[str] = ..., state: _Optional[str] = ..., category: _Optional[str] = ..., page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ...) -> None: ...

class ListTasksResponse(_message.Message):
    __slots__ = ("tasks", "next_page_token")
    TASKS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    tasks: _containers.RepeatedCompositeFieldContainer[Task]
    next_page_token: str
    def __init__(self, tasks: _Optional[_Iterable[_Union[Task, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class TaskActionRequest(_message.Message):
    __slots__ = ("id", "comment", "collective_decision")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    COLLECTIVE_DECISION_FIELD_NUMBER: _ClassVar[int]
    id: str
    comment: str
    collective_decision: CollectiveDecision
    def __init__(self, id: _Optional[str] = ..., comment: _Optional[str] = ..., collective_decision: _Optional[_Union[CollectiveDecision, _Mapping]] = ...) -> None: ...

class MergeTasksRequest(_message.Message):
    __slots__ = ("id", "merged_task_ids", "comment")
    ID_FIELD_NUMBER: _ClassVar[int]
    MERGED_TASK_IDS_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    id: str
    merged_task_ids: _containers.RepeatedScalarFieldContainer[str]
    comment: str
    def __init__(self, id: _Optional[str] = ..., merged_task_ids: _Optional[_Iterable[str]] = ..., comment: _Optional[str] = ...) -> None: ...

class TimelineEntry(_message.Message):
    __slots__ = ("id", "action", "from_state", "to_state", "actor_id", "actor_name", "note", "percent", "photo_urls", "at")
    ID_FIELD_NUMBER: _ClassVar[int]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    FROM_STATE_FIELD_NUMBER: _ClassVar[int]
    TO_STATE_FIELD_NUMBER: _ClassVar[int]
    ACTOR_ID_FIELD_NUMBER: _ClassVar[int]
    ACTOR_NAME_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    PERCENT_FIELD_NUMBER: _ClassVar[int]
    PHOTO_URLS_FIELD_NUMBER: _ClassVar[int]
    AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    action: str
    from_state: str
    to_state: str
    actor_id: str
    actor_name: str
    note: str
    percent: int
    photo_urls: _containers.RepeatedScalarFieldContainer[str]
    at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., action: _Optional[str] = ..., from_state: _Optional[str] = ..., to_state: _Optional[str] = ..., actor_id: _Optional[str] = ..., actor_name: _Optional[str] = ..., note: _Optional[str] = ..., percent: _Optional[int] = ..., photo_urls: _Optional[_Iterable[str]] = ..., at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class Assignment(_message.Message):
    __slots__ = ("id", "task_id", "task_title", "village_id", "town_id", "state", "assignee_ids", "percent", "deadline", "overdue", "overdue_at", "urge_count", "points", "quality", "points_earned", "rated", "rating_reasonable", "rating_burden", "rating_comment", "timeline", "signed_at", "submitted_at", "accepted_at", "category", "matter_code", "co_handler_org_ids", "milestones")
    ID_FIELD_NUMBER: _ClassVar[int]
    TASK_ID_FIELD_NUMBER: _ClassVar[int]
    TASK_TITLE_FIELD_NUMBER: _ClassVar[int]
    VILLAGE_ID_FIELD_NUMBER: _ClassVar[int]
    TOWN_ID_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    ASSIGNEE_IDS_FIELD_NUMBER: _ClassVar[int]
    PERCENT_FIELD_NUMBER: _ClassVar[int]
    DEADLINE_FIELD_NUMBER: _ClassVar[int]
    OVERDUE_FIELD_NUMBER: _ClassVar[int]
    OVERDUE_AT_FIELD_NUMBER: _ClassVar[int]
    URGE_COUNT_FIELD_NUMBER: _ClassVar[int]
    POINTS_FIELD_NUMBER: _ClassVar[int]
    QUALITY_FIELD_NUMBER: _ClassVar[int]
    POINTS_EARNED_FIELD_NUMBER: _ClassVar[int]
    RATED_FIELD_NUMBER: _ClassVar[int]
    RATING_REASONABLE_FIELD_NUMBER: _ClassVar[int]
    RATING_BURDEN_FIELD_NUMBER: _ClassVar[int]
    RATING_COMMENT_FIELD_NUMBER: _ClassVar[int]
    TIMELINE_FIELD_NUMBER: _ClassVar[int]
    SIGNED_AT_FIELD_NUMBER: _ClassVar[int]
    SUBMITTED_AT_FIELD_NUMBER: _ClassVar[int]
    ACCEPTED_AT_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    MATTER_CODE_FIELD_NUMBER: _ClassVar[int]
    CO_HANDLER_ORG_IDS_FIELD_NUMBER: _ClassVar[int]
    MILESTONES_FIELD_NUMBER: _ClassVar[int]
    id: str
    task_id: str
    task_title: str
    village_id: str
    town_id: str
    state: str
    assignee_ids: _containers.RepeatedScalarFieldContainer[str]
    percent: int
    deadline: _timestamp_pb2.Timestamp
    overdue: bool
    overdue_at: _timestamp_pb2.Timestamp
    urge_count: int
    points: int
    quality: int
    points_earned: float
    rated: bool
    rating_reasonable: bool
    rating_burden: str
    rating_comment: str
    timeline: _containers.RepeatedCompositeFieldContainer[TimelineEntry]
    signed_at: _timestamp_pb2.Timestamp
    submitted_at: _timestamp_pb2.Timestamp
    accepted_at: _timestamp_pb2.Timestamp
    category: str
    matter_code: str
    co_handler_org_ids: _containers.RepeatedScalarFieldContainer[str]
    milestones: _containers.RepeatedCompositeFieldContainer[Milestone]
    def __init__(self, id: _Optional[str] = ..., task_id: _Optional[str] = ..., task_title: _Optional[str] = ..., village_id: _Optional[str] = ..., town_id: _Optional[str] = ..., state: _Optional[str] = ..., assignee_ids: _Optional[_Iterable[str]] = ..., percent: _Optional[int] = ..., deadline: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., overdue: _Optional[bool] = ..., overdue_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., urge_count: _Optional[int] = ..., points: _Optional[int] = ..., quality: _Optional[int] = ..., points_earned: _Optional[float] = ..., rated: _Optional[bool] = ..., rating_reasonable: _Optional[bool] = ..., rating_burden: _Optional[str] = ..., rating_comment: _Optional[str] = ..., timeline: _Optional[_Iterable[_Union[TimelineEntry, _Mapping]]] = ..., signed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., submitted_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., accepted_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., category: _Optional[str] = ..., matter_code: _Optional[str] = ..., co_handler_org_ids: _Optional[_Iterable[str]] = ..., milestones: _Optional[_Iterable[_Union[Milestone, _Mapping]]] = ...) -> None: ...

class GetAssignmentRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class ListAssignmentsRequest(_message.Message):
    __slots__ = ("view", "town_id", "village_id", "task_id", "state", "page")
    VIEW_FIELD_NUMBER: _ClassVar[int]
    TOWN_ID_FIELD_NUMBER: _ClassVar[int]
    VILLAGE_ID_FIELD_NUMBER: _ClassVar[int]
    TASK_ID_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    view: str
    town_id: str
    village_id: str
    task_id: str
    state: str
    page: _common_pb2.PageRequest
    def __init__(self, view: _Optional[str] = ..., town_id: _Optional[str] = ..., village_id: _Optional[str] = ..., task_id: _Optional[str] = ..., state: _Optional[str] = ..., page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ...) -> None: ...

class ListAssignmentsResponse(_message.Message):
    __slots__ = ("assignments", "next_page_token")
    ASSIGNMENTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    assignments: _containers.RepeatedCompositeFieldContainer[Assignment]
    next_page_token: str
    def __init__(self, assignments: _Optional[_Iterable[_Union[Assignment, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class AssignmentActionRequest(_message.Message):
    __slots__ = ("id", "note")
    ID_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    id: str
    note: str
    def __init__(self, id: _Optional[str] = ..., note: _Optional[str] = ...) -> None: ...

class AllocateAssignmentRequest(_message.Message):
    __slots__ = ("id", "assignee_ids", "note")
    ID_FIELD_NUMBER: _ClassVar[int]
    ASSIGNEE_IDS_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    id: str
    assignee_ids: _containers.RepeatedScalarFieldContainer[str]
    note: str
    def __init__(self, id: _Optional[str] = ..., assignee_ids: _Optional[_Iterable[str]] = ..., note: _Optional[str] = ...) -> None: ...

class ReportProgressRequest(_message.Message):
    __slots__ = ("id", "text", "percent", "photo_urls")
    ID_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    PERCENT_FIELD_NUMBER: _ClassVar[int]
    PHOTO_URLS_FIELD_NUMBER: _ClassVar[int]
    id: str
    text: str
    percent: int
    photo_urls: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, id: _Optional[str] = ..., text: _Optional[str] = ..., percent: _Optional[int] = ..., photo_urls: _Optional[_Iterable[str]] = ...) -> None: ...

class AcceptAssignmentRequest(_message.Message):
    __slots__ = ("id", "quality", "comment")
    ID_FIELD_NUMBER: _ClassVar[int]
    QUALITY_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    id: str
    quality: int
    comment: str
    def __init__(self, id: _Optional[str] = ..., quality: _Optional[int] = ..., comment: _Optional[str] = ...) -> None: ...

class RateAssignmentRequest(_message.Message):
    __slots__ = ("id", "reasonable", "burden", "comment")
    ID_FIELD_NUMBER: _ClassVar[int]
    REASONABLE_FIELD_NUMBER: _ClassVar[int]
    BURDEN_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    id: str
    reasonable: bool
    burden: str
    comment: str
    def __init__(self, id: _Optional[str] = ..., reasonable: _Optional[bool] = ..., burden: _Optional[str] = ..., comment: _Optional[str] = ...) -> None: ...

class SweepDeadlinesRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class SweepDeadlinesResponse(_message.Message):
    __slots__ = ("reminded", "overdue")
    REMINDED_FIELD_NUMBER: _ClassVar[int]
    OVERDUE_FIELD_NUMBER: _ClassVar[int]
    reminded: int
    overdue: int
    def __init__(self, reminded: _Optional[int] = ..., overdue: _Optional[int] = ...) -> None: ...

class Bid(_message.Message):
    __slots__ = ("id", "village_id", "statement", "bidder_id", "placed_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    VILLAGE_ID_FIELD_NUMBER: _ClassVar[int]
    STATEMENT_FIELD_NUMBER: _ClassVar[int]
    BIDDER_ID_FIELD_NUMBER: _ClassVar[int]
    PLACED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    village_id: str
    statement: str
    bidder_id: str
    placed_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., village_id: _Optional[str] = ..., statement: _Optional[str] = ..., bidder_id: _Optional[str] = ..., placed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class Listing(_message.Message):
    __slots__ = ("id", "town_id", "title", "project", "resources", "funds_fen", "criteria", "closes_at", "points", "state", "bids", "winner_village_id", "winning_bid_id", "award_reason", "task_id", "awarded_at", "created_by", "created_at", "matter_code")
    ID_FIELD_NUMBER: _ClassVar[int]
    TOWN_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    RESOURCES_FIELD_NUMBER: _ClassVar[int]
    FUNDS_FEN_FIELD_NUMBER: _ClassVar[int]
    CRITERIA_FIELD_NUMBER: _ClassVar[int]
    CLOSES_AT_FIELD_NUMBER: _ClassVar[int]
    POINTS_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    BIDS_FIELD_NUMBER: _ClassVar[int]
    WINNER_VILLAGE_ID_FIELD_NUMBER: _ClassVar[int]
    WINNING_BID_ID_FIELD_NUMBER: _ClassVar[int]
    AWARD_REASON_FIELD_NUMBER: _ClassVar[int]
    TASK_ID_FIELD_NUMBER: _ClassVar[int]
    AWARDED_AT_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    MATTER_CODE_FIELD_NUMBER: _ClassVar[int]
    id: str
    town_id: str
    title: str
    project: str
    resources: str
    funds_fen: int
    criteria: str
    closes_at: _timestamp_pb2.Timestamp
    points: int
    state: str
    bids: _containers.RepeatedCompositeFieldContainer[Bid]
    winner_village_id: str
    winning_bid_id: str
    award_reason: str
    task_id: str
    awarded_at: _timestamp_pb2.Timestamp
    created_by: str
    created_at: _timestamp_pb2.Timestamp
    matter_code: str
    def __init__(self, id: _Optional[str] = ..., town_id: _Optional[str] = ..., title: _Optional[str] = ..., project: _Optional[str] = ..., resources: _Optional[str] = ..., funds_fen: _Optional[int] = ..., criteria: _Optional[str] = ..., closes_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., points: _Optional[int] = ..., state: _Optional[str] = ..., bids: _Optional[_Iterable[_Union[Bid, _Mapping]]] = ..., winner_village_id: _Optional[str] = ..., winning_bid_id: _Optional[str] = ..., award_reason: _Optional[str] = ..., task_id: _Optional[str] = ..., awarded_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., created_by: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., matter_code: _Optional[str] = ...) -> None: ...

class CreateListingRequest(_message.Message):
    __slots__ = ("title", "project", "resources", "funds_fen", "criteria", "closes_at", "points", "matter_code")
    TITLE_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    RESOURCES_FIELD_NUMBER: _ClassVar[int]
    FUNDS_FEN_FIELD_NUMBER: _ClassVar[int]
    CRITERIA_FIELD_NUMBER: _ClassVar[int]
    CLOSES_AT_FIELD_NUMBER: _ClassVar[int]
    POINTS_FIELD_NUMBER: _ClassVar[int]
    MATTER_CODE_FIELD_NUMBER: _ClassVar[int]
    title: str
    project: str
    resources: str
    funds_fen: int
    criteria: str
    closes_at: _timestamp_pb2.Timestamp
    points: int
    matter_code: str
    def __init__(self, title: _Optional[str] = ..., project: _Optional[str] = ..., resources: _Optional[str] = ..., funds_fen: _Optional[int] = ..., criteria: _Optional[str] = ..., closes_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., points: _Optional[int] = ..., matter_code: _Optional[str] = ...) -> None: ...

class GetListingRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class ListListingsRequest(_message.Message):
    __slots__ = ("town_id", "state", "page")
    TOWN_ID_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    town_id: str
    state: str
    page: _common_pb2.PageRequest
    def __init__(self, town_id: _Optional[str] = ..., state: _Optional[str] = ..., page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ...) -> None: ...

class ListListingsResponse(_message.Message):
    __slots__ = ("listings", "next_page_token")
    LISTINGS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    listings: _containers.RepeatedCompositeFieldContainer[Listing]
    next_page_token: str
    def __init__(self, listings: _Optional[_Iterable[_Union[Listing, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class PlaceBidRequest(_message.Message):
    __slots__ = ("listing_id", "statement")
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    STATEMENT_FIELD_NUMBER: _ClassVar[int]
    listing_id: str
    statement: str
    def __init__(self, listing_id: _Optional[str] = ..., statement: _Optional[str] = ...) -> None: ...

class AwardListingRequest(_message.Message):
    __slots__ = ("listing_id", "bid_id", "reason", "milestones", "deadline")
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    BID_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    MILESTONES_FIELD_NUMBER: _ClassVar[int]
    DEADLINE_FIELD_NUMBER: _ClassVar[int]
    listing_id: str
    bid_id: str
    reason: str
    milestones: _containers.RepeatedCompositeFieldContainer[Milestone]
    deadline: _timestamp_pb2.Timestamp
    def __init__(self, listing_id: _Optional[str] = ..., bid_id: _Optional[str] = ..., reason: _Optional[str] = ..., milestones: _Optional[_Iterable[_Union[Milestone, _Mapping]]] = ..., deadline: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ProjectRequest(_message.Message):
    __slots__ = ("id", "village_id", "town_id", "title", "description", "resources_needed", "funds_fen", "state", "helping_org_ids", "review_comment", "requested_by", "reviewed_by", "created_at", "reviewed_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    VILLAGE_ID_FIELD_NUMBER: _ClassVar[int]
    TOWN_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    RESOURCES_NEEDED_FIELD_NUMBER: _ClassVar[int]
    FUNDS_FEN_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    HELPING_ORG_IDS_FIELD_NUMBER: _ClassVar[int]
    REVIEW_COMMENT_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_BY_FIELD_NUMBER: _ClassVar[int]
    REVIEWED_BY_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    REVIEWED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    village_id: str
    town_id: str
    title: str
    description: str
    resources_needed: str
    funds_fen: int
    state: str
    helping_org_ids: _containers.RepeatedScalarFieldContainer[str]
    review_comment: str
    requested_by: str
    reviewed_by: str
    created_at: _timestamp_pb2.Timestamp
    reviewed_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., village_id: _Optional[str] = ..., town_id: _Optional[str] = ..., title: _Optional[str] = ..., description: _Optional[str] = ..., resources_needed: _Optional[str] = ..., funds_fen: _Optional[int] = ..., state: _Optional[str] = ..., helping_org_ids: _Optional[_Iterable[str]] = ..., review_comment: _Optional[str] = ..., requested_by: _Optional[str] = ..., reviewed_by: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., reviewed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CreateProjectRequestRequest(_message.Message):
    __slots__ = ("title", "description", "resources_needed", "funds_fen")
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    RESOURCES_NEEDED_FIELD_NUMBER: _ClassVar[int]
    FUNDS_FEN_FIELD_NUMBER: _ClassVar[int]
    title: str
    description: str
    resources_needed: str
    funds_fen: int
    def __init__(self, title: _Optional[str] = ..., description: _Optional[str] = ..., resources_needed: _Optional[str] = ..., funds_fen: _Optional[int] = ...) -> None: ...

class GetProjectRequestRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class ListProjectRequestsRequest(_message.Message):
    __slots__ = ("town_id", "state", "page")
    TOWN_ID_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    town_id: str
    state: str
    page: _common_pb2.PageRequest
    def __init__(self, town_id: _Optional[str] = ..., state: _Optional[str] = ..., page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ...) -> None: ...

class ListProjectRequestsResponse(_message.Message):
    __slots__ = ("project_requests", "next_page_token")
    PROJECT_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    project_requests: _containers.RepeatedCompositeFieldContainer[ProjectRequest]
    next_page_token: str
    def __init__(self, project_requests: _Optional[_Iterable[_Union[ProjectRequest, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ReviewProjectRequestRequest(_message.Message):
    __slots__ = ("id", "decision", "helping_org_ids", "comment")
    ID_FIELD_NUMBER: _ClassVar[int]
    DECISION_FIELD_NUMBER: _ClassVar[int]
    HELPING_ORG_IDS_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    id: str
    decision: str
    helping_org_ids: _containers.RepeatedScalarFieldContainer[str]
    comment: str
    def __init__(self, id: _Optional[str] = ..., decision: _Optional[str] = ..., helping_org_ids: _Optional[_Iterable[str]] = ..., comment: _Optional[str] = ...) -> None: ...
