"""Bearer JWT check at the edge; services check the same token again (defence in depth)."""
from __future__ import annotations

from gateway.problems import ApiProblem
from shared.auth import TokenVerifier
from shared.errors import Unauthenticated
from shared.settings import JwtSettings

_verifier: TokenVerifier | None = None


def load_verifier() -> TokenVerifier:
    """Fails loudly at worker start when the key set is missing or broken."""
    global _verifier
    settings = JwtSettings.from_env()
    _verifier = TokenVerifier.from_file(settings.jwks_file, issuer=settings.issuer,
                                        audience=settings.audience)
    return _verifier


def verify_bearer(token: str) -> dict:
    verifier = _verifier or load_verifier()
    try:
        principal = verifier.verify(token)
    except Unauthenticated as error:
        raise ApiProblem(401, error.code, error.message_zh, error.message_en,
                         headers={"WWW-Authenticate": 'Bearer error="invalid_token"'}) from None
    return {"sub": principal.subject, "roles": list(principal.roles), "org": principal.org_id,
            "scope": principal.scope_org_id}
