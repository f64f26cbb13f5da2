"""Thin gRPC adapter: proto request → catalogue use case → proto response."""
from __future__ import annotations

from services.catalogue.service import CatalogueService, ImportRejected
from shared.grpc_server import current_principal, idempotency_key_var
from shared.idempotency import run_idempotent
from zhili.catalogue.v1 import catalogue_pb2 as pb
from zhili.catalogue.v1 import catalogue_pb2_grpc as pb_grpc

SERVICE_NAME = pb.DESCRIPTOR.services_by_name["CatalogueService"].full_name


class CatalogueApi(pb_grpc.CatalogueServiceServicer):
    def __init__(self, service: CatalogueService) -> None:
        self._service = service

    async def Screen(self, request, context):
        principal = current_principal()
        prepared = await self._service.prepare_screening(principal, request)
        return await self._idempotent(request, pb.Screening, lambda tx, p, r: self._service.screen(
            tx, p, r, prepared))

    async def GetScreening(self, request, context):
        return await self._service.get_screening(current_principal(), screening_id=request.id,
                                                 language=request.language)

    async def ListCatalogues(self, request, context):
        found = await self._service.list_catalogues(current_principal(),
                                                    county_id=request.county_id)
        return pb.ListCataloguesResponse(catalogues=found)

    async def StartCatalogueVersion(self, request, context):
        return await self._idempotent(request, pb.Catalogue, self._service.start_version)

    async def ListItems(self, request, context):
        found, token = await self._service.list_items(current_principal(), request)
        return pb.ListItemsResponse(items=found, next_page_token=token)

    async def GetItem(self, request, context):
        return await self._service.get_item(current_principal(), request)

    async def RetireItem(self, request, context):
        return await self._idempotent(request, pb.Item, self._service.retire_item)

    async def UpdateItem(self, request, context):
        return await self._idempotent(request, pb.Item, self._service.update_item)

    async def DeleteItem(self, request, context):
        return await self._idempotent(request, pb.DeleteItemResponse, self._service.delete_item)

    async def PublishCatalogueVersion(self, request, context):
        return await self._idempotent(request, pb.Catalogue, self._service.publish_version)

    async def ListNegativeEntries(self, request, context):
        found = await self._service.list_negative(current_principal(), county_id=request.county_id,
                                                  year=request.year)
        return pb.ListNegativeEntriesResponse(entries=found)

    async def ImportCatalogue(self, request, context):
        try:
            count = await self._service.import_csv(
                current_principal(), county_id=request.county_id, year=request.year,
                kind=request.kind, csv_text=request.csv_text)
        except ImportRejected as rejected:
            return pb.ImportCatalogueResponse(imported=0, errors=[
                pb.ImportError(line=e.line, field=e.field, message=e.message)
                for e in rejected.errors])
        return pb.ImportCatalogueResponse(imported=count)

    async def ExportCatalogue(self, request, context):
        text = await self._service.export_csv(current_principal(), county_id=request.county_id,
                                              year=request.year, kind=request.kind)
        return pb.ExportCatalogueResponse(csv_text=text)

    async def ProposeItem(self, request, context):
        return await self._idempotent(request, pb.AdmissionReview, self._service.propose_item)

    async def CommentAdmissionReview(self, request, context):
        return await self._idempotent(request, pb.AdmissionReview, self._service.comment_review)

    async def DecideAdmissionReview(self, request, context):
        return await self._idempotent(request, pb.AdmissionReview, self._service.decide_review)

    async def GetAdmissionReview(self, request, context):
        return await self._service.get_review(current_principal(), review_id=request.id)

    async def ListAdmissionReviews(self, request, context):
        found, token = await self._service.list_reviews(current_principal(), request)
        return pb.ListAdmissionReviewsResponse(reviews=found, next_page_token=token)

    async def ListComplianceReviews(self, request, context):
        found, token = await self._service.list_compliance_reviews(current_principal(), request)
        return pb.ListComplianceReviewsResponse(reviews=found, next_page_token=token)

    async def GetComplianceReview(self, request, context):
        return await self._service.get_compliance_review(current_principal(),
                                                         review_id=request.id)

    async def CloseComplianceReview(self, request, context):
        return await self._idempotent(request, pb.ComplianceReview,
                                      self._service.close_compliance_review)

    async def ListQuotas(self, request, context):
        found = await self._service.list_quotas(current_principal(), county_id=request.county_id)
        return pb.ListQuotasResponse(quotas=found)

    async def SetQuota(self, request, context):
        return await self._idempotent(request, pb.Quota, self._service.set_quota)

    async def DeleteQuota(self, request, context):
        return await self._idempotent(request, pb.DeleteQuotaResponse, self._service.delete_quota)

    async def GetStatistics(self, request, context):
        return await self._service.statistics(current_principal(), request)

    async def _idempotent(self, request, response_type, use_case):
        principal = current_principal()
        return await run_idempotent(
            self._service.database, caller=principal.subject, key=idempotency_key_var.get(),
            request=request, response_type=response_type, actor_id=principal.subject,
            use_case=lambda tx: use_case(tx, principal, request))
