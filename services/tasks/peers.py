"""gRPC clients of the tasks service: the catalogue (screening) and the directory (assignees)."""
from __future__ import annotations

from dataclasses import dataclass

import grpc
from tenacity import AsyncRetrying, retry_if_exception, stop_after_attempt, wait_fixed

from shared.auth import Principal
from shared.errors import (DomainError, InvalidArgument, NotFound, PermissionDenied, Unavailable,
                           from_rpc_error)
from shared.grpc_client import call_metadata, insecure_aio_channel
from zhili.catalogue.v1 import catalogue_pb2, catalogue_pb2_grpc
from zhili.directory.v1 import directory_pb2, directory_pb2_grpc

_UNREACHABLE = {grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED,
                grpc.StatusCode.INTERNAL, grpc.StatusCode.UNKNOWN, grpc.StatusCode.CANCELLED,
                grpc.StatusCode.UNIMPLEMENTED}
_BY_STATUS = {grpc.StatusCode.INVALID_ARGUMENT: InvalidArgument, grpc.StatusCode.NOT_FOUND: NotFound,
              grpc.StatusCode.PERMISSION_DENIED: PermissionDenied}


def _translate(error: grpc.RpcError, peer_zh: str, peer_en: str) -> DomainError:
    remote = from_rpc_error(error)
    if remote.status in _UNREACHABLE:
        return Unavailable(f"{peer_zh}暂不可用，请稍后重试（草稿已保存）",
                           f"The {peer_en} is unavailable; retry later (nothing was lost)",
                           code="UNAVAILABLE")
    kind = _BY_STATUS.get(remote.status, DomainError)
    return kind(remote.message_zh, remote.message_en, code=remote.code, field=remote.field)


@dataclass
class Catalogue:
    address: str
    timeout: float

    def __post_init__(self) -> None:
        self._stub = None

    def _client(self):
        if self._stub is None:  # the channel must be made inside the running event loop
            self._stub = catalogue_pb2_grpc.CatalogueServiceStub(insecure_aio_channel(self.address))
        return self._stub

    async def screen(self, principal: Principal,
                     request: catalogue_pb2.ScreenRequest) -> catalogue_pb2.Screening:
        try:
            return await self._client().Screen(request, timeout=self.timeout,
                                               metadata=call_metadata(token=principal.token))
        except grpc.RpcError as error:
            raise _translate(error, "事项清单过筛服务", "catalogue screening service") from None


@dataclass
class Directory:
    address: str
    timeout: float

    def __post_init__(self) -> None:
        self._stub = None

    def _client(self):
        if self._stub is None:
            self._stub = directory_pb2_grpc.DirectoryServiceStub(insecure_aio_channel(self.address))
        return self._stub

    async def person(self, principal: Principal, person_id: str) -> directory_pb2.Person:
        """A read, so one more try after a connection blip (UNAVAILABLE: a restarting pod, a channel in
        reconnect backoff); a slow directory (DEADLINE_EXCEEDED) is not asked twice."""
        try:
            async for attempt in AsyncRetrying(retry=retry_if_exception(_refused), stop=stop_after_attempt(2),
                                               wait=wait_fixed(0.2), reraise=True):
                with attempt:
                    return await self._client().GetPerson(directory_pb2.GetPersonRequest(id=person_id),
                                                          timeout=self.timeout,
                                                          metadata=call_metadata(token=principal.token))
        except grpc.RpcError as error:
            raise _translate(error, "人员目录服务", "directory service") from None


def _refused(error: BaseException) -> bool:
    return isinstance(error, grpc.RpcError) and error.code() == grpc.StatusCode.UNAVAILABLE
