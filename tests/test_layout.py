"""The package's folders show the pipeline, and no stage imports a later one:
core → build (load, validate, resolve, catalogue) → site (pages, search, data) → engines
(MkDocs, a plain folder); the importer uses core and build only; the CLI may use all."""

from __future__ import annotations

import ast

from conftest import REPO

PACKAGE = REPO / "hooks" / "vanban"
ALLOWED = {
    "core": {"core"},
    "build": {"core", "build"},
    "site": {"core", "build", "site"},
    "importer": {"core", "build", "importer"},
    "engines": {"core", "build", "site", "engines"},
}


def _imports(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("vanban"):
            yield node.lineno, node.module
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("vanban"):
                    yield node.lineno, alias.name


def test_no_stage_imports_a_later_one():
    wrong = []
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).parts
        if len(parts) == 1:  # cli.py, __init__.py: the top may use everything
            continue
        stage = parts[0]
        for line, module in _imports(path):
            target = module.split(".")[1] if "." in module else ""
            if target not in ALLOWED[stage]:
                wrong.append(f"{path.relative_to(PACKAGE)}:{line} imports {module}")
    assert not wrong, wrong


def test_imports_are_absolute_and_modules_small():
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        relative = [n.lineno for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level]
        assert not relative, (path, relative)


MAX_MODULE_LINES, MAX_FUNCTION_LINES, MAX_SHIM_LINES = 350, 60, 40
"""Issue 12's limits: a module a newcomer reads in one sitting, a function that does one job,
MkDocs glue with no build logic in it."""


def test_modules_and_functions_stay_small():
    too_long = []
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(PACKAGE).as_posix()
        if len(text.splitlines()) > MAX_MODULE_LINES:
            too_long.append(f"{name}: {len(text.splitlines())} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    too_long.append(f"{name}:{node.lineno} {node.name}(): {length} lines")
    assert not too_long, too_long


def test_the_mkdocs_glue_is_a_thin_shim():
    shim = REPO / "hooks" / "mkdocs_hooks.py"
    assert len(shim.read_text(encoding="utf-8").splitlines()) <= MAX_SHIM_LINES
    tree = ast.parse(shim.read_text(encoding="utf-8"))
    functions = [n.name for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    assert not functions, f"build logic belongs in vanban.engines.mkdocs, not the shim: {functions}"
