"""Text matcher for screening: ranks village items, finds town duties and negative-list hits, with reasons."""
from __future__ import annotations

import csv
from collections import defaultdict
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from services.catalogue.domain import (
    DEFAULT_POLICY, LEVEL_TOWN, LEVEL_VILLAGE, CatalogueItem, Draft, DuplicateHit, MatchReport, NegativeEntry,
    NegativeMatch, ScreeningPolicy, ScreeningResult, Suggestion, TownMatch, decide, over_quota)
from services.catalogue.dupindex import DuplicateIndex  # noqa: F401  (public re-export)
from services.catalogue.offlist import (MeasureKind, OffListRule, apply_rules, delegates_enforcement,
                                        disclaimed_measures, helping_without_quota, load_measures, load_rules,
                                        read_measures)
from services.catalogue.textindex import (BIGRAM, Bm25, Synonyms, bigrams, features, tokenizer, word_spans,
                                          words)
from shared.textmodel import BinaryLogistic

DATA_DIR = Path(__file__).parent / "data"
#: The learned off-list model: logistic regression over character n-grams of labelled notices
#: (bench/screening/evaluate.py --train); P(off-list) for every notice, see ScreeningPolicy.learned_*.
OFFLIST_MODEL_FILE = "offlist_learned.json"
ENFORCEMENT_KIND = "行政执法"
_NAME_WEIGHT, _KEYWORD_WEIGHT, _BIGRAM_WEIGHT, _TITLE_BOOST = 3.0, 2.0, 0.35, 1.5
# Near-ties on the whole text are broken by the title alone when it clearly names one of the tied
# items: within _TITLE_TIE of the best score, an item whose title-only score is at least _TITLE_MIN
# and at least 1 / _TITLE_RATIO times every other tied item's leads (offices name the matter in the
# title; the body may mention the people of a neighbouring item, e.g. 种粮大户 in an insurance notice).
_TITLE_TIE, _TITLE_MIN, _TITLE_RATIO = 0.04, 0.25, 0.5


def load_items(path: Path, level: str | None = None) -> list[CatalogueItem]:
    """Catalogue CSV (code, level, category, name, description, basis, department, kind, parent_code[, active])."""
    with open(path, encoding="utf-8", newline="") as f:
        return [CatalogueItem(
            code=r["code"], level=r.get("level") or level or LEVEL_VILLAGE, category=r.get("category", ""),
            name=r["name"], description=r.get("description", ""), basis=r.get("basis", ""),
            department=r.get("department", ""), kind=r.get("kind", ""), parent_code=r.get("parent_code") or None,
            active=(r.get("active") or "true").strip().lower() not in ("0", "false", "no", "否"),
        ) for r in csv.DictReader(f)]


def load_negative_list(path: Path) -> list[NegativeEntry]:
    with open(path, encoding="utf-8", newline="") as f:
        return [NegativeEntry(r["code"], r.get("category", ""), r["name"], r.get("description", ""),
                              r.get("basis", ""), r.get("redirect", "")) for r in csv.DictReader(f)]


def load_phrasings(path: Path) -> dict[str, list[str]]:
    """Typical phrasings of negative-list entries (code, phrasing): how offices word such requests."""
    out: dict[str, list[str]] = defaultdict(list)
    if path.exists():
        with open(path, encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                if r.get("code") and r.get("phrasing"):
                    out[r["code"]].append(r["phrasing"])
    return dict(out)


def load_offlist_model(data_dir: Path = DATA_DIR, setting: str = "") -> BinaryLogistic | None:
    """The learned off-list model: `setting` (SCREENING_MODEL_FILE) names a model file, ``none`` turns
    the model off (rules only); empty means the one shipped in `data_dir`, or None where it has none."""
    if setting.strip().lower() == "none":
        return None
    path = Path(setting) if setting.strip() else data_dir / OFFLIST_MODEL_FILE
    if setting.strip() and not path.exists():
        raise FileNotFoundError(f"SCREENING_MODEL_FILE={setting}: no such file")
    return BinaryLogistic.load(path) if path.exists() else None


def load_synonyms(path: Path) -> dict[str, str]:
    with open(path, encoding="utf-8", newline="") as f:
        return {r["term"]: r["canonical"] for r in csv.DictReader(f) if r.get("term")}


def _doc(parts: Iterable[tuple[str, float]]) -> dict[str, float]:
    doc: dict[str, float] = defaultdict(float)
    for text, weight in parts:
        for w in words(text):
            doc[w] += weight
        for b in bigrams(text):
            doc[b] += weight * _BIGRAM_WEIGHT
    return doc


def _display_terms(contribs: Sequence[tuple[str, float]], limit: int = 6) -> tuple[str, ...]:
    """Human-readable matched terms: whole words; character pairs only when hardly any word matched."""
    shown = [t for t, _ in contribs if not t.startswith(BIGRAM)][:limit]
    for term, _ in contribs:
        if len(shown) >= 2:
            break
        plain = term[len(BIGRAM):]
        if term.startswith(BIGRAM) and not any(plain in w for w in shown):
            shown.append(plain)
    return tuple(shown)


class Matcher:
    """Built once from the catalogue, negative list, synonyms and off-list rules; `match` is per draft."""

    def __init__(self, items: Sequence[CatalogueItem], negatives: Sequence[NegativeEntry] = (),
                 synonyms: Mapping[str, str] | None = None, rules: Sequence[OffListRule] = (),
                 keywords: Mapping[str, str] | None = None, saturation: float = 30.0,
                 negative_phrasings: Mapping[str, Sequence[str]] | None = None,
                 measures: Sequence[MeasureKind] | None = None, offlist_model: BinaryLogistic | None = None):
        self.offlist_model = offlist_model
        self.synonyms = Synonyms(synonyms or {})
        tokenizer(list(self.synonyms.pairs) + [w for c in self.synonyms.pairs.values() for w in c.split()])
        keywords = keywords or {}
        parents = {i.parent_code for i in items if i.parent_code}
        # Grouping items (归类事项) must not be picked: their children are the codable matters.
        self.village = [i for i in items if i.level == LEVEL_VILLAGE and i.active and i.code not in parents]
        self.town = [i for i in items if i.level == LEVEL_TOWN and i.active]
        self.by_code = {i.code: i for i in items}
        self.negatives = {n.code: n for n in negatives}
        self.rules = list(rules)
        # What a notice counts and ranks (激活率…考核, 照片不少于5张…挂钩): see offlist.read_measures.
        if measures is None:
            measures = load_measures(DATA_DIR / "demand_measures.csv")
        self.measures = [k for k in measures if k.code in self.negatives]
        self.saturation = saturation
        self._village_index = Bm25([self._item_doc(i, keywords) for i in self.village])
        self._village_pos = {item.code: k for k, item in enumerate(self.village)}
        self._town_index = Bm25([self._item_doc(i, keywords) for i in self.town])
        # The negative list is matched like the catalogue: each entry indexed with its description and
        # typical phrasings, in one index with the village items so that their scores compare.
        if negative_phrasings is None:
            negative_phrasings = load_phrasings(DATA_DIR / "negative_phrasings.csv")
        self._negative_list = list(self.negatives.values())
        village_docs = [self._item_doc(i, keywords) for i in self.village]
        self._joint_index = Bm25(village_docs + [self._negative_doc(n, negative_phrasings.get(n.code, ()))
                                                 for n in self._negative_list])

    @classmethod
    def from_data_dir(cls, data_dir: Path = DATA_DIR, extra_items: Sequence[CatalogueItem] = ()) -> "Matcher":
        """The matcher over the bundled demo county data (plus any extra items)."""
        items = load_items(data_dir / "catalogue_village.csv") + load_items(data_dir / "catalogue_town.csv")
        return cls(items + list(extra_items), load_negative_list(data_dir / "negative_list.csv"),
                   load_synonyms(data_dir / "synonyms.csv"), load_rules(data_dir / "offlist_patterns.csv"),
                   offlist_model=load_offlist_model(data_dir))

    def item_texts(self) -> list[str]:
        """Name and description of every item and negative-list entry: the background the duplicate
        index weighs words against (see `DuplicateIndex.add_background`)."""
        return ([f"{i.name}。{i.description}" for i in self.by_code.values()]
                + [f"{n.name}。{n.description}" for n in self.negatives.values()])

    def _item_doc(self, item: CatalogueItem, keywords: Mapping[str, str]) -> dict[str, float]:
        # Synonyms apply to items too, so "医保" in an item meets "医疗保险" in a notice.
        return _doc([(item.name, _NAME_WEIGHT), (keywords.get(item.code, ""), _KEYWORD_WEIGHT),
                     (item.description, 1.0), (item.category, 0.5),
                     (self.synonyms.expand(f"{item.name}。{item.description}"), 0.5)])

    def _negative_doc(self, entry: NegativeEntry, phrasings: Sequence[str]) -> dict[str, float]:
        text = f"{entry.name}。{entry.description}。" + "。".join(phrasings)
        return _doc([(entry.name, _NAME_WEIGHT), (entry.description, 1.0), ("。".join(phrasings), 1.0),
                     (entry.category, 0.5), (self.synonyms.expand(text), 0.5)])

    def _similar_negative(self, text: str, query: Mapping[str, float], ruled: set[str],
                          candidates: Sequence[int]) -> NegativeMatch | None:
        """The negative-list entry the notice reads most like, with its lead over the best village item
        (the best of `candidates`, the village index's top suggestions, re-scored on the joint index)."""
        if not self._negative_list:
            return None
        nv = len(self.village)
        best, k = max(((s, i) for i, s in self._joint_index.score_from(query, nv).items()), default=(0.0, -1))
        if k < 0:
            return None
        best_village = max(self._joint_index.score_docs(query, candidates).values(), default=0.0)
        entry = self._negative_list[k - nv]
        # Rules veto: an enforcement entry is not the village's act when the notice hands the act to
        # the enforcement team or a department (巡查发现后报镇执法队), and a rule hit already decided.
        if entry.code in ruled or (entry.code.startswith("N-ZF") and delegates_enforcement(text)):
            return None
        score = self._score(best)
        terms = _display_terms(self._joint_index.contributions(query, k))
        return NegativeMatch(entry.code, entry.name, entry.redirect, score, terms, False, "similarity",
                             score - self._score(best_village))

    def _score(self, raw: float) -> float:
        """Saturating map of BM25 to 0..1; 30 puts in-list notices above ~0.4 and unrelated work below ~0.35."""
        return raw / (raw + self.saturation)

    def match(self, text: str, *, title: str = "", top_k: int = 5, score_codes: Sequence[str] = ()) -> MatchReport:
        """Rank village items for a notice (title + body) and detect off-list signals.

        `title`, when given separately, weighs more: offices name the matter in the title.
        `score_codes` (e.g. a declared code) get a score in `item_scores` even outside the top.
        """
        query = features(text, self.synonyms)
        for term, weight in (features(title, self.synonyms) if title else {}).items():
            query[term] = query.get(term, weight) * _TITLE_BOOST
        raw = self._village_index.score(query)
        ranked = sorted(raw.items(), key=lambda kv: -kv[1])[:top_k]
        title_decided = False
        if title and ranked:
            ranked, title_decided = self._title_tiebreak(ranked, title)
        suggestions = tuple(
            Suggestion(self.village[i].code, self.village[i].name, self._score(s),
                       _display_terms(self._village_index.contributions(query, i)))
            for i, s in ranked)
        wanted = {self._village_pos[c] for c in score_codes if c in self._village_pos} | {i for i, _ in ranked}
        item_scores = {self.village[i].code: self._score(raw.get(i, 0.0)) for i in wanted}
        cleared: set[str] = set()
        hits = apply_rules(text, self.rules, len(title) if title and text.startswith(title) else 0, cleared)
        # Entries defined by a count (App use, engagement, photos, sales …): helping people without a
        # number, rate or ranking is village work ("帮不会用手机的老人下载App完成认证").
        counted = {k.code for k in self.measures}
        hits = [h for h in hits if not (h.code in counted and helping_without_quota(text, h.term))]
        negatives = tuple(
            NegativeMatch(h.code, self.negatives[h.code].name, self.negatives[h.code].redirect,
                          0.5 if h.assisted else 1.0, (h.term,), h.assisted, asked_of_village=h.asked_of_village)
            for h in hits if h.code in self.negatives)
        ruled = {h.code for h in hits}
        for d in read_measures(text, self.measures):
            if d.code not in ruled:
                entry = self.negatives[d.code]
                negatives += (NegativeMatch(d.code, entry.name, entry.redirect, 1.0, (d.measure, d.stake),
                                            False, "demand"),)
                ruled.add(d.code)
        # An entry whose measure the notice disclaims (照片数量不作为考核依据) is not found by similarity.
        vetoed = ruled | disclaimed_measures(text, self.measures)
        similar = self._similar_negative(text, query, vetoed, [i for i, _ in ranked])
        if similar is not None:
            negatives += (similar,)
        duties = [h for h in hits if h.code in self.by_code and not h.assisted]
        enforcement = any(h.code.startswith("N-ZF") and not h.assisted for h in hits) or bool(duties)
        learned, evidence = None, ()
        if self.offlist_model is not None:
            learned, evidence = self.offlist_model.probability(text), self.offlist_model.evidence(
                text, word_spans=word_spans)
        cleared |= vetoed - ruled
        return MatchReport(suggestions, self._town_matches(query, duties, enforcement), negatives, item_scores,
                           title_decided, learned, evidence, tuple(sorted(cleared - ruled)))

    def _title_tiebreak(self, ranked: list[tuple[int, float]], title: str) -> tuple[list[tuple[int, float]], bool]:
        """Near-tied leaders re-ordered by what the title alone names; True when the title decided."""
        best = self._score(ranked[0][1])
        tied = [(i, s) for i, s in ranked if best - self._score(s) < _TITLE_TIE]
        if len(tied) < 2:
            return ranked, False
        raw = self._village_index.score(features(title, self.synonyms))
        by_title = sorted(((self._score(raw.get(i, 0.0)), i, s) for i, s in tied), key=lambda x: -x[0])
        lead, runner_up = by_title[0][0], by_title[1][0]
        if lead < _TITLE_MIN or runner_up > _TITLE_RATIO * lead:
            return ranked, False
        chosen = (by_title[0][1], by_title[0][2])
        return [chosen] + [r for r in ranked if r[0] != chosen[0]], True

    def _town_matches(self, query: Mapping[str, float], duties: Sequence, enforcement: bool,
                      top_k: int = 3) -> tuple[TownMatch, ...]:
        out: list[TownMatch] = []
        for h in duties:
            item = self.by_code[h.code]
            out.append(TownMatch(item.code, item.name, item.department, 1.0, (h.term,), duty=True, kind=item.kind))
        scored = []
        for i, s in self._town_index.score(query).items():
            boost = 1.5 if enforcement and self.town[i].kind == ENFORCEMENT_KIND else 1.0
            scored.append((s * boost, i))
        for s, i in sorted(scored, reverse=True):
            if len(out) >= top_k:
                break
            item = self.town[i]
            if all(t.code != item.code for t in out):
                terms = _display_terms(self._town_index.contributions(query, i))
                out.append(TownMatch(item.code, item.name, item.department, self._score(s), terms, kind=item.kind))
        return tuple(out)


class Screener:
    """Screens drafts end to end: text matcher + duplicate index + the rules in `domain.decide`."""

    def __init__(self, matcher: Matcher, duplicates: DuplicateIndex | None = None, *,
                 policy: ScreeningPolicy = DEFAULT_POLICY, duplicate_window: timedelta = timedelta(days=30)):
        self.matcher = matcher
        if duplicates is None:
            duplicates = DuplicateIndex(matcher.synonyms)
            duplicates.add_background(matcher.item_texts())
        self.duplicates = duplicates
        self.policy = policy
        self.duplicate_window = duplicate_window

    def screen(self, draft: Draft, *, now: datetime | None = None, quota_usage: Mapping[str, int] | None = None,
               quota_limit: int | Mapping[str, int] | None = None) -> ScreeningResult:
        """Screen one draft. `quota_usage` = tasks this office already sent each village this period.

        `quota_limit` is one limit for every village, or a limit per village (villages absent: no limit).
        """
        now = now or datetime.now(timezone.utc)
        report = self.matcher.match(draft.text, title=draft.title, score_codes=[draft.matter_code or ""])
        code = draft.matter_code or (report.suggestions[0].code if report.suggestions else None)
        found = self.duplicates.find_detailed(draft.text, draft.target_org_ids, now - self.duplicate_window,
                                              matter_code=code) if draft.target_org_ids else []
        dups = [DuplicateHit(task_id, title, sim, orgs) for task_id, title, sim, orgs in found]
        if isinstance(quota_limit, Mapping):
            usage = quota_usage or {}
            over = [o for o in draft.target_org_ids if o in quota_limit and usage.get(o, 0) + 1 > quota_limit[o]]
            quota_limit = min((quota_limit[o] for o in over), default=None)
        else:
            over = over_quota(quota_usage or {}, draft.target_org_ids, quota_limit)
        return decide(draft, report, catalogue=self.matcher.by_code, duplicates=dups, over_quota_orgs=over,
                      quota_limit=quota_limit, policy=self.policy)

    def record_dispatch(self, task_id: str, draft: Draft, dispatched_at: datetime, matter_code: str | None) -> None:
        """Remember a dispatched task so later drafts to the same villages are checked against it."""
        self.duplicates.add(task_id, draft.title, draft.description, draft.target_org_ids, dispatched_at,
                            draft.issuer_org_id, matter_code=matter_code)
