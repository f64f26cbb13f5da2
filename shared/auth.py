"""JWT keys, issuing and verifying tokens, and the caller's roles and org scope."""
from __future__ import annotations

import datetime as dt
import json
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from shared.errors import PermissionDenied, Unauthenticated

ALGORITHM = "ES256"

# Positions (职务) a person can hold; the token carries them as roles.
ADMIN = "admin"
COUNTY_STAFF = "county_staff"
SUPERVISOR = "supervisor"
TOWN_LEADER = "town_leader"
DEPUTY_SECRETARY = "deputy_secretary"
TOWN_STAFF = "town_staff"
VILLAGE_SECRETARY = "village_secretary"
VILLAGE_CADRE = "village_cadre"
GRID_WORKER = "grid_worker"
POSITIONS = {
    ADMIN: ("系统管理员", "Administrator"),
    COUNTY_STAFF: ("县级部门人员", "County department staff"),
    SUPERVISOR: ("纪委监督员", "Supervisor"),
    TOWN_LEADER: ("镇街分管领导", "Town leader"),
    DEPUTY_SECRETARY: ("镇党委副书记", "Town deputy party secretary"),
    TOWN_STAFF: ("镇职能办公室干部", "Town office staff"),
    VILLAGE_SECRETARY: ("村社书记", "Village party secretary"),
    VILLAGE_CADRE: ("村干部", "Village cadre"),
    GRID_WORKER: ("网格员", "Grid worker"),
}
COUNTY_WIDE = {ADMIN, COUNTY_STAFF, SUPERVISOR}


def generate_keys(directory: Path, *, key_id: str | None = None) -> str:
    """Write a new ES256 private key and a JWKS holding its public half (plus older keys kept)."""
    directory.mkdir(parents=True, exist_ok=True)
    key_id = key_id or uuid.uuid4().hex[:16]
    private = ec.generate_private_key(ec.SECP256R1())
    pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    private_path = directory / "jwt_private.pem"
    private_path.write_bytes(pem)
    private_path.chmod(0o600)
    (directory / "jwt_key_id").write_text(key_id)
    jwks_path = directory / "jwks.json"
    keys = json.loads(jwks_path.read_text())["keys"] if jwks_path.exists() else []
    public = json.loads(jwt.algorithms.ECAlgorithm.to_jwk(private.public_key()))
    public.update(kid=key_id, use="sig", alg=ALGORITHM)
    jwks_path.write_text(json.dumps({"keys": [public, *keys][:3]}, indent=2))
    return key_id


@dataclass(frozen=True)
class Principal:
    """Who is calling: a person with roles, a home org unit and the org subtree they may see."""

    subject: str
    name: str
    roles: tuple[str, ...]
    org_id: str
    scope_org_id: str
    token: str = ""

    @property
    def read_only(self) -> bool:
        return set(self.roles) <= {SUPERVISOR}

    def has_role(self, *roles: str) -> bool:
        return any(role in self.roles for role in roles)

    def can_see(self, org_id: str) -> bool:
        """Org ids are hierarchical codes, so a subtree is a prefix (330688 ⊃ 330688100 ⊃ …)."""
        return org_id.startswith(self.scope_org_id)

    def require_visible(self, org_id: str) -> None:
        if not self.can_see(org_id):
            raise PermissionDenied("无权访问该组织范围之外的数据",
                                   "This org unit is outside your scope", code="OUT_OF_SCOPE")

    def require_writer(self) -> None:
        if self.read_only:
            raise PermissionDenied("监督角色只能查看，不能修改", "Supervisors may read but never write",
                                   code="READ_ONLY_ROLE")

    def require_role(self, *roles: str) -> None:
        if not self.has_role(*roles):
            names = "、".join(POSITIONS[r][0] for r in roles)
            raise PermissionDenied(f"该操作仅限{names}", f"Only {', '.join(roles)} may do this",
                                   code="ROLE_REQUIRED")


class TokenIssuer:
    def __init__(self, private_key_pem: bytes, key_id: str, *, issuer: str, audience: str,
                 ttl: dt.timedelta) -> None:
        self._key = serialization.load_pem_private_key(private_key_pem, password=None)
        self._key_id = key_id
        self._issuer = issuer
        self._audience = audience
        self.ttl = ttl

    @classmethod
    def from_files(cls, private_key_file: Path, key_id: str, **kwargs) -> "TokenIssuer":
        return cls(private_key_file.read_bytes(), key_id, **kwargs)

    def issue(self, *, subject: str, name: str, roles: list[str], org_id: str,
              scope_org_id: str) -> str:
        now = dt.datetime.now(dt.UTC)
        claims = {"iss": self._issuer, "aud": self._audience, "sub": subject, "iat": now,
                  "nbf": now, "exp": now + self.ttl, "jti": uuid.uuid4().hex, "name": name,
                  "roles": roles, "org": org_id, "scope": scope_org_id}
        return jwt.encode(claims, self._key, algorithm=ALGORITHM, headers={"kid": self._key_id})


REMEMBER_SECONDS = 60.0
REMEMBER_TOKENS = 10_000


class TokenVerifier:
    """Checks signature (ES256 only: `none`, HS256 and others are refused), expiry, issuer, audience."""

    def __init__(self, jwks: dict, *, issuer: str, audience: str,
                 jwks_file: Path | None = None, reload_seconds: float = 10.0) -> None:
        self._keys = {key.key_id: key for key in jwt.PyJWKSet.from_dict(jwks).keys}
        self._issuer = issuer
        self._audience = audience
        self._file = jwks_file
        self._reload_seconds = reload_seconds
        self._reloaded_at = time.monotonic()
        # token → (valid until, principal): a client sends the same token with every request,
        # and the gateway and each service it reaches would check its ES256 signature again
        # (8% of a gateway worker's CPU under load, bench/load/PROFILE.md)
        self._verified: dict[str, tuple[float, Principal]] = {}

    @classmethod
    def from_file(cls, jwks_file: Path, **kwargs) -> "TokenVerifier":
        return cls(json.loads(jwks_file.read_text()), jwks_file=jwks_file, **kwargs)

    def _key_for(self, kid: str | None):
        """An unknown kid after a key rotation: re-read the JWKS file (at most every 10 s)."""
        stale = time.monotonic() - self._reloaded_at >= self._reload_seconds
        if kid not in self._keys and self._file and stale:
            self._reloaded_at = time.monotonic()
            jwks = json.loads(self._file.read_text())
            self._keys = {key.key_id: key for key in jwt.PyJWKSet.from_dict(jwks).keys}
        return self._keys.get(kid)

    def verify(self, token: str) -> Principal:
        """The token's principal; a verified token is remembered until it expires, at most
        `REMEMBER_SECONDS` (so a key withdrawn from the JWKS stops working within that time)."""
        now = time.time()
        remembered = self._verified.get(token)
        if remembered is not None and now < remembered[0]:
            return remembered[1]
        principal, expires = self._check(token)
        if len(self._verified) >= REMEMBER_TOKENS:
            self._verified.clear()
        self._verified[token] = (min(expires, now + REMEMBER_SECONDS), principal)
        return principal

    def _check(self, token: str) -> tuple[Principal, float]:
        try:
            header = jwt.get_unverified_header(token)
            key = self._key_for(header.get("kid"))
            if key is None or header.get("alg") != ALGORITHM:
                raise jwt.InvalidTokenError("unknown key or algorithm")
            claims = jwt.decode(token, key.key, algorithms=[ALGORITHM], audience=self._audience,
                                issuer=self._issuer,
                                options={"require": ["exp", "iat", "sub", "aud", "iss"]})
            return Principal(subject=claims["sub"], name=claims.get("name", ""),
                             roles=tuple(claims.get("roles", ())), org_id=claims["org"],
                             scope_org_id=claims["scope"], token=token), float(claims["exp"])
        except (jwt.InvalidTokenError, KeyError, ValueError) as exc:
            raise Unauthenticated("登录凭证无效或已过期，请重新登录",
                                  "The token is invalid or expired; log in again",
                                  code="INVALID_TOKEN") from exc


def bearer_token(authorization: str | None) -> str:
    if not authorization or not authorization.lower().startswith("bearer "):
        raise Unauthenticated("缺少登录凭证", "A bearer token is required", code="MISSING_TOKEN")
    return authorization[7:].strip()
