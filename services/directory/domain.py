"""Directory rules: the org tree's shape and codes, positions, household colours, CSV rows."""
from __future__ import annotations

import re
from dataclasses import dataclass

from shared.auth import COUNTY_WIDE, POSITIONS

LEVEL_NAMES = {
    "county": ("县（市、区）", "county"),
    "town": ("乡镇（街道）", "town"),
    "village": ("村（社区）", "village"),
    "grid": ("网格", "grid"),
    "office": ("镇职能办公室", "town office"),
    "department": ("县级部门", "county department"),
}
# Which level may hang under which, and the id pattern a child must follow under its parent.
CHILD_ID_PATTERNS = {
    ("county", "town"): r"\d{3}",
    ("county", "department"): r"K\d{2}",
    ("town", "village"): r"\d{3}",
    ("town", "office"): r"B\d{2}",
    ("village", "grid"): r"G\d{2}",
}
COUNTY_ID = re.compile(r"\d{6}")
COLORS = {"green": ("绿色", "green"), "yellow": ("黄色", "yellow"), "red": ("红色", "red")}
GENDERS = {"男", "女", ""}
PHONE = re.compile(r"1\d{10}")
USERNAME = re.compile(r"[a-z][a-z0-9._-]{2,49}")
POSITION_LEVELS = {  # where a person holding the position belongs
    "admin": {"county", "department"},
    "county_staff": {"department"},
    "supervisor": {"department", "county"},
    "town_leader": {"town"},
    "deputy_secretary": {"town"},
    "town_staff": {"office", "town"},
    "village_secretary": {"village"},
    "village_cadre": {"village"},
    "grid_worker": {"grid", "village"},
}


@dataclass(frozen=True)
class RowError:
    line: int
    field: str
    message: str


def child_id_error(parent_id: str, parent_level: str, child_id: str, child_level: str) -> str | None:
    """Why `child_id` cannot be a `child_level` under that parent, or None when it can."""
    suffix = CHILD_ID_PATTERNS.get((parent_level, child_level))
    if suffix is None:
        return f"{LEVEL_NAMES[child_level][0]}不能隶属于{LEVEL_NAMES[parent_level][0]}"
    if not child_id.startswith(parent_id) or not re.fullmatch(suffix, child_id[len(parent_id):]):
        return f"编码{child_id}应为上级编码{parent_id}加上{suffix}格式的后缀"
    return None


def scope_root(position: str, org_id: str, county_id: str) -> str:
    """The subtree a person may see: the county for county-wide roles, else their own unit."""
    return county_id if position in COUNTY_WIDE else org_id


def county_of(org_id: str) -> str:
    return org_id[:6]


def village_of_grid(grid_id: str) -> str:
    return grid_id.split("G", 1)[0]


def validate_org_row(line: int, row: dict[str, str], known: dict[str, str]) -> list[RowError]:
    """Check one org-unit row; `known` maps ids seen so far (database and earlier rows) to levels."""
    errors = []
    unit_id, parent_id, level = row.get("id", ""), row.get("parent_id", ""), row.get("level", "")
    if level not in LEVEL_NAMES:
        errors.append(RowError(line, "level", f"层级“{level}”无效，应为{'/'.join(LEVEL_NAMES)}"))
    if not row.get("name"):
        errors.append(RowError(line, "name", "名称不能为空"))
    if unit_id in known:
        errors.append(RowError(line, "id", f"编码{unit_id}重复"))
    if level == "county":
        if parent_id or not COUNTY_ID.fullmatch(unit_id):
            errors.append(RowError(line, "id", "县级编码应为6位行政区划代码且没有上级"))
    elif level in LEVEL_NAMES:
        if parent_id not in known:
            errors.append(RowError(line, "parent_id", f"上级{parent_id or '（空）'}不存在"))
        else:
            problem = child_id_error(parent_id, known[parent_id], unit_id, level)
            if problem:
                errors.append(RowError(line, "id", problem))
    return errors


def validate_person_row(line: int, row: dict[str, str], org_levels: dict[str, str],
                        usernames: set[str]) -> list[RowError]:
    errors = []
    username = row.get("username", "")
    if not USERNAME.fullmatch(username):
        errors.append(RowError(line, "username", "用户名应为3-50位小写字母、数字或._-，以字母开头"))
    elif username in usernames:
        errors.append(RowError(line, "username", f"用户名{username}已存在"))
    if not row.get("name"):
        errors.append(RowError(line, "name", "姓名不能为空"))
    if row.get("gender", "") not in GENDERS:
        errors.append(RowError(line, "gender", "性别应为“男”或“女”"))
    if row.get("phone") and not PHONE.fullmatch(row["phone"]):
        errors.append(RowError(line, "phone", "手机号码应为11位数字"))
    position, org_id = row.get("position", ""), row.get("org_id", "")
    if position not in POSITIONS:
        errors.append(RowError(line, "position", f"职务“{position}”无效"))
    if org_id not in org_levels:
        errors.append(RowError(line, "org_id", f"组织{org_id or '（空）'}不存在"))
    elif position in POSITIONS and org_levels[org_id] not in POSITION_LEVELS[position]:
        errors.append(RowError(line, "org_id", f"{POSITIONS[position][0]}不能设在"
                                               f"{LEVEL_NAMES[org_levels[org_id]][0]}"))
    return errors


def validate_household_row(line: int, row: dict[str, str], org_levels: dict[str, str]) -> list[RowError]:
    errors = []
    if org_levels.get(row.get("grid_id", "")) != "grid":
        errors.append(RowError(line, "grid_id", f"网格{row.get('grid_id') or '（空）'}不存在"))
    if not row.get("head_name"):
        errors.append(RowError(line, "head_name", "户主姓名不能为空"))
    if row.get("color", "") not in COLORS:
        errors.append(RowError(line, "color", "颜色应为green/yellow/red"))
    members = row.get("members", "1") or "1"
    if not members.isdigit() or not 1 <= int(members) <= 50:
        errors.append(RowError(line, "members", "人口数应为1-50的整数"))
    return errors
