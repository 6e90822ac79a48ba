"""The store's side of a person's corrections: merges and splits move articles between stories.

The corrections themselves, and how they change a report, are the report stage's
(``newsprism.report.corrections``); the store keeps them and re-analyses what they move.
"""

from __future__ import annotations

from ...report.corrections import (ACTIONS, ITEM_ACTIONS, STORY_ACTIONS, Correction, apply_corrections,  # noqa: F401
                                   check, correct_story, corrections_by_story)


def apply_membership(store, correction: Correction) -> None:
    """Merges and splits move articles between stories in the store and mark them for re-analysis."""
    if correction.action == "merge_stories":
        other = correction.value
        if other == correction.story_id:
            return
        for aid in store.story_members(other):
            store.set_story_of(aid, correction.story_id)
        store.mark_dirty(correction.story_id)
    elif correction.action == "split_story":
        if correction.target not in store.story_members(correction.story_id):
            raise ValueError(f"article {correction.target!r} is not in story {correction.story_id!r}")
        new_id = f"{correction.story_id}.split{correction.seq}"
        store.set_story_of(correction.target, new_id)
        store.mark_dirty(correction.story_id)
        store.mark_dirty(new_id)
