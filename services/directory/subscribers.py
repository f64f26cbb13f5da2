"""Event subscriptions of the directory: none — it is the source of org and people facts."""
from shared.consumer import Subscription

SUBSCRIPTIONS: list[Subscription] = []
