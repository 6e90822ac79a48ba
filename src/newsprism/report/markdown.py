"""report.md: the report as readable Markdown. Sections a story lacks are left out.

Works on the report contract (``Report.to_dict()``), like the HTML. Long lists are shortened,
never silently: a shortened list ends with how many more there are and where to find them.
Counts come from :mod:`newsprism.report.counts`, shared with the terminal and the HTML.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Mapping

from ..model import Report
from .counts import counts_line, plural, story_counts
from .dispute_text import claim_note_lines
from .speakers import speaker_groups

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~])")

# list lengths shown in report.md before "… and N more" (report.html and report.json hold all)
LIMITS = {"claims": 40, "quotes": 60, "entities": 30, "timeline": 60}
ELSEWHERE = "all of them are in report.html and report.json"

Dict = Mapping[str, Any]


def md(text: object, limit: int | None = None) -> str:
    """Escape text so that article words render as words (no markup, no HTML)."""
    s = " ".join(str(text or "").split())
    if limit and len(s) > limit:
        s = s[: limit - 1].rstrip() + "…"
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", s)


def _table(header: Iterable[str], rows: Iterable[Iterable[object]]) -> list[str]:
    header = list(header)
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return lines


def _more(total: int, shown: int, what: str) -> list[str]:
    """The line that ends a shortened list; nothing when the list is whole."""
    if total <= shown:
        return []
    return [f"- … and {total - shown} more {what} ({ELSEWHERE})"]


def _corrected(item: Dict) -> str:
    return " *(corrected by hand)*" if item.get("corrected") else ""


def render_markdown(report: Report) -> str:
    return render_markdown_dict(report.to_dict())


def render_markdown_dict(data: Dict) -> str:
    articles = {a.get("id"): a for a in data.get("articles") or []}
    stories = data.get("stories") or []
    out = ["# newsprism report", "", f"{plural(len(articles), 'article')}, {plural(len(stories), 'story', 'stories')} "
           f"(newsprism {md(data.get('newsprism_version', ''))})."]
    if data.get("skipped"):
        out += ["", "## Skipped inputs", ""]
        out += [f"- `{md(s.get('input'))}`: {md(s.get('reason'))}" for s in data["skipped"]]
    for story in stories:
        out += ["", *_story(story, articles)]
    return "\n".join(out)


def _story(story: Dict, articles: Mapping[str, Dict]) -> list[str]:
    def name(aid: str) -> str:
        a = articles.get(aid)
        return md((a or {}).get("outlet") or aid)

    out = [f"## {md(story.get('title'))}{_corrected(story)}", "", counts_line(story_counts(story, articles)) + ".", ""]
    ids = list(story.get("article_ids") or [])
    out += _table(
        ["id", "outlet", "title", "published", "words", "url", "copy of"],
        [[md(a.get("id")), md(a.get("outlet")), md(a.get("title"), 80), md(a.get("published") or ""), a.get("word_count", ""),
          md(a.get("url") or ""), md(a.get("duplicate_of") or "")]
         for a in (articles.get(i) or {"id": i} for i in ids)],
    )
    if story.get("summary") is not None:
        out += ["", "### Neutral summary", ""]
        for s in story["summary"]:
            cites = ", ".join(name(c) for c in s.get("citations") or [])
            out.append(f"- {md(s.get('text'))} [{cites}]")
    if story.get("figures") is not None:
        out += ["", "### Figures", ""]
        rows = []
        for f in story["figures"]:
            values = "; ".join(f"{name(v.get('article_id'))}: {md(v.get('text'))}" for v in f.get("values") or [])
            status = f"**{f.get('status')}**" if f.get("status") == "disputed" else md(f.get("status"))
            rows.append([md(f.get("what")) + _corrected(f), status, values])
        out += _table(["what", "status", "values (outlet: words)"], rows) if rows else ["(none found)"]
    if story.get("claims") is not None:
        out += ["", "### Claims", ""]
        for status, heading in (("disputed", "Disputed"), ("agreed", "Agreed"), ("single", "Reported by one outlet")):
            claims = [c for c in story["claims"] if c.get("status") == status]
            if not claims:
                continue
            out += [f"**{heading}** ({len(claims)})", ""]
            limit = LIMITS["claims"]
            # each outlet's single-source claims stay together, so no outlet drops out of a shortened list
            if status == "single":
                claims.sort(key=lambda c: name(_first_outlet(c)))
            for c in claims[:limit]:
                support = ", ".join(sorted({name(s.get("article_id")) for s in c.get("support") or []}))
                line = f"- {md(c.get('text'), 240)} — {support}{_corrected(c)}"
                if c.get("contradicted_by"):
                    against = "; ".join(f"{name(s.get('article_id'))}: “{md(s.get('text'), 160)}”" for s in c["contradicted_by"])
                    line += f"; contradicted by {against}"
                out.append(line)
                raw = lambda aid: str((articles.get(aid) or {}).get("outlet") or aid)  # noqa: E731  (md escapes the whole line)
                out += [f"  - {md(n, 400)}" for n in claim_note_lines(c, raw)]
            if len(claims) > limit:
                rest: dict[str, int] = {}
                for c in claims[limit:]:
                    rest[name(_first_outlet(c))] = rest.get(name(_first_outlet(c)), 0) + 1
                by = ", ".join(f"{k} {v}" for k, v in sorted(rest.items()))
                out.append(f"- … and {len(claims) - limit} more {heading.lower()} claims ({by}; {ELSEWHERE})")
            out.append("")
    if story.get("quotes") is not None:
        out += ["", "### Who said what", ""]
        shown = 0
        for group in speaker_groups(story["quotes"]):  # one heading per resolved speaker
            if shown >= LIMITS["quotes"]:
                break
            named = "; ".join(f"“{md(w)}”" for w in group["named_as"])
            out.append(f"- **{md(group['name'])}**" + (f" (named as {named})" if named else ""))
            for q in group["quotes"]:
                mark = "“{}”".format(md(q.get("text"), 240)) if q.get("direct") else md(q.get("text"), 240)
                out.append(f"  - {mark} ({name(q.get('article_id'))}){_corrected(q)}")
                shown += 1
        out += _more(len(story["quotes"]), shown, "quotes")
    if story.get("framing") is not None:
        out += ["", "### How each outlet names things", ""]
        rows = [[md(r.get("referent")) + _corrected(r)] + [md(", ".join((r.get("terms") or {}).get(i) or ()) or "—") for i in ids]
                for r in story["framing"]]
        out += _table(["referent"] + [name(i) for i in ids], rows) if rows else ["(none found)"]
    if story.get("outlets") is not None:
        out += ["", "### Outlet profiles", ""]
        out += _profiles(story, name, articles)
    if story.get("timeline") is not None:
        out += ["", "### Timeline", ""]
        entries = story["timeline"]
        out += [f"- {md(t.get('date'))}: {md(t.get('text'), 200)} ({', '.join(name(a) for a in t.get('article_ids') or [])})"
                for t in entries[: LIMITS["timeline"]]]
        out += _more(len(entries), LIMITS["timeline"], "dated events")
    out += _referents(story, name)
    out += _extra_sections(story, name)
    if story.get("entities") is not None:
        out += ["", "### Entities", ""]
        ents = story["entities"]
        rows = [[md(e.get("name")) + _corrected(e), md(e.get("type")), md(", ".join(a for a in e.get("aliases") or [] if a != e.get("name"))),
                 len({m.get("article_id") for m in e.get("mentions") or []}), len(e.get("mentions") or [])]
                for e in ents[: LIMITS["entities"]]]
        out += _table(["name", "type", "also called", "outlets", "mentions"], rows)
        if len(ents) > LIMITS["entities"]:
            out += ["", f"… and {len(ents) - LIMITS['entities']} more entities ({ELSEWHERE})."]
    return out


_KNOWN = {"id", "title", "article_ids", "entities", "quotes", "figures", "claims", "framing", "outlets", "timeline",
          "summary", "corrections", "corrected", "referents"}


def _referents(story: Dict, name) -> list[str]:
    """Who and what the outlets mention: each referent's words per outlet and what joined them."""
    from .referent_list import listed_referents

    if story.get("referents") is None:
        return []
    listed = listed_referents(story)
    out = ["", "### Who and what across outlets", ""]
    limit = 30
    for r in listed[:limit]:
        words = "; ".join(f"{name(aid)}: {md(', '.join(ws[:6]) + (' …' if len(ws) > 6 else ''))}" for aid, ws in r["words"].items())
        why = f" — joined by: {md(', '.join(r['linked_by']))}" if r["linked_by"] else ""
        out.append(f"- **{md(r['label'])}** ({md(r['kind'])}, {plural(len(r['outlets']), 'outlet')}): {words}{why}" + _corrected(r))
    if not listed:
        out.append("(none found)")
    out += _more(len(listed), limit, "referents")
    return out


def _extra_sections(story: Dict, name) -> list[str]:
    """Sections a newer stage adds (a ``referents`` list ...): each item's plain fields, as text."""
    out: list[str] = []
    for key, items in story.items():
        if key in _KNOWN or not isinstance(items, list) or not items or not all(isinstance(i, Mapping) for i in items):
            continue
        out += ["", f"### {md(key.replace('_', ' ').capitalize())}", ""]
        limit = 30
        for item in items[:limit]:
            fields = [f"{md(k.replace('_', ' '))}: {md(v, 160)}" for k, v in item.items()
                      if isinstance(v, (str, int, float)) and not isinstance(v, bool) and k not in ("start", "end", "id")]
            outlets = sorted({name(s.get("article_id")) for v in item.values() if isinstance(v, list)
                              for s in v if isinstance(s, Mapping) and s.get("article_id")})
            out.append("- " + "; ".join(fields) + (f" ({', '.join(outlets)})" if outlets else "") + _corrected(item))
        out += _more(len(items), limit, key.replace("_", " "))
    return out


def _first_outlet(claim: Dict) -> str:
    support = claim.get("support") or claim.get("contradicted_by") or [{}]
    return support[0].get("article_id") or ""


def _profiles(story: Dict, name, articles: Mapping[str, Dict]) -> list[str]:
    """The measured profile, with the user's third-party rating (``--outlet-ratings``) beside it."""
    from .profile_text import naming_line, source_kind_line

    profiles = story.get("outlets") or []
    rows = []
    for p in profiles:
        rating = p.get("rating") or {}
        rated = f"{md(rating.get('rating'))} (source: {md(rating.get('source'))})" if rating.get("rating") else "—"
        rows.append([name(p.get("article_id")), md(", ".join(p.get("quoted_speakers") or [])) or "—", len(p.get("loaded_terms") or []),
                     len(p.get("calls_to_action") or []), f"{float(p.get('tone') or 0.0):+.2f}", rated])
    out = _table(["outlet", "quotes", "loaded terms", "calls to action", "tone", "rating (third party)"], rows)
    lines = []
    for p in profiles:
        aid = p.get("article_id")
        for text in (naming_line(story, aid), source_kind_line(story, aid, articles)):
            if text:
                lines.append(f"- {name(aid)} {md(text)}")
    if lines:
        out += ["", *lines]
    return out
