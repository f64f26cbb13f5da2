"""Province rule files: the legal defaults of one province, read from YAML and kept as region rows."""
from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from services.procedures import legal
from services.procedures.models import rules
from services.procedures.service.templates import same_shape
from shared import db as dbmod

RULES_DIR = Path(__file__).resolve().parent.parent / "data" / "provinces"
# Rows written from a province file carry this author, so a redeploy replaces exactly them
# (never a county's own rows, which their admins set through SetRule).
FILE_AUTHOR = "province-file"
PROVINCE_CODE = re.compile(r"\d{2}")


class ProvinceFileError(ValueError):
    """A province rule file that cannot be used: the service refuses to start on it."""


def read_province_file(province: str, directory: Path = RULES_DIR) -> list[dict]:
    """The rule rows of `<directory>/<province>.yaml`, each checked against the national default."""
    if not PROVINCE_CODE.fullmatch(province):
        raise ProvinceFileError(f"PROCEDURES_PROVINCE must be a 2-digit province code, "
                                f"not {province!r}")
    path = directory / f"{province}.yaml"
    if not path.is_file():
        raise ProvinceFileError(f"no rule file for province {province}: {path}")
    return parse_province_rules(province, path.read_text(encoding="utf-8"), path.name)


def parse_province_rules(province: str, text: str, name: str = "") -> list[dict]:
    document = yaml.safe_load(text) or {}
    if str(document.get("province", "")) != province:
        raise ProvinceFileError(f"{name}: `province` must be {province!r}")
    found = document.get("rules") or {}
    if not isinstance(found, dict) or not found:
        raise ProvinceFileError(f"{name}: `rules` must map rule keys to value and source")
    rows = []
    for key, spec in found.items():
        if key not in legal.DEFAULT_RULES:
            raise ProvinceFileError(f"{name}: unknown rule {key!r}")
        if not isinstance(spec, dict) or not str(spec.get("source", "")).strip():
            raise ProvinceFileError(f"{name}: rule {key!r} needs a value and its source")
        if not same_shape(spec.get("value"), legal.DEFAULT_RULES[key]["value"]):
            raise ProvinceFileError(f"{name}: rule {key!r} must have the national default's shape")
        rows.append({"key": key, "region": province, "source": str(spec["source"]).strip(),
                     "value_json": json.dumps(spec["value"], ensure_ascii=False, sort_keys=True)})
    return rows


async def apply_province_rules(database, rows: list[dict]) -> bool:
    """Make the file's rows the stored province rows (none: national defaults); idempotent."""
    try:
        return await _replace(database, rows)
    except IntegrityError:  # a replica starting at the same moment wrote the same rows first
        return False


async def _replace(database, rows: list[dict]) -> bool:
    async with database.transaction(actor_id="system") as tx:
        stored = (await tx.session.execute(select(
            rules.c.key, rules.c.region, rules.c.source, rules.c.value_json).where(
            rules.c.updated_by == FILE_AUTHOR))).all()
        wanted = {(r["key"], r["region"], r["source"], r["value_json"]) for r in rows}
        if {tuple(s) for s in stored} == wanted:
            return False
        await tx.session.execute(rules.delete().where(rules.c.updated_by == FILE_AUTHOR))
        for row in rows:  # a county row never has a province region, so nothing else collides
            await tx.session.execute(rules.delete().where(rules.c.key == row["key"],
                                                          rules.c.region == row["region"]))
        if rows:
            now = dbmod.utcnow()
            await tx.session.execute(rules.insert(), [
                {**r, "updated_at": now, "updated_by": FILE_AUTHOR} for r in rows])
        await tx.audit(entity="rule", entity_id=rows[0]["region"] if rows else "",
                       action="province_file_applied", to_state=str(len(rows)),
                       reason="省级规则文件" if rows else "未配置省级规则文件，沿用全国默认")
        return True
