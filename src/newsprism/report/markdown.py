"""report.md: the report as readable Markdown. Sections a story lacks are left out."""

from __future__ import annotations

import re
from typing import Iterable

from ..model import Article, Report, Story

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~])")


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


def render_markdown(report: Report) -> str:
    articles = {a.id: a for a in report.articles}
    out = [f"# newsprism report", "", f"{len(report.articles)} articles, {len(report.stories)} stories "
           f"(newsprism {report.newsprism_version})."]
    if report.skipped:
        out += ["", "## Skipped inputs", ""]
        out += [f"- `{md(s.input)}`: {md(s.reason)}" for s in report.skipped]
    for story in report.stories:
        out += ["", *_story(story, articles)]
    return "\n".join(out)


def _outlet(articles: dict[str, Article], article_id: str) -> str:
    a = articles.get(article_id)
    return md(a.outlet if a else article_id)


def _story(story: Story, articles: dict[str, Article]) -> list[str]:
    name = lambda aid: _outlet(articles, aid)  # noqa: E731
    out = [f"## {md(story.title)}", ""]
    out += _table(
        ["id", "outlet", "title", "published", "words", "copy of"],
        [[md(a.id), md(a.outlet), md(a.title, 80), md(a.published), a.word_count, md(a.duplicate_of or "")]
         for a in (articles[i] for i in story.article_ids)],
    )
    if story.summary is not None:
        out += ["", "### Neutral summary", ""]
        for s in story.summary:
            cites = ", ".join(name(c) for c in s.citations)
            out.append(f"- {md(s.text)} [{cites}]")
    if story.figures is not None:
        out += ["", "### Figures", ""]
        rows = []
        for f in story.figures:
            values = "; ".join(
                f"{name(v.article_id)}: {md(v.text)}" for v in f.values
            )
            status = f"**{f.status}**" if f.status == "disputed" else f.status
            rows.append([md(f.what), status, values])
        out += _table(["what", "status", "values (outlet: words)"], rows) if rows else ["(none found)"]
    if story.claims is not None:
        out += ["", "### Claims", ""]
        for status, heading in (("disputed", "Disputed"), ("agreed", "Agreed"), ("single", "Reported by one outlet")):
            claims = [c for c in story.claims if c.status == status]
            if not claims:
                continue
            out += [f"**{heading}** ({len(claims)})", ""]
            for c in claims[:40]:
                support = ", ".join(sorted({name(s.article_id) for s in c.support}))
                line = f"- {md(c.text, 240)} — {support}"
                if c.contradicted_by:
                    against = "; ".join(f"{name(s.article_id)}: “{md(s.text, 160)}”" for s in c.contradicted_by)
                    line += f"; contradicted by {against}"
                out.append(line)
            out.append("")
    if story.quotes is not None:
        out += ["", "### Who said what", ""]
        by_speaker: dict[str, list] = {}
        for q in story.quotes:
            by_speaker.setdefault(q.speaker.name if q.speaker else "(unattributed)", []).append(q)
        for speaker, quotes in sorted(by_speaker.items(), key=lambda kv: -len(kv[1])):
            out.append(f"- **{md(speaker)}**")
            for q in quotes:
                mark = "“{}”".format(md(q.text, 240)) if q.direct else md(q.text, 240)
                out.append(f"  - {mark} ({name(q.article_id)})")
    if story.framing is not None:
        out += ["", "### How each outlet names things", ""]
        ids = list(story.article_ids)
        rows = [[md(r.referent)] + [md(", ".join(r.terms.get(i, ())) or "—") for i in ids] for r in story.framing]
        out += _table(["referent"] + [name(i) for i in ids], rows) if rows else ["(none found)"]
    if story.outlets is not None:
        out += ["", "### Outlet profiles", ""]
        rows = [[name(p.article_id), md(", ".join(p.quoted_speakers[:6])), len(p.loaded_terms),
                 len(p.calls_to_action), f"{p.tone:+.2f}"] for p in story.outlets]
        out += _table(["outlet", "quotes", "loaded terms", "calls to action", "tone"], rows)
    if story.timeline is not None:
        out += ["", "### Timeline", ""]
        out += [f"- {md(t.date)}: {md(t.text, 200)} ({', '.join(name(a) for a in t.article_ids)})" for t in story.timeline]
    if story.entities is not None:
        out += ["", "### Entities", ""]
        rows = [[md(e.name), md(e.type), md(", ".join(a for a in e.aliases if a != e.name)),
                 len({m.article_id for m in e.mentions}), len(e.mentions)] for e in story.entities[:30]]
        out += _table(["name", "type", "also called", "outlets", "mentions"], rows)
    return out
