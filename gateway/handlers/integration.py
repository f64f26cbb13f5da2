"""Integration routes (admin): partners, webhook subscriptions, deliveries and replay, notifications."""
from __future__ import annotations

from gateway.peers import call, from_json, page_request, reply
from zhili.integration.v1 import integration_pb2 as pb


async def register_partner(body: dict):
    request = from_json(body, pb.RegisterPartnerRequest())
    return reply(await call("integration", "RegisterPartner", request), 201)


async def list_partners(kind=None, page_size=None, page_token=None):
    return reply(await call("integration", "ListPartners", pb.ListPartnersRequest(
        kind=kind or "", page=page_request(page_size, page_token))))


async def get_partner(id):  # noqa: A002 - the path parameter is called id
    return reply(await call("integration", "GetPartner", pb.GetPartnerRequest(id=id)))


async def update_partner(id, body: dict):  # noqa: A002
    request = from_json(body, pb.UpdatePartnerRequest())
    request.id = id
    return reply(await call("integration", "UpdatePartner", request))


async def rotate_secret(id, body: dict | None = None):  # noqa: A002
    request = from_json(body or {}, pb.RotatePartnerSecretRequest())
    request.id = id
    return reply(await call("integration", "RotatePartnerSecret", request))


async def list_subscriptions(partner_id=None, page_size=None, page_token=None):
    return reply(await call("integration", "ListWebhookSubscriptions", pb.ListWebhookSubscriptionsRequest(
        partner_id=partner_id or "", page=page_request(page_size, page_token))))


async def create_subscription(body: dict):
    return reply(await call("integration", "CreateWebhookSubscription",
                            from_json(body, pb.CreateWebhookSubscriptionRequest())), 201)


async def delete_subscription(id):  # noqa: A002
    return reply(await call("integration", "DeleteWebhookSubscription",
                            pb.GetWebhookSubscriptionRequest(id=id)))


async def list_deliveries(partner_id=None, status=None, page_size=None, page_token=None):
    return reply(await call("integration", "ListDeliveries", pb.ListDeliveriesRequest(
        partner_id=partner_id or "", status=status or "", page=page_request(page_size, page_token))))


async def get_delivery(id):  # noqa: A002
    return reply(await call("integration", "GetDelivery", pb.GetDeliveryRequest(id=id)))


async def replay_delivery(id):  # noqa: A002
    return reply(await call("integration", "ReplayDelivery", pb.GetDeliveryRequest(id=id)))


async def get_preferences(person_id=None):
    return reply(await call("integration", "GetNotificationPreferences",
                            pb.GetNotificationPreferencesRequest(person_id=person_id or "")))


async def set_preferences(body: dict):
    return reply(await call("integration", "SetNotificationPreferences",
                            from_json(body, pb.NotificationPreferences())))


async def list_notifications(person_id=None, page_size=None, page_token=None):
    return reply(await call("integration", "ListNotifications", pb.ListNotificationsRequest(
        person_id=person_id or "", page=page_request(page_size, page_token))))


async def send_notification(body: dict):
    return reply(await call("integration", "SendNotification",
                            from_json(body, pb.SendNotificationRequest())), 201)
