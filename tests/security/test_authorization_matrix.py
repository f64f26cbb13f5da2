"""Every operation of the OpenAPI document × 15 people (9 roles, own and foreign org) against the
real stack, compared with the table below (first observed, then reviewed cell by cell; see
tests/README.md). Zero leaks: a foreign caller's successful answer never contains village A's
records, and no answer contains a password hash.

Requests are minimal schema-valid ones (tests/security/requests_from_spec.py), so the service's
own checks decide, not the gateway's validation. Path ids are real records of village A
(桃源村 330688100201, town 330688100) where records.py creates them (petitions, tasks, assignments,
households, people, grids, org units, scores, catalogue items); the other ids are a well-formed id
of nothing, so for those rows only a role check made before the lookup can show (404 "H" for all).
"""
from __future__ import annotations

import pytest

from tests.security.records import create_records
from tests.security.requests_from_spec import build_request, operations

# (username, role, relation to village A). Foreign ones first: the allowed ones change records.
USERS = [
    ("wang.songfu", "grid_worker", "foreign village"), ("dong.yanmei", "village_cadre", "foreign village"),
    ("yan.fenying", "village_secretary", "foreign village"), ("zhang.chenliang", "town_leader", "foreign town"),
    ("han.de", "deputy_secretary", "foreign town"), ("he.linlan", "town_staff", "foreign town"),
    ("yu.zhenying", "supervisor", "county"),
    ("jin.yi", "grid_worker", "own"), ("ge.yu", "village_cadre", "own"),
    ("li.pinghong", "town_staff", "own town"), ("chen.taozhi", "county_staff", "county"),
    ("tu.su", "village_secretary", "own"), ("he.fangya", "town_leader", "own town"),
    ("dong.qing", "deputy_secretary", "own town"), ("fu.min", "admin", "county"),
]
FOREIGN = {name for name, _, relation in USERS if relation.startswith("foreign")}

# One letter per person, in the order of USERS, grouped: foreign village (grid, cadre, secretary) |
# foreign town (leader, deputy, staff) | supervisor | own: grid, cadre, town staff, county staff,
# secretary, town leader, deputy secretary, admin.
# A = allowed (any answer but 401/403/404, 5xx never), D = 403, H = 404 (hidden or no such record).
EXPECTED = {
    'POST /attachments': 'AAA AAA A AAAAAAAA',
    'GET /attachments/{id}': 'HHH HHH H HHHHHHHH',
    'POST /auth/token': 'AAA AAA A AAAAAAAA',
    'GET /catalogue/items': 'AAA AAA A AAAAAAAA',
    'GET /catalogue/items/{code}': 'AAA AAA A AAAAAAAA',
    'PATCH /catalogue/items/{code}': 'DDD DDD D DDDADDDA',
    'DELETE /catalogue/items/{code}': 'DDD DDD D DDDADDDA',
    'POST /catalogue/items/{code}/retire': 'DDD DDD D DDDADDDA',
    'GET /catalogue/versions': 'AAA AAA A AAAAAAAA',
    'POST /catalogue/versions': 'DDD DDD D DDDADDDA',
    'POST /catalogue/versions/{year}/publish': 'DDD DDD D DDDADDDA',
    'POST /catalogue/imports': 'DDD DDD D DDDADDDA',
    'GET /catalogue/export': 'AAA AAA A AAAAAAAA',
    'GET /negative-list': 'AAA AAA A AAAAAAAA',
    'GET /admission-reviews': 'AAA AAA A AAAAAAAA',
    'POST /admission-reviews': 'DDD DDD D DDDADDDA',
    'GET /admission-reviews/{id}': 'HHH HHH H HHHHHHHH',
    'POST /admission-reviews/{id}/comments': 'DDD HHD D DDDDDHHD',
    'POST /admission-reviews/{id}/decision': 'DDD DDD D DDDHDDDH',
    'POST /screenings': 'DDD AAA D DDADDAAD',
    'GET /screenings/{id}': 'HHH HHH H HHHHHHHH',
    'GET /compliance-reviews': 'AAA AAA A AAAAAAAA',
    'GET /compliance-reviews/{id}': 'HHH HHH H HHHHHHHH',
    'POST /compliance-reviews/{id}/close': 'DDD DHD D DDDHDDHH',
    'GET /quotas': 'AAA AAA A AAAAAAAA',
    'PUT /quotas': 'DDD DDD D DDDADDDA',
    'DELETE /quotas/{id}': 'DDD DDD D DDDHDDDH',
    'GET /catalogue/statistics': 'AAA AAA A AAAAAAAA',
    'GET /me': 'AAA AAA A AAAAAAAA',
    'GET /org-units': 'AAA AAA A AAAAAAAA',
    'GET /org-units/{id}': 'DDD DDD A DADAAAAA',
    'GET /grids': 'DDD DDD A DADAAAAA',
    'GET /grids/{id}': 'DDD DDD A AADAAAAA',
    'GET /people': 'DDD DDD A DADAAAAA',
    'POST /people': 'DDD DDD D DDDDDAAA',
    'GET /people/{id}': 'HHH HHH A HAHAAAAA',
    'GET /households': 'DDD DDD A DADAAAAA',
    'POST /households': 'DDD DDD D AADAAAAA',
    'GET /households/{id}': 'HHH HHH A AAHAAAAA',
    'PATCH /households/{id}': 'HHH HHH D AAHAAAAA',
    'GET /governance-elements': 'AAA AAA A AAAAAAAA',
    'POST /directory/imports': 'DDD DDD D DDDDDDDA',
    'GET /scoring-rules': 'AAA DDD A AAAAAAAA',
    'POST /scoring-rules': 'DDD DDD D DDDADAAA',
    'GET /scores/{subject_id}': 'DDD DDD A DADAAAAA',
    'GET /leaderboards/{board}': 'AAA DDD A AAAAAAAA',
    'GET /dashboard': 'DDD DDD A DDDADAAA',
    'POST /score-entries': 'DDD DDD D DDDADAAA',
    'GET /periods': 'AAA DDD A AAAAAAAA',
    'POST /periods/{period}/close': 'DDD DDD D DDDADAAA',
    'GET /lingyan-index/{village_id}': 'DDD DDD A DADAAAAA',
    'GET /yanzhen/{village_id}': 'DDD DDD A DADAAAAA',
    'POST /grid-bonus-allocations': 'DDD DDD D DDDADAAA',
    'GET /partners': 'DDD DDD D DDDDDDDA',
    'POST /partners': 'DDD DDD D DDDDDDDA',
    'GET /partners/{id}': 'DDD DDD D DDDDDDDH',
    'PATCH /partners/{id}': 'DDD DDD D DDDDDDDH',
    'POST /partners/{id}/rotate-secret': 'DDD DDD D DDDDDDDH',
    'GET /webhook-subscriptions': 'DDD DDD D DDDDDDDA',
    'POST /webhook-subscriptions': 'DDD DDD D DDDDDDDH',
    'DELETE /webhook-subscriptions/{id}': 'DDD DDD D DDDDDDDH',
    'GET /deliveries': 'DDD DDD D DDDDDDDA',
    'GET /deliveries/{id}': 'DDD DDD D DDDDDDDH',
    'POST /deliveries/{id}/replay': 'DDD DDD D DDDDDDDH',
    'GET /notification-preferences': 'HHH HHH H HHHHHHHH',
    'PUT /notification-preferences': 'DDD DDD A DADAAAAA',
    'GET /notifications': 'AAA AAA A AAAAAAAA',
    'POST /notifications': 'DDD DDD D DDDDDDDA',
    'GET /petitions': 'DDD DDD A DADAAAAA',
    'POST /petitions': 'DDD DDD D ADDDDDDD',
    'GET /petitions/{id}': 'HHH HHH A AAHHAAAA',
    'GET /petitions/{id}/timeline': 'HHH HHH A AAHHAAAA',
    'POST /petitions/{id}/accept': 'HHH HHH D DAHHAAAA',
    'POST /petitions/{id}/decline': 'HHH HHH D AAHHAAAA',
    'POST /petitions/{id}/escalate': 'HHH HHH D DAHHDAAD',
    'POST /petitions/{id}/assign': 'HHH HHH D DDHHDAAD',
    'POST /petitions/{id}/transfer': 'HHH HHH D DDHHDAAD',
    'POST /petitions/{id}/return': 'HHH HHH D DDHHDADD',
    'POST /petitions/{id}/resolve': 'HHH HHH D DAHHAAAA',
    'POST /petitions/{id}/follow-up': 'HHH HHH D AAHHAAAA',
    'POST /petitions/{id}/close': 'HHH HHH D DAHHAAAA',
    'POST /petitions/{id}/reopen': 'HHH HHH D DDHHDAAA',
    'POST /petitions/{id}/urge': 'HHH HHH D DDHHDAAA',
    'POST /petitions/{id}/extension-requests': 'HHH HHH D DAHHADDD',
    'POST /petitions/{id}/extension-decision': 'HHH HHH D DDHHDAAA',
    'POST /petitions/{id}/mediation-sessions': 'HHH HHH D AAHHAAAA',
    'POST /triage': 'AAA AAA A AAAAAAAA',
    'POST /petition-overdue-sweeps': 'DDD AAD D DDDDDAAA',
    'GET /petition-statistics': 'DDD DDD A DADAAAAA',
    'GET /visit-diaries': 'DDD DDD A DADDAAAA',
    'POST /visit-diaries': 'HHH HHH D AAHDADDD',
    'GET /visit-diaries/due-households': 'DDD DDD A DADDAAAA',
    'GET /patrols': 'DDD DDD A DADAAAAA',
    'POST /patrols': 'DDD DDD D ADDDDDDD',
    'GET /procedure-templates': 'AAA AAA A AAAAAAAA',
    'POST /procedure-templates': 'DDD DDD D DDDADDDA',
    'GET /procedure-templates/{code}': 'HHH HHH H HHHHHHHH',
    'PUT /procedure-templates/{code}': 'DDD DDD D DDDADDDA',
    'GET /procedure-rules': 'DDD DDD A DADAAAAA',
    'PUT /procedure-rules/{key}': 'DDD DDD D DDDDDDDA',
    'GET /procedures': 'DDD DDD A DADAAAAA',
    'POST /procedures': 'DDD DDD D DHDDHDDD',
    'GET /procedures/{id}': 'HHH HHH H HHHHHHHH',
    'POST /procedures/{id}/steps/{n}/record': 'DHH DDD D DHDDHDDD',
    'POST /procedures/{id}/abandon': 'DHH DDD D DHDDHDDD',
    'POST /procedure-warnings/{id}/resolve': 'DDD HHD H DDDDDHHD',
    'GET /procedure-warnings': 'DDD DDD A DADAAAAA',
    'POST /procedure-sweeps': 'DDD DDD D DDDDDDDA',
    'POST /spendings': 'DDD DDD D DADDADDD',
    'GET /disclosures': 'DDD DDD A DADAAAAA',
    'POST /disclosures': 'DDD DDD D DADDADDD',
    'GET /tasks': 'DDD DDD A DDDADAAA',
    'POST /tasks': 'DDD ADD D DDDDDADD',
    'GET /tasks/{id}': 'HHH HHH A AAHAAAAA',
    'PATCH /tasks/{id}': 'HHH HHH D DDHDDADD',
    'POST /tasks/{id}/submit': 'HHH HHH D DDHDDADD',
    'POST /tasks/{id}/approve': 'HHH HHH D DDHDDDAD',
    'POST /tasks/{id}/return': 'HHH HHH D DDHDDDAD',
    'POST /tasks/{id}/reject': 'HHH HHH D DDHDDDAD',
    'POST /tasks/{id}/merge': 'HHH HHH D HHHHHHHH',
    'GET /assignments': 'DDD DDD A DADAAAAA',
    'GET /assignments/{id}': 'HHH HHH A HAHAAAAA',
    'POST /assignments/{id}/sign': 'HHH HHH D HDHDADDD',
    'POST /assignments/{id}/allocate': 'HHH HHH H HHHHHHHH',
    'POST /assignments/{id}/progress': 'HHH HHH D HDHDADDD',
    'POST /assignments/{id}/submit': 'HHH HHH D HDHDADDD',
    'POST /assignments/{id}/accept': 'HHH HHH D HDHDDAAD',
    'POST /assignments/{id}/send-back': 'HHH HHH D HDHDDAAD',
    'POST /assignments/{id}/rate': 'HHH HHH D HDHDADDD',
    'POST /assignments/{id}/urge': 'HHH HHH D HDHDDAAD',
    'POST /deadline-sweeps': 'DDD DDD D DDDDDDDA',
    'GET /biddings': 'AAA DDD A AAAAAAAA',
    'POST /biddings': 'DDD AAD D DDDDDAAD',
    'GET /biddings/{id}': 'HHH HHH H HHHHHHHH',
    'POST /biddings/{id}/bids': 'DDH DDD D DDDDHDDD',
    'POST /biddings/{id}/award': 'DDD HHD D DDDDDHHD',
    'GET /project-requests': 'DDD DDD A DDDADAAA',
    'POST /project-requests': 'DDA DDD D DDDDADDD',
    'GET /project-requests/{id}': 'HHH HHH H HHHHHHHH',
    'POST /project-requests/{id}/review': 'DDD HHD D DDDDDHHD',
}


def classify(status: int) -> str:
    return {403: "D", 404: "H"}.get(status, "A")


def row(letters: list[str]) -> str:
    text = "".join(letters)
    return f"{text[:3]} {text[3:6]} {text[6]} {text[7:]}"


@pytest.fixture(scope="module")
def records(api, login):
    return create_records(api, login)


def test_every_operation_is_in_the_table():
    keys = {operation.key for operation in operations()}
    missing = sorted(keys - EXPECTED.keys())
    assert not missing, "add these operations to EXPECTED:\n" + "\n".join(missing)
    assert not EXPECTED.keys() - keys, f"no longer in the document: {EXPECTED.keys() - keys}"


def test_authorization_matrix(api, login, records):
    values, record_ids = records
    secrets = [values["petition"], values["task"], values["household"],
               record_ids[("assignments", "id")]]
    observed, problems = {}, []
    for operation in operations():
        letters = []
        for username, _, _ in USERS:
            request = build_request(operation, values, record_ids=record_ids)
            reply = api.request(request.method, request.url, params=request.params,
                                json=request.json, content=request.content,
                                headers={**login(username), **request.headers})
            if reply.status_code >= 500 or reply.status_code == 401:
                problems.append(f"{operation.key} as {username}: {reply.status_code} {reply.text[:200]}")
            if username in FOREIGN and reply.status_code < 300 and any(s in reply.text for s in secrets):
                problems.append(f"LEAK {operation.key} as {username}: {reply.text[:200]}")
            if "$argon2" in reply.text or "password_hash" in reply.text:
                problems.append(f"PASSWORD HASH in {operation.key} as {username}")
            letters.append(classify(reply.status_code))
        observed[operation.key] = row(letters)
    differences = [f"    {key!r}: {observed[key]!r},  # expected {EXPECTED.get(key)!r}"
                   for key in observed if EXPECTED.get(key) != observed[key]]
    assert not problems, "\n".join(problems)
    assert not differences, "observed rows that differ from EXPECTED:\n" + "\n".join(differences)
