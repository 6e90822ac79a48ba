"""How each outlet names the same actors and events, side by side.

The naming phrases of every independent article (``ArticleAnalysis.terms``) are grouped by
what they refer to, using three signals rather than a list of known names:

- meaning: sentence embeddings of the phrases (``newsprism.resources.embed``), average-link;
- identity: phrases that contain mentions of the same merged entity (``sections["entities"]``)
  are pulled together (person titles are grouped by the entity alone);
- opposition, from the parse roles: two phrases that stand as subject and object in one
  sentence ("the Syrian army ousted rebels"), or that differ by an "anti-"/"pro-" prefix,
  are never the same referent.

Events (nominals and verb phrases of change) are grouped the same way with a looser bar, and
phrases from the articles' leads are drawn together: each outlet names the main event there.
A group becomes a row when at least two outlets use it. The row's label is the phrase most
outlets share that carries no loaded word, so the label itself takes no side.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from ..model import FramingRow, Span, StoryContext, TermMention

ACTOR_THRESHOLD = 0.55
EVENT_THRESHOLD = 0.38
ENTITY_BONUS = 0.15
REFERENT_BONUS = 0.15  # same size as ENTITY_BONUS: one resolved referent (sections["referents"]), seeds-checked only
LEAD_BONUS = 0.12
LEAD_SENTENCES = 2
SUBJECT_ROLES = ("nsubj", "nsubjpass")
OBJECT_ROLES = ("dobj", "pobj", "attr", "dative")
DETERMINERS = re.compile(r"^(the|a|an)\s+", re.I)
STANCE_PREFIX = re.compile(r"\b(anti|pro|counter)-", re.I)


@dataclass
class _Item:
    key: str  # normalised phrase text
    kind: str  # actor | person | event
    mentions: list[TermMention]


def _normal(text: str) -> str:
    return DETERMINERS.sub("", " ".join(text.split())).lower()


def _kind(term: TermMention) -> str:
    return term.role.split(":", 1)[0] or "actor"


def _sentence_index(analysis, pos: int) -> int:
    for k, part in enumerate(analysis.sentences):
        if part.start <= pos < part.end:
            return k
    return -1


def _entities_in(term: TermMention, ctx: StoryContext, names: dict[str, str]) -> set[str]:
    found = set()
    for ent in ctx.sections.get("entities") or ():
        for m in ent.mentions:
            if m.article_id == term.article_id and m.start < term.end and term.start < m.end:
                found.add(ent.id)
                names[ent.id] = ent.name
    return found


def _opposed(a: str, b: str) -> bool:
    """"anti-government forces" vs "government forces" / "pro-government forces"."""
    sa, sb = STANCE_PREFIX.sub("", a), STANCE_PREFIX.sub("", b)
    prefixes_a = {p.lower() for p in STANCE_PREFIX.findall(a)}
    prefixes_b = {p.lower() for p in STANCE_PREFIX.findall(b)}
    return (prefixes_a != prefixes_b) and (sa == sb or sa in sb or sb in sa)


def _cluster(items: list[_Item], sims, cannot: set[tuple[int, int]], threshold: float) -> list[list[int]]:
    """Average-link agglomeration that never merges two groups holding a cannot-link pair."""
    groups = [[i] for i in range(len(items))]
    while True:
        best = None
        for x in range(len(groups)):
            for y in range(x + 1, len(groups)):
                if any((min(i, j), max(i, j)) in cannot for i in groups[x] for j in groups[y]):
                    continue
                score = sum(sims[i][j] for i in groups[x] for j in groups[y]) / (len(groups[x]) * len(groups[y]))
                if score >= threshold and (best is None or score > best[0]):
                    best = (score, x, y)
        if best is None:
            return groups
        _, x, y = best
        groups[x] = groups[x] + groups[y]
        del groups[y]


def _embed(texts: list[str]):
    from ..resources.embed import embed

    return embed(texts)


def _label(members: list[_Item], ctx: StoryContext) -> str:
    """The phrase most outlets share, preferring ones with no loaded word in them."""
    loaded_ranges = defaultdict(list)
    for a in ctx.analyses.values():
        for s in a.loaded_terms:
            loaded_ranges[s.article_id].append((s.start, s.end))

    def is_loaded(item: _Item) -> bool:
        return any(
            s < m.end and m.start < e for m in item.mentions for s, e in loaded_ranges.get(m.article_id, ())
        )

    def rank(item: _Item):
        outlets = len({m.article_id for m in item.mentions})
        return (not is_loaded(item), outlets, len(item.mentions), -len(item.key))

    return max(members, key=rank).key


def compare_framing(ctx: StoryContext) -> tuple[FramingRow, ...]:
    """Per referent that several outlets talk about, the words each outlet uses."""
    independent = [a.id for a in ctx.independent_articles()]
    by_key: dict[tuple[str, str], _Item] = {}
    for aid in independent:
        analysis = ctx.analyses.get(aid)
        if analysis is None:
            continue
        for term in analysis.terms:
            kind = _kind(term)
            key = _normal(term.text)
            if not key:
                continue
            by_key.setdefault((kind, key), _Item(key, kind, [])).mentions.append(term)
    if not by_key:
        return ()
    names: dict[str, str] = {}
    ref_index = _referent_index(ctx)
    rows: list[FramingRow] = []
    for kind in ("actor", "event", "person"):
        items = [it for (k, _), it in by_key.items() if k == kind]
        if not items:
            continue
        entities = [set().union(*(_entities_in(m, ctx, names) for m in it.mentions)) for it in items]
        referents = [set().union(*(_referents_in(m, ref_index) for m in it.mentions)) for it in items]
        if kind == "person":
            groups = _group_by_entity(items, entities)
        else:
            groups = _group_by_meaning(items, entities, ctx, kind, referents)
        for group in groups:
            members = [items[i] for i in group]
            rows.extend(_row(members, ctx, kind, names, entities, group))
    rows.sort(key=lambda r: (-len(r.terms), -sum(len(v) for v in r.terms.values()), r.referent))
    return tuple(rows)


def _group_by_entity(items: list[_Item], entities: list[set[str]]) -> list[list[int]]:
    groups: dict[str, list[int]] = defaultdict(list)
    for i, ents in enumerate(entities):
        if ents:
            groups[sorted(ents)[0]].append(i)
    return list(groups.values())


def _referent_index(ctx: StoryContext) -> dict[str, list[tuple[int, int, str]]]:
    """Per article, the spans of the story's resolved referents (``sections["referents"]``)."""
    index: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for r in ctx.sections.get("referents") or ():
        if len({s.article_id for s in r.mentions}) < 2:
            continue  # a referent one article holds says nothing across outlets
        for s in r.mentions:
            index[s.article_id].append((s.start, s.end, r.id))
    return index


def _referents_in(term: TermMention, index) -> set[str]:
    """The referent whose mention shares the most characters with the term."""
    best, size = None, 0
    for s, e, rid in index.get(term.article_id, ()):
        overlap = min(e, term.end) - max(s, term.start)
        if overlap > size:
            best, size = rid, overlap
    return {best} if best else set()


def _group_by_meaning(items: list[_Item], entities: list[set[str]], ctx: StoryContext, kind: str, referents=None) -> list[list[int]]:
    vectors = _embed([it.key for it in items])
    sims = (vectors @ vectors.T).tolist()
    in_lead = [any(_sentence_index(ctx.analyses[m.article_id], m.start) < LEAD_SENTENCES for m in it.mentions) for it in items]
    for i in range(len(items)):
        for j in range(len(items)):
            if i != j and entities[i] & entities[j]:
                sims[i][j] += ENTITY_BONUS
            if referents and i != j and referents[i] & referents[j]:
                sims[i][j] += REFERENT_BONUS
            if kind == "event" and i != j and in_lead[i] and in_lead[j]:
                sims[i][j] += LEAD_BONUS
    cannot = _cannot_links(items, ctx)
    return _cluster(items, sims, cannot, ACTOR_THRESHOLD if kind == "actor" else EVENT_THRESHOLD)


def _cannot_links(items: list[_Item], ctx: StoryContext) -> set[tuple[int, int]]:
    """Pairs that are subject and object of one sentence, or differ by a stance prefix."""
    cannot = set()
    where: dict[tuple[str, int], list[tuple[int, str]]] = defaultdict(list)
    for i, it in enumerate(items):
        for m in it.mentions:
            where[(m.article_id, _sentence_index(ctx.analyses[m.article_id], m.start))].append((i, m.role.split(":", 1)[-1]))
    for entries in where.values():
        for i, ri in entries:
            for j, rj in entries:
                if i < j and ((ri in SUBJECT_ROLES and rj in OBJECT_ROLES) or (rj in SUBJECT_ROLES and ri in OBJECT_ROLES)):
                    cannot.add((i, j))
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            if _opposed(items[i].key, items[j].key):
                cannot.add((i, j))
    return cannot


def _row(members: list[_Item], ctx: StoryContext, kind: str, names: dict[str, str], entities, group) -> list[FramingRow]:
    articles = {m.article_id for it in members for m in it.mentions}
    if len(articles) < 2:
        return []
    order = [a.id for a in ctx.articles]
    terms: dict[str, list[str]] = defaultdict(list)
    evidence: list[Span] = []
    seen: dict[str, set[str]] = defaultdict(set)
    for m in sorted((m for it in members for m in it.mentions), key=lambda m: (order.index(m.article_id) if m.article_id in order else 0, m.start)):
        evidence.append(Span(m.article_id, m.start, m.end, m.text))
        norm = _normal(m.text)
        if norm not in seen[m.article_id]:
            seen[m.article_id].add(norm)
            terms[m.article_id].append(m.text)
    if kind == "person":
        ent_ids = Counter(e for i in group for e in entities[i])
        # ties by entity id, never by set order (which changes with PYTHONHASHSEED)
        top = min(ent_ids.items(), key=lambda kv: (-kv[1], kv[0]))[0] if ent_ids else None
        label = names.get(top, _label(members, ctx)) if top else _label(members, ctx)
    else:
        label = _label(members, ctx)
    referent = f"{kind}: {label}"
    return [FramingRow(referent=referent, terms={a: tuple(v) for a, v in sorted(terms.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 0)}, evidence=tuple(evidence))]
