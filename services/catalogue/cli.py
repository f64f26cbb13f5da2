"""`python -m services.catalogue import|export FILE --county C --year Y --kind K`: CSV from the shell."""
from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from services.catalogue import app
from services.catalogue.rules import KINDS
from services.catalogue.service import ImportRejected
from shared.auth import ADMIN, Principal


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m services.catalogue")
    parser.add_argument("command", choices=["import", "export"])
    parser.add_argument("file", type=Path, help="CSV to read (import) or write (export; - = stdout)")
    parser.add_argument("--county", required=True)
    parser.add_argument("--year", type=int, required=True)
    parser.add_argument("--kind", required=True, choices=KINDS)
    return parser.parse_args(argv)


def _progress(done: int, total: int) -> None:
    print(f"\r{done}/{total} rows written", end="" if done < total else "\n", file=sys.stderr,
          flush=True)


async def run(args: argparse.Namespace) -> int:
    service = app.build_service(app.settings())
    try:
        if args.command == "export":
            system = Principal(subject="system", name="cli", roles=(ADMIN,), org_id=args.county,
                               scope_org_id=args.county)
            text = await service.export_csv(system, county_id=args.county, year=args.year,
                                            kind=args.kind)
            if str(args.file) == "-":
                sys.stdout.write(text)
            else:
                args.file.write_text(text, encoding="utf-8")
            return 0
        text = args.file.read_text(encoding="utf-8-sig")
        print(f"checking {text.count(chr(10))} lines of {args.file}", file=sys.stderr)
        try:
            count = await service.import_csv(None, county_id=args.county, year=args.year,
                                             kind=args.kind, csv_text=text, progress=_progress)
        except ImportRejected as rejected:
            for error in rejected.errors:
                print(f"line {error.line}: {error.field}: {error.message}", file=sys.stderr)
            print(f"nothing imported: {len(rejected.errors)} errors", file=sys.stderr)
            return 1
        print(f"imported {count} rows into {args.county}/{args.year} ({args.kind})")
        return 0
    finally:
        await service.database.dispose()


def main(argv: list[str]) -> None:
    sys.exit(asyncio.run(run(parse(argv))))
