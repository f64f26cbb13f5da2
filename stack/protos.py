"""Generate the Python code of every .proto under protos/, committed beside its source."""
from __future__ import annotations

import tempfile
from pathlib import Path

from grpc_tools import protoc

from shared.settings import ROOT

PROTO_ROOT = ROOT / "protos"


def proto_files(root: Path = PROTO_ROOT) -> list[Path]:
    return sorted(root.rglob("*.proto"))


def generate(out_dir: Path = PROTO_ROOT) -> None:
    include = Path(protoc.__file__).parent / "_proto"
    for proto in proto_files():
        args = ["protoc", f"-I{PROTO_ROOT}", f"-I{include}", f"--python_out={out_dir}",
                f"--pyi_out={out_dir}", f"--grpc_python_out={out_dir}",
                str(proto.relative_to(PROTO_ROOT))]
        if protoc.main(args) != 0:
            raise SystemExit(f"protoc failed on {proto}")
    for generated in out_dir.rglob("*_pb2_grpc.py"):
        if "rpc " not in (PROTO_ROOT / generated.relative_to(out_dir)).with_name(
                generated.name.replace("_pb2_grpc.py", ".proto")).read_text():
            generated.unlink()  # message-only protos need no stubs


def stale_files() -> list[str]:
    """Generated files that differ from what protoc makes now (empty when up to date)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        for proto in proto_files():
            (out / proto.relative_to(PROTO_ROOT)).parent.mkdir(parents=True, exist_ok=True)
        generate(out)
        fresh = {p.relative_to(out) for p in out.rglob("*_pb2*.py*")}
        committed = {p.relative_to(PROTO_ROOT) for p in PROTO_ROOT.rglob("*_pb2*.py*")}
        stale = sorted(str(p) for p in fresh ^ committed)
        stale += sorted(str(p) for p in fresh & committed
                        if (out / p).read_bytes() != (PROTO_ROOT / p).read_bytes())
        return stale
