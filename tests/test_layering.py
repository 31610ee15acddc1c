"""The package's folders are its layers: no module imports one from a layer above its own, and no
modules import each other round a cycle, inside a folder either.

Layers, lowest first: the modules every layer may use (``errors``, ``paths``, ``datafiles``,
``fields``, ``_fastimport``, ``usercache``), ``text`` (file → Statement), ``analyses``, ``report``, ``run``, ``collection``,
and the command line on top. Inside ``analyses``: what the questions share (``readings``,
``phrases``, ``terms``, ``significance``), then the questions (``anatomy``, ``style``, ``tone``, ``topics``,
``actors``), which never import one another, then ``stance`` (tone aimed at actors: tone and actors
joined), ``lexicons`` and ``rows``, which gather them.
Every import counts, also one inside a function or under ``TYPE_CHECKING``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from readout.paths import PROJECT_ROOT

LIB = PROJECT_ROOT / "lib"

#: Layer of each top-level part of the package (a module or a sub-package), lowest first.
LAYERS = {"errors": 0, "paths": 0, "datafiles": 0, "fields": 0, "_fastimport": 0, "usercache": 0, "text": 1, "": 1.5, "analyses": 2,
          "report": 3, "run": 4, "collection": 5, "cli": 6, "__main__": 7}
#: Layer of each part of ``analyses`` (a question sub-package or a module beside them).
ANALYSES = {"readings": 0, "phrases": 0, "terms": 0, "significance": 0, "anatomy": 1, "style": 1, "tone": 1, "topics": 1, "actors": 1,
            "stance": 2, "lexicons": 2, "rows": 3}


def module_name(path: Path) -> str:
    """``lib/analyses/tone/sentiment.py`` → ``readout.analyses.tone.sentiment``."""
    parts = list(path.relative_to(LIB).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(["readout", *parts])


def imports(path: Path) -> set[str]:
    """Every ``readout`` module ``path`` imports, relative imports resolved (``from . import x`` gives ``pkg.x``)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "readout"}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            if module.split(".")[0] != "readout":
                continue
            found.add(module)
            found |= {f"{module}.{a.name}" for a in node.names if (LIB.joinpath(*module.split(".")[1:], a.name)).exists()
                      or LIB.joinpath(*module.split(".")[1:], f"{a.name}.py").exists()}
    return found


def rank(module: str) -> tuple[float, float]:
    """(layer, place inside analyses) of a module named like ``readout.analyses.tone.sentiment``."""
    parts = module.split(".")[1:]
    top = parts[0] if parts else ""
    inner = ANALYSES.get(parts[1], 0) if top == "analyses" and len(parts) > 1 else -1
    return LAYERS[top], inner


def violations(edges: set[tuple[str, str]]) -> list[str]:
    """The edges (importer, imported) that run up the layers, or join two questions of ``analyses``."""
    bad = []
    for importer, imported in sorted(edges):
        (a_layer, a_inner), (b_layer, b_inner) = rank(importer), rank(imported)
        if b_layer > a_layer:
            bad.append(f"{importer} imports {imported}, a higher layer")
        elif a_layer == b_layer == LAYERS["analyses"] and a_inner >= 0 and b_inner >= 0:
            same_question = importer.split(".")[2] == imported.split(".")[2]
            if b_inner > a_inner or (a_inner == b_inner == 1 and not same_question):
                bad.append(f"{importer} imports {imported}: {'a higher part of analyses' if b_inner > a_inner else 'another question'}")
    return bad


def all_edges() -> set[tuple[str, str]]:
    return {(module_name(f), m) for f in LIB.rglob("*.py") for m in imports(f)}


def cycles(edges: set[tuple[str, str]]) -> list[list[str]]:
    """The groups of modules that import one another round a cycle (strongly connected components of
    more than one module, Tarjan's algorithm), each sorted; a module importing itself counts too."""
    graph: dict[str, set[str]] = {}
    for a, b in edges:
        graph.setdefault(a, set()).add(b)
        graph.setdefault(b, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            if len(group) > 1 or v in graph[v]:
                found.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(found)


def test_every_part_of_the_package_has_a_layer():
    tops = {p.stem if p.is_file() else p.name for p in LIB.iterdir()
            if (p.suffix == ".py" or (p / "__init__.py").exists()) and p.name != "__init__.py"}
    assert tops <= set(LAYERS), sorted(tops - set(LAYERS))
    inner = {p.stem if p.is_file() else p.name for p in (LIB / "analyses").iterdir()
             if (p.suffix == ".py" and p.name != "__init__.py") or (p / "__init__.py").exists()}
    assert inner == set(ANALYSES), sorted(inner ^ set(ANALYSES))


def test_no_module_imports_a_higher_layer():
    edges = all_edges()
    assert len(edges) > 150  # the package is really read: about 200 import edges
    assert violations(edges) == []


def test_no_modules_import_each_other_round_a_cycle():
    """Every import counts, one inside a function too: a cycle broken by a late import is still a cycle."""
    assert cycles(all_edges()) == []


def test_the_check_catches_a_cycle():
    # the two cycles this test was written against: the statement model and its mentions through the
    # language check (for a type), and actions and subjects through the joint agent
    assert cycles({("readout.text.statement", "readout.text.mentions"), ("readout.text.mentions", "readout.text.language"),
                   ("readout.text.language", "readout.text.statement"), ("readout.text.language", "readout.errors")}) == [
        ["readout.text.language", "readout.text.mentions", "readout.text.statement"]]
    assert cycles({("readout.analyses.actors.actions", "readout.analyses.actors.subjects"),
                   ("readout.analyses.actors.subjects", "readout.analyses.actors.actions")}) == [
        ["readout.analyses.actors.actions", "readout.analyses.actors.subjects"]]
    assert cycles({("a", "b"), ("b", "c")}) == []


@pytest.mark.parametrize("edge, problem", [
    (("readout.text.statement", "readout.analyses.tone.sentiment"), "a higher layer"),
    (("readout.analyses.rows", "readout.report.figures"), "a higher layer"),
    (("readout.analyses.tone.sentiment", "readout.run.one_statement"), "a higher layer"),
    (("readout.report.export", "readout.collection.corpus"), "a higher layer"),
    (("readout.analyses.tone.toward", "readout.analyses.actors.actions"), "another question"),
    (("readout.analyses.terms", "readout.analyses.topics.themes"), "a higher part of analyses"),
    (("readout.analyses.topics.themes", "readout.analyses.rows"), "a higher part of analyses"),
    (("readout.errors", "readout.text.statement"), "a higher layer"),
])
def test_the_check_catches_an_import_up_the_layers(edge, problem):
    assert [v.split(", ")[-1].split(": ")[-1] for v in violations({edge})] == [problem]


def test_imports_are_read_with_relative_ones_resolved():
    found = imports(LIB / "analyses" / "tone" / "sentiment.py")
    assert {"readout.analyses.tone.diplomatic", "readout.analyses.tone.leaks", "readout.text.statement"} <= found
    # "from . import x" and "from .x import y" in a package's module
    assert imports(LIB / "analyses" / "actors" / "credit.py") >= {"readout.analyses.actors.events"}
    assert imports(LIB / "analyses" / "tone" / "__init__.py") == set()  # a sub-package is its docstring
