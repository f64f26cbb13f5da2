"""三务公开 read without a token at /public/v1, one village at a time; errors stay problem+json."""
import datetime as dt

from tests.integration.conftest import assert_problem

VILLAGE = "330688100204"  # 石门村


def test_a_resident_reads_published_disclosures_without_logging_in(api, login):
    today = dt.date.today()
    month = f"{today.year}-{today.month:02d}"
    published = api.post("/api/v1/disclosures", headers=login("ding.jun"), json={
        "category": "finance", "period": month, "title": f"石门村{month}财务收支公开",
        "content": "本月收入12.3万元，支出8.1万元，明细见附件。", "channel": "村务公开栏",
        "attachments": ["https://files.example.cn/shimen/finance.pdf"]})
    assert published.status_code == 201, published.text
    public = api.get("/public/v1/disclosures", params={"village_id": VILLAGE})
    assert public.status_code == 200, public.text
    assert "authorization" not in {k.lower() for k in public.request.headers}
    titles = {d["title"] for d in public.json()["disclosures"]}
    assert f"石门村{month}财务收支公开" in titles
    assert {d["village_id"] for d in public.json()["disclosures"]} == {VILLAGE}
    other = api.get("/public/v1/disclosures", params={"village_id": "330688100202",
                                                      "category": "finance"})
    assert f"石门村{month}财务收支公开" not in {d["title"] for d in other.json()["disclosures"]}


def test_public_errors_are_problems_and_writes_need_a_token(api):
    assert_problem(api.get("/public/v1/disclosures"), 400, "VALIDATION_FAILED")
    assert_problem(api.get("/public/v1/disclosures", params={"village_id": "3306"}), 400,
                   "VALIDATION_FAILED")
    assert_problem(api.post("/public/v1/disclosures", json={}), 405, "METHOD_NOT_ALLOWED")
    write = api.post("/api/v1/disclosures", json={"category": "party", "title": "未登录"})
    assert_problem(write, 401, "MISSING_TOKEN")


def test_a_quarterly_category_refuses_a_monthly_period(api, login):
    reply = api.post("/api/v1/disclosures", headers=login("ding.jun"), json={
        "category": "party", "period": "2026-05", "title": "党务公开"})
    assert_problem(reply, 400, "VALIDATION_FAILED")
