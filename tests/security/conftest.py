"""The security tests use the integration tier's real stack (one per backend) and its helpers."""
from tests.integration.conftest import api, login, stack  # noqa: F401  (fixtures)
