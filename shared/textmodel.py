"""Small learned text classifiers over character n-grams, trained in-house on labelled texts.

Nothing is downloaded at run time: a model is a JSON file of weights that a bench script trains from
labelled examples and the service ships in its data folder. Chinese needs no segmenter here: character
1–3-grams carry the words (扣发, 停水, 招商) and their neighbours (扣发补贴).
"""
from __future__ import annotations

import hashlib
import json
import math
import random
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

_DIGITS = re.compile(r"\d+")


def char_ngrams(text: str, sizes: tuple[int, ...]) -> set[str]:
    """The distinct character n-grams of `text` of the given sizes, letters and digits only (no
    punctuation or spaces inside an n-gram)."""
    return {text[i:i + n] for n in sizes for i in range(len(text) - n + 1) if text[i:i + n].isalnum()}


def fold(text: str) -> str:
    """Full-width to half-width, lower case, every number as 0: '12月31日前' and '3月5日前' look alike."""
    return _DIGITS.sub("0", unicodedata.normalize("NFKC", text).lower())


def _fold_with_origin(text: str) -> tuple[str, list[int]]:
    """`fold(text)` character by character, with the index in `text` each folded character comes from."""
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        for c in unicodedata.normalize("NFKC", ch).lower():
            if c.isdigit() and out and out[-1] == "0" and text[origin[-1]].isdigit():
                continue  # a run of digits folds to one 0, as in fold()
            out.append("0" if c.isdigit() else c)
            origin.append(i)
    return "".join(out), origin


def fingerprint(examples: Iterable[tuple[str, int]]) -> str:
    """A hash of labelled examples, stored with a model to tell whether it was trained on them."""
    h = hashlib.sha256()
    for text, label in examples:
        h.update(f"{label}\t{text}\n".encode())
    return h.hexdigest()[:16]


class BinaryLogistic:
    """Logistic regression over the presence of character n-grams of the folded text.

    Trained by AdaGrad with L2 and balanced class weights; features seen in fewer than `min_df`
    training texts are dropped. `probability` is P(label 1); `evidence` names the n-grams of a text
    that pushed hardest towards label 1, so a decision can say which words it rests on."""

    def __init__(self, weights: dict[str, float], bias: float, sizes: tuple[int, ...],
                 trained_on: str = "", data_hash: str = "") -> None:
        self.weights, self.bias, self.sizes = weights, bias, tuple(sizes)
        self.trained_on, self.data_hash = trained_on, data_hash

    @classmethod
    def train(cls, examples: list[tuple[str, int]], *, sizes: tuple[int, ...] = (1, 2, 3), l2: float = 1e-3,
              epochs: int = 30, learning_rate: float = 0.5, min_df: int = 2, seed: int = 0,
              trained_on: str = "") -> BinaryLogistic:
        """`examples`: (text, 0 or 1). Deterministic for the same examples and seed."""
        if not examples or {y for _, y in examples} != {0, 1}:
            raise ValueError("training needs examples of both labels")
        docs = [char_ngrams(fold(text), sizes) for text, _ in examples]
        df = Counter(f for d in docs for f in d)
        rows = [sorted(f for f in d if df[f] >= min_df) for d in docs]
        labels = [y for _, y in examples]
        positives = sum(labels)
        class_weight = {1: len(labels) / (2 * positives), 0: len(labels) / (2 * (len(labels) - positives))}
        w: dict[str, float] = defaultdict(float)
        g2: dict[str, float] = defaultdict(lambda: 1e-8)
        bias, gb = 0.0, 1e-8
        order = list(range(len(rows)))
        rng = random.Random(seed)
        for _ in range(epochs):
            rng.shuffle(order)
            for i in order:
                x, y = rows[i], labels[i]
                norm = math.sqrt(max(len(x), 1))
                p = _sigmoid(bias + sum(w[f] for f in x) / norm)
                g = (p - y) * class_weight[y]
                for f in x:
                    gf = g / norm + l2 * w[f]
                    g2[f] += gf * gf
                    w[f] -= learning_rate * gf / math.sqrt(g2[f])
                gb += g * g
                bias -= learning_rate * g / math.sqrt(gb)
        # Every kept feature stays, even at weight ~0: the length normalisation counts the known ones.
        kept = {f: round(w[f], 5) for f in sorted({f for x in rows for f in x})}
        return cls(kept, round(bias, 5), sizes, trained_on or f"{len(examples)} texts", fingerprint(examples))

    def _logit(self, features: set[str]) -> tuple[float, list[str]]:
        known = [f for f in features if f in self.weights]
        return self.bias + sum(self.weights[f] for f in known) / math.sqrt(max(len(known), 1)), known

    def probability(self, text: str) -> float:
        return _sigmoid(self._logit(char_ngrams(fold(text), self.sizes))[0])

    def evidence(self, text: str, limit: int = 4, strongest: int = 12,
                 word_spans: Callable[[str], Iterable[tuple[int, int]]] | None = None) -> tuple[str, ...]:
        """Up to `limit` phrases of `text` itself (as written, not folded) that pushed hardest towards
        label 1: the places of its `strongest` positive n-grams, overlapping ones joined,
        ranked by the weight they carry ("停水三天" rather than the fragments 停水 and 水三).
        `word_spans` (a segmenter's (start, end) of each word of `text`) widens a phrase to whole
        words: 秸秆的农 becomes 秸秆的农户."""
        folded, origin = _fold_with_origin(text)
        _, known = self._logit(char_ngrams(folded, self.sizes))
        ranked = sorted((f for f in known if self.weights[f] > 0 and len(f) > 1), key=lambda f: -self.weights[f])
        places = sorted((m.start(), m.start() + len(f), f) for f in ranked[:strongest]
                        for m in re.finditer(re.escape(f), folded))
        spans: list[tuple[int, int, set[str]]] = []
        for start, end, f in places:
            if spans and start < spans[-1][1]:
                spans[-1] = (spans[-1][0], max(end, spans[-1][1]), spans[-1][2] | {f})
            else:
                spans.append((start, end, {f}))
        spans.sort(key=lambda s: -sum(self.weights[f] for f in s[2]))
        bounds = list(word_spans(text)) if word_spans else [(i, i + 1) for i in range(len(text))]
        starts, ends = {0} | {a for a, _ in bounds}, {len(text)} | {b for _, b in bounds}
        phrases: list[str] = []
        for start, end, _ in spans:
            first, last = origin[start], origin[end - 1] + 1
            phrase = text[max(a for a in starts if a <= first):min(b for b in ends if b >= last)]
            if not any(phrase in shown for shown in phrases):
                phrases.append(phrase)
        return tuple(phrases[:limit])

    def save(self, path: Path) -> None:
        data = {"kind": "binary-logistic", "sizes": list(self.sizes), "trained_on": self.trained_on,
                "data_hash": self.data_hash, "bias": self.bias, "weights": self.weights}
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> BinaryLogistic:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("kind") != "binary-logistic":
            raise ValueError(f"{path}: not a binary-logistic model")
        return cls(data["weights"], data["bias"], tuple(data["sizes"]), data.get("trained_on", ""),
                   data.get("data_hash", ""))


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))
