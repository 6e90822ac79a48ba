"""The house plan: every stage declares what it needs and adds; the driver holds it to that.

Like spaCy's ``analyze_pipes``, these tests walk the extractor table and the story-stage
table: a need that no earlier stage meets fails, a stage that reads what it did not declare
fails (statically, by reading its source, and at run time, through the driver's views), and
no stage imports another stage's internals.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
import inspect
from pathlib import Path

import pytest

import newsprism
from newsprism import contracts, extract, pipeline
from newsprism.errors import UndeclaredRead
from newsprism.model import SECTION_NAMES, Article, ArticleAnalysis

PACKAGE = Path(newsprism.__file__).parent
# packages and modules that are stages: data in, data out, no knowledge of each other
STAGE_PACKAGES = ("ingest", "normalize", "extract", "cluster", "align", "assess", "summarize", "report")
# what any stage may import besides its own package
SHARED = ("model", "errors", "contracts", "resources", "gc_policy", "__version__")  # gc_policy: a process-wide setting, no stage logic
# a stage package's public API that another stage may use, and why
PUBLIC_USES = {
    ("ingest", "normalize"): "the text fingerprint is defined once, in normalize",
    ("extract", "nlp"): "extraction runs on the one spaCy parse",
    ("cluster", "nlp"): "",
    ("summarize", "align"): "the summary words claims as claim alignment compares them (align's public helpers)",
}


def test_extractor_table_meets_every_need_and_fills_the_analysis():
    assert contracts.check_table(extract.EXTRACTORS, extract.GIVEN) == []
    fields = {f.name for f in dataclasses.fields(ArticleAnalysis)} - {"article_id", *extract.GIVEN}
    assert sorted(s.assigns for s in extract.EXTRACTORS if s.assigns not in extract.WORKING) == sorted(fields)
    # a working value is shared between extractors, never kept: no field of the analysis
    assert extract.WORKING <= {s.assigns for s in extract.EXTRACTORS} and not extract.WORKING & fields


def test_story_table_meets_every_need_and_fills_every_section():
    given = pipeline.STORY_GIVEN + pipeline.ANALYSIS_FIELDS
    assert contracts.check_table(pipeline.STORY_STAGES, given) == []
    assert sorted(s.assigns for s in pipeline.STORY_STAGES) == sorted(SECTION_NAMES)
    for stage in (*extract.EXTRACTORS, *pipeline.STORY_STAGES):
        assert callable(stage.resolve()), stage.target


def test_check_table_names_an_unmet_need_and_a_double_assignment():
    table = (contracts.Stage("b", "m:f", ("a",)), contracts.Stage("a", "m:g"), contracts.Stage("a", "m:h"))
    problems = contracts.check_table(table, ())
    assert any("requires 'a'" in p for p in problems)
    assert any("assigned twice" in p for p in problems)


def test_describe_lists_every_stage_with_its_needs():
    text = contracts.describe(pipeline.STORY_STAGES)
    assert len(text.splitlines()) == len(pipeline.STORY_STAGES)
    assert "claims" in text and "analysis.claims" in text


def _keys_read(source: str, names: tuple[str, ...]) -> set[str]:
    """String keys read from ``found`` / ``ctx.sections`` (subscript or ``.get``) in a source."""
    keys = set()
    for node in ast.walk(ast.parse(source)):
        target = key = None
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
            target, key = node.value, node.slice.value
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get"
              and node.args and isinstance(node.args[0], ast.Constant)):
            target, key = node.func.value, node.args[0].value
        if target is None or not isinstance(key, str):
            continue
        name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", None)
        if name in names:
            keys.add(key)
    return keys


def _analysis_fields_read(source: str) -> set[str]:
    fields = {f.name for f in dataclasses.fields(ArticleAnalysis)} - {"article_id"}
    reads = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr in fields:
            owner = node.value
            owner_name = owner.id if isinstance(owner, ast.Name) else getattr(owner, "attr", "")
            if "analys" in owner_name or isinstance(owner, ast.Subscript):
                reads.add(node.attr)
    return reads


@pytest.mark.parametrize("table", ["extract", "story"])
def test_stage_modules_read_only_what_their_stages_declare(table):
    stages = extract.EXTRACTORS if table == "extract" else pipeline.STORY_STAGES
    by_module: dict[str, set[str]] = {}
    for stage in stages:
        by_module.setdefault(stage.target.partition(":")[0], set()).update(stage.requires)
    for module_name, declared in by_module.items():
        source = inspect.getsource(importlib.import_module(module_name))
        if table == "extract":
            read = _keys_read(source, ("found",))
            assert read <= declared | set(extract.GIVEN), f"{module_name} reads {sorted(read - declared)} undeclared"
        else:
            read = _keys_read(source, ("sections",))
            assert read <= declared, f"{module_name} reads sections {sorted(read - declared)} undeclared"
            fields = {f"analysis.{f}" for f in _analysis_fields_read(source)}
            assert fields <= declared, f"{module_name} reads {sorted(fields - declared)} undeclared"


def _story(nlp):
    texts = {
        "w": "Rebels left the city on Monday, officials said. \"We had no choice,\" said Ahmed Hassan, a commander.",
        "b": "The army took the city on Monday after the rebels withdrew. Ahmed Hassan said they had no choice.",
    }
    articles = [Article(aid, aid, text, title=f"Title {aid}") for aid, text in texts.items()]
    analyses = {a.id: extract.analyze_article(a, nlp(a.text)) for a in articles}
    return articles, analyses


def test_the_real_stages_run_under_the_driver_s_views(nlp):
    articles, analyses = _story(nlp)
    story = pipeline.build_story("s1", articles, analyses, newsprism.Options())
    assert story.quotes is not None and story.summary is not None


@pytest.mark.parametrize("stage, need", [("summary", "claims"), ("entities", "analysis.mentions")])
def test_the_driver_refuses_a_story_stage_reading_what_it_did_not_declare(nlp, monkeypatch, stage, need):
    articles, analyses = _story(nlp)
    narrowed = tuple(dataclasses.replace(s, requires=tuple(r for r in s.requires if r != need))
                     if s.assigns == stage else s for s in pipeline.STORY_STAGES)
    monkeypatch.setattr(pipeline, "STORY_STAGES", narrowed)
    with pytest.raises(UndeclaredRead, match=f"{stage}.*{need}"):
        pipeline.build_story("s1", articles, analyses, newsprism.Options())


def test_an_extractor_reading_an_undeclared_field_is_refused(nlp, monkeypatch):
    article = Article("a", "a", "\"We stay,\" said Ahmed Hassan in Aleppo.")
    narrowed = tuple(dataclasses.replace(s, requires=()) if s.assigns == "quotes" else s for s in extract.EXTRACTORS)
    monkeypatch.setattr(extract, "EXTRACTORS", narrowed)
    with pytest.raises(UndeclaredRead, match="quotes.*mentions"):
        extract.analyze_article(article, nlp(article.text))


def test_a_partial_run_computes_only_what_is_asked_and_its_needs(nlp):
    article = Article("a", "a", "Rebels left the devastated city. Please share this story.")
    analysis = extract.analyze_article(article, nlp(article.text), only=("features",))
    assert analysis.features["calls_to_action"] == 1 and analysis.loaded_terms is not None
    assert analysis.mentions == () and analysis.quotes == ()  # not needed for the profile numbers


def _imports(path: Path) -> list[str]:
    module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    # a package's __init__ resolves "from . import" against the package itself
    package = module.removesuffix(".__init__") if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
                if not node.module:  # from . import x: each name is a module or an attribute
                    out.extend(f"{target}.{a.name}" for a in node.names)
                    continue
            else:
                target = node.module or ""
            out.append(target)
        elif isinstance(node, ast.Import):
            out.extend(a.name for a in node.names)
    return [t for t in out if t.startswith("newsprism.")]


def _top(module: str) -> str:
    return module.split(".")[1]


def test_no_stage_imports_another_stage_or_an_adapter():
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE)
        own = rel.parts[0].removesuffix(".py")
        if own not in STAGE_PACKAGES:
            continue
        for target in _imports(path):
            other = _top(target)
            if other == own or other in SHARED:
                continue
            if (own, other) in PUBLIC_USES and target == f"newsprism.{other}":
                continue
            problems.append(f"{rel}: imports {target}")
    assert problems == []


def test_readme_shows_the_stage_tables_as_they_are():
    from typer.testing import CliRunner

    from newsprism.cli import app

    printed = CliRunner().invoke(app, ["stages"]).output
    readme = (PACKAGE.parents[1] / "README.md").read_text(encoding="utf-8")
    assert printed.strip() and printed in readme, "README's layout section is out of step: paste `newsprism stages`"
