"""Partner secrets at rest (Fernet-encrypted) and the service's own identity towards petitions."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from shared.auth import COUNTY_STAFF, TokenIssuer


class Vault:
    """Encrypts partner secrets; several keys (newest first) allow rotating the encryption key."""

    def __init__(self, keys: list[bytes]) -> None:
        self._fernet = MultiFernet([Fernet(key) for key in keys])

    @classmethod
    def from_setting(cls, value: str, key_file: Path) -> "Vault":
        """INTEGRATION_CREDENTIALS_KEYS (comma-separated), else a key file made on first use."""
        if value:
            return cls([part.strip().encode() for part in value.split(",") if part.strip()])
        if not key_file.exists():
            key_file.parent.mkdir(parents=True, exist_ok=True)
            key_file.write_bytes(Fernet.generate_key())
            key_file.chmod(0o600)
        return cls([key_file.read_bytes().strip()])

    def encrypt(self, secret: str) -> str:
        return self._fernet.encrypt(secret.encode()).decode()

    def decrypt(self, token: str) -> str | None:
        try:
            return self._fernet.decrypt(token.encode()).decode()
        except InvalidToken:
            return None


class ServiceIdentity:
    """Short-lived tokens the service presents to petitions when it acts for a partner.

    Petitions accepts partner-sourced petitions from county staff; the token carries that role,
    the partner as subject and the partner's jurisdiction as org and scope (integration checks
    the jurisdiction itself before calling).
    """

    def __init__(self, issuer: TokenIssuer) -> None:
        self._issuer = issuer
        self._cache: dict[tuple[str, str], tuple[str, dt.datetime]] = {}

    def token_for(self, *, subject: str, name: str, org_id: str) -> str:
        key = (subject, org_id)
        now = dt.datetime.now(dt.UTC)
        cached = self._cache.get(key)
        if cached and cached[1] > now + dt.timedelta(seconds=30):
            return cached[0]
        token = self._issuer.issue(subject=subject, name=name, roles=[COUNTY_STAFF], org_id=org_id,
                                   scope_org_id=org_id)
        self._cache[key] = (token, now + self._issuer.ttl)
        return token
