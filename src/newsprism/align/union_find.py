"""Union-find over mention keys that keeps, for each group, the evidence of the links that made it
(read by align/referents and align/referent_times: every link can be explained)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable


class UnionFind:
    def __init__(self, keys: Iterable[Hashable]):
        self.parent = {k: k for k in keys}
        self.evidence: dict = defaultdict(set)

    def find(self, k):
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def union(self, a, b, why: str):
        """Joins the groups of a and b (the smaller key is the root) and records ``why``; the root."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra
            self.evidence[ra] |= self.evidence.pop(rb, set())
        self.evidence[ra].add(why)
        return ra
