"""Event subscriptions of the tasks service: none — it only asks the catalogue over gRPC."""
from shared.consumer import Subscription

SUBSCRIPTIONS: list[Subscription] = []
