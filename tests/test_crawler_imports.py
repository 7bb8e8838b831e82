"""The spider never reaches SQLite: neither it nor any first-party module it imports imports the store.

Two checks, because each misses what the other sees. The AST walk reads every `import` in the
spider's first-party modules, followed transitively, including imports inside functions (which run
only later, mid-crawl); the subprocess check sees what importing the spider really loads, third-party
packages included. Both are shown to fail on a planted import.
"""
from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

from newsclaims import ROOT

#: Modules the crawler must not import: storage belongs to the shell (newsclaims.pipelines, newsclaims.page_memory).
FORBIDDEN = ("sqlite3", "sqlite_utils", "newsclaims.store")
FIRST_PARTY = ("crawler", "newsclaims", "analysis")


def _is_forbidden(module: str) -> bool:
    return any(module == name or module.startswith(name + ".") for name in FORBIDDEN)


def _module_file(root: Path, module: str) -> Path | None:
    base = root.joinpath(*module.split("."))
    for candidate in (base / "__init__.py", base.with_suffix(".py")):
        if candidate.is_file():
            return candidate
    return None


def _imports(path: Path, module: str) -> set[str]:
    """Every module `path` imports, anywhere in it; `from a import b` also names `a.b` (b may be a module)."""
    found = set()
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[:len(parts) - node.level + 1] + ([node.module] if node.module else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def forbidden_imports(root: Path, start: list[str]) -> dict[str, set[str]]:
    """Forbidden modules imported by `start` and the first-party modules they import (with their parent
    packages), followed transitively; {importing module: forbidden names}."""
    seen, todo, bad = set(), list(start), {}
    while todo:
        module = todo.pop()
        if module in seen:
            continue
        seen.add(module)
        path = _module_file(root, module)
        if path is None:
            continue
        for name in _imports(path, module):
            if _is_forbidden(name):
                bad.setdefault(module, set()).add(name)
            elif name.split(".")[0] in FIRST_PARTY:
                parts = name.split(".")
                todo += [".".join(parts[:i]) for i in range(1, len(parts) + 1)]
    return bad


def _spider_modules(root: Path) -> list[str]:
    return sorted(f"crawler.spiders.{p.stem}" if p.stem != "__init__" else "crawler.spiders"
                  for p in (root / "crawler" / "spiders").glob("*.py"))


def test_no_module_the_spider_imports_imports_the_store():
    start = _spider_modules(ROOT)
    assert "crawler.spiders.story" in start
    assert forbidden_imports(ROOT, start) == {}


def test_the_walk_finds_a_store_import_hidden_in_a_function_two_modules_away(tmp_path):
    (tmp_path / "crawler" / "spiders").mkdir(parents=True)
    (tmp_path / "crawler" / "__init__.py").write_text("")
    (tmp_path / "crawler" / "spiders" / "__init__.py").write_text("")
    (tmp_path / "crawler" / "spiders" / "s.py").write_text("from crawler.helper import remember\n")
    (tmp_path / "crawler" / "helper.py").write_text("from . import util\n\ndef remember():\n    from newsclaims import store\n")
    (tmp_path / "crawler" / "util.py").write_text("import sqlite3\n")
    assert forbidden_imports(tmp_path, _spider_modules(tmp_path)) == {
        "crawler.helper": {"newsclaims.store"}, "crawler.util": {"sqlite3"}}


def _loaded_by(*modules: str) -> list[str]:
    code = f"import json, sys; import {', '.join(modules)}; print(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                            check=True)
    return [name for name in json.loads(result.stdout) if _is_forbidden(name)]


def test_importing_the_spider_loads_no_sqlite_module():
    assert _loaded_by(*_spider_modules(ROOT), "crawler.middlewares", "crawler.page_memory") == []
    # The same check sees the store where it belongs, in the shell:
    assert "newsclaims.store" in _loaded_by("newsclaims.page_memory")
