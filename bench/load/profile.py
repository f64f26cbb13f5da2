"""py-spy against running stack processes (gateway workers, services): top frames by self and total time."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

from stack.processes import Stack

OURS = re.compile(r"\((?:.*/)?(gateway|services|shared)/[^)]*\)")


def py_spy() -> str:
    return shutil.which("py-spy", path=str(Path(sys.executable).parent)) or "py-spy"


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


class Profiler:
    """`with Profiler(stack, names, seconds):` samples each process (gunicorn: each worker)."""

    def __init__(self, stack: Stack, names: list[str], seconds: float) -> None:
        self.stack, self.names, self.seconds = stack, names, seconds
        self.jobs: list[tuple[str, Path, subprocess.Popen]] = []

    def __enter__(self) -> Profiler:
        out = Path(os.environ.get("BENCH_PROFILE_DIR") or self.stack.config.data_dir / "profiles")
        out.mkdir(parents=True, exist_ok=True)
        for name in self.names:
            pid = self.stack.processes[name].pid
            pids = children(pid) if name == "gateway" else [pid]  # gunicorn master → workers
            for n, target in enumerate(pids):
                label = f"{name}-{n}" if len(pids) > 1 else name
                path = out / f"{label}.txt"
                self.jobs.append((label, path, subprocess.Popen(
                    [py_spy(), "record", "--pid", str(target), "--duration",
                     str(int(self.seconds) + 1), "--rate", "100", "--nonblocking", "--format",
                     "raw", "--output", str(path), *os.environ.get("BENCH_PYSPY_ARGS", "").split()], stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE)))
        return self

    def __exit__(self, *exc) -> None:
        for label, _, job in self.jobs:
            _, err = job.communicate(timeout=60)
            if job.returncode:
                print(f"py-spy {label} failed: {err.decode()[-300:]}", flush=True)

    def top(self, n: int = 12) -> dict[str, dict]:
        """Per process group: samples, top self frames, top frames of our own code by total time."""
        grouped: dict[str, list[Path]] = {}
        for label, path, _ in self.jobs:
            grouped.setdefault(label.split("-")[0], []).append(path)
        return {name: top_frames(paths, n) for name, paths in grouped.items()}


def top_frames(paths: list[Path], n: int) -> dict:
    own, total, ours, samples = Counter(), Counter(), Counter(), 0
    for path in paths:
        if not path.exists():
            continue
        for line in path.read_text(errors="replace").splitlines():
            stack, _, count = line.rpartition(" ")
            if not count.isdigit():
                continue
            frames = [f.strip() for f in stack.split(";") if f.strip()]
            frames = [f for f in frames if not f.startswith(("process ", "thread "))]
            if not frames:
                continue
            hits = int(count)
            samples += hits
            own[short(frames[-1])] += hits
            for frame in {short(f) for f in frames}:
                total[frame] += hits
            for frame in {short(f) for f in frames if OURS.search(f)}:
                ours[frame] += hits
    share = (lambda c: [(f, round(100 * k / samples, 1)) for f, k in c.most_common(n)]) \
        if samples else (lambda c: [])
    return {"samples": samples, "self": share(own), "ours_total": share(ours)}


def short(frame: str) -> str:
    """`fn (/long/path/to/pkg/mod.py:12)` → `fn (pkg/mod.py)`: group a function's lines together."""
    match = re.match(r"(.*) \((.*?):?\d*\)$", frame)
    if not match:
        return frame
    name, path = match.groups()
    parts = Path(path).parts
    for anchor in ("site-packages", "gateway", "services", "shared", "lib"):
        if anchor in parts:
            i = parts.index(anchor)
            parts = parts[i + 1:] if anchor in ("site-packages", "lib") else parts[i:]
            break
    return f"{name} ({'/'.join(parts[-3:])})"
