"""The tasks service's directory client against a real gRPC server on loopback."""
from __future__ import annotations

import asyncio

import grpc

from services.tasks.peers import Directory
from shared.auth import Principal
from shared.errors import Unavailable
from zhili.directory.v1 import directory_pb2, directory_pb2_grpc

PRINCIPAL = Principal("p-1", "涂苏", ("village_secretary",), "330000000001", "330000000001")


class BlinkingDirectory(directory_pb2_grpc.DirectoryServiceServicer):
    """Refuses the first `refusals` calls with UNAVAILABLE, then answers."""

    def __init__(self, refusals: int) -> None:
        self.refusals, self.calls = refusals, 0

    async def GetPerson(self, request, context):
        self.calls += 1
        if self.calls <= self.refusals:
            await context.abort(grpc.StatusCode.UNAVAILABLE, "restarting")
        return directory_pb2.Person(id=request.id, name="葛宇")


async def ask(refusals: int) -> tuple[object, int]:
    server = grpc.aio.server()
    directory = BlinkingDirectory(refusals)
    directory_pb2_grpc.add_DirectoryServiceServicer_to_server(directory, server)
    port = server.add_insecure_port("127.0.0.1:0")
    await server.start()
    try:
        try:
            outcome = await Directory(f"127.0.0.1:{port}", 2.0).person(PRINCIPAL, "person-7")
        except Unavailable as error:
            outcome = error
        return outcome, directory.calls
    finally:
        await server.stop(None)


def test_one_refused_call_is_asked_again_and_answered():
    person, calls = asyncio.run(ask(refusals=1))
    assert (person.id, person.name, calls) == ("person-7", "葛宇", 2)


def test_a_directory_that_keeps_refusing_is_unavailable_after_two_tries():
    error, calls = asyncio.run(ask(refusals=5))
    assert isinstance(error, Unavailable) and error.code == "UNAVAILABLE" and calls == 2
