"""Fixtures of the deployment tests: the services in the tree, the compose file, kustomize builds."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from deploy_helpers import K8S, ROOT, run, tool


@pytest.fixture(scope="session")
def services() -> set[str]:
    """Services as the tree defines them: folders of services/ with a __main__.py."""
    return {path.parent.name for path in (ROOT / "services").glob("*/__main__.py")}


@pytest.fixture(scope="session")
def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def kustomize(tmp_path_factory):
    """`kustomize(path)` -> (file with the rendered manifests, list of documents); built once."""
    cache: dict[str, tuple[Path, list[dict]]] = {}
    out_dir = tmp_path_factory.mktemp("kustomize")

    def build(relative: str) -> tuple[Path, list[dict]]:
        if relative not in cache:
            result = run([tool("kubectl"), "kustomize", str(K8S / relative)])
            assert result.returncode == 0, f"kubectl kustomize {relative} failed:\n{result.stderr}"
            target = out_dir / (relative.replace("/", "_") + ".yaml")
            target.write_text(result.stdout, encoding="utf-8")
            docs = [doc for doc in yaml.safe_load_all(result.stdout) if doc]
            cache[relative] = (target, docs)
        return cache[relative]

    return build
