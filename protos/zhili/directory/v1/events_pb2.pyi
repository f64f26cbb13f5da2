from zhili.common.v1 import common_pb2 as _common_pb2
from zhili.directory.v1 import directory_pb2 as _directory_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class OrgUnitCreated(_message.Message):
    __slots__ = ("meta", "org_unit")
    META_FIELD_NUMBER: _ClassVar[int]
    ORG_UNIT_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    org_unit: _directory_pb2.OrgUnit
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., org_unit: _Optional[_Union[_directory_pb2.OrgUnit, _Mapping]] = ...) -> None: ...

class PersonCreated(_message.Message):
    __slots__ = ("meta", "person")
    META_FIELD_NUMBER: _ClassVar[int]
    PERSON_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    person: _directory_pb2.Person
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., person: _Optional[_Union[_directory_pb2.Person, _Mapping]] = ...) -> None: ...

class HouseholdCreated(_message.Message):
    __slots__ = ("meta", "household")
    META_FIELD_NUMBER: _ClassVar[int]
    HOUSEHOLD_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    household: _directory_pb2.Household
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., household: _Optional[_Union[_directory_pb2.Household, _Mapping]] = ...) -> None: ...

class HouseholdColorChanged(_message.Message):
    __slots__ = ("meta", "household_id", "grid_id", "from_color", "to_color", "reason")
    META_FIELD_NUMBER: _ClassVar[int]
    HOUSEHOLD_ID_FIELD_NUMBER: _ClassVar[int]
    GRID_ID_FIELD_NUMBER: _ClassVar[int]
    FROM_COLOR_FIELD_NUMBER: _ClassVar[int]
    TO_COLOR_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.EventMeta
    household_id: str
    grid_id: str
    from_color: str
    to_color: str
    reason: str
    def __init__(self, meta: _Optional[_Union[_common_pb2.EventMeta, _Mapping]] = ..., household_id: _Optional[str] = ..., grid_id: _Optional[str] = ..., from_color: _Optional[str] = ..., to_color: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...
