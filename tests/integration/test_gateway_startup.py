"""A gateway worker that cannot start (no key set) stops gunicorn loudly instead of serving 500s."""
import os
import subprocess
import sys

from stack.processes import HOST, free_port
from shared.settings import ROOT


def test_missing_key_set_fails_the_gateway_at_start(tmp_path):
    port = free_port()
    env = {**os.environ, "ZHILI_DATA_DIR": str(tmp_path), "GATEWAY_BIND": f"{HOST}:{port}",
           "GATEWAY_WORKERS": "1", "JWT_JWKS_FILE": str(tmp_path / "missing.json"),
           "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "protos")])}
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    result = subprocess.run([sys.executable, "-m", "gunicorn", "--config",
                             "python:gateway.gunicorn_conf", "gateway.asgi:app"], env=env,
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "missing.json" in result.stderr  # the reason is in the log, not hidden behind a 500
