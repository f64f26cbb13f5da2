"""The login-free API at /public/v1 and the fixed procedures names in the main document."""
from gateway.spec import METHODS, build_public_spec, build_spec


def test_public_api_has_only_login_free_reads():
    spec = build_public_spec()
    assert spec["servers"] == [{"url": "/public/v1"}] and spec["security"] == []
    assert set(spec["paths"]) == {"/disclosures"}
    for item in spec["paths"].values():
        for method, operation in item.items():
            if method in METHODS:
                assert method == "get" and operation["security"] == []
                assert "401" not in operation["responses"] and "400" in operation["responses"]


def test_procedures_fixed_rest_names_are_present():
    paths = set(build_spec()["paths"])
    assert {"/procedure-templates", "/procedures", "/procedures/{id}",
            "/procedures/{id}/steps/{n}/record", "/disclosures", "/procedure-warnings"} <= paths
    assert "/public/v1/disclosures" not in paths
