"""Uploaded CSV text (shared.csvtext): what services import from people's spreadsheets."""
from __future__ import annotations

import pytest

from shared.csvtext import read_csv
from shared.errors import InvalidArgument


def test_bom_old_mac_line_ends_and_newlines_in_quoted_fields():
    header, rows = read_csv('\ufeffcode,name\rV-1,"村务\n公开"\r\nV-2,巡查\n')
    assert header == ["code", "name"]
    assert rows == [{"code": "V-1", "name": "村务\n公开"}, {"code": "V-2", "name": "巡查"}]


def test_a_malformed_file_is_the_callers_error_naming_the_line():
    with pytest.raises(InvalidArgument) as error:
        read_csv("code,name\nV-1,ok\nV-2," + "长" * 200_000 + "\n")
    assert error.value.code == "CSV_MALFORMED" and "第3行" in error.value.message_zh
