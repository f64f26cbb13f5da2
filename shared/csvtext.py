"""Uploaded CSV text → rows, the same way in every service: a malformed file is the caller's 400."""
from __future__ import annotations

import csv
import io

from shared.errors import InvalidArgument


def read_csv(text: str) -> tuple[list[str], list[dict[str, str]]]:
    """(header, rows) of CSV text; a UTF-8 BOM is dropped, newlines inside quoted fields kept."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    try:
        rows = list(reader)
    except csv.Error as error:
        line = reader.line_num + 1  # the line being read when the reader gave up
        raise InvalidArgument(f"CSV 文件格式有误（第{line}行）：{error}",
                              f"Malformed CSV (line {line}): {error}",
                              code="CSV_MALFORMED") from None
    return list(reader.fieldnames or []), rows
