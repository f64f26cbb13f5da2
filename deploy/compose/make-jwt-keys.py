"""Create, rotate or prune the JWT signing key of `directory` and the JWKS every verifier reads.

Runs inside the zhili image (PyJWT and cryptography are dependencies), as compose's `keys`
one-shot, or from the repo's .venv to make keys for a dev cluster. Idempotent without flags, so it
can run on every `docker compose up`.

  signing dir: private.pem (PEM, PKCS#8) and key-id  -> JWT_PRIVATE_KEY_FILE / JWT_KEY_ID of directory
  jwks dir:    jwks.json ({"keys": [...]}, newest first) -> JWT_JWKS_FILE of every process

Rotation (overlap model): `--rotate --kid NEW` writes a new private key and puts its public key in
front of the JWKS, keeping the previous one, so tokens signed before the switch still verify.
Once every such token has expired (TOKEN_TTL_SECONDS after directory restarted with the new key),
`--prune` drops every public key but the current one.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from jwt.algorithms import ECAlgorithm

# The only algorithm shared.auth signs and accepts; a key of any other type would be refused.
ALGORITHM = "ES256"


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--signing-dir", type=Path, required=True)
    parser.add_argument("--jwks-dir", type=Path, required=True)
    parser.add_argument("--kid", default=os.environ.get("JWT_KEY_ID") or "dev-1",
                        help="key id of the signing key (default: $JWT_KEY_ID or dev-1)")
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--rotate", action="store_true",
                        help="new signing key; the JWKS keeps the previous public key")
    action.add_argument("--prune", action="store_true",
                        help="keep only the current public key in the JWKS")
    return parser.parse_args(argv)


def _write(path: Path, data: bytes, mode: int) -> None:
    """Write atomically: a reader never sees half a key, and a crash leaves the old file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.chmod(tmp, mode)
    os.replace(tmp, path)


def _public_jwk(private_key: ec.EllipticCurvePrivateKey, kid: str) -> dict:
    jwk = ECAlgorithm.to_jwk(private_key.public_key(), as_dict=True)
    return {**jwk, "kid": kid, "alg": ALGORITHM, "use": "sig"}


def _load_jwks(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return list(json.loads(path.read_text(encoding="utf-8")).get("keys", []))


def _save_jwks(path: Path, keys: list[dict]) -> None:
    _write(path, (json.dumps({"keys": keys}, indent=2) + "\n").encode(), 0o644)


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    private_path = args.signing_dir / "private.pem"
    kid_path = args.signing_dir / "key-id"
    jwks_path = args.jwks_dir / "jwks.json"
    current_kid = kid_path.read_text().strip() if kid_path.exists() else None

    if args.prune:
        kept = [key for key in _load_jwks(jwks_path) if key.get("kid") == current_kid]
        if not kept:
            print(f"refusing to prune: current key {current_kid!r} is not in {jwks_path}", file=sys.stderr)
            return 1
        _save_jwks(jwks_path, kept)
        print(f"jwks: only {current_kid} left")
        return 0

    if private_path.exists() and not args.rotate:
        if current_kid != args.kid:
            # Fail loudly: directory would sign with a kid that no verifier can find.
            print(f"signing key has kid {current_kid!r} but JWT_KEY_ID/--kid is {args.kid!r}; "
                  "run with --rotate to switch keys, or use the existing kid", file=sys.stderr)
            return 1
        print(f"signing key {current_kid} exists; nothing to do")
        return 0
    if args.rotate and args.kid == current_kid:
        print(f"--rotate needs a new --kid (current is {current_kid!r})", file=sys.stderr)
        return 1

    private_key = ec.generate_private_key(ec.SECP256R1())
    pem = private_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption())
    # JWKS first: verifiers must know the new public key before anything is signed with it.
    previous = [key for key in _load_jwks(jwks_path) if key.get("kid") != args.kid]
    _save_jwks(jwks_path, [_public_jwk(private_key, args.kid), *previous])
    _write(private_path, pem, 0o600)
    # No trailing newline: the file may become an env var (kubectl create secret --from-file).
    _write(kid_path, args.kid.encode(), 0o644)
    print(f"signing key {args.kid} ({ALGORITHM}) written; jwks holds {1 + len(previous)} key(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
