"""The image, checked without a Docker engine: the Dockerfile's shape, what the build context
leaves out, and that `pip install .` (the image's only install step) carries every runtime file."""
from __future__ import annotations

import fnmatch
import re
import shutil
import sys
import zipfile

import yaml

from deploy_helpers import K8S, ROOT, run

# What `pip install .` must put into the image: everything under these folders but tests,
# caches and docs (the protos folder is a source root: its content installs as `zhili`).
PACKAGE_ROOTS = {"shared": "shared", "gateway": "gateway", "services": "services",
                 "stack": "stack", "protos/zhili": "zhili"}
# Screenshots of the console are pictures for its README, not something the console serves.
NOT_INSTALLED = ("*/__pycache__/*", "*.pyc", "*.md", "*/.gitkeep", "services/*/tests/*",
                 "gateway/console/screenshots/*")


def stages() -> list[list[str]]:
    """Dockerfile instructions (continuations joined, comments dropped), split per stage."""
    text = re.sub(r"\\\n", " ", (ROOT / "Dockerfile").read_text(encoding="utf-8"))
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    result: list[list[str]] = []
    for line in lines:
        if line.upper().startswith("FROM "):
            result.append([])
        if result:
            result[-1].append(line)
    return result


def test_dockerfile_is_multi_stage_with_a_lean_non_root_final_stage():
    all_stages = stages()
    assert len(all_stages) >= 2, "build in one stage, run in another"
    final = all_stages[-1]
    text = "\n".join(final)
    assert not re.search(r"\b(apt-get|apk|gcc|g\+\+|build-essential|pip install)\b", text), (
        "no package managers or compilers in the final stage")
    users = [line.split()[1] for line in final if line.upper().startswith("USER ")]
    assert users and users[-1].split(":")[0].isdigit() and users[-1].split(":")[0] != "0", (
        "the final stage must end on a numeric non-root USER (runAsNonRoot can check it)")
    assert re.search(r"PYTHONDONTWRITEBYTECODE=1", text)
    assert any(line.upper().startswith("CMD ") for line in final), "a default command"
    assert "COPY --from=build /opt/venv" in text, "the final stage takes the built venv only"
    arg_default = re.search(r"ARG PYTHON_IMAGE=(\S+)", (ROOT / "Dockerfile").read_text()).group(1)
    assert arg_default.startswith("python:3.11-slim")


def test_image_uid_matches_the_kubernetes_pods():
    uid = next(line.split()[1].split(":")[0] for line in stages()[-1] if line.startswith("USER "))
    for path in (K8S / "base").glob("*.yaml"):
        for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            if doc and doc["kind"] == "Deployment":
                context = doc["spec"]["template"]["spec"]["securityContext"]
                assert str(context["runAsUser"]) == uid, f"{path.name}: runAsUser != image USER"


def test_build_context_leaves_out_local_state_secrets_and_tests():
    patterns = [line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()
                if line.strip() and not line.startswith("#")]
    for needed in (".git", ".venv", "var", "tests", "deploy", "**/*.pem", ".env"):
        assert needed in patterns, f".dockerignore should exclude {needed}"
    for kept in ("pyproject.toml", "shared", "gateway", "services", "stack", "protos"):
        assert not any(fnmatch.fnmatch(kept, pattern) for pattern in patterns), f"{kept} is needed"


def test_pip_install_dot_carries_every_runtime_file(tmp_path):
    """The image runs code from site-packages, not from the tree: a migration, template or data
    file that the package configuration misses would work locally and fail in the container."""
    source = tmp_path / "src"
    source.mkdir()
    shutil.copy(ROOT / "pyproject.toml", source)
    for folder in ("shared", "gateway", "services", "stack", "protos"):
        shutil.copytree(ROOT / folder, source / folder,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "tests"))
    result = run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                  "--no-index", "-q", "-w", str(tmp_path / "dist"), str(source)])
    assert result.returncode == 0, result.stdout + result.stderr
    wheel = next((tmp_path / "dist").glob("*.whl"))
    installed = set(zipfile.ZipFile(wheel).namelist())
    missing = []
    for folder, package in PACKAGE_ROOTS.items():
        for path in (ROOT / folder).rglob("*"):
            relative = path.relative_to(ROOT).as_posix()
            if path.is_dir() or any(fnmatch.fnmatch(relative, p) for p in NOT_INSTALLED):
                continue
            if "/tests/" in f"/{relative}":
                continue
            target = package + relative.removeprefix(folder)
            if target not in installed:
                missing.append(relative)
    assert not missing, ("not installed by `pip install .` (add an __init__.py to the folder or "
                         f"the file type to package-data in pyproject.toml): {sorted(missing)}")
