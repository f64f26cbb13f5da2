from zhili.common.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetScoringRulesRequest(_message.Message):
    __slots__ = ("org_id", "month")
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    MONTH_FIELD_NUMBER: _ClassVar[int]
    org_id: str
    month: str
    def __init__(self, org_id: _Optional[str] = ..., month: _Optional[str] = ...) -> None: ...

class RuleVersion(_message.Message):
    __slots__ = ("org_id", "version", "effective_from", "created_by", "created_at", "label")
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    EFFECTIVE_FROM_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    org_id: str
    version: int
    effective_from: str
    created_by: str
    created_at: str
    label: str
    def __init__(self, org_id: _Optional[str] = ..., version: _Optional[int] = ..., effective_from: _Optional[str] = ..., created_by: _Optional[str] = ..., created_at: _Optional[str] = ..., label: _Optional[str] = ...) -> None: ...

class ScoringRules(_message.Message):
    __slots__ = ("org_id", "month", "in_force", "rules_json", "versions")
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    MONTH_FIELD_NUMBER: _ClassVar[int]
    IN_FORCE_FIELD_NUMBER: _ClassVar[int]
    RULES_JSON_FIELD_NUMBER: _ClassVar[int]
    VERSIONS_FIELD_NUMBER: _ClassVar[int]
    org_id: str
    month: str
    in_force: RuleVersion
    rules_json: str
    versions: _containers.RepeatedCompositeFieldContainer[RuleVersion]
    def __init__(self, org_id: _Optional[str] = ..., month: _Optional[str] = ..., in_force: _Optional[_Union[RuleVersion, _Mapping]] = ..., rules_json: _Optional[str] = ..., versions: _Optional[_Iterable[_Union[RuleVersion, _Mapping]]] = ...) -> None: ...

class SetScoringRulesRequest(_message.Message):
    __slots__ = ("org_id", "rules_json", "effective_from")
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    RULES_JSON_FIELD_NUMBER: _ClassVar[int]
    EFFECTIVE_FROM_FIELD_NUMBER: _ClassVar[int]
    org_id: str
    rules_json: str
    effective_from: str
    def __init__(self, org_id: _Optional[str] = ..., rules_json: _Optional[str] = ..., effective_from: _Optional[str] = ...) -> None: ...

class GetScoreRequest(_message.Message):
    __slots__ = ("subject_id", "period", "page")
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    subject_id: str
    period: str
    page: _common_pb2.PageRequest
    def __init__(self, subject_id: _Optional[str] = ..., period: _Optional[str] = ..., page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ...) -> None: ...

class LedgerLine(_message.Message):
    __slots__ = ("id", "month", "event_month", "component", "points", "source_type", "source_id", "event_id", "rule_version", "explanation", "occurred_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    MONTH_FIELD_NUMBER: _ClassVar[int]
    EVENT_MONTH_FIELD_NUMBER: _ClassVar[int]
    COMPONENT_FIELD_NUMBER: _ClassVar[int]
    POINTS_FIELD_NUMBER: _ClassVar[int]
    SOURCE_TYPE_FIELD_NUMBER: _ClassVar[int]
    SOURCE_ID_FIELD_NUMBER: _ClassVar[int]
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    RULE_VERSION_FIELD_NUMBER: _ClassVar[int]
    EXPLANATION_FIELD_NUMBER: _ClassVar[int]
    OCCURRED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    month: str
    event_month: str
    component: str
    points: str
    source_type: str
    source_id: str
    event_id: str
    rule_version: str
    explanation: str
    occurred_at: str
    def __init__(self, id: _Optional[str] = ..., month: _Optional[str] = ..., event_month: _Optional[str] = ..., component: _Optional[str] = ..., points: _Optional[str] = ..., source_type: _Optional[str] = ..., source_id: _Optional[str] = ..., event_id: _Optional[str] = ..., rule_version: _Optional[str] = ..., explanation: _Optional[str] = ..., occurred_at: _Optional[str] = ...) -> None: ...

class Score(_message.Message):
    __slots__ = ("subject_id", "subject_type", "org_id", "period", "total", "components", "indicators", "lines", "next_page_token", "frozen")
    class ComponentsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class IndicatorsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_TYPE_FIELD_NUMBER: _ClassVar[int]
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    COMPONENTS_FIELD_NUMBER: _ClassVar[int]
    INDICATORS_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    FROZEN_FIELD_NUMBER: _ClassVar[int]
    subject_id: str
    subject_type: str
    org_id: str
    period: str
    total: str
    components: _containers.ScalarMap[str, str]
    indicators: _containers.ScalarMap[str, str]
    lines: _containers.RepeatedCompositeFieldContainer[LedgerLine]
    next_page_token: str
    frozen: bool
    def __init__(self, subject_id: _Optional[str] = ..., subject_type: _Optional[str] = ..., org_id: _Optional[str] = ..., period: _Optional[str] = ..., total: _Optional[str] = ..., components: _Optional[_Mapping[str, str]] = ..., indicators: _Optional[_Mapping[str, str]] = ..., lines: _Optional[_Iterable[_Union[LedgerLine, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., frozen: _Optional[bool] = ...) -> None: ...

class GetLeaderboardRequest(_message.Message):
    __slots__ = ("board", "org_id", "period", "page")
    BOARD_FIELD_NUMBER: _ClassVar[int]
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    board: str
    org_id: str
    period: str
    page: _common_pb2.PageRequest
    def __init__(self, board: _Optional[str] = ..., org_id: _Optional[str] = ..., period: _Optional[str] = ..., page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ...) -> None: ...

class LeaderboardEntry(_message.Message):
    __slots__ = ("rank", "subject_id", "org_id", "value", "points", "indicators", "previous_rank", "movement", "subject_name", "org_name")
    class IndicatorsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    RANK_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    POINTS_FIELD_NUMBER: _ClassVar[int]
    INDICATORS_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_RANK_FIELD_NUMBER: _ClassVar[int]
    MOVEMENT_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    rank: int
    subject_id: str
    org_id: str
    value: str
    points: str
    indicators: _containers.ScalarMap[str, str]
    previous_rank: int
    movement: int
    subject_name: str
    org_name: str
    def __init__(self, rank: _Optional[int] = ..., subject_id: _Optional[str] = ..., org_id: _Optional[str] = ..., value: _Optional[str] = ..., points: _Optional[str] = ..., indicators: _Optional[_Mapping[str, str]] = ..., previous_rank: _Optional[int] = ..., movement: _Optional[int] = ..., subject_name: _Optional[str] = ..., org_name: _Optional[str] = ...) -> None: ...

class Leaderboard(_message.Message):
    __slots__ = ("board", "org_id", "period", "previous_period", "frozen", "computed_at", "total", "entries", "next_page_token")
    BOARD_FIELD_NUMBER: _ClassVar[int]
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_PERIOD_FIELD_NUMBER: _ClassVar[int]
    FROZEN_FIELD_NUMBER: _ClassVar[int]
    COMPUTED_AT_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    ENTRIES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    board: str
    org_id: str
    period: str
    previous_period: str
    frozen: bool
    computed_at: str
    total: int
    entries: _containers.RepeatedCompositeFieldContainer[LeaderboardEntry]
    next_page_token: str
    def __init__(self, board: _Optional[str] = ..., org_id: _Optional[str] = ..., period: _Optional[str] = ..., previous_period: _Optional[str] = ..., frozen: _Optional[bool] = ..., computed_at: _Optional[str] = ..., total: _Optional[int] = ..., entries: _Optional[_Iterable[_Union[LeaderboardEntry, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class GetDashboardRequest(_message.Message):
    __slots__ = ("org_id", "period")
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    org_id: str
    period: str
    def __init__(self, org_id: _Optional[str] = ..., period: _Optional[str] = ...) -> None: ...

class Dashboard(_message.Message):
    __slots__ = ("org_id", "period", "tasks_by_status", "tasks_total", "tasks_overdue", "petitions_by_level", "petitions_by_status", "petitions_total", "resolve_rate", "satisfaction_rate", "resolved_in_village_share", "resolved_in_town_share", "resolved_in_county_share", "procedures_with_warnings", "open_warnings", "top_villages", "bottom_villages")
    class TasksByStatusEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    class PetitionsByLevelEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    class PetitionsByStatusEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    TASKS_BY_STATUS_FIELD_NUMBER: _ClassVar[int]
    TASKS_TOTAL_FIELD_NUMBER: _ClassVar[int]
    TASKS_OVERDUE_FIELD_NUMBER: _ClassVar[int]
    PETITIONS_BY_LEVEL_FIELD_NUMBER: _ClassVar[int]
    PETITIONS_BY_STATUS_FIELD_NUMBER: _ClassVar[int]
    PETITIONS_TOTAL_FIELD_NUMBER: _ClassVar[int]
    RESOLVE_RATE_FIELD_NUMBER: _ClassVar[int]
    SATISFACTION_RATE_FIELD_NUMBER: _ClassVar[int]
    RESOLVED_IN_VILLAGE_SHARE_FIELD_NUMBER: _ClassVar[int]
    RESOLVED_IN_TOWN_SHARE_FIELD_NUMBER: _ClassVar[int]
    RESOLVED_IN_COUNTY_SHARE_FIELD_NUMBER: _ClassVar[int]
    PROCEDURES_WITH_WARNINGS_FIELD_NUMBER: _ClassVar[int]
    OPEN_WARNINGS_FIELD_NUMBER: _ClassVar[int]
    TOP_VILLAGES_FIELD_NUMBER: _ClassVar[int]
    BOTTOM_VILLAGES_FIELD_NUMBER: _ClassVar[int]
    org_id: str
    period: str
    tasks_by_status: _containers.ScalarMap[str, int]
    tasks_total: int
    tasks_overdue: int
    petitions_by_level: _containers.ScalarMap[str, int]
    petitions_by_status: _containers.ScalarMap[str, int]
    petitions_total: int
    resolve_rate: str
    satisfaction_rate: str
    resolved_in_village_share: str
    resolved_in_town_share: str
    resolved_in_county_share: str
    procedures_with_warnings: int
    open_warnings: int
    top_villages: _containers.RepeatedCompositeFieldContainer[LeaderboardEntry]
    bottom_villages: _containers.RepeatedCompositeFieldContainer[LeaderboardEntry]
    def __init__(self, org_id: _Optional[str] = ..., period: _Optional[str] = ..., tasks_by_status: _Optional[_Mapping[str, int]] = ..., tasks_total: _Optional[int] = ..., tasks_overdue: _Optional[int] = ..., petitions_by_level: _Optional[_Mapping[str, int]] = ..., petitions_by_status: _Optional[_Mapping[str, int]] = ..., petitions_total: _Optional[int] = ..., resolve_rate: _Optional[str] = ..., satisfaction_rate: _Optional[str] = ..., resolved_in_village_share: _Optional[str] = ..., resolved_in_town_share: _Optional[str] = ..., resolved_in_county_share: _Optional[str] = ..., procedures_with_warnings: _Optional[int] = ..., open_warnings: _Optional[int] = ..., top_villages: _Optional[_Iterable[_Union[LeaderboardEntry, _Mapping]]] = ..., bottom_villages: _Optional[_Iterable[_Union[LeaderboardEntry, _Mapping]]] = ...) -> None: ...

class AddScoreEntryRequest(_message.Message):
    __slots__ = ("kind", "subject_id", "subject_type", "org_id", "month", "value", "note")
    KIND_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_TYPE_FIELD_NUMBER: _ClassVar[int]
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    MONTH_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    kind: str
    subject_id: str
    subject_type: str
    org_id: str
    month: str
    value: str
    note: str
    def __init__(self, kind: _Optional[str] = ..., subject_id: _Optional[str] = ..., subject_type: _Optional[str] = ..., org_id: _Optional[str] = ..., month: _Optional[str] = ..., value: _Optional[str] = ..., note: _Optional[str] = ...) -> None: ...

class ScoreEntry(_message.Message):
    __slots__ = ("id", "kind", "subject_id", "subject_type", "org_id", "month", "value", "points", "note", "line")
    ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_TYPE_FIELD_NUMBER: _ClassVar[int]
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    MONTH_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    POINTS_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    LINE_FIELD_NUMBER: _ClassVar[int]
    id: str
    kind: str
    subject_id: str
    subject_type: str
    org_id: str
    month: str
    value: str
    points: str
    note: str
    line: LedgerLine
    def __init__(self, id: _Optional[str] = ..., kind: _Optional[str] = ..., subject_id: _Optional[str] = ..., subject_type: _Optional[str] = ..., org_id: _Optional[str] = ..., month: _Optional[str] = ..., value: _Optional[str] = ..., points: _Optional[str] = ..., note: _Optional[str] = ..., line: _Optional[_Union[LedgerLine, _Mapping]] = ...) -> None: ...

class ClosePeriodRequest(_message.Message):
    __slots__ = ("org_id", "period")
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    org_id: str
    period: str
    def __init__(self, org_id: _Optional[str] = ..., period: _Optional[str] = ...) -> None: ...

class PeriodClosure(_message.Message):
    __slots__ = ("org_id", "period", "closed_at", "closed_by", "ranked", "event_id")
    class RankedEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    CLOSED_AT_FIELD_NUMBER: _ClassVar[int]
    CLOSED_BY_FIELD_NUMBER: _ClassVar[int]
    RANKED_FIELD_NUMBER: _ClassVar[int]
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    org_id: str
    period: str
    closed_at: str
    closed_by: str
    ranked: _containers.ScalarMap[str, int]
    event_id: str
    def __init__(self, org_id: _Optional[str] = ..., period: _Optional[str] = ..., closed_at: _Optional[str] = ..., closed_by: _Optional[str] = ..., ranked: _Optional[_Mapping[str, int]] = ..., event_id: _Optional[str] = ...) -> None: ...

class ListClosedPeriodsRequest(_message.Message):
    __slots__ = ("org_id",)
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    org_id: str
    def __init__(self, org_id: _Optional[str] = ...) -> None: ...

class ListClosedPeriodsResponse(_message.Message):
    __slots__ = ("closures",)
    CLOSURES_FIELD_NUMBER: _ClassVar[int]
    closures: _containers.RepeatedCompositeFieldContainer[PeriodClosure]
    def __init__(self, closures: _Optional[_Iterable[_Union[PeriodClosure, _Mapping]]] = ...) -> None: ...

class GetLingyanIndexRequest(_message.Message):
    __slots__ = ("village_id", "period")
    VILLAGE_ID_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    village_id: str
    period: str
    def __init__(self, village_id: _Optional[str] = ..., period: _Optional[str] = ...) -> None: ...

class Indicator(_message.Message):
    __slots__ = ("code", "name", "value", "raw")
    CODE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    RAW_FIELD_NUMBER: _ClassVar[int]
    code: str
    name: str
    value: str
    raw: str
    def __init__(self, code: _Optional[str] = ..., name: _Optional[str] = ..., value: _Optional[str] = ..., raw: _Optional[str] = ...) -> None: ...

class Dimension(_message.Message):
    __slots__ = ("code", "name", "weight", "score", "indicators")
    CODE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    WEIGHT_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    INDICATORS_FIELD_NUMBER: _ClassVar[int]
    code: str
    name: str
    weight: str
    score: str
    indicators: _containers.RepeatedCompositeFieldContainer[Indicator]
    def __init__(self, code: _Optional[str] = ..., name: _Optional[str] = ..., weight: _Optional[str] = ..., score: _Optional[str] = ..., indicators: _Optional[_Iterable[_Union[Indicator, _Mapping]]] = ...) -> None: ...

class LingyanIndex(_message.Message):
    __slots__ = ("village_id", "secretary_id", "period", "index", "dimensions", "rule_version")
    VILLAGE_ID_FIELD_NUMBER: _ClassVar[int]
    SECRETARY_ID_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    INDEX_FIELD_NUMBER: _ClassVar[int]
    DIMENSIONS_FIELD_NUMBER: _ClassVar[int]
    RULE_VERSION_FIELD_NUMBER: _ClassVar[int]
    village_id: str
    secretary_id: str
    period: str
    index: str
    dimensions: _containers.RepeatedCompositeFieldContainer[Dimension]
    rule_version: str
    def __init__(self, village_id: _Optional[str] = ..., secretary_id: _Optional[str] = ..., period: _Optional[str] = ..., index: _Optional[str] = ..., dimensions: _Optional[_Iterable[_Union[Dimension, _Mapping]]] = ..., rule_version: _Optional[str] = ...) -> None: ...

class GetYanzhenRequest(_message.Message):
    __slots__ = ("village_id", "period")
    VILLAGE_ID_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    village_id: str
    period: str
    def __init__(self, village_id: _Optional[str] = ..., period: _Optional[str] = ...) -> None: ...

class YanzhenMember(_message.Message):
    __slots__ = ("person_id", "points", "rank", "grade", "indicators")
    class IndicatorsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    POINTS_FIELD_NUMBER: _ClassVar[int]
    RANK_FIELD_NUMBER: _ClassVar[int]
    GRADE_FIELD_NUMBER: _ClassVar[int]
    INDICATORS_FIELD_NUMBER: _ClassVar[int]
    person_id: str
    points: str
    rank: int
    grade: str
    indicators: _containers.ScalarMap[str, str]
    def __init__(self, person_id: _Optional[str] = ..., points: _Optional[str] = ..., rank: _Optional[int] = ..., grade: _Optional[str] = ..., indicators: _Optional[_Mapping[str, str]] = ...) -> None: ...

class Yanzhen(_message.Message):
    __slots__ = ("village_id", "period", "secretary_id", "members")
    VILLAGE_ID_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    SECRETARY_ID_FIELD_NUMBER: _ClassVar[int]
    MEMBERS_FIELD_NUMBER: _ClassVar[int]
    village_id: str
    period: str
    secretary_id: str
    members: _containers.RepeatedCompositeFieldContainer[YanzhenMember]
    def __init__(self, village_id: _Optional[str] = ..., period: _Optional[str] = ..., secretary_id: _Optional[str] = ..., members: _Optional[_Iterable[_Union[YanzhenMember, _Mapping]]] = ...) -> None: ...

class GridAdjustment(_message.Message):
    __slots__ = ("subject_id", "points", "reason")
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    POINTS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    subject_id: str
    points: str
    reason: str
    def __init__(self, subject_id: _Optional[str] = ..., points: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class AllocateGridBonusRequest(_message.Message):
    __slots__ = ("org_id", "year", "pool_fen", "adjustments")
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    POOL_FEN_FIELD_NUMBER: _ClassVar[int]
    ADJUSTMENTS_FIELD_NUMBER: _ClassVar[int]
    org_id: str
    year: str
    pool_fen: int
    adjustments: _containers.RepeatedCompositeFieldContainer[GridAdjustment]
    def __init__(self, org_id: _Optional[str] = ..., year: _Optional[str] = ..., pool_fen: _Optional[int] = ..., adjustments: _Optional[_Iterable[_Union[GridAdjustment, _Mapping]]] = ...) -> None: ...

class GridBonusLine(_message.Message):
    __slots__ = ("subject_id", "grid_id", "elements", "daily_points", "size_factor", "adjustment", "final_score", "bonus_coefficient", "amount_fen")
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    GRID_ID_FIELD_NUMBER: _ClassVar[int]
    ELEMENTS_FIELD_NUMBER: _ClassVar[int]
    DAILY_POINTS_FIELD_NUMBER: _ClassVar[int]
    SIZE_FACTOR_FIELD_NUMBER: _ClassVar[int]
    ADJUSTMENT_FIELD_NUMBER: _ClassVar[int]
    FINAL_SCORE_FIELD_NUMBER: _ClassVar[int]
    BONUS_COEFFICIENT_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FEN_FIELD_NUMBER: _ClassVar[int]
    subject_id: str
    grid_id: str
    elements: int
    daily_points: str
    size_factor: str
    adjustment: str
    final_score: str
    bonus_coefficient: str
    amount_fen: int
    def __init__(self, subject_id: _Optional[str] = ..., grid_id: _Optional[str] = ..., elements: _Optional[int] = ..., daily_points: _Optional[str] = ..., size_factor: _Optional[str] = ..., adjustment: _Optional[str] = ..., final_score: _Optional[str] = ..., bonus_coefficient: _Optional[str] = ..., amount_fen: _Optional[int] = ...) -> None: ...

class GridBonusAllocation(_message.Message):
    __slots__ = ("id", "org_id", "year", "pool_fen", "allocated_fen", "lines", "rule_version")
    ID_FIELD_NUMBER: _ClassVar[int]
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    POOL_FEN_FIELD_NUMBER: _ClassVar[int]
    ALLOCATED_FEN_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    RULE_VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    org_id: str
    year: str
    pool_fen: int
    allocated_fen: int
    lines: _containers.RepeatedCompositeFieldContainer[GridBonusLine]
    rule_version: str
    def __init__(self, id: _Optional[str] = ..., org_id: _Optional[str] = ..., year: _Optional[str] = ..., pool_fen: _Optional[int] = ..., allocated_fen: _Optional[int] = ..., lines: _Optional[_Iterable[_Union[GridBonusLine, _Mapping]]] = ..., rule_version: _Optional[str] = ...) -> None: ...
