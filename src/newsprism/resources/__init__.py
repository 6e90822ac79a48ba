"""Language resources, one definition each, each saying where it comes from.

- ``words``: closed-class English word lists (months, weekdays, number words, pronouns, verbs
  of saying and thinking, stop words, nouns for people).
- ``furniture``: page furniture that is no statement: credits, captions, social-media embeds,
  calls to action, a leading dateline (read by the claims, the timeline and the summary).
- ``embed``: sentence embeddings (by default a static model distilled locally from the bundled
  all-MiniLM-L6-v2; or MiniLM itself).
- ``language_cues.tsv``: function words and letters that tell languages apart (see
  ``ingest/language``: articles not in English are skipped with an E110 line).
- ``aliases.json``: names that denote the same actor (see ``align/entity_names``).
- ``countries.txt`` (read by ``places``): the names of countries, from Unicode CLDR ("the
  country" after "Greece" is Greece: ``align/referents``).
- ``event_frames.json``, ``referent_roles.json`` (read by ``frames``): event words of one frame and
  role nouns of states and armed actors (see ``align/referent_sides``).
- ``loaded_terms.tsv``, ``loaded_excluded.txt``, ``loaded_weights.json``: the loaded-language
  lexicon, the VADER words that are plain news words, and the scorer's weights
  (see ``extract/loaded_lexicon``).

Knowledge of one conflict, region or story never lives in code: it lives here, general
across domains, or is learned from the story itself.
"""

from __future__ import annotations

from importlib import resources as _resources


def read_text(name: str) -> str:
    """A resource file shipped with the package, as text."""
    return _resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
