"""Per-story alignment across outlets: entities, referents, quotes, figures, timeline, claims.

The public helpers below are how a claim is worded for comparison; the summary states claims
with the same words, so it uses them instead of reaching into ``align.claims``.
"""

from .claims import core_text, lexical_similarity

__all__ = ["core_text", "lexical_similarity"]
