from zhili.common.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class AuthenticateRequest(_message.Message):
    __slots__ = ("username", "password")
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_FIELD_NUMBER: _ClassVar[int]
    username: str
    password: str
    def __init__(self, username: _Optional[str] = ..., password: _Optional[str] = ...) -> None: ...

class AuthenticateResponse(_message.Message):
    __slots__ = ("access_token", "token_type", "expires_in")
    ACCESS_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TOKEN_TYPE_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_IN_FIELD_NUMBER: _ClassVar[int]
    access_token: str
    token_type: str
    expires_in: int
    def __init__(self, access_token: _Optional[str] = ..., token_type: _Optional[str] = ..., expires_in: _Optional[int] = ...) -> None: ...

class GetJwksRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetJwksResponse(_message.Message):
    __slots__ = ("jwks_json",)
    JWKS_JSON_FIELD_NUMBER: _ClassVar[int]
    jwks_json: str
    def __init__(self, jwks_json: _Optional[str] = ...) -> None: ...

class GetMeRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GridElement(_message.Message):
    __slots__ = ("code", "name", "count")
    CODE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    code: str
    name: str
    count: int
    def __init__(self, code: _Optional[str] = ..., name: _Optional[str] = ..., count: _Optional[int] = ...) -> None: ...

class OrgUnit(_message.Message):
    __slots__ = ("id", "parent_id", "level", "name", "path", "child_count", "elements")
    ID_FIELD_NUMBER: _ClassVar[int]
    PARENT_ID_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PATH_FIELD_NUMBER: _ClassVar[int]
    CHILD_COUNT_FIELD_NUMBER: _ClassVar[int]
    ELEMENTS_FIELD_NUMBER: _ClassVar[int]
    id: str
    parent_id: str
    level: str
    name: str
    path: _containers.RepeatedScalarFieldContainer[str]
    child_count: int
    elements: _containers.RepeatedCompositeFieldContainer[GridElement]
    def __init__(self, id: _Optional[str] = ..., parent_id: _Optional[str] = ..., level: _Optional[str] = ..., name: _Optional[str] = ..., path: _Optional[_Iterable[str]] = ..., child_count: _Optional[int] = ..., elements: _Optional[_Iterable[_Union[GridElement, _Mapping]]] = ...) -> None: ...

class GetOrgUnitRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class ListOrgUnitsRequest(_message.Message):
    __slots__ = ("parent_id", "root_id", "level", "page")
    PARENT_ID_FIELD_NUMBER: _ClassVar[int]
    ROOT_ID_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    parent_id: str
    root_id: str
    level: str
    page: _common_pb2.PageRequest
    def __init__(self, parent_id: _Optional[str] = ..., root_id: _Optional[str] = ..., level: _Optional[str] = ..., page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ...) -> None: ...

class ListOrgUnitsResponse(_message.Message):
    __slots__ = ("org_units", "next_page_token")
    ORG_UNITS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    org_units: _containers.RepeatedCompositeFieldContainer[OrgUnit]
    next_page_token: str
    def __init__(self, org_units: _Optional[_Iterable[_Union[OrgUnit, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class Person(_message.Message):
    __slots__ = ("id", "username", "name", "gender", "phone", "org_id", "org_name", "position", "position_name", "title", "active")
    ID_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    GENDER_FIELD_NUMBER: _ClassVar[int]
    PHONE_FIELD_NUMBER: _ClassVar[int]
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    POSITION_FIELD_NUMBER: _ClassVar[int]
    POSITION_NAME_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_FIELD_NUMBER: _ClassVar[int]
    id: str
    username: str
    name: str
    gender: str
    phone: str
    org_id: str
    org_name: str
    position: str
    position_name: str
    title: str
    active: bool
    def __init__(self, id: _Optional[str] = ..., username: _Optional[str] = ..., name: _Optional[str] = ..., gender: _Optional[str] = ..., phone: _Optional[str] = ..., org_id: _Optional[str] = ..., org_name: _Optional[str] = ..., position: _Optional[str] = ..., position_name: _Optional[str] = ..., title: _Optional[str] = ..., active: _Optional[bool] = ...) -> None: ...

class GetPersonRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class ListPeopleRequest(_message.Message):
    __slots__ = ("org_id", "include_subtree", "position", "query", "page")
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_SUBTREE_FIELD_NUMBER: _ClassVar[int]
    POSITION_FIELD_NUMBER: _ClassVar[int]
    QUERY_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    org_id: str
    include_subtree: bool
    position: str
    query: str
    page: _common_pb2.PageRequest
    def __init__(self, org_id: _Optional[str] = ..., include_subtree: _Optional[bool] = ..., position: _Optional[str] = ..., query: _Optional[str] = ..., page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ...) -> None: ...

class ListPeopleResponse(_message.Message):
    __slots__ = ("people", "next_page_token")
    PEOPLE_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    people: _containers.RepeatedCompositeFieldContainer[Person]
    next_page_token: str
    def __init__(self, people: _Optional[_Iterable[_Union[Person, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class CreatePersonRequest(_message.Message):
    __slots__ = ("username", "name", "gender", "phone", "org_id", "position", "title", "password")
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    GENDER_FIELD_NUMBER: _ClassVar[int]
    PHONE_FIELD_NUMBER: _ClassVar[int]
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    POSITION_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_FIELD_NUMBER: _ClassVar[int]
    username: str
    name: str
    gender: str
    phone: str
    org_id: str
    position: str
    title: str
    password: str
    def __init__(self, username: _Optional[str] = ..., name: _Optional[str] = ..., gender: _Optional[str] = ..., phone: _Optional[str] = ..., org_id: _Optional[str] = ..., position: _Optional[str] = ..., title: _Optional[str] = ..., password: _Optional[str] = ...) -> None: ...

class Household(_message.Message):
    __slots__ = ("id", "grid_id", "village_id", "head_name", "address", "members", "color", "note")
    ID_FIELD_NUMBER: _ClassVar[int]
    GRID_ID_FIELD_NUMBER: _ClassVar[int]
    VILLAGE_ID_FIELD_NUMBER: _ClassVar[int]
    HEAD_NAME_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    MEMBERS_FIELD_NUMBER: _ClassVar[int]
    COLOR_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    id: str
    grid_id: str
    village_id: str
    head_name: str
    address: str
    members: int
    color: str
    note: str
    def __init__(self, id: _Optional[str] = ..., grid_id: _Optional[str] = ..., village_id: _Optional[str] = ..., head_name: _Optional[str] = ..., address: _Optional[str] = ..., members: _Optional[int] = ..., color: _Optional[str] = ..., note: _Optional[str] = ...) -> None: ...

class GetHouseholdRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class ListHouseholdsRequest(_message.Message):
    __slots__ = ("org_id", "color", "page")
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    COLOR_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    org_id: str
    color: str
    page: _common_pb2.PageRequest
    def __init__(self, org_id: _Optional[str] = ..., color: _Optional[str] = ..., page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ...) -> None: ...

class ListHouseholdsResponse(_message.Message):
    __slots__ = ("households", "next_page_token")
    HOUSEHOLDS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    households: _containers.RepeatedCompositeFieldContainer[Household]
    next_page_token: str
    def __init__(self, households: _Optional[_Iterable[_Union[Household, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class CreateHouseholdRequest(_message.Message):
    __slots__ = ("grid_id", "head_name", "address", "members", "color", "note")
    GRID_ID_FIELD_NUMBER: _ClassVar[int]
    HEAD_NAME_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    MEMBERS_FIELD_NUMBER: _ClassVar[int]
    COLOR_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    grid_id: str
    head_name: str
    address: str
    members: int
    color: str
    note: str
    def __init__(self, grid_id: _Optional[str] = ..., head_name: _Optional[str] = ..., address: _Optional[str] = ..., members: _Optional[int] = ..., color: _Optional[str] = ..., note: _Optional[str] = ...) -> None: ...

class ChangeHouseholdColorRequest(_message.Message):
    __slots__ = ("id", "color", "reason")
    ID_FIELD_NUMBER: _ClassVar[int]
    COLOR_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    id: str
    color: str
    reason: str
    def __init__(self, id: _Optional[str] = ..., color: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class GovernanceElement(_message.Message):
    __slots__ = ("major_code", "major_name", "minor_code", "minor_name", "patrol_interval_days", "description")
    MAJOR_CODE_FIELD_NUMBER: _ClassVar[int]
    MAJOR_NAME_FIELD_NUMBER: _ClassVar[int]
    MINOR_CODE_FIELD_NUMBER: _ClassVar[int]
    MINOR_NAME_FIELD_NUMBER: _ClassVar[int]
    PATROL_INTERVAL_DAYS_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    major_code: str
    major_name: str
    minor_code: str
    minor_name: str
    patrol_interval_days: int
    description: str
    def __init__(self, major_code: _Optional[str] = ..., major_name: _Optional[str] = ..., minor_code: _Optional[str] = ..., minor_name: _Optional[str] = ..., patrol_interval_days: _Optional[int] = ..., description: _Optional[str] = ...) -> None: ...

class ListGovernanceElementsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListGovernanceElementsResponse(_message.Message):
    __slots__ = ("elements",)
    ELEMENTS_FIELD_NUMBER: _ClassVar[int]
    elements: _containers.RepeatedCompositeFieldContainer[GovernanceElement]
    def __init__(self, elements: _Optional[_Iterable[_Union[GovernanceElement, _Mapping]]] = ...) -> None: ...

class ImportDirectoryRequest(_message.Message):
    __slots__ = ("kind", "csv_text")
    KIND_FIELD_NUMBER: _ClassVar[int]
    CSV_TEXT_FIELD_NUMBER: _ClassVar[int]
    kind: str
    csv_text: str
    def __init__(self, kind: _Optional[str] = ..., csv_text: _Optional[str] = ...) -> None: ...

class ImportError(_message.Message):
    __slots__ = ("line", "field", "message")
    LINE_FIELD_NUMBER: _ClassVar[int]
    FIELD_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    line: int
    field: str
    message: str
    def __init__(self, line: _Optional[int] = ..., field: _Optional[str] = ..., message: _Optional[str] = ...) -> None: ...

class ImportDirectoryResponse(_message.Message):
    __slots__ = ("imported", "errors")
    IMPORTED_FIELD_NUMBER: _ClassVar[int]
    ERRORS_FIELD_NUMBER: _ClassVar[int]
    imported: int
    errors: _containers.RepeatedCompositeFieldContainer[ImportError]
    def __init__(self, imported: _Optional[int] = ..., errors: _Optional[_Iterable[_Union[ImportError, _Mapping]]] = ...) -> None: ...
