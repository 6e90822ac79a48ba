"""Corrections by a person, applied to every report made from a store that keeps them.

A correction names a story, an action, a target and (for renames) a new value:

- ``dismiss_dispute``   target: a claim's text (or a figure's "what"). The outlets do not
  contradict each other: the contrary passages become claims of their own outlets, and the
  claim keeps only its support (agreed when several outlets carry it, else single).
- ``dismiss_agreement`` target: a claim's text. The outlets do not say the same thing: each
  outlet's passage becomes its own one-outlet claim.
- ``rename_speaker``    target: a speaker's name, value: the name to use (an existing name
  merges the two speakers).
- ``rename_referent``   target: a referent of the naming table (or of a ``referents`` section),
  value: the name to use (an existing referent merges the two rows).
- ``merge_stories``     value: another story's id; its articles join this story (store membership).
- ``split_story``       target: an article id; it leaves this story for a story of its own.

Claim, speaker and referent corrections work on the report contract (dicts), after every
re-analysis (this module); merges and splits change the store's membership and mark the stories
for re-analysis (``adapters.store.corrections``). Every corrected item carries ``"corrected": "<what a person changed>"``, and the
story lists its corrections under ``"corrections"``.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

ITEM_ACTIONS = ("dismiss_dispute", "dismiss_agreement", "rename_speaker", "rename_referent")
STORY_ACTIONS = ("merge_stories", "split_story")
ACTIONS = ITEM_ACTIONS + STORY_ACTIONS


@dataclass(frozen=True)
class Correction:
    seq: int
    story_id: str
    action: str
    target: str = ""
    value: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"seq": self.seq, "story_id": self.story_id, "action": self.action, "target": self.target, "value": self.value}


def check(action: str, target: str, value: str) -> None:
    """Raise ValueError for a correction that cannot be applied."""
    if action not in ACTIONS:
        raise ValueError(f"unknown correction {action!r}; choose from {', '.join(ACTIONS)}")
    if action != "merge_stories" and not target.strip():
        raise ValueError(f"{action} needs a target")
    if action in ("rename_speaker", "rename_referent", "merge_stories") and not value.strip():
        raise ValueError(f"{action} needs a value")


def apply_corrections(data: Mapping[str, Any], corrections: Iterable[Correction]) -> dict[str, Any]:
    """A copy of report dict ``data`` with the item corrections applied, in the order made."""
    corrections = list(corrections)
    out = copy.deepcopy(dict(data))
    if not corrections:
        return out
    by_story = corrections_by_story(corrections)
    for story in out.get("stories") or []:
        correct_story(story, by_story.get(str(story.get("id")), []))
    return out


def corrections_by_story(corrections: Iterable[Correction]) -> dict[str, list[Correction]]:
    """Each story's corrections, in the order they were made."""
    by_story: dict[str, list[Correction]] = {}
    for c in sorted(corrections, key=lambda c: c.seq):
        by_story.setdefault(c.story_id, []).append(c)
    return by_story


def correct_story(story: dict, corrections: Sequence[Correction]) -> dict:
    """Apply one story's corrections (in order) to its report dict, in place; returns it."""
    applied = []
    for c in corrections:
        if c.action in ITEM_ACTIONS and _APPLY[c.action](story, c):
            applied.append(c.to_dict())
        elif c.action in STORY_ACTIONS:
            story["corrected"] = "articles moved between stories by a person"
            applied.append(c.to_dict())
    if applied:
        story["corrections"] = applied
    return story


def _same(a: Any, b: str) -> bool:
    return " ".join(str(a or "").split()).casefold() == " ".join(b.split()).casefold()


def _status(spans: list[Mapping[str, Any]]) -> str:
    return "agreed" if len({s.get("article_id") for s in spans}) > 1 else "single"


def _dismiss_dispute(story: dict, c: Correction) -> bool:
    done = False
    claims = story.get("claims")
    if claims is not None:
        new = []
        for claim in claims:
            if _same(claim.get("text"), c.target) and claim.get("contradicted_by"):
                for n, ev in enumerate(claim["contradicted_by"], 1):
                    new.append({"id": f"{claim.get('id')}-c{n}", "text": ev.get("text"), "status": "single", "support": [ev],
                                "contradicted_by": [], "corrected": "split from a dispute a person dismissed"})
                claim["contradicted_by"] = []
                claim.pop("dispute", None)
                claim["status"] = _status(claim.get("support") or [])
                claim["corrected"] = "dispute dismissed by a person"
                done = True
        claims.extend(new)
    figures = story.get("figures")
    if figures is not None:
        new = []
        for fig in list(figures):
            if _same(fig.get("what"), c.target) and fig.get("status") == "disputed":
                figures.remove(fig)
                by_article: dict[str, list] = {}
                for v in fig.get("values") or []:
                    by_article.setdefault(v.get("article_id"), []).append(v)
                for n, (aid, values) in enumerate(sorted(by_article.items(), key=lambda kv: str(kv[0])), 1):
                    new.append({**fig, "id": f"{fig.get('id')}-{n}", "status": "single", "values": values,
                                "corrected": "dispute dismissed by a person: the values count different things"})
                done = True
        figures.extend(new)
    return done


def _dismiss_agreement(story: dict, c: Correction) -> bool:
    claims = story.get("claims")
    if claims is None:
        return False
    done, new = False, []
    for claim in claims:
        if _same(claim.get("text"), c.target) and claim.get("status") == "agreed":
            groups: dict[str, list] = {}
            for ev in claim.get("support") or []:
                groups.setdefault(ev.get("article_id"), []).append(ev)
            first, *rest = list(groups.values())
            claim["support"] = first
            claim["status"] = "disputed" if claim.get("contradicted_by") else "single"
            claim["corrected"] = "agreement dismissed by a person"
            for n, spans in enumerate(rest, 1):
                new.append({"id": f"{claim.get('id')}-a{n}", "text": spans[0].get("text"), "status": "single", "support": spans,
                            "contradicted_by": [], "corrected": "split from an agreement a person dismissed"})
            done = True
    claims.extend(new)
    return done


def _rename_speaker(story: dict, c: Correction) -> bool:
    done = False
    for q in story.get("quotes") or []:
        sp = q.get("speaker")
        if sp and _same(sp.get("name"), c.target):
            sp["name"] = c.value
            q["corrected"] = f"speaker renamed by a person (was {sp.get('text') or c.target})"
            done = True
    for p in story.get("outlets") or []:
        names = p.get("quoted_speakers")
        if names and any(_same(n, c.target) for n in names):
            renamed = [c.value if _same(n, c.target) else n for n in names]
            p["quoted_speakers"] = list(dict.fromkeys(renamed))
            done = True
    return done


def _rename_referent(story: dict, c: Correction) -> bool:
    done = False
    rows = story.get("framing")
    if rows is not None:
        keep = next((r for r in rows if _same(r.get("referent"), c.value)), None)
        for row in list(rows):
            if not _same(row.get("referent"), c.target):
                continue
            done = True
            if keep is not None and keep is not row:  # merge into the existing row
                terms = {k: list(v) for k, v in (keep.get("terms") or {}).items()}
                for aid, words in (row.get("terms") or {}).items():
                    terms[aid] = list(dict.fromkeys(list(terms.get(aid, [])) + list(words)))
                keep["terms"] = terms
                keep["evidence"] = list(keep.get("evidence") or []) + list(row.get("evidence") or [])
                keep["corrected"] = f"merged with “{row.get('referent')}” by a person"
                rows.remove(row)
            else:
                row["referent"] = c.value
                row["corrected"] = f"renamed by a person (was “{c.target}”)"
    for item in story.get("referents") or []:  # another stage's section, read generically
        if isinstance(item, dict):
            for key in ("name", "referent", "label"):
                if key in item and _same(item[key], c.target):
                    item[key] = c.value
                    item["corrected"] = f"renamed by a person (was “{c.target}”)"
                    done = True
    return done


_APPLY = {"dismiss_dispute": _dismiss_dispute, "dismiss_agreement": _dismiss_agreement,
          "rename_speaker": _rename_speaker, "rename_referent": _rename_referent}
