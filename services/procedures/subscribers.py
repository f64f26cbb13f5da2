"""Event subscriptions of procedures: none — spendings arrive through RecordSpending (see README)."""
from shared.consumer import Subscription

SUBSCRIPTIONS: list[Subscription] = []
