"""Bad input gets the right 4xx problem+json, never a 500, and nothing stored changes."""
import pytest

from tests.integration.conftest import assert_problem

TOKEN_URL = "/api/v1/auth/token"


def test_malformed_json(api):
    reply = api.post(TOKEN_URL, content=b'{"username": "he.fangya",',
                     headers={"Content-Type": "application/json"})
    assert_problem(reply, 400, "MALFORMED_JSON")


def test_missing_field_names_the_field(api):
    body = assert_problem(api.post(TOKEN_URL, json={"username": "he.fangya"}), 400,
                          "VALIDATION_FAILED")
    assert body["field"] == "password"


def test_wrong_type_names_the_field(api):
    body = assert_problem(api.post(TOKEN_URL, json={"username": 42, "password": "x"}), 400,
                          "VALIDATION_FAILED")
    assert body["field"] == "username"


def test_unknown_field_is_refused(api):
    assert_problem(api.post(TOKEN_URL, json={"username": "a", "password": "b", "role": "admin"}),
                   400, "VALIDATION_FAILED")


def test_oversized_body(api):
    assert_problem(api.post(TOKEN_URL, content=b"x" * 2_000_000,
                            headers={"Content-Type": "application/json"}), 413,
                   "PAYLOAD_TOO_LARGE")


def test_unknown_path(api, login):
    assert_problem(api.get("/api/v1/no-such-thing", headers=login("he.fangya")), 404, "NOT_FOUND")


def test_wrong_media_type(api):
    assert_problem(api.post(TOKEN_URL, content=b"username=a", headers={
        "Content-Type": "application/x-www-form-urlencoded"}), 415, "UNSUPPORTED_MEDIA_TYPE")


@pytest.mark.parametrize("params", [{"level": "planet"}, {"page_size": 0}, {"page_size": "many"},
                                    {"root_id": "../../etc"}, {"page_token": "%%%"}])
def test_bad_query_parameters(api, login, params):
    reply = api.get("/api/v1/org-units", params=params, headers=login("he.fangya"))
    assert_problem(reply, 400)


def test_english_detail_on_request(api):
    body = assert_problem(api.post(TOKEN_URL, json={"username": "he.fangya", "password": "bad"},
                                   headers={"Accept-Language": "en"}), 401)
    assert body["detail"] == "Wrong username or password"
    chinese = assert_problem(api.post(TOKEN_URL, json={"username": "he.fangya", "password": "bad"}),
                             401)
    assert chinese["detail"] == "用户名或密码错误"


def test_import_with_a_bad_row_changes_nothing(api, login):
    headers = {**login("fu.min"), "Content-Type": "text/csv"}
    before = api.get("/api/v1/org-units", params={"page_size": 500}, headers=login("fu.min"))
    csv_text = ("id,parent_id,level,name\n"
                "330688100299,330688100,village,新建村\n"
                "330688999,330688100,town,错位镇\n")
    body = assert_problem(api.post("/api/v1/directory/imports", params={"kind": "org_units"},
                                   content=csv_text.encode(), headers=headers), 422,
                          "IMPORT_REJECTED")
    assert [(e["line"], e["field"]) for e in body["errors"]] == [(3, "id")]
    after = api.get("/api/v1/org-units", params={"page_size": 500}, headers=login("fu.min"))
    assert after.json() == before.json()
