import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from zhili.common.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ScreenRequest(_message.Message):
    __slots__ = ("title", "description", "matter_code", "target_org_ids", "deadline", "urgency", "issuer_org_id", "task_id", "language", "year")
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    MATTER_CODE_FIELD_NUMBER: _ClassVar[int]
    TARGET_ORG_IDS_FIELD_NUMBER: _ClassVar[int]
    DEADLINE_FIELD_NUMBER: _ClassVar[int]
    URGENCY_FIELD_NUMBER: _ClassVar[int]
    ISSUER_ORG_ID_FIELD_NUMBER: _ClassVar[int]
    TASK_ID_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    title: str
    description: str
    matter_code: str
    target_org_ids: _containers.RepeatedScalarFieldContainer[str]
    deadline: _timestamp_pb2.Timestamp
    urgency: str
    issuer_org_id: str
    task_id: str
    language: str
    year: int
    def __init__(self, title: _Optional[str] = ..., description: _Optional[str] = ..., matter_code: _Optional[str] = ..., target_org_ids: _Optional[_Iterable[str]] = ..., deadline: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., urgency: _Optional[str] = ..., issuer_org_id: _Optional[str] = ..., task_id: _Optional[str] = ..., language: _Optional[str] = ..., year: _Optional[int] = ...) -> None: ...

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
    __slots__ = ("id", "language")
    ID_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    id: str
    language: str
    def __init__(self, id: _Optional[str] = ..., language: _Optional[str] = ...) -> None: ...

class Catalogue(_message.Message):
    __slots__ = ("id", "county_id", "year", "based_on_id", "revision", "village_items", "town_items", "negative_entries", "created_at", "status", "published_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    COUNTY_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    BASED_ON_ID_FIELD_NUMBER: _ClassVar[int]
    REVISION_FIELD_NUMBER: _ClassVar[int]
    VILLAGE_ITEMS_FIELD_NUMBER: _ClassVar[int]
    TOWN_ITEMS_FIELD_NUMBER: _ClassVar[int]
    NEGATIVE_ENTRIES_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    county_id: str
    year: int
    based_on_id: str
    revision: int
    village_items: int
    town_items: int
    negative_entries: int
    created_at: _timestamp_pb2.Timestamp
    status: str
    published_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., county_id: _Optional[str] = ..., year: _Optional[int] = ..., based_on_id: _Optional[str] = ..., revision: _Optional[int] = ..., village_items: _Optional[int] = ..., town_items: _Optional[int] = ..., negative_entries: _Optional[int] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., status: _Optional[str] = ..., published_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ListCataloguesRequest(_message.Message):
    __slots__ = ("county_id",)
    COUNTY_ID_FIELD_NUMBER: _ClassVar[int]
    county_id: str
    def __init__(self, county_id: _Optional[str] = ...) -> None: ...

class ListCataloguesResponse(_message.Message):
    __slots__ = ("catalogues",)
    CATALOGUES_FIELD_NUMBER: _ClassVar[int]
    catalogues: _containers.RepeatedCompositeFieldContainer[Catalogue]
    def __init__(self, catalogues: _Optional[_Iterable[_Union[Catalogue, _Mapping]]] = ...) -> None: ...

class StartCatalogueVersionRequest(_message.Message):
    __slots__ = ("county_id", "year", "copy_from_year")
    COUNTY_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    COPY_FROM_YEAR_FIELD_NUMBER: _ClassVar[int]
    county_id: str
    year: int
    copy_from_year: int
    def __init__(self, county_id: _Optional[str] = ..., year: _Optional[int] = ..., copy_from_year: _Optional[int] = ...) -> None: ...

class Item(_message.Message):
    __slots__ = ("code", "level", "category", "name", "description", "basis", "department", "kind", "parent_code", "active", "retired_reason", "county_id", "year", "admission_review_id")
    CODE_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    BASIS_FIELD_NUMBER: _ClassVar[int]
    DEPARTMENT_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    PARENT_CODE_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_FIELD_NUMBER: _ClassVar[int]
    RETIRED_REASON_FIELD_NUMBER: _ClassVar[int]
    COUNTY_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    ADMISSION_REVIEW_ID_FIELD_NUMBER: _ClassVar[int]
    code: str
    level: str
    category: str
    name: str
    description: str
    basis: str
    department: str
    kind: str
    parent_code: str
    active: bool
    retired_reason: str
    county_id: str
    year: int
    admission_review_id: str
    def __init__(self, code: _Optional[str] = ..., level: _Optional[str] = ..., category: _Optional[str] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., basis: _Optional[str] = ..., department: _Optional[str] = ..., kind: _Optional[str] = ..., parent_code: _Optional[str] = ..., active: _Optional[bool] = ..., retired_reason: _Optional[str] = ..., county_id: _Optional[str] = ..., year: _Optional[int] = ..., admission_review_id: _Optional[str] = ...) -> None: ...

class ListItemsRequest(_message.Message):
    __slots__ = ("county_id", "year", "level", "category", "query", "include_retired", "page")
    COUNTY_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    QUERY_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_RETIRED_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    county_id: str
    year: int
    level: str
    category: str
    query: str
    include_retired: bool
    page: _common_pb2.PageRequest
    def __init__(self, county_id: _Optional[str] = ..., year: _Optional[int] = ..., level: _Optional[str] = ..., category: _Optional[str] = ..., query: _Optional[str] = ..., include_retired: _Optional[bool] = ..., page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ...) -> None: ...

class ListItemsResponse(_message.Message):
    __slots__ = ("items", "next_page_token")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Item]
    next_page_token: str
    def __init__(self, items: _Optional[_Iterable[_Union[Item, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class GetItemRequest(_message.Message):
    __slots__ = ("code", "county_id", "year")
    CODE_FIELD_NUMBER: _ClassVar[int]
    COUNTY_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    code: str
    county_id: str
    year: int
    def __init__(self, code: _Optional[str] = ..., county_id: _Optional[str] = ..., year: _Optional[int] = ...) -> None: ...

class RetireItemRequest(_message.Message):
    __slots__ = ("code", "county_id", "year", "reason")
    CODE_FIELD_NUMBER: _ClassVar[int]
    COUNTY_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    code: str
    county_id: str
    year: int
    reason: str
    def __init__(self, code: _Optional[str] = ..., county_id: _Optional[str] = ..., year: _Optional[int] = ..., reason: _Optional[str] = ...) -> None: ...

class UpdateItemRequest(_message.Message):
    __slots__ = ("code", "county_id", "year", "item", "update_fields")
    CODE_FIELD_NUMBER: _ClassVar[int]
    COUNTY_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    ITEM_FIELD_NUMBER: _ClassVar[int]
    UPDATE_FIELDS_FIELD_NUMBER: _ClassVar[int]
    code: str
    county_id: str
    year: int
    item: Item
    update_fields: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, code: _Optional[str] = ..., county_id: _Optional[str] = ..., year: _Optional[int] = ..., item: _Optional[_Union[Item, _Mapping]] = ..., update_fields: _Optional[_Iterable[str]] = ...) -> None: ...

class DeleteItemRequest(_message.Message):
    __slots__ = ("code", "county_id", "year")
    CODE_FIELD_NUMBER: _ClassVar[int]
    COUNTY_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    code: str
    county_id: str
    year: int
    def __init__(self, code: _Optional[str] = ..., county_id: _Optional[str] = ..., year: _Optional[int] = ...) -> None: ...

class DeleteItemResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class PublishCatalogueVersionRequest(_message.Message):
    __slots__ = ("county_id", "year")
    COUNTY_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    county_id: str
    year: int
    def __init__(self, county_id: _Optional[str] = ..., year: _Optional[int] = ...) -> None: ...

class NegativeEntry(_message.Message):
    __slots__ = ("code", "category", "name", "description", "basis", "redirect")
    CODE_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    BASIS_FIELD_NUMBER: _ClassVar[int]
    REDIRECT_FIELD_NUMBER: _ClassVar[int]
    code: str
    category: str
    name: str
    description: str
    basis: str
    redirect: str
    def __init__(self, code: _Optional[str] = ..., category: _Optional[str] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., basis: _Optional[str] = ..., redirect: _Optional[str] = ...) -> None: ...

class ListNegativeEntriesRequest(_message.Message):
    __slots__ = ("county_id", "year")
    COUNTY_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    county_id: str
    year: int
    def __init__(self, county_id: _Optional[str] = ..., year: _Optional[int] = ...) -> None: ...

class ListNegativeEntriesResponse(_message.Message):
    __slots__ = ("entries",)
    ENTRIES_FIELD_NUMBER: _ClassVar[int]
    entries: _containers.RepeatedCompositeFieldContainer[NegativeEntry]
    def __init__(self, entries: _Optional[_Iterable[_Union[NegativeEntry, _Mapping]]] = ...) -> None: ...

class ImportCatalogueRequest(_message.Message):
    __slots__ = ("county_id", "year", "kind", "csv_text")
    COUNTY_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    CSV_TEXT_FIELD_NUMBER: _ClassVar[int]
    county_id: str
    year: int
    kind: str
    csv_text: str
    def __init__(self, county_id: _Optional[str] = ..., year: _Optional[int] = ..., kind: _Optional[str] = ..., csv_text: _Optional[str] = ...) -> None: ...

class ImportError(_message.Message):
    __slots__ = ("line", "field", "message")
    LINE_FIELD_NUMBER: _ClassVar[int]
    FIELD_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    line: int
    field: str
    message: str
    def __init__(self, line: _Optional[int] = ..., field: _Optional[str] = ..., message: _Optional[str] = ...) -> None: ...

class ImportCatalogueResponse(_message.Message):
    __slots__ = ("imported", "errors")
    IMPORTED_FIELD_NUMBER: _ClassVar[int]
    ERRORS_FIELD_NUMBER: _ClassVar[int]
    imported: int
    errors: _containers.RepeatedCompositeFieldContainer[ImportError]
    def __init__(self, imported: _Optional[int] = ..., errors: _Optional[_Iterable[_Union[ImportError, _Mapping]]] = ...) -> None: ...

class ExportCatalogueRequest(_message.Message):
    __slots__ = ("county_id", "year", "kind")
    COUNTY_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    county_id: str
    year: int
    kind: str
    def __init__(self, county_id: _Optional[str] = ..., year: _Optional[int] = ..., kind: _Optional[str] = ...) -> None: ...

class ExportCatalogueResponse(_message.Message):
    __slots__ = ("csv_text",)
    CSV_TEXT_FIELD_NUMBER: _ClassVar[int]
    csv_text: str
    def __init__(self, csv_text: _Optional[str] = ...) -> None: ...

class TownComment(_message.Message):
    __slots__ = ("town_id", "author_id", "comment", "at")
    TOWN_ID_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_ID_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    AT_FIELD_NUMBER: _ClassVar[int]
    town_id: str
    author_id: str
    comment: str
    at: _timestamp_pb2.Timestamp
    def __init__(self, town_id: _Optional[str] = ..., author_id: _Optional[str] = ..., comment: _Optional[str] = ..., at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class AdmissionReview(_message.Message):
    __slots__ = ("id", "county_id", "year", "item", "required_by_law", "customary_assistance", "within_village_capacity", "justification", "proposed_by", "status", "decision_note", "decided_by", "town_comments", "proposed_at", "decided_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    COUNTY_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    ITEM_FIELD_NUMBER: _ClassVar[int]
    REQUIRED_BY_LAW_FIELD_NUMBER: _ClassVar[int]
    CUSTOMARY_ASSISTANCE_FIELD_NUMBER: _ClassVar[int]
    WITHIN_VILLAGE_CAPACITY_FIELD_NUMBER: _ClassVar[int]
    JUSTIFICATION_FIELD_NUMBER: _ClassVar[int]
    PROPOSED_BY_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    DECISION_NOTE_FIELD_NUMBER: _ClassVar[int]
    DECIDED_BY_FIELD_NUMBER: _ClassVar[int]
    TOWN_COMMENTS_FIELD_NUMBER: _ClassVar[int]
    PROPOSED_AT_FIELD_NUMBER: _ClassVar[int]
    DECIDED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    county_id: str
    year: int
    item: Item
    required_by_law: bool
    customary_assistance: bool
    within_village_capacity: bool
    justification: str
    proposed_by: str
    status: str
    decision_note: str
    decided_by: str
    town_comments: _containers.RepeatedCompositeFieldContainer[TownComment]
    proposed_at: _timestamp_pb2.Timestamp
    decided_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., county_id: _Optional[str] = ..., year: _Optional[int] = ..., item: _Optional[_Union[Item, _Mapping]] = ..., required_by_law: _Optional[bool] = ..., customary_assistance: _Optional[bool] = ..., within_village_capacity: _Optional[bool] = ..., justification: _Optional[str] = ..., proposed_by: _Optional[str] = ..., status: _Optional[str] = ..., decision_note: _Optional[str] = ..., decided_by: _Optional[str] = ..., town_comments: _Optional[_Iterable[_Union[TownComment, _Mapping]]] = ..., proposed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., decided_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ProposeItemRequest(_message.Message):
    __slots__ = ("county_id", "year", "item", "required_by_law", "customary_assistance", "within_village_capacity", "justification")
    COUNTY_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    ITEM_FIELD_NUMBER: _ClassVar[int]
    REQUIRED_BY_LAW_FIELD_NUMBER: _ClassVar[int]
    CUSTOMARY_ASSISTANCE_FIELD_NUMBER: _ClassVar[int]
    WITHIN_VILLAGE_CAPACITY_FIELD_NUMBER: _ClassVar[int]
    JUSTIFICATION_FIELD_NUMBER: _ClassVar[int]
    county_id: str
    year: int
    item: Item
    required_by_law: bool
    customary_assistance: bool
    within_village_capacity: bool
    justification: str
    def __init__(self, county_id: _Optional[str] = ..., year: _Optional[int] = ..., item: _Optional[_Union[Item, _Mapping]] = ..., required_by_law: _Optional[bool] = ..., customary_assistance: _Optional[bool] = ..., within_village_capacity: _Optional[bool] = ..., justification: _Optional[str] = ...) -> None: ...

class CommentAdmissionReviewRequest(_message.Message):
    __slots__ = ("id", "comment")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    id: str
    comment: str
    def __init__(self, id: _Optional[str] = ..., comment: _Optional[str] = ...) -> None: ...

class DecideAdmissionReviewRequest(_message.Message):
    __slots__ = ("id", "decision", "note")
    ID_FIELD_NUMBER: _ClassVar[int]
    DECISION_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    id: str
    decision: str
    note: str
    def __init__(self, id: _Optional[str] = ..., decision: _Optional[str] = ..., note: _Optional[str] = ...) -> None: ...

class GetAdmissionReviewRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class ListAdmissionReviewsRequest(_message.Message):
    __slots__ = ("county_id", "year", "status", "page")
    COUNTY_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    county_id: str
    year: int
    status: str
    page: _common_pb2.PageRequest
    def __init__(self, county_id: _Optional[str] = ..., year: _Optional[int] = ..., status: _Optional[str] = ..., page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ...) -> None: ...

class ListAdmissionReviewsResponse(_message.Message):
    __slots__ = ("reviews", "next_page_token")
    REVIEWS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    reviews: _containers.RepeatedCompositeFieldContainer[AdmissionReview]
    next_page_token: str
    def __init__(self, reviews: _Optional[_Iterable[_Union[AdmissionReview, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ComplianceReview(_message.Message):
    __slots__ = ("id", "screening_id", "task_id", "issuer_org_id", "title", "status", "outcome", "note", "closed_by", "opened_at", "closed_at", "target_org_ids")
    ID_FIELD_NUMBER: _ClassVar[int]
    SCREENING_ID_FIELD_NUMBER: _ClassVar[int]
    TASK_ID_FIELD_NUMBER: _ClassVar[int]
    ISSUER_ORG_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    CLOSED_BY_FIELD_NUMBER: _ClassVar[int]
    OPENED_AT_FIELD_NUMBER: _ClassVar[int]
    CLOSED_AT_FIELD_NUMBER: _ClassVar[int]
    TARGET_ORG_IDS_FIELD_NUMBER: _ClassVar[int]
    id: str
    screening_id: str
    task_id: str
    issuer_org_id: str
    title: str
    status: str
    outcome: str
    note: str
    closed_by: str
    opened_at: _timestamp_pb2.Timestamp
    closed_at: _timestamp_pb2.Timestamp
    target_org_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, id: _Optional[str] = ..., screening_id: _Optional[str] = ..., task_id: _Optional[str] = ..., issuer_org_id: _Optional[str] = ..., title: _Optional[str] = ..., status: _Optional[str] = ..., outcome: _Optional[str] = ..., note: _Optional[str] = ..., closed_by: _Optional[str] = ..., opened_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., closed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., target_org_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class ListComplianceReviewsRequest(_message.Message):
    __slots__ = ("status", "issuer_org_id", "page")
    STATUS_FIELD_NUMBER: _ClassVar[int]
    ISSUER_ORG_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    status: str
    issuer_org_id: str
    page: _common_pb2.PageRequest
    def __init__(self, status: _Optional[str] = ..., issuer_org_id: _Optional[str] = ..., page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ...) -> None: ...

class ListComplianceReviewsResponse(_message.Message):
    __slots__ = ("reviews", "next_page_token")
    REVIEWS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    reviews: _containers.RepeatedCompositeFieldContainer[ComplianceReview]
    next_page_token: str
    def __init__(self, reviews: _Optional[_Iterable[_Union[ComplianceReview, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class GetComplianceReviewRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class CloseComplianceReviewRequest(_message.Message):
    __slots__ = ("id", "outcome", "note")
    ID_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    id: str
    outcome: str
    note: str
    def __init__(self, id: _Optional[str] = ..., outcome: _Optional[str] = ..., note: _Optional[str] = ...) -> None: ...

class Quota(_message.Message):
    __slots__ = ("id", "county_id", "village_id", "issuer_org_id", "period", "max_tasks")
    ID_FIELD_NUMBER: _ClassVar[int]
    COUNTY_ID_FIELD_NUMBER: _ClassVar[int]
    VILLAGE_ID_FIELD_NUMBER: _ClassVar[int]
    ISSUER_ORG_ID_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    MAX_TASKS_FIELD_NUMBER: _ClassVar[int]
    id: str
    county_id: str
    village_id: str
    issuer_org_id: str
    period: str
    max_tasks: int
    def __init__(self, id: _Optional[str] = ..., county_id: _Optional[str] = ..., village_id: _Optional[str] = ..., issuer_org_id: _Optional[str] = ..., period: _Optional[str] = ..., max_tasks: _Optional[int] = ...) -> None: ...

class ListQuotasRequest(_message.Message):
    __slots__ = ("county_id",)
    COUNTY_ID_FIELD_NUMBER: _ClassVar[int]
    county_id: str
    def __init__(self, county_id: _Optional[str] = ...) -> None: ...

class ListQuotasResponse(_message.Message):
    __slots__ = ("quotas",)
    QUOTAS_FIELD_NUMBER: _ClassVar[int]
    quotas: _containers.RepeatedCompositeFieldContainer[Quota]
    def __init__(self, quotas: _Optional[_Iterable[_Union[Quota, _Mapping]]] = ...) -> None: ...

class SetQuotaRequest(_message.Message):
    __slots__ = ("quota",)
    QUOTA_FIELD_NUMBER: _ClassVar[int]
    quota: Quota
    def __init__(self, quota: _Optional[_Union[Quota, _Mapping]] = ...) -> None: ...

class DeleteQuotaRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class DeleteQuotaResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetStatisticsRequest(_message.Message):
    __slots__ = ("county_id", "from_month", "to_month", "issuer_org_id")
    COUNTY_ID_FIELD_NUMBER: _ClassVar[int]
    FROM_MONTH_FIELD_NUMBER: _ClassVar[int]
    TO_MONTH_FIELD_NUMBER: _ClassVar[int]
    ISSUER_ORG_ID_FIELD_NUMBER: _ClassVar[int]
    county_id: str
    from_month: str
    to_month: str
    issuer_org_id: str
    def __init__(self, county_id: _Optional[str] = ..., from_month: _Optional[str] = ..., to_month: _Optional[str] = ..., issuer_org_id: _Optional[str] = ...) -> None: ...

class Count(_message.Message):
    __slots__ = ("key", "screenings", "rejected")
    KEY_FIELD_NUMBER: _ClassVar[int]
    SCREENINGS_FIELD_NUMBER: _ClassVar[int]
    REJECTED_FIELD_NUMBER: _ClassVar[int]
    key: str
    screenings: int
    rejected: int
    def __init__(self, key: _Optional[str] = ..., screenings: _Optional[int] = ..., rejected: _Optional[int] = ...) -> None: ...

class IssuerCompliance(_message.Message):
    __slots__ = ("issuer_org_id", "compliant", "non_compliant", "open")
    ISSUER_ORG_ID_FIELD_NUMBER: _ClassVar[int]
    COMPLIANT_FIELD_NUMBER: _ClassVar[int]
    NON_COMPLIANT_FIELD_NUMBER: _ClassVar[int]
    OPEN_FIELD_NUMBER: _ClassVar[int]
    issuer_org_id: str
    compliant: int
    non_compliant: int
    open: int
    def __init__(self, issuer_org_id: _Optional[str] = ..., compliant: _Optional[int] = ..., non_compliant: _Optional[int] = ..., open: _Optional[int] = ...) -> None: ...

class Statistics(_message.Message):
    __slots__ = ("screenings", "accepted", "rejected", "needs_review", "rejected_share", "by_reason", "by_issuer", "by_month", "compliance_open", "compliance_closed", "compliance_by_issuer", "ratings")
    SCREENINGS_FIELD_NUMBER: _ClassVar[int]
    ACCEPTED_FIELD_NUMBER: _ClassVar[int]
    REJECTED_FIELD_NUMBER: _ClassVar[int]
    NEEDS_REVIEW_FIELD_NUMBER: _ClassVar[int]
    REJECTED_SHARE_FIELD_NUMBER: _ClassVar[int]
    BY_REASON_FIELD_NUMBER: _ClassVar[int]
    BY_ISSUER_FIELD_NUMBER: _ClassVar[int]
    BY_MONTH_FIELD_NUMBER: _ClassVar[int]
    COMPLIANCE_OPEN_FIELD_NUMBER: _ClassVar[int]
    COMPLIANCE_CLOSED_FIELD_NUMBER: _ClassVar[int]
    COMPLIANCE_BY_ISSUER_FIELD_NUMBER: _ClassVar[int]
    RATINGS_FIELD_NUMBER: _ClassVar[int]
    screenings: int
    accepted: int
    rejected: int
    needs_review: int
    rejected_share: float
    by_reason: _containers.RepeatedCompositeFieldContainer[Count]
    by_issuer: _containers.RepeatedCompositeFieldContainer[Count]
    by_month: _containers.RepeatedCompositeFieldContainer[Count]
    compliance_open: int
    compliance_closed: int
    compliance_by_issuer: _containers.RepeatedCompositeFieldContainer[IssuerCompliance]
    ratings: RatingStatistics
    def __init__(self, screenings: _Optional[int] = ..., accepted: _Optional[int] = ..., rejected: _Optional[int] = ..., needs_review: _Optional[int] = ..., rejected_share: _Optional[float] = ..., by_reason: _Optional[_Iterable[_Union[Count, _Mapping]]] = ..., by_issuer: _Optional[_Iterable[_Union[Count, _Mapping]]] = ..., by_month: _Optional[_Iterable[_Union[Count, _Mapping]]] = ..., compliance_open: _Optional[int] = ..., compliance_closed: _Optional[int] = ..., compliance_by_issuer: _Optional[_Iterable[_Union[IssuerCompliance, _Mapping]]] = ..., ratings: _Optional[_Union[RatingStatistics, _Mapping]] = ...) -> None: ...

class RatingStatistics(_message.Message):
    __slots__ = ("ratings", "unreasonable", "unreasonable_share", "light", "moderate", "heavy", "by_matter", "by_issuer", "by_month")
    RATINGS_FIELD_NUMBER: _ClassVar[int]
    UNREASONABLE_FIELD_NUMBER: _ClassVar[int]
    UNREASONABLE_SHARE_FIELD_NUMBER: _ClassVar[int]
    LIGHT_FIELD_NUMBER: _ClassVar[int]
    MODERATE_FIELD_NUMBER: _ClassVar[int]
    HEAVY_FIELD_NUMBER: _ClassVar[int]
    BY_MATTER_FIELD_NUMBER: _ClassVar[int]
    BY_ISSUER_FIELD_NUMBER: _ClassVar[int]
    BY_MONTH_FIELD_NUMBER: _ClassVar[int]
    ratings: int
    unreasonable: int
    unreasonable_share: float
    light: int
    moderate: int
    heavy: int
    by_matter: _containers.RepeatedCompositeFieldContainer[RatingCount]
    by_issuer: _containers.RepeatedCompositeFieldContainer[RatingCount]
    by_month: _containers.RepeatedCompositeFieldContainer[RatingCount]
    def __init__(self, ratings: _Optional[int] = ..., unreasonable: _Optional[int] = ..., unreasonable_share: _Optional[float] = ..., light: _Optional[int] = ..., moderate: _Optional[int] = ..., heavy: _Optional[int] = ..., by_matter: _Optional[_Iterable[_Union[RatingCount, _Mapping]]] = ..., by_issuer: _Optional[_Iterable[_Union[RatingCount, _Mapping]]] = ..., by_month: _Optional[_Iterable[_Union[RatingCount, _Mapping]]] = ...) -> None: ...

class RatingCount(_message.Message):
    __slots__ = ("key", "name", "ratings", "unreasonable", "unreasonable_share", "light", "moderate", "heavy")
    KEY_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    RATINGS_FIELD_NUMBER: _ClassVar[int]
    UNREASONABLE_FIELD_NUMBER: _ClassVar[int]
    UNREASONABLE_SHARE_FIELD_NUMBER: _ClassVar[int]
    LIGHT_FIELD_NUMBER: _ClassVar[int]
    MODERATE_FIELD_NUMBER: _ClassVar[int]
    HEAVY_FIELD_NUMBER: _ClassVar[int]
    key: str
    name: str
    ratings: int
    unreasonable: int
    unreasonable_share: float
    light: int
    moderate: int
    heavy: int
    def __init__(self, key: _Optional[str] = ..., name: _Optional[str] = ..., ratings: _Optional[int] = ..., unreasonable: _Optional[int] = ..., unreasonable_share: _Optional[float] = ..., light: _Optional[int] = ..., moderate: _Optional[int] = ..., heavy: _Optional[int] = ...) -> None: ...
