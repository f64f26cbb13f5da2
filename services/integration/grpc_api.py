"""Thin gRPC adapter: proto request → integration use case → proto response."""
from __future__ import annotations

from services.integration.service import (IntegrationService, deliveries, inbound, notifications,
                                           open311, partners)
from shared.grpc_server import current_principal, idempotency_key_var
from shared.idempotency import run_idempotent
from zhili.integration.v1 import integration_pb2 as pb
from zhili.integration.v1 import integration_pb2_grpc as pb_grpc

SERVICE_NAME = pb.DESCRIPTOR.services_by_name["IntegrationService"].full_name
# Authenticated by what they carry (HMAC signature, Open311 api_key) or public by the Open311 spec.
PUBLIC_METHODS = [f"/{SERVICE_NAME}/{m}" for m in (
    "ReceiveWorkOrder", "Open311ListServices", "Open311GetService", "Open311ListRequests",
    "Open311GetRequest", "Open311CreateRequest", "Open311GetToken")]


class IntegrationApi(pb_grpc.IntegrationServiceServicer):
    def __init__(self, service: IntegrationService) -> None:
        self._service = service

    async def _write(self, request, response_type, use_case):
        principal = current_principal()
        return await run_idempotent(
            self._service.database, caller=principal.subject, key=idempotency_key_var.get(),
            request=request, response_type=response_type, actor_id=principal.subject,
            use_case=lambda tx: use_case(self._service, tx, principal, request))

    # --- partners ---
    async def RegisterPartner(self, request, context):
        return await self._write(request, pb.PartnerCredentials, partners.register)

    async def GetPartner(self, request, context):
        return await partners.get(self._service, current_principal(), request.id)

    async def ListPartners(self, request, context):
        found, token = await partners.list_partners(self._service, current_principal(), request)
        return pb.ListPartnersResponse(partners=found, next_page_token=token)

    async def UpdatePartner(self, request, context):
        return await self._write(request, pb.Partner, partners.update_partner)

    async def RotatePartnerSecret(self, request, context):
        return await self._write(request, pb.PartnerCredentials, partners.rotate_secret)

    async def ReceiveWorkOrder(self, request, context):
        return await inbound.receive(self._service, request)

    # --- deliveries and subscriptions ---
    async def ListDeliveries(self, request, context):
        found, token = await deliveries.list_deliveries(self._service, current_principal(), request)
        return pb.ListDeliveriesResponse(deliveries=found, next_page_token=token)

    async def GetDelivery(self, request, context):
        return await deliveries.get(self._service, current_principal(), request.id)

    async def ReplayDelivery(self, request, context):
        return await self._write(request, pb.Delivery,
                                 lambda s, tx, p, r: deliveries.replay(s, tx, p, r.id))

    async def CreateWebhookSubscription(self, request, context):
        return await self._write(request, pb.WebhookSubscription, deliveries.subscribe)

    async def ListWebhookSubscriptions(self, request, context):
        found, token = await deliveries.list_subscriptions(self._service, current_principal(), request)
        return pb.ListWebhookSubscriptionsResponse(subscriptions=found, next_page_token=token)

    async def DeleteWebhookSubscription(self, request, context):
        return await self._write(request, pb.WebhookSubscription,
                                 lambda s, tx, p, r: deliveries.unsubscribe(s, tx, p, r.id))

    # --- Open311 ---
    async def Open311ListServices(self, request, context):
        return pb.Open311Reply(json=open311.list_services(self._service))

    async def Open311GetService(self, request, context):
        return pb.Open311Reply(json=open311.get_service(self._service, request.service_code))

    async def Open311ListRequests(self, request, context):
        return pb.Open311Reply(json=await open311.list_requests(self._service, dict(request.params)))

    async def Open311GetRequest(self, request, context):
        return pb.Open311Reply(json=await open311.get_request(self._service, request.service_request_id))

    async def Open311CreateRequest(self, request, context):
        return pb.Open311Reply(json=await open311.create_request(self._service, request.api_key,
                                                                 dict(request.params)))

    async def Open311GetToken(self, request, context):
        return pb.Open311Reply(json=await open311.get_token(self._service, request.token))

    # --- notifications ---
    async def SetNotificationPreferences(self, request, context):
        return await self._write(request, pb.NotificationPreferences, notifications.set_preferences)

    async def GetNotificationPreferences(self, request, context):
        return await notifications.get_preferences(self._service, current_principal(), request.person_id)

    async def SendNotification(self, request, context):
        return await self._write(request, pb.SendNotificationResponse, notifications.send)

    async def ListNotifications(self, request, context):
        found, token = await notifications.list_notifications(self._service, current_principal(), request)
        return pb.ListNotificationsResponse(notifications=found, next_page_token=token)
