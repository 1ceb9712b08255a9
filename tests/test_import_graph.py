"""The package's import graph: data flows one way, and the CLI goes through the application layer.

The graph is built from the source with `ast` (every import, also those inside functions),
so a lazy import cannot hide an upward dependency. docs/architecture.md shows the graph.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "collingwood"

# The stages in the order data flows through them; a module may import only its own stage or an
# earlier one. "base" is the vocabulary and the store every stage shares.
STAGES = ("base", "ingest", "extract", "resolve", "analyse", "report", "case", "web", "cli")
BASE = {"model", "errors", "timespan", "safe_yaml", "schema_doc", "stage", "store", "tables", "locking",
        "engine", "migrations", "audit", "identity", "claim_edits"}
CASE = {"case", "service", "workbench", "analysis", "analysis_run", "analysis_incremental", "results", "judgment", "demo",
        "collector"}
# What the faces may import: the application layer and the shared vocabulary, nothing in between
# (the CLI also starts the web face: `collingwood serve`).
CLI_MAY_IMPORT = {"base", "case", "web", "cli"}
WEB_MAY_IMPORT = {"base", "case", "web"}


def module_name(path: Path) -> str:
    parts = ["collingwood", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def stage_of(module: str) -> str:
    parts = module.split(".")
    if module == "collingwood":
        return "case"                     # the Python API re-exports Case
    head = parts[1]
    if head in BASE:
        return "base"
    if head in CASE:
        return "case"
    if head.startswith("cli") or head == "__main__":
        return "cli"
    if head == "web":
        return "web"
    if head == "casebook":
        return "ingest"                   # the hand-written claims file is read at ingest
    if head in ("ingest", "extract", "resolve", "analyse", "report"):
        return head
    raise AssertionError(f"{module} has no stage: add it to tests/test_import_graph.py")


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _resolve(importer: str, is_package: bool, node: ast.ImportFrom, known: set[str]) -> list[str]:
    if node.level == 0:
        base = node.module or ""
    else:
        anchor = importer.split(".")
        if not is_package:
            anchor = anchor[:-1]
        anchor = anchor[:len(anchor) - (node.level - 1)]
        base = ".".join(anchor + ([node.module] if node.module else []))
    if not base.startswith("collingwood"):
        return []
    out = []
    for alias in node.names:
        sub = f"{base}.{alias.name}"
        out.append(sub if sub in known else base)
    return out


def import_graph() -> dict[str, set[str]]:
    mods = modules()
    known = set(mods)
    graph: dict[str, set[str]] = {m: set() for m in mods}
    for name, path in mods.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        is_package = path.name == "__init__.py"
        for node in ast.walk(tree):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names if a.name.startswith("collingwood")]
            elif isinstance(node, ast.ImportFrom):
                targets = _resolve(name, is_package, node, known)
            for t in targets:
                while t not in known and "." in t:
                    t = t.rsplit(".", 1)[0]
                if t in known and t != name:
                    graph[name].add(t)
    return graph


def stage_graph(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {s: set() for s in STAGES}
    for m, targets in graph.items():
        for t in targets:
            if stage_of(t) != stage_of(m):
                out[stage_of(m)].add(stage_of(t))
    return out


def cycles(graph: dict[str, set[str]]) -> list[set[str]]:
    """The strongly connected groups of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups = []
    counter = 0
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, it = work[-1]
            advanced = False
            for nxt in it:
                if nxt not in index:
                    index[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(graph[nxt]))))
                    advanced = True
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = set()
                while True:
                    m = stack.pop()
                    on_stack.discard(m)
                    group.add(m)
                    if m == node:
                        break
                if len(group) > 1:
                    groups.append(group)
    return groups


def test_every_module_has_a_stage():
    for m in modules():
        assert stage_of(m) in STAGES


def test_no_upward_import():
    rank = {s: i for i, s in enumerate(STAGES)}
    upward = sorted(f"{m} ({stage_of(m)}) imports {t} ({stage_of(t)})"
                    for m, targets in import_graph().items() for t in targets
                    if rank[stage_of(t)] > rank[stage_of(m)])
    assert not upward, "imports against the flow of data:\n" + "\n".join(upward)


def test_no_cycle_across_stages_or_packages():
    def package(m: str) -> str:
        return m.rsplit(".", 1)[0] if m.count(".") > 1 else m
    bad = [sorted(g) for g in cycles(import_graph())
           if len({stage_of(m) for m in g}) > 1 or len({package(m) for m in g}) > 1
           or any(stage_of(m) in ("cli", "web", "case", "report") for m in g)]
    assert not bad, f"import cycles: {bad}"


def test_the_cli_goes_through_the_application_layer():
    _goes_through_the_application_layer("cli", CLI_MAY_IMPORT)


def test_the_web_face_goes_through_the_application_layer():
    assert any(stage_of(m) == "web" for m in modules())
    _goes_through_the_application_layer("web", WEB_MAY_IMPORT)


def _goes_through_the_application_layer(face: str, may_import: set[str]) -> None:
    graph = import_graph()
    past = sorted(f"{m} imports {t}" for m, targets in graph.items() if stage_of(m) == face
                  for t in targets if stage_of(t) not in may_import)
    assert not past, f"the {face} face reaches past Case:\n" + "\n".join(past)
    store_use = []
    for name, path in modules().items():
        if stage_of(name) != face:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "store":
                store_use.append(f"{name}:{node.lineno}")
    assert not store_use, f"the {face} face touches case.store: {store_use}"


def test_the_stage_graph_is_the_documented_one():
    doc = (PACKAGE.parents[1] / "docs" / "architecture.md").read_text(encoding="utf-8")
    for stage, targets in stage_graph(import_graph()).items():
        line = f"{stage} -> {', '.join(s for s in STAGES if s in targets) or '(nothing)'}"
        assert line in doc, f"docs/architecture.md should show `{line}`"


def test_the_graph_sees_lazy_imports():
    # The builder must read imports inside functions, or it could not fail.
    graph = import_graph()
    assert "collingwood.ingest.stage" in graph["collingwood.case"]
    assert "collingwood.extract.stage" in graph["collingwood.case"]
