"""Verbs and pronouns that attribute words or thoughts to a source: defined once, in
``newsprism.resources.words``; the quote extractors import them from here by their role."""

from __future__ import annotations

from ..resources.words import OTHER_PRONOUNS, PERSONAL_PRONOUNS, SPEECH_VERBS, STANCE_VERBS, THOUGHT_VERBS

# cue words that introduce an attribution without a verb of their own
ACCORDING = ("according", "to")

__all__ = ["ACCORDING", "OTHER_PRONOUNS", "PERSONAL_PRONOUNS", "SPEECH_VERBS", "STANCE_VERBS", "THOUGHT_VERBS"]
