"""The layer contract covers the whole package, and CI checks it."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "sinorus_cli"


def _contract(contract_id: str) -> dict[str, object]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    return next(c for c in config["contracts"] if c["id"] == contract_id)


def _layer_names() -> set[str]:
    """Every name in the layers contract; `a | b` and `a : b` put two in one layer."""
    layers = _contract("layers")["layers"]
    assert isinstance(layers, list)
    return {name.strip() for layer in layers for name in re.split(r"[|:]", layer)}


def _package_children() -> set[str]:
    """The modules and subpackages directly inside sinorus_cli, as import-linter names them."""
    modules = {p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__"}
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    return modules | packages


def test_the_layer_contract_names_every_module_and_subpackage():
    children, named = _package_children(), _layer_names()
    assert not children - named, f"not in any layer of [tool.importlinter]: {sorted(children - named)}"
    assert not named - children, f"layers naming nothing in sinorus_cli: {sorted(named - children)}"


def test_the_layer_contract_is_exhaustive():
    # lint-imports then fails on its own for a module the contract leaves out, even without this suite.
    assert _contract("layers")["exhaustive"] is True


def test_ci_runs_lint_imports():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = readme.split("<!-- setup:start -->", 1)[1].split("<!-- setup:end -->", 1)[0]
    assert "lint-imports" in setup.split()


def _typer_internals(path: Path) -> list[str]:
    """The modules of Typer's own machinery (`typer._*`, typer.core, typer.main, typer.models) `path` imports."""
    import ast

    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
        names += [node.module or ""] if isinstance(node, ast.ImportFrom) else []
        found += [n for n in names if re.match(r"typer\.(_|core\b|main\b|models\b)", n)]
    return found


def test_only_the_typer_adapter_imports_typers_internals():
    adapter = PACKAGE / "cli" / "typer_compat.py"
    assert _typer_internals(adapter), "the adapter no longer imports Typer's internals: update this test"
    elsewhere = {str(p.relative_to(ROOT)): _typer_internals(p) for p in PACKAGE.rglob("*.py") if p != adapter}
    assert not {path: names for path, names in elsewhere.items() if names}
