"""Declared stage contracts: what each stage needs and what it adds.

Like a spaCy component's ``requires`` / ``assigns``, every entry of the extractor table
(``extract.EXTRACTORS``) and of the story-stage table (``pipeline.STORY_STAGES``) names the
values it reads and the one value it produces. The driver hands each stage a view that holds
only what it declared, so a stage that reads anything else fails at once instead of quietly
redoing another stage's work; ``check_table`` finds a need that no earlier stage meets.

Names a stage may require:
- extractors: ``doc`` (the spaCy parse), ``article``, and fields assigned by earlier extractors;
- story stages: ``articles``, ``options``, ``analysis.<field>`` (a field of each article's
  ``ArticleAnalysis``) and sections assigned by earlier story stages.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from .errors import UndeclaredRead


@dataclass(frozen=True)
class Stage:
    """One table entry: ``target`` ("module:function") computes ``assigns`` from ``requires``."""

    assigns: str
    target: str
    requires: tuple[str, ...] = ()
    doc: str = ""  # one line on what the value is, shown by ``describe``

    def resolve(self) -> Callable[..., Any]:
        module_name, _, attr = self.target.partition(":")
        return getattr(importlib.import_module(module_name), attr)


def check_table(table: Sequence[Stage], given: Iterable[str]) -> list[str]:
    """Problems with a table: needs that no earlier stage meets, values assigned twice."""
    available = set(given)
    problems = []
    for stage in table:
        for need in stage.requires:
            if need not in available:
                problems.append(f"{stage.assigns} ({stage.target}) requires {need!r}, which no earlier stage assigns")
        if stage.assigns in available:
            problems.append(f"{stage.assigns!r} is assigned twice ({stage.target})")
        available.add(stage.assigns)
    return problems


def closure(table: Sequence[Stage], wanted: Iterable[str]) -> tuple[Stage, ...]:
    """The stages needed to compute ``wanted``, in table order (a partial run for benchmarks)."""
    by_name = {s.assigns: s for s in table}
    need = set()
    todo = [w for w in wanted]
    while todo:
        name = todo.pop()
        if name in need or name not in by_name:
            continue
        need.add(name)
        todo.extend(by_name[name].requires)
    return tuple(s for s in table if s.assigns in need)


def describe(table: Sequence[Stage]) -> str:
    """The table as text, one stage a line (what ``nlp.analyze_pipes`` prints for spaCy)."""
    width = max(len(s.assigns) for s in table)
    return "\n".join(f"{s.assigns:<{width}}  <- {', '.join(s.requires) or '-'}" for s in table)


class DeclaredView(Mapping[str, Any]):
    """Read-only view of ``values`` that lets a stage read only the names it declared."""

    def __init__(self, values: Mapping[str, Any], allowed: Iterable[str], stage: str):
        self._values = values
        self._allowed = frozenset(allowed)
        self._stage = stage

    def _check(self, key: str) -> None:
        if key not in self._allowed:
            raise UndeclaredRead(f"stage {self._stage!r} read {key!r}, which it did not declare")

    def __getitem__(self, key: str) -> Any:
        self._check(key)
        return self._values[key]

    def get(self, key: str, default: Any = None) -> Any:
        self._check(key)
        return self._values.get(key, default)

    def __contains__(self, key: object) -> bool:
        return key in self._allowed and key in self._values

    def __iter__(self) -> Iterator[str]:
        return (k for k in self._values if k in self._allowed)

    def __len__(self) -> int:
        return sum(1 for _ in self)


class DeclaredAnalysis:
    """An ``ArticleAnalysis`` seen through a story stage's declared ``analysis.<field>`` needs."""

    __slots__ = ("_analysis", "_allowed", "_stage")

    def __init__(self, analysis: Any, allowed: frozenset[str], stage: str):
        self._analysis = analysis
        self._allowed = allowed
        self._stage = stage

    def __getattr__(self, name: str) -> Any:
        if name != "article_id" and name not in self._allowed:
            raise UndeclaredRead(f"stage {self._stage!r} read analysis.{name}, which it did not declare")
        return getattr(self._analysis, name)


def analysis_fields(requires: Iterable[str]) -> frozenset[str]:
    return frozenset(r.split(".", 1)[1] for r in requires if r.startswith("analysis."))
