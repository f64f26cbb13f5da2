"""Measure petition triage on the labelled reports: accuracy per split, latency, misses; writes RESULTS.md."""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from services.petitions.triage import DATA_DIR, LEARNED_FILE, LearnedScorer, Triage, normalise  # noqa: E402

#: Former holdout rounds by id prefix (each written after a model was frozen, scored once, moved to dev).
ROUNDS = {"H": 1, "K": 2, "Q": 3, "W": 4, "Y": 5}


def load_reports() -> list[dict[str, str]]:
    """``reports.csv`` (dev/test) plus ``reports_holdout.csv`` (written after tuning stopped)."""
    rows: list[dict[str, str]] = []
    for name in ("reports.csv", "reports_holdout.csv"):
        if (HERE / name).exists():
            with (HERE / name).open(encoding="utf-8", newline="") as f:
                rows += list(csv.DictReader(f))
    return rows


def evaluate(triage: Triage, reports: list[dict[str, str]]) -> dict[str, object]:
    """Category top-1/top-3, level accuracy with and without level refinement, and the misses."""
    top1 = top3 = level_ok = level_default_ok = 0
    misses = []
    level_errors = dict.fromkeys(LEVEL_ERRORS, 0)
    for r in reports:
        got = triage.suggest(r["text"], limit=3)
        codes = [s.category_code for s in got]
        first = got[0] if got else None
        top1 += bool(codes) and codes[0] == r["expected_category"]
        top3 += r["expected_category"] in codes
        level_ok += first is not None and first.level == r["expected_level"]
        level_default_ok += first is not None and first.default_level == r["expected_level"]
        if not codes or codes[0] != r["expected_category"] or first.level != r["expected_level"]:
            misses.append((r, got))
        if first is None or first.level != r["expected_level"]:
            level_errors[level_error(triage, r, first)] += 1
    n = len(reports) or 1
    return {"n": len(reports), "top1": top1 / n, "top3": top3 / n, "level": level_ok / n,
            "level_default": level_default_ok / n, "misses": misses, "level_errors": level_errors}


LEVEL_ERRORS = ("wrong category, other default level", "escalation missed", "false escalation", "other")


def level_error(triage: Triage, r: dict[str, str], first) -> str:
    """Why the top suggestion's level is wrong (one of ``LEVEL_ERRORS``)."""
    default = triage.categories[r["expected_category"]].level
    if first is None or first.default_level != default:
        return LEVEL_ERRORS[0]
    if r["expected_level"] != default and not first.level_raised_by:
        return LEVEL_ERRORS[1]
    if r["expected_level"] == default and first.level_raised_by:
        return LEVEL_ERRORS[2]
    return LEVEL_ERRORS[3]


def train_learned(reports: list[dict[str, str]], leave_out: str = "") -> LearnedScorer:
    """The learned scorer trained on ``dev`` only, without the reports whose id starts with ``leave_out``."""
    rows = [r for r in reports if r["split"] == "dev" and not (leave_out and r["id"].startswith(leave_out))]
    note = f"bench/triage/reports.csv split=dev, {len(rows)} reports" + (f" (without {leave_out}…)" if leave_out else "")
    return LearnedScorer.train(((r["text"], r["expected_category"]) for r in rows), trained_on=note)


def by_round(triage: Triage, reports: list[dict[str, str]]) -> list[dict[str, object]]:
    """Leave one former holdout round out: per round, the lexicon alone and lexicon + a learned scorer trained
    on dev without that round, and the learned scorer alone. The lexicon and signals were tuned with every round
    in dev once it had been scored, so only the learned part is out of sample here; see README.md."""
    shipped, out = triage.learned, []
    try:
        for prefix, number in ROUNDS.items():
            held = [r for r in reports if r["split"] == "dev" and r["id"].startswith(prefix)]
            if not held:
                continue
            triage.learned = None
            lexicon = evaluate(triage, held)
            learned = train_learned(reports, leave_out=prefix)
            triage.learned = learned
            both = evaluate(triage, held)
            alone = sum(max((p := learned.posterior(normalise(r["text"]))), key=p.get) == r["expected_category"]
                        for r in held) / len(held)
            out.append({"round": number, "prefix": prefix, "n": len(held), "lexicon": lexicon, "combined": both,
                        "learned_top1": alone})
    finally:
        triage.learned = shipped
    return out


def latency_ms(triage: Triage, texts: list[str], rounds: int) -> dict[str, float]:
    """Per-call latency of suggest() on full texts and on every prefix (what a typing person sends)."""
    def measure(samples: list[str], clock=time.perf_counter) -> list[float]:
        out = []
        for _ in range(rounds):
            for text in samples:
                t0 = clock()
                triage.suggest(text)
                out.append((clock() - t0) * 1000)
        return sorted(out)

    full = measure(texts)
    cpu = measure(texts, time.process_time)
    prefixes = measure([t[:k] for t in texts for k in range(2, len(t) + 1, 4)])

    def pct(xs: list[float], q: float) -> float:
        return xs[min(len(xs) - 1, int(q * len(xs)))]

    return {"full_p50": pct(full, .5), "full_p95": pct(full, .95), "full_max": full[-1],
            "cpu_p50": pct(cpu, .5), "cpu_p95": pct(cpu, .95),
            "prefix_p50": pct(prefixes, .5), "prefix_p95": pct(prefixes, .95),
            "calls": len(full) + len(cpu) + len(prefixes)}


def machine() -> dict[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or cpu
    nproc = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    return {"nproc": str(nproc), "cpu": cpu, "python": platform.python_version(), "load": load,
            "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"), "os": platform.platform()}


def _fmt_miss(r: dict[str, str], got: list) -> str:
    guess = ", ".join(f"{s.category_code} {s.name}/{s.level} ({s.score:.2f})" for s in got) or "（无建议）"
    return (f"| {r['id']} | {r['source']} | {r['text']} | {r['expected_category']}/{r['expected_level']} "
            f"| {guess} |")


def _round_lines(rounds: list[dict[str, object]]) -> list[str]:
    lines = ["| round | reports | top-1 learned alone | top-1 lexicon only | top-1 lexicon + learned "
             "| level lexicon only | level lexicon + learned | level misses (wrong category / escalation missed "
             "/ false escalation / other) |", "|---|---|---|---|---|---|---|---|"]
    for r in rounds:
        lex, both = r["lexicon"], r["combined"]
        kinds = " / ".join(str(both["level_errors"][k]) for k in LEVEL_ERRORS)
        lines.append(f"| {r['round']} ({r['prefix']}…) | {r['n']} | {r['learned_top1']:.1%} | {lex['top1']:.1%} "
                     f"| {both['top1']:.1%} | {lex['level']:.1%} | {both['level']:.1%} | {kinds} |")
    if rounds:
        n = sum(r["n"] for r in rounds)

        def mean(part: str, metric: str) -> float:
            return sum((r[part] if part == "learned_top1" else r[part][metric]) * r["n"] for r in rounds) / n
        kinds = " / ".join(str(sum(r["combined"]["level_errors"][k] for r in rounds)) for k in LEVEL_ERRORS)
        lines.append(f"| all five | {n} | {mean('learned_top1', ''):.1%} | {mean('lexicon', 'top1'):.1%} "
                     f"| {mean('combined', 'top1'):.1%} | {mean('lexicon', 'level'):.1%} "
                     f"| {mean('combined', 'level'):.1%} | {kinds} |")
    return lines


def write_results(results: dict[str, dict], lat: dict[str, float], build_s: float, path: Path,
                  rounds: list[dict[str, object]] | None = None, learned_note: str = "") -> None:
    m = machine()
    lines = ["# Petition triage — results", "",
             "Written by `python bench/triage/evaluate.py`; do not edit by hand. How the sets were written "
             "and what each round measured: [README.md](README.md).", "",
             f"Machine: {m['nproc']} CPUs ({m['cpu']}), Python {m['python']}, {m['os']}; run {m['date']}, "
             f"load average {m['load']} (the machine is shared, so wall-clock tails vary).", "",
             "| split | reports | category top-1 | category top-3 | level | level without refinement |",
             "|---|---|---|---|---|---|"]
    for split, r in results.items():
        lines.append(f"| {split} | {r['n']} | {r['top1']:.1%} | {r['top3']:.1%} | {r['level']:.1%} "
                     f"| {r['level_default']:.1%} |")
    lines += ["", "Level misses by kind (wrong category with another default level / escalation missed / "
              "false escalation / other): " + "; ".join(
                  f"{split} " + " / ".join(str(r["level_errors"][k]) for k in LEVEL_ERRORS)
                  for split, r in results.items())]
    lines += ["", "Level is judged on the top-1 suggestion (a wrong category usually means a wrong level too). "
              "\"Without refinement\" uses the category's default level, ignoring 多次反映未解决 / 涉及多个村 / "
              "群体性诉求 signals.", "",
              f"Latency of `suggest()` (one process, warm, {lat['calls']} calls): full report p50 "
              f"{lat['full_p50']:.2f} ms, p95 {lat['full_p95']:.2f} ms, max {lat['full_max']:.2f} ms "
              f"(CPU time p50 {lat['cpu_p50']:.2f} ms, p95 {lat['cpu_p95']:.2f} ms); "
              f"typing prefixes p50 {lat['prefix_p50']:.2f} ms, p95 {lat['prefix_p95']:.2f} ms. "
              f"Building the model (jieba dictionary + index) took {build_s:.2f} s.", ""]
    if learned_note:
        lines += [f"Learned scorer: {learned_note}.", ""]
    if rounds:
        lines += ["## Leave one round out", "",
                  "Each former holdout round scored with the learned scorer trained on dev **without** that round. "
                  "The lexicon and the level signals were tuned with each round in dev after it was scored (round 1 "
                  "from v2 on, … round 5 for v6), so the lexicon-only columns are in-sample; only the learned "
                  "scorer (and the learned-alone column) is out of sample.", ""]
        lines += _round_lines(rounds) + [""]
    for split, r in results.items():
        if split == "all":
            continue
        lines += [f"## Misses — {split}", "", "| id | source | text | expected | got (top-3) |", "|---|---|---|---|---|"]
        lines += [_fmt_miss(rep, got) for rep, got in r["misses"]] or ["| — | | | | |"]
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", choices=["dev", "test", "holdout", "all"], default=None,
                        help="print one split only and do not write RESULTS.md (for tuning on dev)")
    parser.add_argument("--rounds", type=int, default=5, help="latency repetitions")
    parser.add_argument("--by-round", action="store_true",
                        help="leave-one-round-out: score each former holdout round with the learned scorer "
                             "trained on dev without it; print only")
    parser.add_argument("--train", action="store_true",
                        help=f"train the learned scorer on dev only and write services/petitions/data/{LEARNED_FILE}")
    args = parser.parse_args(argv)
    reports = load_reports()
    if args.train:
        learned = train_learned(reports)
        learned.save(DATA_DIR / LEARNED_FILE)
        print(f"wrote {DATA_DIR / LEARNED_FILE}: {learned.trained_on}")
        return 0
    t0 = time.perf_counter()
    triage = Triage.from_files()
    triage.suggest("预热")
    build_s = time.perf_counter() - t0
    learned_note = ""
    if triage.learned is not None:
        fresh = train_learned(reports)
        learned_note = (f"naive Bayes shipped in `services/petitions/data/{LEARNED_FILE}`, trained on "
                        f"{triage.learned.trained_on}")
        if fresh.doc_counts != triage.learned.doc_counts:
            learned_note += " — **stale: differs from training on the current dev split; run --train**"
    if args.by_round:
        for line in _round_lines(by_round(triage, reports)):
            print(line)
        return 0
    splits = [args.split] if args.split else ["dev", "test", "holdout", "all"]
    results = {s: evaluate(triage, [r for r in reports if s == "all" or r["split"] == s]) for s in splits}
    empty = [s for s, r in results.items() if not r["n"]]
    if empty:  # e.g. the holdout between rounds: a round was moved to dev, the next is not written yet
        print(f"no reports in: {', '.join(empty)}")
        results = {s: r for s, r in results.items() if r["n"]}
        if args.split:
            return 0
    for split, r in results.items():
        print(f"{split:5} n={r['n']:3} top1={r['top1']:.1%} top3={r['top3']:.1%} "
              f"level={r['level']:.1%} (default level {r['level_default']:.1%})")
    if args.split:
        for rep, got in results[args.split]["misses"]:
            print(" ", _fmt_miss(rep, got))
        return 0
    lat = latency_ms(triage, [r["text"] for r in reports], args.rounds)
    print({k: round(v, 3) for k, v in lat.items()})
    rounds = by_round(triage, reports)
    for line in _round_lines(rounds):
        print(line)
    write_results(results, lat, build_s, HERE / "RESULTS.md", rounds, learned_note)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
