import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from zhili.common.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class TemplateStep(_message.Message):
    __slots__ = ("key", "name", "kind", "bodies", "decisive", "max_days", "quorum_rule", "pass_rule")
    KEY_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    BODIES_FIELD_NUMBER: _ClassVar[int]
    DECISIVE_FIELD_NUMBER: _ClassVar[int]
    MAX_DAYS_FIELD_NUMBER: _ClassVar[int]
    QUORUM_RULE_FIELD_NUMBER: _ClassVar[int]
    PASS_RULE_FIELD_NUMBER: _ClassVar[int]
    key: str
    name: str
    kind: str
    bodies: _containers.RepeatedScalarFieldContainer[str]
    decisive: bool
    max_days: int
    quorum_rule: str
    pass_rule: str
    def __init__(self, key: _Optional[str] = ..., name: _Optional[str] = ..., kind: _Optional[str] = ..., bodies: _Optional[_Iterable[str]] = ..., decisive: _Optional[bool] = ..., max_days: _Optional[int] = ..., quorum_rule: _Optional[str] = ..., pass_rule: _Optional[str] = ...) -> None: ...

class Template(_message.Message):
    __slots__ = ("code", "version", "name", "description", "county_id", "steps", "created_at", "created_by")
    CODE_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    COUNTY_ID_FIELD_NUMBER: _ClassVar[int]
    STEPS_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    code: str
    version: int
    name: str
    description: str
    county_id: str
    steps: _containers.RepeatedCompositeFieldContainer[TemplateStep]
    created_at: _timestamp_pb2.Timestamp
    created_by: str
    def __init__(self, code: _Optional[str] = ..., version: _Optional[int] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., county_id: _Optional[str] = ..., steps: _Optional[_Iterable[_Union[TemplateStep, _Mapping]]] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., created_by: _Optional[str] = ...) -> None: ...

class ListTemplatesRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListTemplatesResponse(_message.Message):
    __slots__ = ("templates",)
    TEMPLATES_FIELD_NUMBER: _ClassVar[int]
    templates: _containers.RepeatedCompositeFieldContainer[Template]
    def __init__(self, templates: _Optional[_Iterable[_Union[Template, _Mapping]]] = ...) -> None: ...

class GetTemplateRequest(_message.Message):
    __slots__ = ("code", "version")
    CODE_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    code: str
    version: int
    def __init__(self, code: _Optional[str] = ..., version: _Optional[int] = ...) -> None: ...

class SaveTemplateRequest(_message.Message):
    __slots__ = ("code", "name", "description", "steps")
    CODE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    STEPS_FIELD_NUMBER: _ClassVar[int]
    code: str
    name: str
    description: str
    steps: _containers.RepeatedCompositeFieldContainer[TemplateStep]
    def __init__(self, code: _Optional[str] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., steps: _Optional[_Iterable[_Union[TemplateStep, _Mapping]]] = ...) -> None: ...

class Rule(_message.Message):
    __slots__ = ("key", "region", "value_json", "source", "description")
    KEY_FIELD_NUMBER: _ClassVar[int]
    REGION_FIELD_NUMBER: _ClassVar[int]
    VALUE_JSON_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    key: str
    region: str
    value_json: str
    source: str
    description: str
    def __init__(self, key: _Optional[str] = ..., region: _Optional[str] = ..., value_json: _Optional[str] = ..., source: _Optional[str] = ..., description: _Optional[str] = ...) -> None: ...

class ListRulesRequest(_message.Message):
    __slots__ = ("org_id",)
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    org_id: str
    def __init__(self, org_id: _Optional[str] = ...) -> None: ...

class ListRulesResponse(_message.Message):
    __slots__ = ("rules",)
    RULES_FIELD_NUMBER: _ClassVar[int]
    rules: _containers.RepeatedCompositeFieldContainer[Rule]
    def __init__(self, rules: _Optional[_Iterable[_Union[Rule, _Mapping]]] = ...) -> None: ...

class SetRuleRequest(_message.Message):
    __slots__ = ("key", "region", "value_json", "source")
    KEY_FIELD_NUMBER: _ClassVar[int]
    REGION_FIELD_NUMBER: _ClassVar[int]
    VALUE_JSON_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    key: str
    region: str
    value_json: str
    source: str
    def __init__(self, key: _Optional[str] = ..., region: _Optional[str] = ..., value_json: _Optional[str] = ..., source: _Optional[str] = ...) -> None: ...

class StartProcedureRequest(_message.Message):
    __slots__ = ("village_id", "template_code", "title", "category", "amount_fen", "description")
    VILLAGE_ID_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_CODE_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FEN_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    village_id: str
    template_code: str
    title: str
    category: str
    amount_fen: int
    description: str
    def __init__(self, village_id: _Optional[str] = ..., template_code: _Optional[str] = ..., title: _Optional[str] = ..., category: _Optional[str] = ..., amount_fen: _Optional[int] = ..., description: _Optional[str] = ...) -> None: ...

class StepRecord(_message.Message):
    __slots__ = ("attempt", "body", "basis", "held_on", "notified_on", "body_size", "present", "votes_for", "votes_against", "abstentions", "minutes", "attachments", "declared_result", "quorum_met", "passed", "result_zh", "result_en", "channel", "start_on", "end_on", "days", "recorded_at", "recorded_by")
    ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    BASIS_FIELD_NUMBER: _ClassVar[int]
    HELD_ON_FIELD_NUMBER: _ClassVar[int]
    NOTIFIED_ON_FIELD_NUMBER: _ClassVar[int]
    BODY_SIZE_FIELD_NUMBER: _ClassVar[int]
    PRESENT_FIELD_NUMBER: _ClassVar[int]
    VOTES_FOR_FIELD_NUMBER: _ClassVar[int]
    VOTES_AGAINST_FIELD_NUMBER: _ClassVar[int]
    ABSTENTIONS_FIELD_NUMBER: _ClassVar[int]
    MINUTES_FIELD_NUMBER: _ClassVar[int]
    ATTACHMENTS_FIELD_NUMBER: _ClassVar[int]
    DECLARED_RESULT_FIELD_NUMBER: _ClassVar[int]
    QUORUM_MET_FIELD_NUMBER: _ClassVar[int]
    PASSED_FIELD_NUMBER: _ClassVar[int]
    RESULT_ZH_FIELD_NUMBER: _ClassVar[int]
    RESULT_EN_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    START_ON_FIELD_NUMBER: _ClassVar[int]
    END_ON_FIELD_NUMBER: _ClassVar[int]
    DAYS_FIELD_NUMBER: _ClassVar[int]
    RECORDED_AT_FIELD_NUMBER: _ClassVar[int]
    RECORDED_BY_FIELD_NUMBER: _ClassVar[int]
    attempt: int
    body: str
    basis: str
    held_on: str
    notified_on: str
    body_size: int
    present: int
    votes_for: int
    votes_against: int
    abstentions: int
    minutes: str
    attachments: _containers.RepeatedScalarFieldContainer[str]
    declared_result: str
    quorum_met: bool
    passed: bool
    result_zh: str
    result_en: str
    channel: str
    start_on: str
    end_on: str
    days: int
    recorded_at: _timestamp_pb2.Timestamp
    recorded_by: str
    def __init__(self, attempt: _Optional[int] = ..., body: _Optional[str] = ..., basis: _Optional[str] = ..., held_on: _Optional[str] = ..., notified_on: _Optional[str] = ..., body_size: _Optional[int] = ..., present: _Optional[int] = ..., votes_for: _Optional[int] = ..., votes_against: _Optional[int] = ..., abstentions: _Optional[int] = ..., minutes: _Optional[str] = ..., attachments: _Optional[_Iterable[str]] = ..., declared_result: _Optional[str] = ..., quorum_met: _Optional[bool] = ..., passed: _Optional[bool] = ..., result_zh: _Optional[str] = ..., result_en: _Optional[str] = ..., channel: _Optional[str] = ..., start_on: _Optional[str] = ..., end_on: _Optional[str] = ..., days: _Optional[int] = ..., recorded_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., recorded_by: _Optional[str] = ...) -> None: ...

class ProcedureStep(_message.Message):
    __slots__ = ("number", "key", "name", "kind", "bodies", "quorum_text", "pass_text", "min_days", "status", "record")
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    BODIES_FIELD_NUMBER: _ClassVar[int]
    QUORUM_TEXT_FIELD_NUMBER: _ClassVar[int]
    PASS_TEXT_FIELD_NUMBER: _ClassVar[int]
    MIN_DAYS_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    RECORD_FIELD_NUMBER: _ClassVar[int]
    number: int
    key: str
    name: str
    kind: str
    bodies: _containers.RepeatedScalarFieldContainer[str]
    quorum_text: str
    pass_text: str
    min_days: int
    status: str
    record: StepRecord
    def __init__(self, number: _Optional[int] = ..., key: _Optional[str] = ..., name: _Optional[str] = ..., kind: _Optional[str] = ..., bodies: _Optional[_Iterable[str]] = ..., quorum_text: _Optional[str] = ..., pass_text: _Optional[str] = ..., min_days: _Optional[int] = ..., status: _Optional[str] = ..., record: _Optional[_Union[StepRecord, _Mapping]] = ...) -> None: ...

class Warning(_message.Message):
    __slots__ = ("id", "kind", "status", "procedure_id", "village_id", "town_id", "step_number", "detail_zh", "detail_en", "amount_fen", "raised_at", "resolved_at", "disclosure_category", "period", "resolution", "resolved_by", "resolution_note", "history")
    ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    PROCEDURE_ID_FIELD_NUMBER: _ClassVar[int]
    VILLAGE_ID_FIELD_NUMBER: _ClassVar[int]
    TOWN_ID_FIELD_NUMBER: _ClassVar[int]
    STEP_NUMBER_FIELD_NUMBER: _ClassVar[int]
    DETAIL_ZH_FIELD_NUMBER: _ClassVar[int]
    DETAIL_EN_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FEN_FIELD_NUMBER: _ClassVar[int]
    RAISED_AT_FIELD_NUMBER: _ClassVar[int]
    RESOLVED_AT_FIELD_NUMBER: _ClassVar[int]
    DISCLOSURE_CATEGORY_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    RESOLUTION_FIELD_NUMBER: _ClassVar[int]
    RESOLVED_BY_FIELD_NUMBER: _ClassVar[int]
    RESOLUTION_NOTE_FIELD_NUMBER: _ClassVar[int]
    HISTORY_FIELD_NUMBER: _ClassVar[int]
    id: str
    kind: str
    status: str
    procedure_id: str
    village_id: str
    town_id: str
    step_number: int
    detail_zh: str
    detail_en: str
    amount_fen: int
    raised_at: _timestamp_pb2.Timestamp
    resolved_at: _timestamp_pb2.Timestamp
    disclosure_category: str
    period: str
    resolution: str
    resolved_by: str
    resolution_note: str
    history: _containers.RepeatedCompositeFieldContainer[WarningEntry]
    def __init__(self, id: _Optional[str] = ..., kind: _Optional[str] = ..., status: _Optional[str] = ..., procedure_id: _Optional[str] = ..., village_id: _Optional[str] = ..., town_id: _Optional[str] = ..., step_number: _Optional[int] = ..., detail_zh: _Optional[str] = ..., detail_en: _Optional[str] = ..., amount_fen: _Optional[int] = ..., raised_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., resolved_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., disclosure_category: _Optional[str] = ..., period: _Optional[str] = ..., resolution: _Optional[str] = ..., resolved_by: _Optional[str] = ..., resolution_note: _Optional[str] = ..., history: _Optional[_Iterable[_Union[WarningEntry, _Mapping]]] = ...) -> None: ...

class WarningEntry(_message.Message):
    __slots__ = ("action", "at", "by", "note")
    ACTION_FIELD_NUMBER: _ClassVar[int]
    AT_FIELD_NUMBER: _ClassVar[int]
    BY_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    action: str
    at: _timestamp_pb2.Timestamp
    by: str
    note: str
    def __init__(self, action: _Optional[str] = ..., at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., by: _Optional[str] = ..., note: _Optional[str] = ...) -> None: ...

class ResolveWarningRequest(_message.Message):
    __slots__ = ("id", "note")
    ID_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    id: str
    note: str
    def __init__(self, id: _Optional[str] = ..., note: _Optional[str] = ...) -> None: ...

class TimelineEntry(_message.Message):
    __slots__ = ("at", "action", "step_number", "by", "note")
    AT_FIELD_NUMBER: _ClassVar[int]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    STEP_NUMBER_FIELD_NUMBER: _ClassVar[int]
    BY_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    at: _timestamp_pb2.Timestamp
    action: str
    step_number: int
    by: str
    note: str
    def __init__(self, at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., action: _Optional[str] = ..., step_number: _Optional[int] = ..., by: _Optional[str] = ..., note: _Optional[str] = ...) -> None: ...

class AbandonProcedureRequest(_message.Message):
    __slots__ = ("id", "reason")
    ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    id: str
    reason: str
    def __init__(self, id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class Procedure(_message.Message):
    __slots__ = ("id", "village_id", "town_id", "template_code", "template_version", "template_name", "title", "category", "amount_fen", "major", "description", "state", "current_step", "current_step_key", "guidance_zh", "guidance_en", "steps", "warnings", "open_warnings", "started_at", "updated_at", "started_by", "timeline", "abandon_reason", "abandoned_at", "abandoned_by")
    ID_FIELD_NUMBER: _ClassVar[int]
    VILLAGE_ID_FIELD_NUMBER: _ClassVar[int]
    TOWN_ID_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_CODE_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_VERSION_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_NAME_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FEN_FIELD_NUMBER: _ClassVar[int]
    MAJOR_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    CURRENT_STEP_FIELD_NUMBER: _ClassVar[int]
    CURRENT_STEP_KEY_FIELD_NUMBER: _ClassVar[int]
    GUIDANCE_ZH_FIELD_NUMBER: _ClassVar[int]
    GUIDANCE_EN_FIELD_NUMBER: _ClassVar[int]
    STEPS_FIELD_NUMBER: _ClassVar[int]
    WARNINGS_FIELD_NUMBER: _ClassVar[int]
    OPEN_WARNINGS_FIELD_NUMBER: _ClassVar[int]
    STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    STARTED_BY_FIELD_NUMBER: _ClassVar[int]
    TIMELINE_FIELD_NUMBER: _ClassVar[int]
    ABANDON_REASON_FIELD_NUMBER: _ClassVar[int]
    ABANDONED_AT_FIELD_NUMBER: _ClassVar[int]
    ABANDONED_BY_FIELD_NUMBER: _ClassVar[int]
    id: str
    village_id: str
    town_id: str
    template_code: str
    template_version: int
    template_name: str
    title: str
    category: str
    amount_fen: int
    major: bool
    description: str
    state: str
    current_step: int
    current_step_key: str
    guidance_zh: str
    guidance_en: str
    steps: _containers.RepeatedCompositeFieldContainer[ProcedureStep]
    warnings: _containers.RepeatedCompositeFieldContainer[Warning]
    open_warnings: int
    started_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    started_by: str
    timeline: _containers.RepeatedCompositeFieldContainer[TimelineEntry]
    abandon_reason: str
    abandoned_at: _timestamp_pb2.Timestamp
    abandoned_by: str
    def __init__(self, id: _Optional[str] = ..., village_id: _Optional[str] = ..., town_id: _Optional[str] = ..., template_code: _Optional[str] = ..., template_version: _Optional[int] = ..., template_name: _Optional[str] = ..., title: _Optional[str] = ..., category: _Optional[str] = ..., amount_fen: _Optional[int] = ..., major: _Optional[bool] = ..., description: _Optional[str] = ..., state: _Optional[str] = ..., current_step: _Optional[int] = ..., current_step_key: _Optional[str] = ..., guidance_zh: _Optional[str] = ..., guidance_en: _Optional[str] = ..., steps: _Optional[_Iterable[_Union[ProcedureStep, _Mapping]]] = ..., warnings: _Optional[_Iterable[_Union[Warning, _Mapping]]] = ..., open_warnings: _Optional[int] = ..., started_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., started_by: _Optional[str] = ..., timeline: _Optional[_Iterable[_Union[TimelineEntry, _Mapping]]] = ..., abandon_reason: _Optional[str] = ..., abandoned_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., abandoned_by: _Optional[str] = ...) -> None: ...

class GetProcedureRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class ListProceduresRequest(_message.Message):
    __slots__ = ("org_id", "stage", "state", "with_warnings", "page")
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    STAGE_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    WITH_WARNINGS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    org_id: str
    stage: str
    state: str
    with_warnings: bool
    page: _common_pb2.PageRequest
    def __init__(self, org_id: _Optional[str] = ..., stage: _Optional[str] = ..., state: _Optional[str] = ..., with_warnings: _Optional[bool] = ..., page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ...) -> None: ...

class ListProceduresResponse(_message.Message):
    __slots__ = ("procedures", "next_page_token")
    PROCEDURES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    procedures: _containers.RepeatedCompositeFieldContainer[Procedure]
    next_page_token: str
    def __init__(self, procedures: _Optional[_Iterable[_Union[Procedure, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class RecordStepRequest(_message.Message):
    __slots__ = ("procedure_id", "number", "body", "basis", "held_on", "notified_on", "body_size", "present", "votes_for", "votes_against", "abstentions", "minutes", "attachments", "declared_result", "channel", "start_on", "end_on")
    PROCEDURE_ID_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    BASIS_FIELD_NUMBER: _ClassVar[int]
    HELD_ON_FIELD_NUMBER: _ClassVar[int]
    NOTIFIED_ON_FIELD_NUMBER: _ClassVar[int]
    BODY_SIZE_FIELD_NUMBER: _ClassVar[int]
    PRESENT_FIELD_NUMBER: _ClassVar[int]
    VOTES_FOR_FIELD_NUMBER: _ClassVar[int]
    VOTES_AGAINST_FIELD_NUMBER: _ClassVar[int]
    ABSTENTIONS_FIELD_NUMBER: _ClassVar[int]
    MINUTES_FIELD_NUMBER: _ClassVar[int]
    ATTACHMENTS_FIELD_NUMBER: _ClassVar[int]
    DECLARED_RESULT_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    START_ON_FIELD_NUMBER: _ClassVar[int]
    END_ON_FIELD_NUMBER: _ClassVar[int]
    procedure_id: str
    number: int
    body: str
    basis: str
    held_on: str
    notified_on: str
    body_size: int
    present: int
    votes_for: int
    votes_against: int
    abstentions: int
    minutes: str
    attachments: _containers.RepeatedScalarFieldContainer[str]
    declared_result: str
    channel: str
    start_on: str
    end_on: str
    def __init__(self, procedure_id: _Optional[str] = ..., number: _Optional[int] = ..., body: _Optional[str] = ..., basis: _Optional[str] = ..., held_on: _Optional[str] = ..., notified_on: _Optional[str] = ..., body_size: _Optional[int] = ..., present: _Optional[int] = ..., votes_for: _Optional[int] = ..., votes_against: _Optional[int] = ..., abstentions: _Optional[int] = ..., minutes: _Optional[str] = ..., attachments: _Optional[_Iterable[str]] = ..., declared_result: _Optional[str] = ..., channel: _Optional[str] = ..., start_on: _Optional[str] = ..., end_on: _Optional[str] = ...) -> None: ...

class Spending(_message.Message):
    __slots__ = ("id", "village_id", "town_id", "procedure_id", "title", "category", "amount_fen", "spent_on", "major", "warnings", "recorded_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    VILLAGE_ID_FIELD_NUMBER: _ClassVar[int]
    TOWN_ID_FIELD_NUMBER: _ClassVar[int]
    PROCEDURE_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FEN_FIELD_NUMBER: _ClassVar[int]
    SPENT_ON_FIELD_NUMBER: _ClassVar[int]
    MAJOR_FIELD_NUMBER: _ClassVar[int]
    WARNINGS_FIELD_NUMBER: _ClassVar[int]
    RECORDED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    village_id: str
    town_id: str
    procedure_id: str
    title: str
    category: str
    amount_fen: int
    spent_on: str
    major: bool
    warnings: _containers.RepeatedCompositeFieldContainer[Warning]
    recorded_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., village_id: _Optional[str] = ..., town_id: _Optional[str] = ..., procedure_id: _Optional[str] = ..., title: _Optional[str] = ..., category: _Optional[str] = ..., amount_fen: _Optional[int] = ..., spent_on: _Optional[str] = ..., major: _Optional[bool] = ..., warnings: _Optional[_Iterable[_Union[Warning, _Mapping]]] = ..., recorded_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class RecordSpendingRequest(_message.Message):
    __slots__ = ("village_id", "procedure_id", "title", "category", "amount_fen", "spent_on")
    VILLAGE_ID_FIELD_NUMBER: _ClassVar[int]
    PROCEDURE_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FEN_FIELD_NUMBER: _ClassVar[int]
    SPENT_ON_FIELD_NUMBER: _ClassVar[int]
    village_id: str
    procedure_id: str
    title: str
    category: str
    amount_fen: int
    spent_on: str
    def __init__(self, village_id: _Optional[str] = ..., procedure_id: _Optional[str] = ..., title: _Optional[str] = ..., category: _Optional[str] = ..., amount_fen: _Optional[int] = ..., spent_on: _Optional[str] = ...) -> None: ...

class ListWarningsRequest(_message.Message):
    __slots__ = ("org_id", "kind", "status", "procedure_id", "page")
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    PROCEDURE_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    org_id: str
    kind: str
    status: str
    procedure_id: str
    page: _common_pb2.PageRequest
    def __init__(self, org_id: _Optional[str] = ..., kind: _Optional[str] = ..., status: _Optional[str] = ..., procedure_id: _Optional[str] = ..., page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ...) -> None: ...

class ListWarningsResponse(_message.Message):
    __slots__ = ("warnings", "next_page_token")
    WARNINGS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    warnings: _containers.RepeatedCompositeFieldContainer[Warning]
    next_page_token: str
    def __init__(self, warnings: _Optional[_Iterable[_Union[Warning, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class Disclosure(_message.Message):
    __slots__ = ("id", "village_id", "town_id", "category", "kind", "period", "title", "content", "channel", "published_on", "attachments", "procedure_id", "published_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    VILLAGE_ID_FIELD_NUMBER: _ClassVar[int]
    TOWN_ID_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_ON_FIELD_NUMBER: _ClassVar[int]
    ATTACHMENTS_FIELD_NUMBER: _ClassVar[int]
    PROCEDURE_ID_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    village_id: str
    town_id: str
    category: str
    kind: str
    period: str
    title: str
    content: str
    channel: str
    published_on: str
    attachments: _containers.RepeatedScalarFieldContainer[str]
    procedure_id: str
    published_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., village_id: _Optional[str] = ..., town_id: _Optional[str] = ..., category: _Optional[str] = ..., kind: _Optional[str] = ..., period: _Optional[str] = ..., title: _Optional[str] = ..., content: _Optional[str] = ..., channel: _Optional[str] = ..., published_on: _Optional[str] = ..., attachments: _Optional[_Iterable[str]] = ..., procedure_id: _Optional[str] = ..., published_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class PublishDisclosureRequest(_message.Message):
    __slots__ = ("village_id", "category", "kind", "period", "title", "content", "channel", "published_on", "attachments", "procedure_id")
    VILLAGE_ID_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_ON_FIELD_NUMBER: _ClassVar[int]
    ATTACHMENTS_FIELD_NUMBER: _ClassVar[int]
    PROCEDURE_ID_FIELD_NUMBER: _ClassVar[int]
    village_id: str
    category: str
    kind: str
    period: str
    title: str
    content: str
    channel: str
    published_on: str
    attachments: _containers.RepeatedScalarFieldContainer[str]
    procedure_id: str
    def __init__(self, village_id: _Optional[str] = ..., category: _Optional[str] = ..., kind: _Optional[str] = ..., period: _Optional[str] = ..., title: _Optional[str] = ..., content: _Optional[str] = ..., channel: _Optional[str] = ..., published_on: _Optional[str] = ..., attachments: _Optional[_Iterable[str]] = ..., procedure_id: _Optional[str] = ...) -> None: ...

class ListDisclosuresRequest(_message.Message):
    __slots__ = ("org_id", "category", "period", "page")
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    org_id: str
    category: str
    period: str
    page: _common_pb2.PageRequest
    def __init__(self, org_id: _Optional[str] = ..., category: _Optional[str] = ..., period: _Optional[str] = ..., page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ...) -> None: ...

class ListPublicDisclosuresRequest(_message.Message):
    __slots__ = ("village_id", "category", "page")
    VILLAGE_ID_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    village_id: str
    category: str
    page: _common_pb2.PageRequest
    def __init__(self, village_id: _Optional[str] = ..., category: _Optional[str] = ..., page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ...) -> None: ...

class ListDisclosuresResponse(_message.Message):
    __slots__ = ("disclosures", "next_page_token")
    DISCLOSURES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    disclosures: _containers.RepeatedCompositeFieldContainer[Disclosure]
    next_page_token: str
    def __init__(self, disclosures: _Optional[_Iterable[_Union[Disclosure, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class RunSweepRequest(_message.Message):
    __slots__ = ("as_of",)
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    as_of: _timestamp_pb2.Timestamp
    def __init__(self, as_of: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class RunSweepResponse(_message.Message):
    __slots__ = ("stalled", "overdue")
    STALLED_FIELD_NUMBER: _ClassVar[int]
    OVERDUE_FIELD_NUMBER: _ClassVar[int]
    stalled: int
    overdue: int
    def __init__(self, stalled: _Optional[int] = ..., overdue: _Optional[int] = ...) -> None: ...
