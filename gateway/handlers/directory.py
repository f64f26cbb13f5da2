"""Directory routes: org units, grids, people, households, governance elements, CSV imports."""
from __future__ import annotations

from gateway.peers import call, page_request, reply, to_json
from gateway.problems import ApiProblem
from zhili.directory.v1 import directory_pb2 as pb


async def get_me():
    return reply(await call("directory", "GetMe", pb.GetMeRequest()))


async def list_org_units(parent_id=None, root_id=None, level=None, page_size=None, page_token=None):
    return reply(await call("directory", "ListOrgUnits", pb.ListOrgUnitsRequest(
        parent_id=parent_id or "", root_id=root_id or "", level=level or "",
        page=page_request(page_size, page_token))))


async def get_org_unit(id):  # noqa: A002 - the path parameter is called id
    return reply(await call("directory", "GetOrgUnit", pb.GetOrgUnitRequest(id=id)))


async def list_grids(village_id=None, page_size=None, page_token=None):
    return reply(await call("directory", "ListOrgUnits", pb.ListOrgUnitsRequest(
        root_id=village_id or "", level="grid", page=page_request(page_size, page_token))))


async def get_grid(id):  # noqa: A002
    unit = to_json(await call("directory", "GetOrgUnit", pb.GetOrgUnitRequest(id=id)))
    if unit["level"] != "grid":
        raise ApiProblem(404, "GRID_NOT_FOUND", f"{id}不是网格", f"{id} is not a grid", field="id")
    return reply(unit)


async def list_people(org_id=None, include_subtree=True, position=None, q=None, page_size=None,
                      page_token=None):
    return reply(await call("directory", "ListPeople", pb.ListPeopleRequest(
        org_id=org_id or "", include_subtree=include_subtree, position=position or "",
        query=q or "", page=page_request(page_size, page_token))))


async def create_person(body: dict):
    return reply(await call("directory", "CreatePerson", pb.CreatePersonRequest(**body)), 201)


async def get_person(id):  # noqa: A002
    return reply(await call("directory", "GetPerson", pb.GetPersonRequest(id=id)))


async def list_households(org_id=None, color=None, page_size=None, page_token=None):
    return reply(await call("directory", "ListHouseholds", pb.ListHouseholdsRequest(
        org_id=org_id or "", color=color or "", page=page_request(page_size, page_token))))


async def create_household(body: dict):
    return reply(await call("directory", "CreateHousehold", pb.CreateHouseholdRequest(**body)), 201)


async def get_household(id):  # noqa: A002
    return reply(await call("directory", "GetHousehold", pb.GetHouseholdRequest(id=id)))


async def change_household_color(id, body: dict):  # noqa: A002
    return reply(await call("directory", "ChangeHouseholdColor", pb.ChangeHouseholdColorRequest(
        id=id, color=body["color"], reason=body["reason"])))


async def list_governance_elements():
    return reply(await call("directory", "ListGovernanceElements", pb.ListGovernanceElementsRequest()))


async def import_csv(kind: str, body):
    try:
        text = body.decode("utf-8-sig") if isinstance(body, bytes) else str(body)
    except UnicodeDecodeError:
        raise ApiProblem(400, "BAD_ENCODING", "CSV 文件须为 UTF-8 编码", "The CSV must be UTF-8",
                         field="body") from None
    result = await call("directory", "ImportDirectory", pb.ImportDirectoryRequest(kind=kind, csv_text=text))
    if result.errors:
        raise ApiProblem(422, "IMPORT_REJECTED", f"导入失败：{len(result.errors)}行有误，未导入任何数据",
                         f"Import refused: {len(result.errors)} bad rows, nothing imported",
                         extra={"errors": [to_json(e) for e in result.errors]})
    return reply({"imported": result.imported})
