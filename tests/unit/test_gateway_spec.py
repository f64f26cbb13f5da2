"""The merged OpenAPI document: unique names, explicit operation ids, documented problems."""
import pytest
import yaml

from gateway.problems import ApiProblem, _from_connexion, wants_english
from gateway.spec import METHODS, SPEC_DIR, build_spec
from connexion.exceptions import BadRequestProblem, OAuthProblem


def operations(spec):
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield path, method, operation


def test_every_operation_has_an_explicit_id_and_documents_its_problems():
    spec = build_spec()
    for path, method, operation in operations(spec):
        assert operation["operationId"].startswith("gateway.handlers."), (path, method)
        responses = operation["responses"]
        assert {"400", "503", "504"} <= set(responses), (path, method)
        if operation.get("security") != []:
            assert {"401", "403"} <= set(responses), (path, method)
        if "requestBody" in operation:
            assert {"413", "415", "422"} <= set(responses), (path, method)


def test_fixed_rest_names_are_present():
    paths = set(build_spec()["paths"])
    assert {"/auth/token", "/org-units", "/people", "/grids", "/households"} <= paths


def test_a_path_defined_twice_is_an_error(tmp_path):
    (tmp_path / "common.yaml").write_text((SPEC_DIR / "common.yaml").read_text())
    part = {"paths": {"/x": {"get": {"operationId": "a.b", "responses": {}}}}}
    for name in ("a.yaml", "b.yaml"):
        (tmp_path / name).write_text(yaml.safe_dump(part))
    with pytest.raises(ValueError, match="defined twice"):
        build_spec(tmp_path, ["a.yaml", "b.yaml"])


def test_language_choice():
    assert not wants_english(None) and not wants_english("zh-CN,zh;q=0.9,en;q=0.8")
    assert wants_english("en-US,en;q=0.9")


@pytest.mark.parametrize("exc, code, field", [
    (BadRequestProblem(detail="Expecting value: line 1 column 1 (char 0)"), "MALFORMED_JSON", None),
    (BadRequestProblem(detail="'password' is a required property"), "VALIDATION_FAILED", "password"),
    (BadRequestProblem(detail="1 is not of type 'string' - 'username'"), "VALIDATION_FAILED",
     "username"),
    (OAuthProblem(detail="No authorization token provided"), "MISSING_TOKEN", None),
])
def test_connexion_problems_get_stable_codes(exc, code, field):
    problem = _from_connexion(exc)
    assert isinstance(problem, ApiProblem)
    assert (problem.code, problem.field) == (code, field)
