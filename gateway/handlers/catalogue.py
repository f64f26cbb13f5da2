"""Catalogue routes: items, versions, CSV import/export, negative list, admission and compliance
reviews, screenings, quotas, statistics."""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from connexion import request as current_request
from google.protobuf.timestamp_pb2 import Timestamp

from gateway.peers import call, page_request, reply, to_json
from gateway.problems import ApiProblem, wants_english
from zhili.catalogue.v1 import catalogue_pb2 as pb

CHINA = ZoneInfo("Asia/Shanghai")


def _language() -> str:
    return "en" if wants_english(current_request.headers.get("accept-language")) else "zh-CN"


async def list_items(level=None, category=None, q=None, county_id=None, year=None,
                     include_retired=False, page_size=None, page_token=None):
    return reply(await call("catalogue", "ListItems", pb.ListItemsRequest(
        county_id=county_id or "", year=year or 0, level=level or "", category=category or "",
        query=q or "", include_retired=include_retired, page=page_request(page_size, page_token))))


async def get_item(code, county_id=None, year=None):
    return reply(await call("catalogue", "GetItem", pb.GetItemRequest(
        code=code, county_id=county_id or "", year=year or 0)))


async def retire_item(code, body: dict):
    return reply(await call("catalogue", "RetireItem", pb.RetireItemRequest(
        code=code, reason=body["reason"], county_id=body.get("county_id", ""),
        year=body.get("year", 0))))


async def update_item(code, body: dict, county_id=None, year=None):
    """PATCH: the fields present in the body replace the item's (draft versions only)."""
    return reply(await call("catalogue", "UpdateItem", pb.UpdateItemRequest(
        code=code, county_id=county_id or "", year=year or 0, item=pb.Item(**body),
        update_fields=sorted(body))))


async def delete_item(code, county_id=None, year=None):
    await call("catalogue", "DeleteItem", pb.DeleteItemRequest(
        code=code, county_id=county_id or "", year=year or 0))
    return None, 204


async def publish_version(year, county_id=None):
    return reply(await call("catalogue", "PublishCatalogueVersion",
                            pb.PublishCatalogueVersionRequest(year=year, county_id=county_id or "")))


async def list_versions(county_id=None):
    return reply(await call("catalogue", "ListCatalogues", pb.ListCataloguesRequest(
        county_id=county_id or "")))


async def start_version(body: dict):
    return reply(await call("catalogue", "StartCatalogueVersion", pb.StartCatalogueVersionRequest(
        **body)), 201)


async def import_csv(kind: str, body, county_id=None, year=None):
    try:
        text = body.decode("utf-8-sig") if isinstance(body, bytes) else str(body)
    except UnicodeDecodeError:
        raise ApiProblem(400, "BAD_ENCODING", "CSV 文件须为 UTF-8 编码", "The CSV must be UTF-8",
                         field="body") from None
    result = await call("catalogue", "ImportCatalogue", pb.ImportCatalogueRequest(
        kind=kind, csv_text=text, county_id=county_id or "", year=year or 0))
    if result.errors:
        raise ApiProblem(422, "IMPORT_REJECTED", f"导入失败：{len(result.errors)}处错误，未导入任何数据",
                         f"Import refused: {len(result.errors)} errors, nothing imported",
                         extra={"errors": [to_json(e) for e in result.errors]})
    return reply({"imported": result.imported})


async def export_csv(kind: str, county_id=None, year=None):
    result = await call("catalogue", "ExportCatalogue", pb.ExportCatalogueRequest(
        kind=kind, county_id=county_id or "", year=year or 0))
    return result.csv_text, 200, {"Content-Type": "text/csv",
                                  "Content-Disposition": f'attachment; filename="{kind}.csv"'}


async def list_negative(county_id=None, year=None):
    return reply(await call("catalogue", "ListNegativeEntries", pb.ListNegativeEntriesRequest(
        county_id=county_id or "", year=year or 0)))


async def list_admission_reviews(status=None, county_id=None, year=None, page_size=None,
                                 page_token=None):
    return reply(await call("catalogue", "ListAdmissionReviews", pb.ListAdmissionReviewsRequest(
        status=status or "", county_id=county_id or "", year=year or 0,
        page=page_request(page_size, page_token))))


async def propose_item(body: dict):
    return reply(await call("catalogue", "ProposeItem", pb.ProposeItemRequest(**body)), 201)


async def get_admission_review(id):  # noqa: A002 - the path parameter is called id
    return reply(await call("catalogue", "GetAdmissionReview", pb.GetAdmissionReviewRequest(id=id)))


async def comment_admission_review(id, body: dict):  # noqa: A002
    return reply(await call("catalogue", "CommentAdmissionReview", pb.CommentAdmissionReviewRequest(
        id=id, comment=body["comment"])))


async def decide_admission_review(id, body: dict):  # noqa: A002
    return reply(await call("catalogue", "DecideAdmissionReview", pb.DecideAdmissionReviewRequest(
        id=id, decision=body["decision"], note=body.get("note", ""))))


async def screen(body: dict):
    fields = {k: v for k, v in body.items() if k != "deadline"}
    request = pb.ScreenRequest(**fields, language=_language())
    if body.get("deadline"):
        request.deadline.CopyFrom(_deadline(body["deadline"]))
    return reply(await call("catalogue", "Screen", request), 201)


def _deadline(value: str) -> Timestamp:
    """A date means the end of that day in China; otherwise an RFC 3339 time."""
    stamp = Timestamp()
    try:
        if len(value) == 10:
            day = dt.date.fromisoformat(value)
            stamp.FromDatetime(dt.datetime.combine(day, dt.time(23, 59, 59), CHINA))
        else:
            stamp.FromJsonString(value)
    except ValueError:
        raise ApiProblem(400, "VALIDATION_FAILED", "截止时间格式应为 2026-12-01 或 RFC 3339 时间",
                         "deadline must be a date or an RFC 3339 time", field="deadline") from None
    return stamp


async def get_screening(id):  # noqa: A002
    return reply(await call("catalogue", "GetScreening", pb.GetScreeningRequest(
        id=id, language=_language())))


async def list_compliance_reviews(status=None, issuer_org_id=None, page_size=None, page_token=None):
    return reply(await call("catalogue", "ListComplianceReviews", pb.ListComplianceReviewsRequest(
        status=status or "", issuer_org_id=issuer_org_id or "",
        page=page_request(page_size, page_token))))


async def get_compliance_review(id):  # noqa: A002
    return reply(await call("catalogue", "GetComplianceReview", pb.GetComplianceReviewRequest(id=id)))


async def close_compliance_review(id, body: dict):  # noqa: A002
    return reply(await call("catalogue", "CloseComplianceReview", pb.CloseComplianceReviewRequest(
        id=id, outcome=body["outcome"], note=body.get("note", ""))))


async def list_quotas(county_id=None):
    return reply(await call("catalogue", "ListQuotas", pb.ListQuotasRequest(county_id=county_id or "")))


async def set_quota(body: dict):
    return reply(await call("catalogue", "SetQuota", pb.SetQuotaRequest(quota=pb.Quota(**body))))


async def delete_quota(id):  # noqa: A002
    await call("catalogue", "DeleteQuota", pb.DeleteQuotaRequest(id=id))
    return None, 204


async def statistics(county_id=None, from_month=None, to_month=None, issuer_org_id=None):
    return reply(await call("catalogue", "GetStatistics", pb.GetStatisticsRequest(
        county_id=county_id or "", from_month=from_month or "", to_month=to_month or "",
        issuer_org_id=issuer_org_id or "")))
