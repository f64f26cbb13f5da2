"""Editing one draft item (pure rules): only editable fields, real changes, no parent loops."""
import pytest

from services.catalogue.rules import item_changes
from shared.errors import InvalidArgument

CURRENT = {"level": "village", "name": "老年人优待证申领初审", "parent_code": "V-MZ-001",
           "description": "受理申领", "basis": "", "category": "民政服务", "department": "镇民政办",
           "kind": "协助事项"}
PARENTS = {"V-MZ-001": "", "V-MZ-002": "V-MZ-001", "V-MZ-003": "V-MZ-002", "V-NY-010": ""}


def test_only_real_changes_are_returned_trimmed():
    assert item_changes("V-MZ-002", CURRENT, {"name": " 老年人优待证申领 ", "kind": "协助事项"},
                        PARENTS) == {"name": "老年人优待证申领"}
    assert item_changes("V-MZ-002", CURRENT, {"parent_code": ""}, PARENTS) == {"parent_code": ""}


@pytest.mark.parametrize("requested, field", [
    ({}, "body"), ({"code": "V-X-1"}, "code"), ({"active": "false"}, "active"),
    ({"level": "county"}, "level"), ({"name": "  "}, "name"), ({"category": "类" * 51}, "category"),
    ({"description": "字" * 2001}, "description"), ({"parent_code": "V-NONE"}, "parent_code"),
    ({"parent_code": "V-MZ-002"}, "parent_code"),  # itself
    ({"parent_code": "V-MZ-003"}, "parent_code"),  # its own child: a loop
])
def test_bad_edits_name_the_field(requested, field):
    with pytest.raises(InvalidArgument) as refused:
        item_changes("V-MZ-002", CURRENT, requested, PARENTS)
    assert refused.value.field == field


def test_a_parent_elsewhere_in_the_tree_is_fine():
    assert item_changes("V-MZ-003", {**CURRENT, "parent_code": "V-MZ-002"},
                        {"parent_code": "V-NY-010"}, PARENTS) == {"parent_code": "V-NY-010"}
