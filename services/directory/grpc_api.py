"""Thin gRPC adapter: proto request → directory use case → proto response."""
from __future__ import annotations

from services.directory.service import DirectoryService, ImportRejected
from shared.grpc_server import current_principal, idempotency_key_var
from shared.idempotency import run_idempotent
from zhili.directory.v1 import directory_pb2 as pb
from zhili.directory.v1 import directory_pb2_grpc as pb_grpc

SERVICE_NAME = pb.DESCRIPTOR.services_by_name["DirectoryService"].full_name
PUBLIC_METHODS = [f"/{SERVICE_NAME}/Authenticate", f"/{SERVICE_NAME}/GetJwks"]


class DirectoryApi(pb_grpc.DirectoryServiceServicer):
    def __init__(self, service: DirectoryService) -> None:
        self._service = service

    async def Authenticate(self, request, context):
        token, ttl = await self._service.authenticate(username=request.username,
                                                      password=request.password)
        return pb.AuthenticateResponse(access_token=token, token_type="Bearer", expires_in=ttl)

    async def GetJwks(self, request, context):
        return pb.GetJwksResponse(jwks_json=self._service.jwks_json())

    async def GetMe(self, request, context):
        return await self._service.get_me(current_principal())

    async def GetOrgUnit(self, request, context):
        return await self._service.get_org_unit(current_principal(), org_id=request.id)

    async def ListOrgUnits(self, request, context):
        units, token = await self._service.list_org_units(
            current_principal(), parent_id=request.parent_id, root_id=request.root_id,
            level=request.level, page_size=request.page.page_size,
            page_token=request.page.page_token)
        return pb.ListOrgUnitsResponse(org_units=units, next_page_token=token)

    async def GetPerson(self, request, context):
        return await self._service.get_person(current_principal(), person_id=request.id)

    async def ListPeople(self, request, context):
        found, token = await self._service.list_people(
            current_principal(), org_id=request.org_id, include_subtree=request.include_subtree,
            position=request.position, query_text=request.query,
            page_size=request.page.page_size, page_token=request.page.page_token)
        return pb.ListPeopleResponse(people=found, next_page_token=token)

    async def CreatePerson(self, request, context):
        return await self._idempotent(request, pb.Person, self._service.create_person)

    async def GetHousehold(self, request, context):
        return await self._service.get_household(current_principal(), household_id=request.id)

    async def ListHouseholds(self, request, context):
        found, token = await self._service.list_households(
            current_principal(), org_id=request.org_id, color=request.color,
            page_size=request.page.page_size, page_token=request.page.page_token)
        return pb.ListHouseholdsResponse(households=found, next_page_token=token)

    async def CreateHousehold(self, request, context):
        return await self._idempotent(request, pb.Household, self._service.create_household)

    async def ChangeHouseholdColor(self, request, context):
        return await self._idempotent(request, pb.Household, self._service.change_household_color)

    async def ListGovernanceElements(self, request, context):
        elements = await self._service.list_governance_elements()
        return pb.ListGovernanceElementsResponse(elements=elements)

    async def ImportDirectory(self, request, context):
        try:
            count = await self._service.import_csv(current_principal(), kind=request.kind,
                                                   csv_text=request.csv_text)
        except ImportRejected as rejected:
            return pb.ImportDirectoryResponse(imported=0, errors=[
                pb.ImportError(line=e.line, field=e.field, message=e.message)
                for e in rejected.errors])
        return pb.ImportDirectoryResponse(imported=count)

    async def _idempotent(self, request, response_type, use_case):
        principal = current_principal()
        return await run_idempotent(
            self._service.database, caller=principal.subject, key=idempotency_key_var.get(),
            request=request, response_type=response_type, actor_id=principal.subject,
            use_case=lambda tx: use_case(tx, principal, request))
