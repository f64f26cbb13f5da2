"""Tampered, expired, `alg: none` and wrongly signed tokens are refused with 401."""
import base64
import datetime as dt
import json

import jwt
from cryptography.hazmat.primitives import serialization

from tests.integration.conftest import assert_problem


def _b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def _claims(stack) -> dict:
    now = dt.datetime.now(dt.UTC)
    return {"iss": "zhili-directory", "aud": "zhili", "sub": "x", "iat": now, "nbf": now,
            "exp": now + dt.timedelta(minutes=5), "name": "x", "roles": ["admin"],
            "org": "330688", "scope": "330688"}


def _key(stack):
    keys = stack.config.data_dir / "keys"
    return ((keys / "jwt_private.pem").read_bytes(), (keys / "jwt_key_id").read_text())


def test_a_valid_token_works(api, login):
    assert api.get("/api/v1/me", headers=login("he.fangya")).status_code == 200


def test_tampered_token(api, login):
    token = login("ge.yu")["Authorization"].split()[1]
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["scope"] = "330688"  # widen the scope to the county
    forged = f"{header}.{_b64(claims)}.{signature}"
    assert_problem(api.get("/api/v1/me", headers={"Authorization": f"Bearer {forged}"}), 401,
                   "INVALID_TOKEN")


def test_expired_token(api, stack):
    private, kid = _key(stack)
    claims = {**_claims(stack), "exp": dt.datetime.now(dt.UTC) - dt.timedelta(seconds=5)}
    token = jwt.encode(claims, private, algorithm="ES256", headers={"kid": kid})
    assert_problem(api.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}), 401,
                   "INVALID_TOKEN")


def test_alg_none_token(api, stack):
    _, kid = _key(stack)
    claims = {k: (int(v.timestamp()) if isinstance(v, dt.datetime) else v)
              for k, v in _claims(stack).items()}
    token = f"{_b64({'alg': 'none', 'typ': 'JWT', 'kid': kid})}.{_b64(claims)}."
    assert_problem(api.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}), 401,
                   "INVALID_TOKEN")


def test_hs256_signed_with_the_public_key(api, stack):
    """The classic key-confusion attack: HMAC keyed with the published public key."""
    private, kid = _key(stack)
    public = serialization.load_pem_private_key(private, None).public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    header = _b64({"alg": "HS256", "typ": "JWT", "kid": kid})
    claims = {k: (int(v.timestamp()) if isinstance(v, dt.datetime) else v)
              for k, v in _claims(stack).items()}
    import hashlib
    import hmac
    body = f"{header}.{_b64(claims)}"
    signature = base64.urlsafe_b64encode(hmac.new(public, body.encode(), hashlib.sha256).digest())
    token = f"{body}.{signature.rstrip(b'=').decode()}"
    assert_problem(api.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}), 401,
                   "INVALID_TOKEN")


def test_wrong_audience(api, stack):
    private, kid = _key(stack)
    token = jwt.encode({**_claims(stack), "aud": "someone-else"}, private, algorithm="ES256",
                       headers={"kid": kid})
    assert_problem(api.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}), 401,
                   "INVALID_TOKEN")


def test_jwks_is_published(api, stack):
    keys = api.get("/.well-known/jwks.json").json()["keys"]
    _, kid = _key(stack)
    assert [k["kid"] for k in keys] == [kid] and keys[0]["alg"] == "ES256"
    assert "d" not in keys[0]  # never the private part
