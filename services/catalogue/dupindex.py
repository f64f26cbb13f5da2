"""Index of recently dispatched tasks: finds the same task already sent to the same village, in other words."""
from __future__ import annotations

import math
from array import array
from collections import Counter
from datetime import datetime
from typing import Iterable, Mapping

from services.catalogue.textindex import BIGRAM, Synonyms, bigrams, words

_BIGRAM_WEIGHT = 0.5


class DuplicateIndex:
    """Inverted index over words, synonym expansions and character bigrams of dispatched tasks.

    `find` probes the rarest terms of the draft, keeps tasks that share several of them, reached the
    same village and are recent enough, then scores them by IDF-weighted cosine overlap, with a small
    bonus when both were screened to the same catalogue item. Memory stays compact (arrays of ints),
    so 100,000 tasks fit comfortably; the index is append-only and rebuilt by its owner on restart.
    """

    def __init__(self, synonyms: Mapping[str, str] | Synonyms | None = None, *, threshold: float = 0.4,
                 same_item_bonus: float = 0.2, other_item_malus: float = 0.2, probe_terms: int = 32,
                 max_df_ratio: float = 0.02, min_shared: int = 2, min_probes: int = 6, max_checks: int = 200):
        self.synonyms = synonyms if isinstance(synonyms, Synonyms) else Synonyms(synonyms or {})
        self.threshold = threshold
        self.same_item_bonus, self.other_item_malus = same_item_bonus, other_item_malus
        self.probe_terms, self.max_df_ratio, self.min_shared = probe_terms, max_df_ratio, min_shared
        self.min_probes, self.max_checks = min_probes, max_checks
        self._fid: dict[str, int] = {}
        self._df: list[int] = []
        self._is_bigram = bytearray()
        self._postings: list[array] = []
        self._feats: list[array] = []
        self._ids: list[str] = []
        self._titles: list[str] = []
        self._orgs: list[tuple[str, ...]] = []
        self._times: array = array("d")
        self._issuers: list[str | None] = []
        self._codes: list[str | None] = []
        self._background = 0

    def add_background(self, texts: Iterable[str]) -> None:
        """Count `texts` (catalogue descriptions, say) in the term statistics without making them
        candidates. Without them, a county's first few tasks share only "rare" words, and two
        different forestry notices that both say 请各村…林业站 look like the same task."""
        for text in texts:
            self._background += 1
            for term in self._terms(text):
                self._df[self._feature(term)] += 1

    def __len__(self) -> int:
        return len(self._ids)

    def _terms(self, text: str) -> set[str]:
        expansion = self.synonyms.expand(text)
        return set(words(text)) | set(words(expansion)) | set(bigrams(text))

    def _feature(self, term: str) -> int:
        fid = self._fid.get(term)
        if fid is None:
            fid = self._fid[term] = len(self._df)
            self._df.append(0)
            self._is_bigram.append(term.startswith(BIGRAM))
            self._postings.append(array("I"))
        return fid

    def _weight_of(self, fid: int) -> float:
        idf = math.log(1 + (len(self._ids) + self._background) / (1 + self._df[fid]))
        return idf * (_BIGRAM_WEIGHT if self._is_bigram[fid] else 1.0)

    def add(self, task_id: str, title: str, text: str, org_ids: Iterable[str], dispatched_at: datetime,
            issuer_org_id: str | None = None, *, matter_code: str | None = None) -> None:
        """Record a dispatched task (title + text) for the villages it went to."""
        idx = len(self._ids)
        fids = array("I")
        for term in self._terms(f"{title}。{text}"):
            fid = self._feature(term)
            self._df[fid] += 1
            self._postings[fid].append(idx)
            fids.append(fid)
        self._feats.append(fids)
        self._ids.append(task_id)
        self._titles.append(title)
        self._orgs.append(tuple(org_ids))
        self._times.append(dispatched_at.timestamp())
        self._issuers.append(issuer_org_id)
        self._codes.append(matter_code)

    def find(self, text: str, org_ids: Iterable[str], since: datetime, *, matter_code: str | None = None,
             limit: int = 5) -> list[tuple[str, str, float]]:
        """Tasks sent to any of `org_ids` at or after `since` that look like the same task as `text`.

        Returns (task_id, title, similarity) with similarity >= threshold, most similar first.
        """
        hits = self.find_detailed(text, org_ids, since, matter_code=matter_code, limit=limit)
        return [(task_id, title, sim) for task_id, title, sim, _ in hits]

    def find_detailed(self, text: str, org_ids: Iterable[str], since: datetime, *,
                      matter_code: str | None = None, limit: int = 5
                      ) -> list[tuple[str, str, float, tuple[str, ...]]]:
        """Like `find`, with the villages each earlier task shares with the draft."""
        orgs = set(org_ids)
        if not self._ids or not orgs:
            return []
        query = {}
        for term in self._terms(text):
            fid = self._fid.get(term)
            if fid is not None:
                query[fid] = self._weight_of(fid)
        max_df = max(50, int(self.max_df_ratio * len(self._ids)))
        ordered = sorted(query, key=self._df.__getitem__)
        # Rare terms find candidates cheaply; a few common ones are still probed when a topic floods the index.
        probes = [f for f in ordered if self._df[f] <= max_df][:self.probe_terms] or ordered[:self.min_probes]
        counts: Counter = Counter()
        for fid in probes:
            counts.update(self._postings[fid])
        by_shared: list[list[int]] = [[] for _ in range(len(probes) + 1)]
        for idx, shared in counts.items():
            if shared >= self.min_shared:
                by_shared[shared].append(idx)
        q_norm = math.sqrt(sum(w * w for w in query.values())) or 1.0
        cutoff, checked, out = since.timestamp(), 0, []
        for bucket in reversed(by_shared):  # most shared distinctive terms first; bounded work per draft
            for idx in bucket:
                if self._times[idx] < cutoff:
                    continue
                common = orgs.intersection(self._orgs[idx])
                if not common:
                    continue
                checked += 1
                sim = self._similarity(query, q_norm, idx, matter_code)
                if sim >= self.threshold:
                    out.append((self._ids[idx], self._titles[idx], sim, tuple(sorted(common))))
                if len(out) >= limit or checked >= self.max_checks:
                    break
            if len(out) >= limit or checked >= self.max_checks:
                break
        out.sort(key=lambda hit: -hit[2])
        return out

    def _similarity(self, query: dict[int, float], q_norm: float, idx: int, matter_code: str | None) -> float:
        """IDF-weighted cosine of the two term sets, nudged by whether both went to the same item."""
        inter = t_norm_sq = 0.0
        for f in self._feats[idx]:
            w = query.get(f)
            if w is not None:
                inter += w * w
            else:
                w = self._weight_of(f)
            t_norm_sq += w * w
        sim = inter / (q_norm * math.sqrt(t_norm_sq)) if t_norm_sq else 0.0
        code = self._codes[idx]
        if matter_code and code:
            sim += self.same_item_bonus if code == matter_code else -self.other_item_malus
        return max(0.0, min(1.0, sim))
