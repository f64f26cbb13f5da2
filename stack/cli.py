"""`zhili` / `python -m stack`: up, down, migrate, keys, demo load, protos."""
from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from pathlib import Path

from stack.processes import SERVICES, Stack, StackConfig
from shared.auth import generate_keys
from shared.settings import data_dir, env_int

DEMO_LOGINS = Path(__file__).resolve().parent.parent / "services/directory/data/demo/LOGINS.md"


def local_config() -> StackConfig:
    return StackConfig.local(data_dir(), http_port=env_int("ZHILI_HTTP_PORT", 8080),
                             nats_port=env_int("ZHILI_NATS_PORT", 4222),
                             grpc_base_port=env_int("ZHILI_GRPC_BASE_PORT", 50051))


def up(_args) -> None:
    config = local_config()
    pid_file = config.data_dir / "run" / "stack.pid"
    pid_file.parent.mkdir(parents=True, exist_ok=True)
    stack = Stack(config)
    print(f"data folder: {config.data_dir}")
    print("applying migrations and loading the demo county …", flush=True)
    stack.prepare(demo=True)
    stop = {"now": False}
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.update(now=True))
    try:
        stack.start_all()
        pid_file.write_text(str(os.getpid()))
        print(f"""
zhili is running (logs in {config.data_dir / 'log'}):
  API docs (Swagger UI): {config.base_url}/api/v1/ui/
  OpenAPI document:      {config.base_url}/api/v1/openapi.json
  NATS:                  nats://127.0.0.1:{config.nats_port}
  gRPC services:         {', '.join(f'{s} {config.grpc_addr(s)}' for s in SERVICES)}

Log in (every demo account's password is Zhili@2026), e.g. the town leader of 溪口镇:
  curl -s {config.base_url}/api/v1/auth/token -H 'Content-Type: application/json' \\
       -d '{{"username": "he.fangya", "password": "Zhili@2026"}}'
Demo logins: {DEMO_LOGINS}
Stop with Ctrl-C or `make down`.""", flush=True)
        while not stop["now"]:
            if stack.exited():
                print(f"process exited unexpectedly: {stack.exited()}; see the logs", flush=True)
                break
            time.sleep(0.5)
    finally:
        print("stopping …", flush=True)
        stack.stop_all()
        pid_file.unlink(missing_ok=True)


def down(_args) -> None:
    pid_file = data_dir() / "run" / "stack.pid"
    if not pid_file.exists():
        print("no running stack found")
        return
    os.kill(int(pid_file.read_text()), signal.SIGTERM)
    print("stop requested")


def migrate_all(_args) -> None:
    Stack(local_config()).prepare(demo=False)


def keys(args) -> None:
    print("new key id:", generate_keys(Path(args.folder)))


def demo_load(_args) -> None:
    stack = Stack(local_config())
    stack.prepare(demo=True)


def protos(args) -> None:
    from stack import protos as generator
    if args.check:
        stale = generator.stale_files()
        if stale:
            sys.exit(f"generated code is stale, run `make protos`: {stale}")
        return
    generator.generate()


def main() -> None:
    parser = argparse.ArgumentParser(prog="zhili", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("up", help="start the local stack with demo data").set_defaults(run=up)
    commands.add_parser("down", help="stop a running `up`").set_defaults(run=down)
    commands.add_parser("migrate", help="apply every service's migrations").set_defaults(
        run=migrate_all)
    keys_parser = commands.add_parser("keys", help="generate a new JWT signing key")
    keys_parser.add_argument("--folder", default=str(data_dir() / "keys"))
    keys_parser.set_defaults(run=keys)
    demo = commands.add_parser("demo", help="demo data").add_subparsers(dest="what", required=True)
    demo.add_parser("load", help="migrate and load the demo county").set_defaults(run=demo_load)
    protos_parser = commands.add_parser("protos", help="generate protobuf code")
    protos_parser.add_argument("--check", action="store_true")
    protos_parser.set_defaults(run=protos)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
