"""Chinese tokenisation (one quiet jieba instance), synonym expansion and a small BM25 index."""
from __future__ import annotations

import logging
import math
import re
import threading
import warnings
from collections import defaultdict
from typing import Iterable, Mapping

_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
_WORDLIKE = re.compile(r"^[\u4e00-\u9fffA-Za-z]{2,}$")
BIGRAM = "#"  # prefix marking character-bigram features
# Words that appear in nearly every notice and say nothing about the matter.
STOPWORDS = frozenset("""
各村 社区 村社 村里 本村 你村 所在村 有关 相关 关于 通知 做好 工作 开展 进行 要求 情况 及时 完成 按时 按照 根据 以下
我们 请于 有意向 一次 一遍 每月 每周 每天 每日 本月 月底 年底 下周 本周 目前 近期 当前 已经 开始 同时 并且 以及 对于
确保 切实 认真 落实 加强 进一步 抓好 务必 全面 逐一 统一 集中 上级 乡镇 镇里 县里 单位 人员 群众 村民 村干部 干部
""".split())
_STOP_BIGRAMS = frozenset(BIGRAM + w for w in "各村 请各 村社 社区 工作 开展 做好 通知 关于 情况 要求 及时 完成 镇里 前报".split())

_lock = threading.Lock()
_tokenizer = None


def tokenizer(extra_words: Iterable[str] = ()):
    """The process-wide jieba tokenizer, loaded once and quietly; extra words are added to its dictionary."""
    global _tokenizer
    with _lock:
        if _tokenizer is None:
            with warnings.catch_warnings():  # jieba 0.42 imports the deprecated pkg_resources
                warnings.simplefilter("ignore")
                import jieba
            jieba.setLogLevel(logging.WARNING)
            tk = jieba.Tokenizer()
            tk.initialize()
            _tokenizer = tk
        for word in extra_words:
            if len(word) >= 2 and word not in _tokenizer.FREQ:
                _tokenizer.add_word(word, freq=2000)
    return _tokenizer


def words(text: str) -> list[str]:
    """Content words (search-mode segmentation, stopwords and one-character tokens dropped)."""
    return [w for w in tokenizer().lcut_for_search(text) if _WORDLIKE.match(w) and w not in STOPWORDS]


def word_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every word of `text` as jieba segments it (default mode, punctuation included)."""
    return [(start, end) for _, start, end in tokenizer().tokenize(text)]


def bigrams(text: str) -> list[str]:
    """Character bigrams of each Chinese run: robust to segmentation and abbreviations."""
    out = []
    for run in _CJK_RUN.findall(text):
        out.extend(BIGRAM + run[i:i + 2] for i in range(len(run) - 1))
    return [b for b in out if b not in _STOP_BIGRAMS]


class Synonyms:
    """Term -> canonical catalogue wording (两违 -> 违法建设 违章搭建); applied to queries."""

    def __init__(self, pairs: Mapping[str, str]):
        self.pairs = dict(pairs)
        alternatives = sorted(self.pairs, key=len, reverse=True)
        self._pattern = re.compile("|".join(map(re.escape, alternatives))) if alternatives else None

    def found(self, text: str) -> list[tuple[str, str]]:
        if self._pattern is None:
            return []
        return [(m.group(0), self.pairs[m.group(0)]) for m in self._pattern.finditer(text)]

    def expand(self, text: str) -> str:
        """The canonical wording of every synonym in the text, space-separated."""
        return " ".join(canon for _, canon in self.found(text))


def features(text: str, synonyms: Synonyms | None = None, bigram_weight: float = 0.35,
             synonym_weight: float = 0.8) -> dict[str, float]:
    """Weighted query features: words, bigrams and the words of synonym expansions."""
    feats: dict[str, float] = {}
    for w in words(text):
        feats[w] = 1.0
    for b in bigrams(text):
        feats.setdefault(b, bigram_weight)
    if synonyms is not None:
        expansion = synonyms.expand(text)
        for w in words(expansion):
            feats[w] = max(feats.get(w, 0.0), synonym_weight)
        for b in bigrams(expansion):
            feats.setdefault(b, bigram_weight * synonym_weight)
    return feats


class Bm25:
    """BM25 over pre-tokenised documents; postings hold precomputed term weights for fast scoring."""

    def __init__(self, docs: list[dict[str, float]], k1: float = 1.2, b: float = 0.75):
        self.size = len(docs)
        lengths = [sum(d.values()) for d in docs]
        avg = (sum(lengths) / len(lengths)) if lengths else 1.0
        df: dict[str, int] = defaultdict(int)
        for d in docs:
            for t in d:
                df[t] += 1
        self.idf = {t: math.log(1 + (self.size - n + 0.5) / (n + 0.5)) for t, n in df.items()}
        self.postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        self.doc_weights: list[dict[str, float]] = []
        for i, d in enumerate(docs):
            norm = k1 * (1 - b + b * lengths[i] / avg)
            weights = {t: self.idf[t] * tf * (k1 + 1) / (tf + norm) for t, tf in d.items()}
            for t, w in weights.items():
                self.postings[t].append((i, w))
            self.doc_weights.append(weights)
        self.doc_terms = [frozenset(d) for d in docs]

    def score(self, query: Mapping[str, float]) -> dict[int, float]:
        scores: dict[int, float] = defaultdict(float)
        for t, qw in query.items():
            for i, w in self.postings.get(t, ()):
                scores[i] += qw * w
        return scores

    def score_from(self, query: Mapping[str, float], start: int) -> dict[int, float]:
        """Scores of documents numbered `start` and above only (postings are in document order)."""
        scores: dict[int, float] = defaultdict(float)
        for t, qw in query.items():
            for i, w in reversed(self.postings.get(t, ())):
                if i < start:
                    break
                scores[i] += qw * w
        return scores

    def score_docs(self, query: Mapping[str, float], docs: Iterable[int]) -> dict[int, float]:
        """Scores of the given documents only."""
        return {i: sum(qw * self.doc_weights[i].get(t, 0.0) for t, qw in query.items()) for i in docs}

    def contributions(self, query: Mapping[str, float], doc: int) -> list[tuple[str, float]]:
        """Which query terms made this document score, strongest first (for matched_terms)."""
        terms = self.doc_terms[doc]
        out = [(t, qw * self.idf[t]) for t, qw in query.items() if t in terms]
        return sorted(out, key=lambda x: -x[1])
