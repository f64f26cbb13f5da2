"""Event subscriptions of petitions: none — households are read from the directory over gRPC."""
from shared.consumer import Subscription

SUBSCRIPTIONS: list[Subscription] = []
