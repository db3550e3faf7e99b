"""An import inside a function defers a heavy dependency, and a comment on its line or the line above
says which: everything else is imported at the top of its module, where a reader looks for it.

Consecutive imports (one statement after another in the same block) are one group, and one comment
covers the group.
"""

from __future__ import annotations

import ast
import io
import tokenize
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "sinorus_cli"


def _statement_lists(node: ast.AST) -> Iterator[list[ast.stmt]]:
    """Every block of statements directly under `node` (a body, an else, a handler's, a case's)."""
    for name in ("body", "orelse", "finalbody"):
        block = getattr(node, name, None)
        if isinstance(block, list) and block and isinstance(block[0], ast.stmt):
            yield block
    for child in [*getattr(node, "handlers", ()), *getattr(node, "cases", ())]:
        yield child.body


def _groups_in_functions(tree: ast.Module) -> Iterator[list[ast.Import | ast.ImportFrom]]:
    """Each run of consecutive import statements that sits, at any depth, inside a function."""

    def walk(node: ast.AST, in_function: bool) -> Iterator[list[ast.Import | ast.ImportFrom]]:
        for block in _statement_lists(node):
            group: list[ast.Import | ast.ImportFrom] = []
            for statement in block:
                if in_function and isinstance(statement, ast.Import | ast.ImportFrom):
                    group.append(statement)
                    continue
                if group:
                    yield group
                    group = []
                inner = in_function or isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef)
                yield from walk(statement, inner)
            if group:
                yield group

    yield from walk(tree, False)


def _comment_lines(source: str) -> set[int]:
    """The lines that hold a comment (a real one: not a # inside a string)."""
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    return {token.start[0] for token in tokens if token.type == tokenize.COMMENT}


def uncommented_imports(source: str) -> list[int]:
    """The first line of each group of imports inside a function with no comment on any of its lines
    or on the line above it."""
    comments = _comment_lines(source)
    found = []
    for group in _groups_in_functions(ast.parse(source)):
        lines = range(group[0].lineno - 1, (group[-1].end_lineno or group[-1].lineno) + 1)
        if not comments.intersection(lines):
            found.append(group[0].lineno)
    return found


def _modules() -> Sequence[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_every_import_inside_a_function_names_what_it_defers():
    offenders = [
        f"{path.relative_to(PACKAGE.parent)}:{line}"
        for path in _modules()
        for line in uncommented_imports(path.read_text(encoding="utf-8"))
    ]
    assert not offenders, "imports inside functions without a comment naming what they defer:\n" + "\n".join(
        offenders
    )


def test_the_check_walks_the_whole_package():
    assert len(_modules()) > 50
    assert PACKAGE / "commands" / "add.py" in _modules()
    assert PACKAGE / "corpus" / "store.py" in _modules()
    assert PACKAGE / "__init__.py" in _modules()


@pytest.mark.parametrize(
    "source, flagged",
    [
        ("def f():\n    import json\n    return json\n", [2]),
        ("def f():\n    # json: 5 ms\n    import json\n    return json\n", []),
        ("def f():\n    import json  # 5 ms\n    return json\n", []),
        # one comment covers a group of consecutive imports, blank lines between them or not
        ("def f():\n    # heavy\n    import json\n\n    import csv\n    return json, csv\n", []),
        # a statement between two imports makes two groups: the second needs its own comment
        ("def f():\n    # heavy\n    import json\n    x = 1\n    import csv\n    return json, csv, x\n", [5]),
        # at any depth inside a function: a branch, a try, a nested function, a method
        ("def f(a):\n    if a:\n        import json\n", [3]),
        ("def f():\n    try:\n        import json\n    except ImportError:\n        pass\n", [3]),
        ("def f():\n    def g():\n        from os import path\n    return g\n", [3]),
        ("class C:\n    def m(self):\n        import json\n", [3]),
        # a # inside a string is no comment
        ('def f():\n    x = "# not a comment"\n    import json\n', [3]),
        # imports at the top, under a condition or in a class body are not inside a function
        ("import json\nif json:\n    import csv\nclass C:\n    import os\n", []),
    ],
)
def test_the_check_flags_exactly_the_uncommented_groups(source, flagged):
    assert uncommented_imports(source) == flagged
