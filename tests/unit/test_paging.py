"""Page tokens: round trip, caps, and bad tokens as the caller's error."""
import pytest

from shared.errors import InvalidArgument
from shared.paging import MAX_PAGE_SIZE, next_page_token, page_window


def test_walks_pages():
    offset, limit = page_window(20, "")
    assert (offset, limit) == (0, 20)
    token = next_page_token(offset, limit, fetched=21)
    assert page_window(20, token) == (20, 20)
    assert next_page_token(20, 20, fetched=5) == ""


def test_page_size_is_capped_and_defaulted():
    assert page_window(10_000, "")[1] == MAX_PAGE_SIZE
    assert page_window(0, "")[1] == 50


@pytest.mark.parametrize("token", ["%%%", "bm9wZQ==", "bzotNQ=="])
def test_bad_tokens(token):
    with pytest.raises(InvalidArgument):
        page_window(10, token)
