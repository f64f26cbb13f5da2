"""Index of recently dispatched tasks: finds the same task already sent to the same village, in other words."""
from __future__ import annotations

import math
from array import array
from bisect import bisect_left
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
    so 100,000 tasks fit comfortably.

    Entries are numbered in the order they are added (`seq`); postings hold those numbers, so they
    stay sorted and `prune` drops expired tasks from their front in time proportional to what it
    removes. `prune` removes the oldest entries up to the first one still inside the window: an entry
    added late with an old dispatch time waits for the entries added before it, so nothing stays
    longer than the window after it was *added*; `find` ignores such stragglers by time anyway.
    Terms no remaining task or background text uses leave the vocabulary, so memory is bounded by
    the tasks added within one window.
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
        self._term: list[str | None] = []
        self._free: list[int] = []
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
        self._base = 0  # seq of the entry at list position 0
        self._seq_of: dict[str, int] = {}
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

    def __contains__(self, task_id: object) -> bool:
        return task_id in self._seq_of

    @property
    def vocabulary_size(self) -> int:
        return len(self._fid)

    def villages_of(self, task_id: str) -> tuple[str, ...]:
        seq = self._seq_of.get(task_id)
        return () if seq is None else self._orgs[seq - self._base]

    def add_villages(self, task_id: str, org_ids: Iterable[str]) -> bool:
        """A task re-dispatched to more villages: later drafts to those are checked against it too."""
        seq = self._seq_of.get(task_id)
        if seq is None:
            return False
        idx = seq - self._base
        merged = tuple(sorted(set(self._orgs[idx]).union(org_ids)))
        changed = merged != tuple(sorted(self._orgs[idx]))
        self._orgs[idx] = merged
        return changed

    def _terms(self, text: str) -> set[str]:
        expansion = self.synonyms.expand(text)
        return set(words(text)) | set(words(expansion)) | set(bigrams(text))

    def _feature(self, term: str) -> int:
        fid = self._fid.get(term)
        if fid is None:
            if self._free:  # a slot a pruned term left behind
                fid = self._free.pop()
                self._term[fid], self._df[fid] = term, 0
                self._is_bigram[fid] = term.startswith(BIGRAM)
            else:
                fid = len(self._df)
                self._term.append(term)
                self._df.append(0)
                self._is_bigram.append(term.startswith(BIGRAM))
                self._postings.append(array("I"))
            self._fid[term] = fid
        return fid

    def _weight_of(self, fid: int) -> float:
        idf = math.log(1 + (len(self._ids) + self._background) / (1 + self._df[fid]))
        return idf * (_BIGRAM_WEIGHT if self._is_bigram[fid] else 1.0)

    def add(self, task_id: str, title: str, text: str, org_ids: Iterable[str], dispatched_at: datetime,
            issuer_org_id: str | None = None, *, matter_code: str | None = None) -> None:
        """Record a dispatched task (title + text) for the villages it went to.

        A task id already present only gains the new villages (see `add_villages`).
        """
        if task_id in self._seq_of:
            self.add_villages(task_id, org_ids)
            return
        seq = self._base + len(self._ids)
        fids = array("I")
        for term in self._terms(f"{title}。{text}"):
            fid = self._feature(term)
            self._df[fid] += 1
            self._postings[fid].append(seq)
            fids.append(fid)
        self._seq_of[task_id] = seq
        self._feats.append(fids)
        self._ids.append(task_id)
        self._titles.append(title)
        self._orgs.append(tuple(org_ids))
        self._times.append(dispatched_at.timestamp())
        self._issuers.append(issuer_org_id)
        self._codes.append(matter_code)

    def prune(self, before: datetime) -> list[str]:
        """Forget tasks dispatched before `before` (from the oldest added on); returns their ids."""
        cutoff, count = before.timestamp(), 0
        while count < len(self._times) and self._times[count] < cutoff:
            count += 1
        if not count:
            return []
        touched: set[int] = set()
        for idx in range(count):
            for fid in self._feats[idx]:
                self._df[fid] -= 1
                touched.add(fid)
            if self._seq_of.get(self._ids[idx]) == self._base + idx:
                del self._seq_of[self._ids[idx]]
        removed = self._ids[:count]
        self._base += count
        for fid in touched:
            if self._df[fid] <= 0:  # neither a task nor a background text uses it any more
                del self._fid[self._term[fid]]
                self._term[fid], self._df[fid] = None, 0
                self._postings[fid] = array("I")
                self._free.append(fid)
            else:
                postings = self._postings[fid]
                del postings[:bisect_left(postings, self._base)]
        for column in (self._feats, self._ids, self._titles, self._orgs, self._issuers, self._codes):
            del column[:count]
        del self._times[:count]
        return removed

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
        base = self._base
        for seq, shared in counts.items():
            if shared >= self.min_shared:
                by_shared[shared].append(seq - base)
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
