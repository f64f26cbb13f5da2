"""Token issuing and verification, and the scope rules of a caller (pure, no I/O beyond tmp keys)."""
import datetime as dt
import json
import time

import jwt
import pytest

from shared.auth import Principal, TokenIssuer, TokenVerifier, bearer_token, generate_keys
from shared.errors import PermissionDenied, Unauthenticated


@pytest.fixture
def keys(tmp_path):
    kid = generate_keys(tmp_path)
    issuer = TokenIssuer.from_files(tmp_path / "jwt_private.pem", kid, issuer="zhili-directory",
                                    audience="zhili", ttl=dt.timedelta(minutes=5))
    verifier = TokenVerifier.from_file(tmp_path / "jwks.json", issuer="zhili-directory",
                                       audience="zhili")
    return tmp_path, issuer, verifier


def test_round_trip_keeps_roles_and_scope(keys):
    _, issuer, verifier = keys
    token = issuer.issue(subject="p1", name="董庆", roles=["deputy_secretary"], org_id="330688100",
                         scope_org_id="330688100")
    principal = verifier.verify(token)
    assert principal.roles == ("deputy_secretary",) and principal.scope_org_id == "330688100"


def test_token_from_another_key_is_refused(keys, tmp_path_factory):
    _, _, verifier = keys
    other = tmp_path_factory.mktemp("other")
    kid = generate_keys(other)
    foreign = TokenIssuer.from_files(other / "jwt_private.pem", kid, issuer="zhili-directory",
                                     audience="zhili", ttl=dt.timedelta(minutes=5))
    with pytest.raises(Unauthenticated):
        verifier.verify(foreign.issue(subject="x", name="x", roles=["admin"], org_id="330688",
                                      scope_org_id="330688"))


def test_a_remembered_token_still_expires_and_a_tampered_copy_is_still_refused(keys):
    folder, _, verifier = keys
    kid = (folder / "jwt_key_id").read_text()
    brief = TokenIssuer.from_files(folder / "jwt_private.pem", kid, issuer="zhili-directory",
                                   audience="zhili", ttl=dt.timedelta(seconds=1))
    token = brief.issue(subject="p", name="n", roles=["admin"], org_id="330688",
                        scope_org_id="330688")
    assert verifier.verify(token).subject == "p"
    assert verifier.verify(token).subject == "p"  # the second time from memory
    header, payload, signature = token.split(".")
    with pytest.raises(Unauthenticated):
        verifier.verify(f"{header}.{payload}.{signature[:-4]}AAAA")
    time.sleep(2.1)  # exp is whole seconds
    with pytest.raises(Unauthenticated):
        verifier.verify(token)


def test_rotation_keeps_the_old_key_verifiable(keys):
    folder, old_issuer, _ = keys
    old_token = old_issuer.issue(subject="p", name="n", roles=["admin"], org_id="330688",
                                 scope_org_id="330688")
    generate_keys(folder)  # the new key signs from now on; the JWKS keeps the old one
    verifier = TokenVerifier.from_file(folder / "jwks.json", issuer="zhili-directory",
                                       audience="zhili")
    assert len(json.loads((folder / "jwks.json").read_text())["keys"]) == 2
    assert verifier.verify(old_token).subject == "p"


def test_a_running_verifier_learns_a_rotated_key(keys):
    folder, _, _ = keys
    verifier = TokenVerifier.from_file(folder / "jwks.json", issuer="zhili-directory",
                                       audience="zhili", reload_seconds=0)
    new_kid = generate_keys(folder)
    issuer = TokenIssuer.from_files(folder / "jwt_private.pem", new_kid, issuer="zhili-directory",
                                    audience="zhili", ttl=dt.timedelta(minutes=5))
    token = issuer.issue(subject="p2", name="n", roles=["admin"], org_id="330688",
                         scope_org_id="330688")
    assert verifier.verify(token).subject == "p2"


def test_missing_claims_are_refused(keys):
    folder, _, verifier = keys
    private = (folder / "jwt_private.pem").read_bytes()
    kid = (folder / "jwt_key_id").read_text()
    token = jwt.encode({"sub": "x", "aud": "zhili", "iss": "zhili-directory"}, private,
                       algorithm="ES256", headers={"kid": kid})
    with pytest.raises(Unauthenticated):
        verifier.verify(token)


def test_bearer_header_parsing():
    assert bearer_token("Bearer abc") == "abc"
    with pytest.raises(Unauthenticated):
        bearer_token("Basic abc")
    with pytest.raises(Unauthenticated):
        bearer_token(None)


def test_scope_is_a_subtree_of_org_codes():
    town_leader = Principal("p", "n", ("town_leader",), "330688100", "330688100")
    assert town_leader.can_see("330688100201G01")
    assert not town_leader.can_see("330688101201")
    with pytest.raises(PermissionDenied):
        town_leader.require_visible("330688101")


def test_supervisor_is_read_only():
    supervisor = Principal("p", "n", ("supervisor",), "330688K13", "330688")
    assert supervisor.can_see("330688101201") and supervisor.read_only
    with pytest.raises(PermissionDenied) as denied:
        supervisor.require_writer()
    assert denied.value.code == "READ_ONLY_ROLE"
    assert not Principal("p", "n", ("admin",), "330688", "330688").read_only
