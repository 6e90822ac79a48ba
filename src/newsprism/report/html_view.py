"""A story of the report contract arranged for the HTML templates: article texts cut into runs,
claims matrix, figures, quotes by speaker, framing, outlet profiles, timeline and entities.

Works on plain dicts (``Report.to_dict()`` or a report.json), so every source renders alike.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any, Iterable, Mapping, Sequence

from .counts import counts_line, story_counts
from .profile_text import KIND_LABELS, naming_line, rule_text, speaker_kinds
from .speakers import UNATTRIBUTED, named_as, speaker_key

Dict = Mapping[str, Any]


# ---------------------------------------------------------------- article text with highlights


@dataclass(frozen=True)
class Run:
    """A stretch of article text between two annotation boundaries (offsets in code points)."""

    start: int
    end: int
    text: str
    classes: str


def segment(text: str, anchors: Iterable[tuple[int, int]], marks: Iterable[tuple[int, int, str]]) -> list[Run]:
    """Cut ``text`` at every anchor and mark boundary, so any cited span is a run of whole runs.

    ``anchors`` are spans a citation may point at; ``marks`` are spans shown highlighted
    (css class per mark). Out-of-range spans are ignored.
    """
    n = len(text)
    valid = lambda s, e: isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= n  # noqa: E731
    cuts = {0, n}
    for s, e in anchors:
        if valid(s, e):
            cuts.update((s, e))
    opening: dict[int, list[str]] = defaultdict(list)
    closing: dict[int, list[str]] = defaultdict(list)
    for s, e, cls in marks:
        if valid(s, e):
            cuts.update((s, e))
            opening[s].append(cls)
            closing[e].append(cls)
    active: dict[str, int] = defaultdict(int)  # one sweep: marks open and close at cuts
    bounds = sorted(cuts)
    runs = []
    for s, e in zip(bounds, bounds[1:]):
        for cls in closing.get(s, ()):
            active[cls] -= 1
        for cls in opening.get(s, ()):
            active[cls] += 1
        classes = " ".join(sorted(cls for cls, n in active.items() if n > 0))
        runs.append(Run(s, e, text[s:e], classes))
    return runs


# ---------------------------------------------------------------- one story, ready for templates


@dataclass
class Column:
    article: Dict
    label: str
    runs: list[Run]
    quotes: int
    loaded: int


class StoryPage:
    """A story of a report dict, arranged for the templates (sections it lacks stay absent)."""

    def __init__(self, data: Dict, story: Dict, *, key: str, articles_by_id: Mapping[Any, Dict] | None = None):
        """``articles_by_id``: the report's articles by id, when the caller makes pages for many
        stories of one report (indexing every article for each story cost minutes on 10,000)."""
        self.key = key
        self.story = story
        self.title = story.get("title") or "(untitled story)"
        by_id = articles_by_id if articles_by_id is not None else articles_index(data)
        self.articles = [by_id[i] for i in story.get("article_ids", []) if i in by_id]
        self.labels = _column_labels(self.articles)
        self.selected_pair: tuple[str, str] | None = None  # the web app's ?a=&b= comparison

    @cached_property
    def columns(self) -> list["Column"]:
        """The story's articles with their texts cut into runs (built only when a page needs them)."""
        return self._columns()

    # -- list entry

    def row(self) -> dict[str, Any]:
        dates = sorted(str(a["published"]) for a in self.articles if a.get("published"))
        outlets = list(dict.fromkeys(a.get("outlet") or "" for a in self.articles))
        counts = self.counts()
        return {
            "key": self.key,
            "title": self.title,
            "outlets": outlets,
            "n_articles": len(self.articles),
            "last_update": dates[-1] if dates else None,
            "first_published": dates[0] if dates else None,
            "disputes": counts.get("claims_disputed", 0) + counts.get("figures_disputed", 0),
        }

    def search_text(self) -> str:
        """What the story list searches: titles, outlets, article texts, speakers, entities and naming."""
        s = self.story
        parts = [self.title]
        for a in self.articles:
            parts += [a.get("outlet") or "", a.get("title") or "", a.get("text") or ""]
        for q in s.get("quotes") or []:
            parts.append((q.get("speaker") or {}).get("name") or "")
        for e in s.get("entities") or []:
            parts += [e.get("name") or ""] + list(e.get("aliases") or [])
        for row in s.get("framing") or []:
            parts.append(str(row.get("referent") or ""))
            parts += [str(w) for ws in (row.get("terms") or {}).values() for w in ws or []]
        for section in ("referents",):  # another stage's naming section, read generically
            for item in s.get(section) or []:
                if isinstance(item, Mapping):
                    parts += [str(v) for v in item.values() if isinstance(v, str)]
        return " ".join(" ".join(parts).casefold().split())

    # -- sections present

    def counts(self) -> dict[str, Any]:
        """The story's counts, the same numbers the terminal and report.md show."""
        return story_counts(self.story, {a.get("id"): a for a in self.articles})

    def counts_line(self) -> str:
        return counts_line(self.counts())

    def has(self, name: str) -> bool:
        return self.story.get(name) is not None

    def label(self, article_id: str) -> str:
        return self.labels.get(article_id, article_id)

    def cite(self, span: Dict, article_id: str | None = None) -> dict[str, Any]:
        """Data for a citation button."""
        aid = article_id if article_id is not None else span.get("article_id")
        return {"article_id": aid, "start": span.get("start"), "end": span.get("end"), "label": self.label(aid)}

    def _columns(self) -> list[Column]:
        anchors: dict[str, list[tuple[int, int]]] = defaultdict(list)
        marks: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for aid, s, e in self._all_spans():
            anchors[aid].append((s, e))
        quote_count: dict[str, int] = defaultdict(int)
        for q in self.story.get("quotes") or []:
            quote_count[q.get("article_id")] += 1
            parts = q.get("parts") or [{"start": q.get("start"), "end": q.get("end")}]
            for p in parts:
                marks[q.get("article_id")].append((p.get("start"), p.get("end"), "q"))
        loaded_count: dict[str, int] = defaultdict(int)
        for profile in self.story.get("outlets") or []:
            aid = profile.get("article_id")
            for t in profile.get("loaded_terms") or []:
                loaded_count[aid] += 1
                marks[aid].append((t.get("start"), t.get("end"), "ld"))
            for t in profile.get("calls_to_action") or []:
                marks[aid].append((t.get("start"), t.get("end"), "cta"))
        for fig in self.story.get("figures") or []:
            for v in fig.get("values") or []:
                marks[v.get("article_id")].append((v.get("start"), v.get("end"), "fg"))
        return [
            Column(a, self.labels[a["id"]], segment(a.get("text") or "", anchors[a["id"]], marks[a["id"]]), quote_count[a["id"]], loaded_count[a["id"]])
            for a in self.articles
        ]

    def _all_spans(self) -> Iterable[tuple[str, int, int]]:
        """Every span a citation button on this page may point at."""
        s = self.story
        for sent in s.get("summary") or []:
            for ev in sent.get("evidence") or []:
                yield ev.get("article_id"), ev.get("start"), ev.get("end")
        for claim in s.get("claims") or []:
            for ev in list(claim.get("support") or []) + list(claim.get("contradicted_by") or []):
                yield ev.get("article_id"), ev.get("start"), ev.get("end")
        for q in s.get("quotes") or []:
            yield q.get("article_id"), q.get("start"), q.get("end")
            for p in q.get("parts") or []:
                yield q.get("article_id"), p.get("start"), p.get("end")
        for fig in s.get("figures") or []:
            for v in fig.get("values") or []:
                yield v.get("article_id"), v.get("start"), v.get("end")
        for ent in s.get("entities") or []:
            for m in ent.get("mentions") or []:
                yield m.get("article_id"), m.get("start"), m.get("end")
        for row in s.get("framing") or []:
            for ev in row.get("evidence") or []:
                yield ev.get("article_id"), ev.get("start"), ev.get("end")
        for entry in s.get("timeline") or []:
            for ev in entry.get("evidence") or []:
                yield ev.get("article_id"), ev.get("start"), ev.get("end")
        for profile in s.get("outlets") or []:
            for t in list(profile.get("loaded_terms") or []) + list(profile.get("calls_to_action") or []):
                yield profile.get("article_id"), t.get("start"), t.get("end")
        for section in self.extra_sections():
            for row in section["rows"]:
                for c in row["cites"]:
                    yield c["article_id"], c["start"], c["end"]
        for ref in self.referents() or []:
            for c in ref["cites"]:
                yield c["article_id"], c["start"], c["end"]

    # -- sections

    def claims_matrix(self) -> list[dict[str, Any]]:
        rows = []
        order = {"disputed": 0, "agreed": 1, "single": 2}  # disputes first: what a fact-checker looks for
        claims = sorted(self.story.get("claims") or [], key=lambda c: order.get(c.get("status"), 3))
        by_id = {c.get("id"): c for c in claims}
        for claim in claims:
            # the claims this one "may differ" from: an outlet that tells it otherwise is no "not found"
            others = [by_id[n["other_claim"]] for n in claim.get("notes") or []
                      if n.get("certainty") == "may differ" and n.get("other_claim") in by_id]
            cells = []
            for column in self.columns:
                aid = column.article["id"]
                support = [self.cite(ev) for ev in claim.get("support") or [] if ev.get("article_id") == aid]
                against = [self.cite(ev) for ev in claim.get("contradicted_by") or [] if ev.get("article_id") == aid]
                otherwise = [self.cite(ev) for o in others for ev in o.get("support") or [] if ev.get("article_id") == aid]
                verdict = "contradicts" if against and not support else "reports" if support and not against else "both" if support else "maybe" if otherwise else "omits"
                cells.append({"verdict": verdict, "support": support, "against": against,
                              "otherwise": otherwise if verdict == "maybe" else [], "label": column.label})
            rows.append({"claim": claim, "cells": cells, "notes": self.claim_notes(claim)})
        return rows

    def claim_notes(self, claim: dict[str, Any]) -> list[str]:
        """What differs and around what, for a disputed claim or a "may differ" link (escaped by the template)."""
        from .dispute_text import claim_note_lines

        return claim_note_lines(claim, lambda aid: self.label(aid) if aid else "?")

    KNOWN = {"id", "title", "article_ids", "entities", "quotes", "figures", "claims", "framing", "outlets", "timeline",
             "summary", "corrections", "corrected", "referents"}

    def referents(self) -> list[dict[str, Any]] | None:
        """Who and what the outlets mention (report/referent_list), with a citation per outlet;
        None when the story has no referents section."""
        return self._referents

    @cached_property
    def _referents(self) -> list[dict[str, Any]] | None:
        # built once: the template and the article anchors (``_all_spans``) both read it
        from .referent_list import listed_referents

        if self.story.get("referents") is None:
            return None
        return [{**r, "words": [(self.label(aid), ws) for aid, ws in r["words"].items()],
                 "cites": [self.cite(m) for m in r["first"]]} for r in listed_referents(self.story)]

    def extra_sections(self) -> list[dict[str, Any]]:
        """Sections a newer stage adds (a ``referents`` list ...), shown generically: each item's
        plain fields as text, and its spans (article_id, start, end) as citations."""
        out = []
        for name, items in self.story.items():
            if name in self.KNOWN or not isinstance(items, list) or not items or not all(isinstance(i, Mapping) for i in items):
                continue
            rows = []
            for item in items:
                fields, cites = [], []
                for key, value in item.items():
                    if isinstance(value, (str, int, float)) and not isinstance(value, bool) and key not in ("start", "end", "article_id", "id"):
                        fields.append((key.replace("_", " "), value))
                    elif isinstance(value, Mapping):
                        cites += self._spans_in([value])
                        words = [f"{self.label(k)}: {', '.join(map(str, v))}" for k, v in value.items()
                                 if k in self.labels and isinstance(v, (list, tuple))]
                        if words:
                            fields.append((key.replace("_", " "), "; ".join(words)))
                    elif isinstance(value, list):
                        cites += self._spans_in(value)
                        plain = [str(v) for v in value if isinstance(v, (str, int, float))]
                        if plain:
                            fields.append((key.replace("_", " "), ", ".join(plain)))
                if isinstance(item.get("article_id"), str) and isinstance(item.get("start"), int):
                    cites.insert(0, self.cite(item))
                rows.append({"fields": fields, "cites": cites[:12]})
            out.append({"name": name.replace("_", " "), "key": name, "rows": rows})
        return out

    def _spans_in(self, values: Iterable[Any]) -> list[dict[str, Any]]:
        return [self.cite(v) for v in values
                if isinstance(v, Mapping) and isinstance(v.get("article_id"), str) and isinstance(v.get("start"), int) and isinstance(v.get("end"), int)]

    def single_claims(self) -> list[dict[str, Any]]:
        """Claims one outlet alone reports, grouped by that outlet (in column order)."""
        groups: dict[str, list[dict[str, Any]]] = {c.label: [] for c in self.columns}
        for claim in self.story.get("claims") or []:
            if claim.get("status") != "single":
                continue
            support = list(claim.get("support") or [])
            label = self.label(support[0].get("article_id")) if support else "?"
            groups.setdefault(label, []).append({"claim": claim, "cites": [self.cite(ev) for ev in support],
                                                 "notes": self.claim_notes(claim)})
        return [{"label": k, "claims": v} for k, v in groups.items() if v]

    # -- two outlets head to head

    MAX_STATIC_PAIRS = 28  # report.html renders every pair up to 8 articles; the web app renders the pair asked for

    def compare_pairs(self, selected: tuple[str, str] | None = None) -> list[dict[str, Any]]:
        """The pairs to render: the one asked for (web app), else every pair when few enough."""
        ids = [c.article["id"] for c in self.columns]
        if len(ids) < 2:
            return []
        if selected and selected[0] in ids and selected[1] in ids and selected[0] != selected[1]:
            return [self.compare(*selected)]
        pairs = [(a, b) for i, a in enumerate(ids) for b in ids[i + 1:]]
        if selected is None and len(pairs) <= self.MAX_STATIC_PAIRS:
            return [self.compare(a, b) for a, b in pairs]
        return [self.compare(ids[0], ids[1])]

    def compare(self, a: str, b: str) -> dict[str, Any]:
        """What each of two articles reports that was not found in the other, where they contradict,
        how each names the same referents, whom each quotes; their headlines side by side."""
        by_id = {c.article["id"]: c.article for c in self.columns}
        only = {a: [], b: []}
        contradictions, both = [], 0
        for claim in self.story.get("claims") or []:
            sup = {ev.get("article_id") for ev in claim.get("support") or []}
            con = {ev.get("article_id") for ev in claim.get("contradicted_by") or []}
            if (a in sup and b in con) or (b in sup and a in con):
                contradictions.append({"claim": claim, "cites": [self.cite(ev) for ev in list(claim.get("support") or []) + list(claim.get("contradicted_by") or [])
                                                                  if ev.get("article_id") in (a, b)]})
            elif a in sup and b in sup:
                both += 1
            else:
                for x, y in ((a, b), (b, a)):
                    if x in sup and y not in sup and y not in con:
                        only[x].append({"claim": claim, "cites": [self.cite(ev) for ev in claim.get("support") or [] if ev.get("article_id") == x]})
        naming = []
        for row in self.framing_rows():
            cells = {c.article["id"]: cell for c, cell in zip(self.columns, row["cells"])}
            if cells.get(a) or cells.get(b):
                wa = {str(w["word"]).casefold() for w in cells.get(a) or []}
                wb = {str(w["word"]).casefold() for w in cells.get(b) or []}
                naming.append({"referent": row["referent"], "a": cells.get(a) or [], "b": cells.get(b) or [], "same": wa == wb})
        speakers = {x: [] for x in (a, b)}
        for q in self.story.get("quotes") or []:
            name = (q.get("speaker") or {}).get("name")
            if name and q.get("article_id") in speakers and name not in speakers[q.get("article_id")]:
                speakers[q.get("article_id")].append(name)
        fold = {x: {n.casefold() for n in speakers[x]} for x in speakers}
        side = lambda x: {"id": x, "label": self.label(x), "title": by_id[x].get("title") or "", "url": by_id[x].get("url"),  # noqa: E731
                          "published": by_id[x].get("published"), "only": only[x], "speakers": speakers[x],
                          "own_speakers": [n for n in speakers[x] if n.casefold() not in fold[b if x == a else a]]}
        return {"key": f"{a}|{b}", "a": side(a), "b": side(b), "contradictions": contradictions, "both": both, "naming": naming,
                "shared_speakers": [n for n in speakers[a] if n.casefold() in fold[b]]}

    def figures(self) -> list[dict[str, Any]]:
        out = []
        for fig in self.story.get("figures") or []:
            values = list(fig.get("values") or [])
            counts: dict[tuple, int] = defaultdict(int)
            for v in values:
                counts[(v.get("value"), v.get("value_max"))] += 1
            common = max(counts.values()) if counts else 0
            majority = [k for k, c in counts.items() if c == common]
            disputed = fig.get("status") == "disputed"
            rows = []
            for v in values:
                k = (v.get("value"), v.get("value_max"))
                # in a dispute every value is contested; the odd ones out most of all
                rows.append({"v": v, "cite": self.cite(v), "odd": disputed and (len(majority) != 1 or k not in majority)})
            out.append({"figure": fig, "disputed": disputed, "values": rows, "distinct": len(counts)})
        return out

    def quote_groups(self) -> list[dict[str, Any]]:
        """Quotes by speaker; the same words in several outlets are one entry with every carrier."""
        quotes = list(self.story.get("quotes") or [])
        by_id = {q.get("id"): q for q in quotes}
        parent = {q.get("id"): q.get("id") for q in quotes}

        def find(x: str) -> str:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for q in quotes:
            for other in q.get("also_in") or []:
                if other in parent:
                    parent[find(other)] = find(q.get("id"))
        clusters: dict[str, list[Dict]] = defaultdict(list)
        for q in quotes:
            clusters[find(q.get("id"))].append(q)
        speakers: dict[str, dict[str, Any]] = {}
        for members in clusters.values():
            speaker = next((m.get("speaker") for m in members if m.get("speaker")), None)
            name = (speaker or {}).get("name") or UNATTRIBUTED
            group_key = speaker_key({"speaker": speaker})  # one heading per resolved speaker, as report.md
            group = speakers.setdefault(group_key, {"name": name, "entries": [], "outlets": set(), "named_as": []})
            for m in members:
                words = named_as((m.get("speaker") or {}).get("text"), group_key)
                if words and words.casefold() not in (w.casefold() for w in group["named_as"]):
                    group["named_as"].append(words)
            conflicts = [by_id[c] for m in members for c in m.get("attribution_conflicts") or [] if c in by_id]
            carriers = [
                {"cite": self.cite(m), "direct": m.get("direct"), "cue": m.get("cue")}
                for m in members
            ]
            group["outlets"].update(self.label(m.get("article_id")) for m in members)
            group["entries"].append({
                "text": max((m.get("text") or "" for m in members), key=len),
                "direct": any(m.get("direct") for m in members),
                "carriers": carriers,
                "conflicts": [{"name": ((c.get("speaker") or {}).get("name") or "nobody"), "cite": self.cite(c)} for c in conflicts],
                "corrected": next((m.get("corrected") for m in members if m.get("corrected")), None),
            })
        groups = sorted(speakers.values(), key=lambda g: (g["name"] == UNATTRIBUTED, -len(g["entries"]), g["name"].casefold()))
        for g in groups:
            g["outlets"] = sorted(g["outlets"])
            g["named_as"].sort(key=str.casefold)
            g["n_quotes"] = sum(len(e["carriers"]) for e in g["entries"])
            g["entries"].sort(key=lambda e: -len(e["carriers"]))
        return groups

    def framing_rows(self) -> list[dict[str, Any]]:
        rows = []
        for row in self.story.get("framing") or []:
            terms = row.get("terms") or {}
            evidence = defaultdict(list)
            for ev in row.get("evidence") or []:
                evidence[ev.get("article_id")].append(ev)
            cells = []
            for column in self.columns:
                aid = column.article["id"]
                words = list(terms.get(aid) or [])
                cites = []
                for word in words:
                    ev = next((e for e in evidence[aid] if (e.get("text") or "").casefold() == str(word).casefold()), None)
                    cites.append({"word": word, "cite": self.cite(ev) if ev else None})
                cells.append(cites)
            distinct = {str(w).casefold() for ws in terms.values() for w in ws}
            rows.append({"referent": row.get("referent", ""), "cells": cells, "varied": len(distinct) > 1, "corrected": row.get("corrected")})
        return rows

    def outlet_profiles(self) -> list[dict[str, Any]]:
        by_article = {p.get("article_id"): p for p in self.story.get("outlets") or []}
        quote_count: dict[str, int] = defaultdict(int)
        for q in self.story.get("quotes") or []:
            quote_count[q.get("article_id")] += 1
        out = []
        for column in self.columns:
            aid = column.article["id"]
            p = by_article.get(aid)
            if p is None:
                continue
            words = max(int(column.article.get("word_count") or len((column.article.get("text") or "").split())), 1)
            loaded = list(p.get("loaded_terms") or [])
            rating = p.get("rating") if isinstance(p.get("rating"), Mapping) else None
            out.append({
                "label": column.label,
                "article_id": aid,
                "rating": rating,
                "naming": naming_line(self.story, aid),
                "density": 100.0 * len(loaded) / words,
                "loaded": [self.cite(t, aid) | {"text": t.get("text", "")} for t in loaded],
                "cta": [self.cite(t, aid) | {"text": t.get("text", "")} for t in p.get("calls_to_action") or []],
                "tone": float(p.get("tone") or 0.0),
                "speakers": list(p.get("quoted_speakers") or []),
                "quotes": quote_count[aid],
                "words": words,
            })
        return out

    def source_kinds(self) -> dict[str, Any] | None:
        """Whom each outlet quotes, by kind of source: a stacked bar per outlet, and every
        speaker with the word that decided its kind (the rule is stated beside the chart)."""
        by_article = speaker_kinds(self.story, {a.get("id"): a for a in self.articles})
        if not by_article:
            return None
        kinds = list(KIND_LABELS)
        top = max((len(v) for v in by_article.values()), default=1) or 1
        width, label_w, row_h = 340, 150, 22
        plot_w = width - label_w - 30
        rows = []
        for n, column in enumerate(self.columns):
            speakers = by_article.get(column.article["id"]) or []
            x, segments = float(label_w), []
            for kind in kinds:
                k = sum(1 for sp in speakers if sp["kind"] == kind)
                if k:
                    w = plot_w * k / top
                    segments.append({"kind": kind, "label": KIND_LABELS[kind], "n": k, "x": round(x, 1), "w": round(w, 1), "color": KIND_COLOURS[kind]})
                    x += w
            label = column.label
            rows.append({"label": label if len(label) <= 22 else label[:21] + "…", "full_label": label, "y": 6 + n * row_h,
                         "segments": segments, "total": len(speakers), "end_x": round(x + 4, 1), "speakers": speakers})
        used = [k for k in kinds if any(seg["kind"] == k for r in rows for seg in r["segments"])]
        return {"rule": rule_text(), "rows": rows, "width": width, "height": 12 + len(rows) * row_h, "label_w": label_w,
                "legend": [{"kind": k, "label": KIND_LABELS[k], "color": KIND_COLOURS[k]} for k in used]}

    def profile_charts(self) -> list[dict[str, Any]]:
        """Three small bar charts (inline SVG): loaded-term density, tone, sources quoted."""
        profiles = self.outlet_profiles()
        if not profiles:
            return []
        specs = [
            ("Loaded terms per 100 words", "density", False),
            ("Tone (-1 negative … +1 positive)", "tone", True),
            ("Sources quoted", None, False),
        ]
        charts = []
        for title, field_name, diverging in specs:
            values = [p[field_name] if field_name else float(len(p["speakers"])) for p in profiles]
            charts.append(bar_chart(title, [p["label"] for p in profiles], values, diverging=diverging))
        return charts

    def outlet_colours(self) -> dict[str, str]:
        """Column label -> its colour in the timeline."""
        return {c.label: OUTLET_COLOURS[n % len(OUTLET_COLOURS)] for n, c in enumerate(self.columns)}

    def timeline(self) -> dict[str, Any]:
        entries = []
        colours = self.outlet_colours()
        for entry in self.story.get("timeline") or []:
            labels = [self.label(a) for a in entry.get("article_ids") or []]
            entries.append({
                "colour": colours.get(labels[0], "#374151") if len(set(labels)) == 1 else "#374151",
                "chips": [{"label": lab, "colour": colours.get(lab, "#374151")} for lab in dict.fromkeys(labels)],
                "date": str(entry.get("date") or ""),
                "text": entry.get("text") or "",
                "labels": labels,
                "cites": [self.cite(ev) for ev in entry.get("evidence") or []],
                "when": _parse_date(entry.get("date")),
            })
        entries.sort(key=lambda e: (e["when"] or date.max, e["date"]))
        legend = [{"label": c.label, "colour": colours[c.label]} for c in self.columns]
        return {"entries": entries, "chart": timeline_chart(entries), "legend": legend}

    def entities(self) -> list[dict[str, Any]]:
        out = []
        for ent in self.story.get("entities") or []:
            per_article: dict[str, list[Dict]] = defaultdict(list)
            for m in ent.get("mentions") or []:
                per_article[m.get("article_id")].append(m)
            cells = [{"label": c.label, "mentions": [self.cite(m) for m in per_article.get(c.article["id"], [])]} for c in self.columns]
            out.append({"entity": ent, "cells": cells, "total": sum(len(v) for v in per_article.values())})
        out.sort(key=lambda e: -e["total"])
        return out


def articles_index(data: Dict) -> dict[Any, Dict]:
    """A report dict's articles by id."""
    return {a.get("id"): a for a in data.get("articles", [])}


def _column_labels(articles: Sequence[Dict]) -> dict[str, str]:
    """Outlet names, numbered when one outlet has several articles in the story."""
    seen: dict[str, int] = defaultdict(int)
    totals: dict[str, int] = defaultdict(int)
    for a in articles:
        totals[a.get("outlet") or a.get("id")] += 1
    labels = {}
    for a in articles:
        outlet = a.get("outlet") or a.get("id")
        seen[outlet] += 1
        labels[a["id"]] = f"{outlet} ({seen[outlet]})" if totals[outlet] > 1 else outlet
    return labels


def _parse_date(value: Any) -> date | None:
    if not isinstance(value, str):
        return None
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


# ---------------------------------------------------------------- inline SVG charts

# one colour per kind of source (colour-blind-safe Okabe-Ito palette); the legend names them
KIND_COLOURS = {"government": "#0072B2", "international": "#009E73", "opposition": "#D55E00", "civilian": "#CC79A7",
                "expert": "#E69F00", "media": "#56B4E9", "other": "#999999"}
# one colour per outlet in the timeline (same palette, darker tones for text contrast)
OUTLET_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#B8860B", "#56B4E9", "#6B7280", "#7C3AED")


def bar_chart(title: str, labels: Sequence[str], values: Sequence[float], *, diverging: bool = False) -> dict[str, Any]:
    """Geometry for a horizontal bar chart; the template draws it with SVG attributes only."""
    width, label_w, value_w, row_h = 340, 150, 40, 22
    plot_w = width - label_w - value_w
    top = max((abs(v) for v in values), default=0.0) or 1.0
    zero = label_w + (plot_w / 2 if diverging else 0)
    scale = (plot_w / 2 if diverging else plot_w) / top
    bars = []
    for i, (label, v) in enumerate(zip(labels, values)):
        length = abs(v) * scale
        x = zero - length if v < 0 else zero
        bars.append({
            "label": label if len(label) <= 22 else label[:21] + "…",
            "full_label": label,
            "value": v,
            "x": round(x, 1),
            "y": 6 + i * row_h,
            "w": round(max(length, 1.0), 1),
            "negative": v < 0,
            # a negative bar grows left, towards the labels: its number goes right of the axis
            "text_x": round((x + length + 4) if v >= 0 else zero + 4, 1),
        })
    return {"title": title, "bars": bars, "width": width, "height": 12 + len(bars) * row_h, "zero": zero, "label_w": label_w}


BREAK_DAYS = 7  # a week without a dated event: the story's own days and its background are drawn apart (judged on the seed report)


def timeline_chart(entries: Sequence[Dict]) -> dict[str, Any] | None:
    """Dots on a date axis; dots that would overlap are stacked upwards.

    Dates far from the rest (background from years before) would squeeze the story's own days
    into one corner, so a gap of more than BREAK_DAYS breaks the axis: each stretch gets width
    by its number of events, with a break mark between."""
    dated = [e for e in entries if e["when"] is not None]
    if not dated:
        return None
    width, left, right, lane_h, gap_w = 900, 40, 40, 22, 26
    days = [e["when"] for e in dated]
    segments: list[list[int]] = [[0]]
    for n in range(1, len(days)):
        gap = (days[n] - days[n - 1]).days
        if gap > BREAK_DAYS:
            segments.append([n])
        else:
            segments[-1].append(n)
    usable = width - left - right - gap_w * (len(segments) - 1)
    x0, xs, breaks, ticks = float(left), [0.0] * len(days), [], []
    for k, seg in enumerate(segments):
        seg_w = usable * len(seg) / len(days)
        first, last = days[seg[0]], days[seg[-1]]
        seg_span = (last - first).days
        for n in seg:
            xs[n] = x0 + (seg_w * (days[n] - first).days / seg_span if seg_span else seg_w / 2)
        ticks.append({"x": round(x0 if seg_span else x0 + seg_w / 2, 1), "label": dated[seg[0]]["date"], "anchor": "start" if seg_span else "middle"})
        if seg_span:
            ticks.append({"x": round(x0 + seg_w, 1), "label": dated[seg[-1]]["date"], "anchor": "end"})
        x0 += seg_w
        if k < len(segments) - 1:
            breaks.append(round(x0 + gap_w / 2, 1))
            x0 += gap_w
    points: list[dict[str, Any]] = []
    for n, e in enumerate(dated, 1):
        x = xs[n - 1]
        lane = 0
        while any(p["lane"] == lane and abs(p["x"] - x) < 26 for p in points):
            lane += 1
        points.append({"n": n, "x": round(x, 1), "lane": lane, "r": 8 + min(len(e["labels"]), 4), "entry": e})
    lanes = max(p["lane"] for p in points) + 1
    axis_y = 16 + lanes * lane_h
    for p in points:
        p["y"] = axis_y - 14 - p["lane"] * lane_h
    # tick labels of neighbouring stretches must not overprint: keep the first of two close ones
    kept: list[dict[str, Any]] = []
    for t in ticks:
        if not kept or t["x"] - kept[-1]["x"] > 90:
            kept.append(t)
    return {"width": width, "height": axis_y + 24, "offset": 0, "axis_y": axis_y, "left": left, "right": width - right,
            "points": points, "ticks": kept, "breaks": breaks}
