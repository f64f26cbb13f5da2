"""The token bucket itself (pure logic, a fake clock): bursts, refill, Retry-After, memory bound."""
from gateway.ratelimit import TokenBuckets


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_burst_then_one_request_per_refill_interval():
    clock = Clock()
    buckets = TokenBuckets(60, clock=clock)  # one a second
    assert [buckets.take("a") for _ in range(60)] == [0.0] * 60
    assert buckets.take("a") == 1.0  # the next token in a second
    clock.now += 0.5
    assert buckets.take("a") == 0.5
    clock.now += 0.5
    assert buckets.take("a") == 0.0
    assert buckets.take("b") == 0.0  # another key has its own bucket


def test_refill_stops_at_capacity():
    clock = Clock()
    buckets = TokenBuckets(6, clock=clock)
    buckets.take("a")
    clock.now += 3600
    assert [buckets.take("a") for _ in range(7)][-1] > 0  # 6 again, not 360


def test_the_least_recently_used_keys_are_forgotten_beyond_the_bound():
    buckets = TokenBuckets(1, max_keys=2, clock=Clock())
    for key in ("a", "b", "c"):
        assert buckets.take(key) == 0.0
    assert len(buckets._buckets) == 2 and "a" not in buckets._buckets
