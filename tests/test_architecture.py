"""The code's shape, checked: layers import downward only, no import cycles, small units.

Layers, lowest first (docs/architecture.md draws them). A module may import from its
own layer and the layers below, never from a layer above. Rule families are
independent of each other: ``rules/<family>/`` imports no other family, and only
``rules/__init__.py`` gathers them.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import rules
from checker.cli import main as cli_main

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("checker", "rules", "reports")

# (layer number, name, module prefixes); the longest matching prefix decides.
LAYERS: tuple[tuple[int, str, tuple[str, ...]], ...] = (
    (0, "core", ("checker.core",)),
    (1, "reference", ("checker.reference",)),
    (2, "text", ("checker.text",)),
    (3, "rules", ("rules",)),
    (4, "engine", ("checker.pipeline", "checker.scorer", "checker.settings", "checker.article")),
    (5, "reports", ("reports",)),
    (6, "app", ("checker.batch", "checker.check", "checker.baseline", "checker.vcs",
                "checker.ratings_cli", "checker.walk", "checker.resultcache", "checker.pool",
                "checker.dask_tables", "checker.dask_engine", "checker.dask_readers",
                "checker.dask_names", "checker.dask_run")),
    (7, "cli", ("=checker", "checker.cli", "checker.cli_check", "checker.cli_dask",
                "checker.__main__")),
)  # fmt: skip
# A prefix matches the module and its submodules; "=name" matches that module only.

MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 80


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def source_files() -> list[Path]:
    return sorted(p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py"))


MODULES = {module_name(p): p for p in source_files()}


def layer_of(module: str) -> tuple[int, str]:
    best: tuple[int, int, str] | None = None
    for number, name, prefixes in LAYERS:
        for prefix in prefixes:
            exact = prefix.startswith("=")
            prefix = prefix.lstrip("=")
            hit = module == prefix or (not exact and module.startswith(prefix + "."))
            if hit and (best is None or len(prefix) > best[0]):
                best = (len(prefix), number, name)
    if best is None:
        raise AssertionError(f"{module} belongs to no layer: add it to LAYERS in {__file__}")
    return best[1], best[2]


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _absolute(node: ast.ImportFrom, path: Path) -> str:
    """The module a (possibly relative) ``from ... import`` names."""
    if node.level == 0:
        return node.module or ""
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    base = package[: len(package) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imports(path: Path) -> Iterator[tuple[str, int, bool]]:
    """(imported module of ours, line, only for type checking) for every import in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and _is_type_checking(node):
            for inner in node.body:
                typing_only.update(id(n) for n in ast.walk(inner))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            # "from pkg import mod" imports pkg.mod when that is a module of ours
            source = _absolute(node, path)
            names = [
                f"{source}.{a.name}" if f"{source}.{a.name}" in MODULES else source
                for a in node.names
            ]
        else:
            continue
        for name in names:
            if name.split(".")[0] in PACKAGES:
                yield name, node.lineno, id(node) in typing_only


def import_graph(include_typing: bool) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {m: set() for m in MODULES}
    for module, path in MODULES.items():
        for target, _, typing_only in imports(path):
            if target in MODULES and target != module and (include_typing or not typing_only):
                graph[module].add(target)
    return graph


def test_every_module_has_a_layer() -> None:
    for module in MODULES:
        layer_of(module)


def upward_imports(modules: dict[str, Path]) -> list[str]:
    """Every import in ``modules`` (name -> file) that goes up a layer, as a message."""
    upward: set[str] = set()
    for module, path in modules.items():
        mine, my_name = layer_of(module)
        for target, line, _ in imports(path):
            theirs, their_name = layer_of(target)
            if theirs > mine:
                where = f"{path.name}:{line}: {module} ({my_name})"
                upward.add(f"{where} imports {target} ({their_name})")
    return sorted(upward)


def test_imports_go_down_the_layers_only() -> None:
    upward = upward_imports(MODULES)
    assert not upward, "imports that go up a layer:\n" + "\n".join(upward)


def family_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if parts[0] == "rules" and len(parts) > 1 else None


def test_rule_families_do_not_import_each_other() -> None:
    crossing = []
    for module, path in MODULES.items():
        family = family_of(module)
        if family is None:
            continue
        for target, line, _ in imports(path):
            other = family_of(target)
            if target == "rules" or (other is not None and other != family):
                crossing.append(f"{path.relative_to(ROOT)}:{line}: {module} imports {target}")
    assert not crossing, "a rule family imports another:\n" + "\n".join(crossing)


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle in ``graph`` (as a path that returns to its start), if any."""
    state: dict[str, int] = {}  # 1 = on the stack, 2 = done
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_find_cycle_finds_one() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_cycles_between_modules() -> None:
    cycle = find_cycle(import_graph(include_typing=False))
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_layer_test_catches_upward_imports(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # the check above must be able to fail: plant upward imports in a copy of a core module
    core = tmp_path / "checker" / "core"
    core.mkdir(parents=True)
    (core / "io.py").write_text(
        "from checker.pipeline import analyse_file\n"
        "def f():\n    from ..scorer import grade_for\n", encoding="utf-8"
    )
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    found = upward_imports({"checker.core.io": core / "io.py"})
    assert len(found) == 2 and "checker.pipeline" in found[0] + found[1]
    assert any("checker.scorer" in f for f in found)


def test_every_module_needs_a_layer() -> None:
    with pytest.raises(AssertionError, match="belongs to no layer"):
        layer_of("checker.newthing")


@pytest.mark.parametrize("path", source_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_modules_stay_small(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_MODULE_LINES, f"{path.relative_to(ROOT)} has {lines} lines"


def long_functions(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            n = (node.end_lineno or node.lineno) - node.lineno + 1
            if n > MAX_FUNCTION_LINES:
                out.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}: {n} lines")
    return out


def test_functions_stay_short() -> None:
    found = [f for p in source_files() for f in long_functions(p)]
    assert not found, "functions over 80 lines:\n" + "\n".join(found)


def test_a_fresh_interpreter_sees_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    # rules.all_rules() in a fresh interpreter lists what `checker rules` lists: no rule
    # depends on some other module having been imported first
    fresh = subprocess.run(
        [sys.executable, "-c", "import rules; print(' '.join(r.id for r in rules.all_rules()))"],
        capture_output=True, text=True, check=True, cwd=ROOT,
    ).stdout.split()
    assert cli_main(["rules"]) == 0
    listed = [line.split()[0] for line in capsys.readouterr().out.splitlines() if line.strip()]
    assert fresh == listed
    assert len(set(fresh)) == len(fresh) == len(rules.all_rules())


def test_families_run_after_the_families_they_read_from() -> None:
    from dataclasses import fields

    from checker.core.analysis import Analysis

    known = {f.name for f in fields(Analysis)}
    written: set[str] = {"doc", "config", "rules"}
    for family in rules.FAMILIES:
        unknown = (family.reads | family.writes) - known
        assert not unknown, f"{family.name} declares fields Analysis does not have: {unknown}"
        missing = family.reads - written
        assert not missing, f"{family.name} reads {sorted(missing)} before any family writes it"
        written |= family.writes


def test_every_rule_belongs_to_the_family_that_lists_it() -> None:
    for family in rules.FAMILIES:
        # a family with no rules of its own only annotates (genre) for the others to read
        assert family.rules or family.writes - {"metrics"}, f"{family.name} has no rules"
        for rule in family.rules:
            assert rule.family == family.name, f"{rule.id} is listed by {family.name}"
    ids = [r.id for r in rules.all_rules()]
    names = [r.name for r in rules.all_rules()]
    assert len(set(ids)) == len(ids) and len(set(names)) == len(names)


def test_every_setting_belongs_to_one_family() -> None:
    from checker.settings import owned_settings

    keys = [s.key for f in rules.FAMILIES for s in f.settings]
    assert sorted(keys) == sorted(owned_settings())


def test_families_declare_every_analysis_field_they_touch() -> None:
    import re
    from dataclasses import fields

    from checker.core.analysis import Analysis

    data_fields = {f.name for f in fields(Analysis)} - {"doc", "config", "rules"}
    for family in rules.FAMILIES:
        package = ROOT / "rules" / family.name
        used = {
            name
            for path in package.glob("*.py")
            for name in re.findall(r"\banalysis\.(\w+)", path.read_text(encoding="utf-8"))
        } & data_fields
        undeclared = used - family.reads - family.writes
        assert not undeclared, f"{family.name} touches {sorted(undeclared)} without declaring it"
