"""The direction of flow, checked on the source: extractors read shared annotation, never each
other, and no stage imports a later one."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from discrepancy.extract import EXTRACTORS

PACKAGE = Path(__file__).resolve().parent.parent / "discrepancy"
EXTRACTOR_MODULES = sorted({fn.__module__ for _, fn in EXTRACTORS})
# each stage and the stages after it, which it must not import
LATER = {
    "discrepancy.ingest": ("discrepancy.extract", "discrepancy.align", "discrepancy.engine", "discrepancy.report"),
    "discrepancy.extract": ("discrepancy.align", "discrepancy.engine", "discrepancy.report"),
    "discrepancy.align": ("discrepancy.engine", "discrepancy.report"),
    "discrepancy.engine": ("discrepancy.report",),
}


def imported(module: str) -> set[str]:
    """Every module ``module`` imports (absolute names), read from its source."""
    path = PACKAGE.parent / (module.replace(".", "/") + ".py")
    if not path.exists():
        path = PACKAGE.parent / module.replace(".", "/") / "__init__.py"
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_the_extractor_list_is_read():
    assert "discrepancy.extract.events" in EXTRACTOR_MODULES and len(EXTRACTOR_MODULES) >= 5


@pytest.mark.parametrize("module", EXTRACTOR_MODULES)
def test_no_extractor_imports_another(module):
    others = set(EXTRACTOR_MODULES) - {module}
    assert not imported(module) & others


def test_the_import_reader_finds_imports():
    assert "discrepancy.extract.event_words" in imported("discrepancy.extract.events")
    assert "discrepancy.extract.context.Context" in imported("discrepancy.extract.numbers")


@pytest.mark.parametrize("stage", sorted(LATER))
def test_no_stage_imports_a_later_one(stage):
    root = PACKAGE.parent / stage.replace(".", "/")
    modules = [stage] if root.with_suffix(".py").exists() else [
        ".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts) for p in sorted(root.rglob("*.py"))]
    for module in modules:
        later = {name for name in imported(module) if name.startswith(LATER[stage])}
        assert not later, f"{module} imports {sorted(later)}"
