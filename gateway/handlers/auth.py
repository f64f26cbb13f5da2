"""POST /auth/token: username and password → JWT issued by the directory."""
from gateway.peers import call, reply
from zhili.directory.v1 import directory_pb2 as pb


async def issue_token(body: dict):
    token = await call("directory", "Authenticate", pb.AuthenticateRequest(
        username=body["username"], password=body["password"]), authenticated=False)
    return reply(token, headers={"Cache-Control": "no-store"})
