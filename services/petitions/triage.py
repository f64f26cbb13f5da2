"""Petition triage: suggest a child category, the level that resolves it and a department, from free text."""
from __future__ import annotations

import csv
import functools
import json
import logging
import math
import re
import unicodedata
import warnings
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from shared.textmodel import char_ngrams

with warnings.catch_warnings():  # jieba 0.42.1 imports the deprecated pkg_resources
    warnings.simplefilter("ignore")
    import jieba

DATA_DIR = Path(__file__).parent / "data"
LEVELS = ("village", "town", "county")
#: Who takes a report once it has to go one level above the category's usual one (统筹分流).
RAISED_DEPARTMENT = {"town": "镇社会治理中心（矛调中心）", "county": "县（市、区）社会矛盾纠纷调处化解中心"}
#: Common misspellings in residents' reports (typed by pinyin or by ear).
TYPOS = {"拉圾": "垃圾", "垃级": "垃圾", "垃及": "垃圾", "燥音": "噪音", "躁音": "噪音", "秸杆": "秸秆",
         "阴井": "窨井", "窖井": "窨井", "煤汽": "煤气", "然气": "燃气", "燃汽": "燃气", "漏汽": "漏气",
         "路登": "路灯", "电平车": "电瓶车", "电频车": "电瓶车", "电屏车": "电瓶车", "低宝": "低保",
         "物叶": "物业", "社宝": "社保", "渣士": "渣土", "托欠": "拖欠", "工姿": "工资", "水笼头": "水龙头",
         "饶民": "扰民", "赔尝": "赔偿", "抚样": "抚养", "瞻养": "赡养", "善养": "赡养", "摆滩": "摆摊",
         "地滩": "地摊", "滩贩": "摊贩", "滲": "渗", "違": "违"}
_TYPO_PATTERN = re.compile("|".join(map(re.escape, sorted(TYPOS, key=len, reverse=True))))
TERM_WEIGHT, TOKEN_WEIGHT, BIGRAM_WEIGHT = 1.0, 0.25, 0.1
#: Listed weight (1 context, 2 topical, 3 decisive) to score: one decisive phrase beats a few context words.
WEIGHT_SCALE = {1.0: 1.0, 2.0: 2.0, 3.0: 4.0}
FIRST_MENTION_BONUS = 0.3  # the issue named first is usually the one the report is about
#: After these words a report adds a second, lesser issue; its terms count for less.
SECONDARY_MARKERS = re.compile("同时|另外|此外|顺便|顺带")
SECONDARY_FACTOR = 0.5
EVIDENCE_PRIOR = 1.0  # pseudo-evidence for "none of these": weak texts get low scores
#: Listed weight from which a term names the issue itself (the complaint: 欠薪, 淹了, 漏雨); below it a term
#: is context (a place, a workplace, a person: 饭馆, 溪水, 小区). Context alone never outranks an issue.
ISSUE_WEIGHT = 2.0
CONTEXT_CAP = 0.9  # a category with context only scores at most this share of the weakest issue match

#: The learned part (v6): naive Bayes over the character 1- and 2-grams of labelled reports, added to the
#: lexicon's shares. It knows phrasings nobody listed (漏登, 泥墙房) and which category a word like 叉车 or
#: 黄沙 goes with in context; the lexicon still decides whether anything was recognised at all.
LEARNED_FILE = "triage_learned.json"
NB_NGRAMS = (1, 2)
NB_ALPHA = 0.1  # additive smoothing of the per-category n-gram counts
NB_TEMPERATURE = 10.0  # log-likelihoods divided by this before the softmax: naive Bayes is overconfident
NB_WEIGHT = 0.5  # combined score = lexicon share + NB_WEIGHT × posterior

jieba.setLogLevel(logging.WARNING)


@dataclass(frozen=True)
class Category:
    """A petition category (only children, with a level, are suggested)."""

    code: str
    name: str
    parent_code: str
    level: str
    department: str
    sla_hours: int | None


@dataclass(frozen=True)
class Suggestion:
    """One ranked guess; ``score`` is the share of the text's evidence that points here (0–1)."""

    category_code: str
    name: str
    level: str
    department: str
    score: float
    matched_terms: tuple[str, ...] = ()
    default_level: str = ""
    level_raised_by: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form for ``POST /api/v1/triage``."""
        out = asdict(self)
        out["matched_terms"], out["level_raised_by"] = list(self.matched_terms), list(self.level_raised_by)
        return out


def normalise(text: str) -> str:
    """Full-width to half-width, lower case, known typos fixed."""
    text = unicodedata.normalize("NFKC", text).lower()
    return _TYPO_PATTERN.sub(lambda m: TYPOS[m.group()], text)


def load_categories(path: Path = DATA_DIR / "petition_categories.csv") -> list[Category]:
    """Read the category list (code, name, parent_code, default_level, default_department, sla_hours)."""
    with path.open(encoding="utf-8", newline="") as f:
        return [Category(r["code"], r["name"], r["parent_code"], r["default_level"],
                         r["default_department"], int(r["sla_hours"]) if r["sla_hours"] else None)
                for r in csv.DictReader(f)]


def load_keywords(path: Path = DATA_DIR / "triage_keywords.csv") -> list[tuple[str, float, str]]:
    """Read ``(category_code, weight, term)`` rows from the ``category_code,weight,a|b|c`` file."""
    with path.open(encoding="utf-8", newline="") as f:
        return [(r["category_code"], float(r["weight"]), term.strip())
                for r in csv.DictReader(f) for term in r["terms"].split("|") if term.strip()]


def load_level_signals(path: Path = DATA_DIR / "level_signals.csv") -> list[tuple[str, re.Pattern[str]]]:
    """Read ``(label, regex)`` pairs; a match raises the suggested level by one step."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    if any(None in r for r in rows):  # an unquoted comma (e.g. in {0,16}) would cut a pattern short
        raise ValueError(f"{path}: a row has more fields than the header; quote patterns that contain commas")
    return [(r["label"], re.compile(r["pattern"])) for r in rows]


def _bigrams(text: str) -> list[str]:
    return [text[i:i + 2] for i in range(len(text) - 1) if text[i:i + 2].isalnum()]


class LearnedScorer:
    """Naive Bayes (binary features: character n-grams present in the normalised text) over child categories.

    Trained on labelled reports (``train``), stored as counts (``save`` / ``load``); ``posterior`` gives a
    tempered distribution over the categories it was trained on."""

    def __init__(self, doc_counts: dict[str, dict[str, int]], alpha: float = NB_ALPHA,
                 temperature: float = NB_TEMPERATURE, trained_on: str = "") -> None:
        self.doc_counts, self.alpha, self.temperature, self.trained_on = doc_counts, alpha, temperature, trained_on
        vocab = {f for counts in doc_counts.values() for f in counts}
        totals = {code: sum(counts.values()) for code, counts in doc_counts.items()}
        self.codes = sorted(doc_counts)
        self.base = [math.log(alpha / (totals[code] + alpha * len(vocab))) for code in self.codes]
        # feature -> per category (in self.codes order) the log-odds of seeing it over never having seen it;
        # dense tuples so that summing them runs in C (zip/sum), about 0.15 ms a report
        self.delta = {f: tuple(math.log((doc_counts[code].get(f, 0) + alpha) / alpha) for code in self.codes)
                      for f in vocab}

    @classmethod
    def train(cls, examples: Iterable[tuple[str, str]], **kwargs) -> LearnedScorer:
        """``examples``: ``(text, category_code)`` pairs."""
        counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        n = 0
        for text, code in examples:
            n += 1
            for feature in char_ngrams(normalise(text), NB_NGRAMS):
                counts[code][feature] += 1
        kwargs.setdefault("trained_on", f"{n} reports")
        return cls({code: dict(c) for code, c in counts.items()}, **kwargs)

    def save(self, path: Path) -> None:
        data = {"ngrams": list(NB_NGRAMS), "trained_on": self.trained_on,
                "doc_counts": {code: dict(sorted(c.items())) for code, c in sorted(self.doc_counts.items())}}
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> LearnedScorer:
        data = json.loads(path.read_text(encoding="utf-8"))
        if tuple(data["ngrams"]) != NB_NGRAMS:
            raise ValueError(f"{path}: trained on {data['ngrams']}-grams, triage uses {NB_NGRAMS}")
        return cls(data["doc_counts"], trained_on=data.get("trained_on", ""))

    def posterior(self, text: str) -> dict[str, float]:
        """Category -> probability for an already normalised text (uniform prior)."""
        vectors = [self.delta[f] for f in char_ngrams(text, NB_NGRAMS) if f in self.delta]
        if not vectors:
            return {code: 1 / len(self.codes) for code in self.codes}
        logits = [len(vectors) * b + d for b, d in zip(self.base, map(sum, zip(*vectors)))]
        top = max(logits)
        exp = [math.exp((v - top) / self.temperature) for v in logits]
        z = sum(exp)
        return {code: v / z for code, v in zip(self.codes, exp)}


class Triage:
    """Keyword, word and character-bigram scorer over the child categories, plus the learned scorer when given;
    build once, call often."""

    def __init__(self, categories: Iterable[Category], keywords: Iterable[tuple[str, float, str]],
                 level_signals: Iterable[tuple[str, re.Pattern[str]]] = (),
                 learned: LearnedScorer | None = None) -> None:
        self.categories = {c.code: c for c in categories if c.parent_code and c.level}
        self.learned = learned
        self.signals = list(level_signals)
        terms: dict[str, dict[str, float]] = defaultdict(dict)  # term -> category -> listed weight
        for code, weight, term in self._with_names(keywords):
            if code in self.categories:
                term = normalise(term)
                terms[term][code] = max(weight, terms[term].get(code, 0.0))
        for term, cats in terms.items():  # a longer term never weighs less than a listed part of it
            for part in {term[i:j] for i in range(len(term)) for j in range(i + 1, len(term) + 1)} - {term}:
                for code in cats.keys() & terms.get(part, {}).keys():
                    cats[code] = max(cats[code], terms[part][code])
        self._tokenizer = jieba.Tokenizer()
        for term in terms:
            self._tokenizer.add_word(term, freq=2000)
        self.listed = dict(terms)
        self.terms = {t: self._idf_weighted(cats) for t, cats in terms.items()}
        # first character -> the lengths of the terms starting with it: a few dict probes per position
        lengths: dict[str, set[int]] = defaultdict(set)
        for term in self.terms:
            lengths[term[0]].add(len(term))
        self._lengths = {char: sorted(ls, reverse=True) for char, ls in lengths.items()}
        self.tokens = self._derived(terms, lambda t: self._tokenizer.lcut(t), TOKEN_WEIGHT)
        self.bigrams = self._derived(terms, _bigrams, BIGRAM_WEIGHT)

    @classmethod
    def from_files(cls, data_dir: Path = DATA_DIR, learned: LearnedScorer | None | bool = True) -> Triage:
        """Build from ``petition_categories.csv``, ``triage_keywords.csv``, ``level_signals.csv`` and, unless
        ``learned`` is False or another scorer is given, ``triage_learned.json`` when it exists."""
        if learned is True:
            learned = LearnedScorer.load(data_dir / LEARNED_FILE) if (data_dir / LEARNED_FILE).exists() else None
        return cls(load_categories(data_dir / "petition_categories.csv"),
                   load_keywords(data_dir / "triage_keywords.csv"),
                   load_level_signals(data_dir / "level_signals.csv"), learned or None)

    def _with_names(self, keywords: Iterable[tuple[str, float, str]]) -> Iterable[tuple[str, float, str]]:
        yield from keywords
        for c in self.categories.values():  # the category's own name, split at 和/与/、
            for part in re.split("[和与、及]", c.name):
                if len(part) >= 2:
                    yield c.code, 2.0, part

    def _idf_weighted(self, cats: dict[str, float]) -> dict[str, float]:
        idf = math.log(1 + len(self.categories) / len(cats))
        return {code: WEIGHT_SCALE.get(w, w) * idf for code, w in cats.items()}

    def _derived(self, terms: dict[str, dict[str, float]], split, factor: float) -> dict[str, dict[str, float]]:
        """Index the pieces (words, bigrams) of every term, for partial matches of unlisted phrasings."""
        pieces: dict[str, dict[str, float]] = defaultdict(dict)
        for term, cats in terms.items():
            for piece in split(term):
                if len(piece) >= 2:
                    for code, w in cats.items():
                        pieces[piece][code] = max(w, pieces[piece].get(code, 0.0))
        return {p: {c: factor * w for c, w in self._idf_weighted(cats).items()} for p, cats in pieces.items()}

    def _term_matches(self, text: str, words: set[str]) -> list[tuple[int, int, str]]:
        """Longest-first term occurrences; a term inside an already matched longer term is skipped,
        and one-character terms count only as whole words."""
        found = [(start, term) for start, char in enumerate(text) for length in self._lengths.get(char, ())
                 if (term := text[start:start + length]) in self.terms and len(term) == length
                 and (length > 1 or term in words)]
        taken: list[tuple[int, int, str]] = []
        for start, term in sorted(found, key=lambda st: -len(st[1])):
            end = start + len(term)
            if not any(a <= start and end <= b for a, b, _ in taken):
                taken.append((start, end, term))
        return sorted(taken)

    def _scores(self, text: str) -> tuple[dict[str, float], dict[str, list[str]]]:
        """Evidence per category in an already normalised text."""
        words = self._tokenizer.lcut(text)
        matches = self._term_matches(text, set(words))
        covered = [False] * len(text)
        scores: dict[str, float] = defaultdict(float)
        matched: dict[str, list[str]] = defaultdict(list)
        first: dict[str, int] = {}
        issue: set[str] = set()  # categories with at least one issue-tier term
        marker = SECONDARY_MARKERS.search(text, 1)
        secondary_from = marker.start() if marker else len(text)
        for start, end, term in matches:
            covered[start:end] = [True] * (end - start)
            factor = TERM_WEIGHT * (SECONDARY_FACTOR if start >= secondary_from else 1.0)
            for code, w in self.terms[term].items():
                scores[code] += factor * w
                if self.listed[term][code] >= ISSUE_WEIGHT:  # a place or a person is not what it is about
                    first.setdefault(code, start)
                    issue.add(code)
                if term not in matched[code]:
                    matched[code].append(term)
        position = 0
        for word in words:  # words and bigrams only where no listed term matched
            if not any(covered[position:position + len(word)]):
                for code, w in self.tokens.get(word, {}).items():
                    scores[code] += w
            position += len(word)
        for i in range(len(text) - 1):
            if not covered[i] and not covered[i + 1]:
                for code, w in self.bigrams.get(text[i:i + 2], {}).items():
                    scores[code] += w
        if first:
            earliest = min(first.values())
            for code, start in first.items():
                if start == earliest:
                    scores[code] *= 1 + FIRST_MENTION_BONUS
        if issue:  # context words, partial words and bigrams alone never outvote a named issue
            cap = CONTEXT_CAP * min(scores[code] for code in issue)
            for code in scores.keys() - issue:
                scores[code] = min(scores[code], cap)
        return scores, matched

    def level_signals(self, text: str) -> tuple[str, ...]:
        """Reasons in the text to handle it one level higher (多次反映未解决, 涉及多个村, 群体性诉求)."""
        return self._signals(normalise(text))

    def _signals(self, text: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(label for label, pattern in self.signals if pattern.search(text)))

    def suggest(self, text: str, limit: int = 5) -> list[Suggestion]:
        """Up to ``limit`` child categories, best first; empty when nothing in the text is recognised."""
        if limit <= 0 or not text or not text.strip():
            return []
        text = normalise(text)
        scores, matched = self._scores(text)
        total = sum(s for s in scores.values() if s > 0) + EVIDENCE_PRIOR
        shares = {code: s / total for code, s in scores.items() if s > 0}
        if shares and self.learned is not None:  # only once the lexicon has recognised something
            posterior = self.learned.posterior(text)
            shares = {code: (shares.get(code, 0.0) + NB_WEIGHT * posterior.get(code, 0.0)) / (1 + NB_WEIGHT)
                      for code in shares.keys() | posterior.keys() if code in self.categories}
        ranked = sorted(((s, code) for code, s in shares.items() if s > 0), key=lambda sc: (-sc[0], sc[1]))
        raised_by = self._signals(text)
        out = []
        for share, code in ranked[:limit]:
            c = self.categories[code]
            level, department = c.level, c.department
            if raised_by and level != LEVELS[-1]:
                level = LEVELS[LEVELS.index(level) + 1]
                department = RAISED_DEPARTMENT[level]
            out.append(Suggestion(code, c.name, level, department, round(share, 3),
                                  tuple(matched.get(code, ())), c.level, raised_by if level != c.level else ()))
        return out


@functools.cache
def default_triage() -> Triage:
    """The process-wide triage built from the shipped data (about a second the first time)."""
    return Triage.from_files()
