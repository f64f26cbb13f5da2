from zhili.common.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ScreeningCompleted(_message.Message):
    __slots__ = ("meta", "screening_id", "task_id", "decision", "matter_code", "reason_codes", "issuer_org_id", "county_id", "target_org_ids")
    META_FIELD_NUMBER: _ClassVar[int]
    SCREENING_ID_FIELD_NUMBER: _ClassVar[int]
    TASK_ID_FIELD_NUMBER: _ClassVar[int]
    DECISION_FIELD_NUMBER: _ClassVar[int]
    MATTER_CODE_FIELD_NUMBER: _ClassVar[int]
    REASON_CODES_FIELD_NUMBER: _ClassVar[int]
    ISSUER_ORG_ID_FIELD_NUMBER: _ClassVar[int]
    COUNTY_ID_FIELD_NUMBER: _ClassVar[int]
    TARGET_ORG_IDS_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    screening_id: str
    task_id: str
    decision: str
    matter_code: str
    reason_codes: _containers.RepeatedScalarFieldContainer[str]
    issuer_org_id: str
    county_id: str
    target_org_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., screening_id: _Optional[str] = ..., task_id: _Optional[str] = ..., decision: _Optional[str] = ..., matter_code: _Optional[str] = ..., reason_codes: _Optional[_Iterable[str]] = ..., issuer_org_id: _Optional[str] = ..., county_id: _Optional[str] = ..., target_org_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class ItemAdmitted(_message.Message):
    __slots__ = ("meta", "county_id", "year", "code", "level", "name", "admission_review_id")
    META_FIELD_NUMBER: _ClassVar[int]
    COUNTY_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    ADMISSION_REVIEW_ID_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    county_id: str
    year: int
    code: str
    level: str
    name: str
    admission_review_id: str
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., county_id: _Optional[str] = ..., year: _Optional[int] = ..., code: _Optional[str] = ..., level: _Optional[str] = ..., name: _Optional[str] = ..., admission_review_id: _Optional[str] = ...) -> None: ...

class ItemRetired(_message.Message):
    __slots__ = ("meta", "county_id", "year", "code", "name", "reason")
    META_FIELD_NUMBER: _ClassVar[int]
    COUNTY_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    county_id: str
    year: int
    code: str
    name: str
    reason: str
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., county_id: _Optional[str] = ..., year: _Optional[int] = ..., code: _Optional[str] = ..., name: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class ItemUpdated(_message.Message):
    __slots__ = ("meta", "county_id", "year", "code", "level", "name", "changed_fields")
    META_FIELD_NUMBER: _ClassVar[int]
    COUNTY_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    CHANGED_FIELDS_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    county_id: str
    year: int
    code: str
    level: str
    name: str
    changed_fields: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., county_id: _Optional[str] = ..., year: _Optional[int] = ..., code: _Optional[str] = ..., level: _Optional[str] = ..., name: _Optional[str] = ..., changed_fields: _Optional[_Iterable[str]] = ...) -> None: ...

class ItemDeleted(_message.Message):
    __slots__ = ("meta", "county_id", "year", "code", "name")
    META_FIELD_NUMBER: _ClassVar[int]
    COUNTY_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    county_id: str
    year: int
    code: str
    name: str
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., county_id: _Optional[str] = ..., year: _Optional[int] = ..., code: _Optional[str] = ..., name: _Optional[str] = ...) -> None: ...

class CatalogueVersionPublished(_message.Message):
    __slots__ = ("meta", "catalogue_id", "county_id", "year", "village_items", "town_items")
    META_FIELD_NUMBER: _ClassVar[int]
    CATALOGUE_ID_FIELD_NUMBER: _ClassVar[int]
    COUNTY_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    VILLAGE_ITEMS_FIELD_NUMBER: _ClassVar[int]
    TOWN_ITEMS_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    catalogue_id: str
    county_id: str
    year: int
    village_items: int
    town_items: int
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., catalogue_id: _Optional[str] = ..., county_id: _Optional[str] = ..., year: _Optional[int] = ..., village_items: _Optional[int] = ..., town_items: _Optional[int] = ...) -> None: ...

class ComplianceReviewOpened(_message.Message):
    __slots__ = ("meta", "review_id", "screening_id", "task_id", "issuer_org_id", "title")
    META_FIELD_NUMBER: _ClassVar[int]
    REVIEW_ID_FIELD_NUMBER: _ClassVar[int]
    SCREENING_ID_FIELD_NUMBER: _ClassVar[int]
    TASK_ID_FIELD_NUMBER: _ClassVar[int]
    ISSUER_ORG_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    review_id: str
    screening_id: str
    task_id: str
    issuer_org_id: str
    title: str
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., review_id: _Optional[str] = ..., screening_id: _Optional[str] = ..., task_id: _Optional[str] = ..., issuer_org_id: _Optional[str] = ..., title: _Optional[str] = ...) -> None: ...

class ComplianceReviewClosed(_message.Message):
    __slots__ = ("meta", "review_id", "task_id", "issuer_org_id", "outcome", "note")
    META_FIELD_NUMBER: _ClassVar[int]
    REVIEW_ID_FIELD_NUMBER: _ClassVar[int]
    TASK_ID_FIELD_NUMBER: _ClassVar[int]
    ISSUER_ORG_ID_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    review_id: str
    task_id: str
    issuer_org_id: str
    outcome: str
    note: str
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., review_id: _Optional[str] = ..., task_id: _Optional[str] = ..., issuer_org_id: _Optional[str] = ..., outcome: _Optional[str] = ..., note: _Optional[str] = ...) -> None: ...
