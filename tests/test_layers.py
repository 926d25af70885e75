"""The layer rules of the README, checked on every import the code can make.

An import is any of: ``import x`` / ``from x import y`` at module level or inside a function,
``importlib.import_module("x")`` and ``__import__("x")`` with a literal name, and a string that
names a module of ours or Streamlit inside a list or tuple (``kla/ui/warmup.py``'s
``FIRST_PAGE_MODULES`` is handed to ``importlib`` one by one). Whatever is imported only for type
checking counts too: a rule that holds only at run time is not a layer.

Rules:

- the core (``kla/`` outside ``kla/ui/``) imports neither Streamlit nor ``kla.ui``;
- ``kla.ui`` imports no page (``pages/``, ``dashboard.py``): pages are run by Streamlit, never imported;
- ``bench/`` imports nothing from ``tests/`` (what both need lives in ``bench/``; tests import it from there).

One exception, by design: ``kla/__main__.py``, the process's entry point, may import the one UI
module ``kla.ui.serve``. ``python -m kla serve`` starts the Streamlit server in this process, so
something under ``kla`` has to reach the UI layer; rather than the core CLI (``kla.cli``) doing it
from inside a function, which would still be a core-to-UI import, ``kla/__main__.py`` dispatches
``serve`` to ``kla.ui.serve`` before it imports ``kla.cli`` at all. ``kla.cli`` keeps ``serve`` in
its help and nothing else of it.
"""

from __future__ import annotations

import ast
import re
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ENTRY_POINT = "kla.__main__"
ENTRY_POINT_MAY_IMPORT = {"kla.ui", "kla.ui.serve"}  # the package (its __init__ runs) and its serve module
# A string that is a whole dotted module name of ours or of Streamlit.
MODULE_NAME = re.compile(r"(streamlit|kla|pages|dashboard|tests|bench)(\.[A-Za-z_]\w*)*")
IMPORTERS = {"import_module", "__import__"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(source: str, module: str, is_package: bool = False) -> set[str]:
    """Every module name ``source`` (the module ``module``) imports or names for importing."""
    package = module if is_package else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names if alias.name != "*")
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if name in IMPORTERS and node.args and isinstance(node.args[0], ast.Constant) \
                    and isinstance(node.args[0].value, str):
                found.add(node.args[0].value)
        elif isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            found.update(e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
                         and MODULE_NAME.fullmatch(e.value))
    return {name for name in found if name}


def under(name: str, *roots: str) -> bool:
    return any(name == root or name.startswith(root + ".") for root in roots)


def violations(module: str, names: set[str]) -> list[str]:
    """The rules ``module`` breaks by importing ``names``."""
    broken = []
    if under(module, "kla") and not under(module, "kla.ui"):
        for name in sorted(names):
            allowed = module == ENTRY_POINT and name in ENTRY_POINT_MAY_IMPORT
            if under(name, "streamlit") or (under(name, "kla.ui") and not allowed):
                broken.append(f"{module} (kern) mengimpor {name}")
    if under(module, "kla.ui"):
        broken += [f"{module} (UI) mengimpor halaman {name}" for name in sorted(names)
                   if under(name, "pages", "dashboard")]
    if under(module, "bench"):
        broken += [f"{module} (bench) mengimpor {name} dari tests/" for name in sorted(names) if under(name, "tests")]
    return broken


def project_modules() -> list[Path]:
    return sorted(p for folder in ("kla", "bench") for p in (ROOT / folder).rglob("*.py"))


def test_every_module_keeps_to_its_layer():
    broken = []
    for path in project_modules():
        module = module_name(path)
        broken += violations(module, imports(path.read_text(encoding="utf-8"), module, path.name == "__init__.py"))
    assert not broken, "\n".join(broken)


def test_the_scan_sees_the_modules_it_must_check():
    names = {module_name(p) for p in project_modules()}
    assert {"kla.cli", "kla.__main__", "kla.ui.widgets", "kla.ui.serve", "kla.ui.warmup", "bench.browser"} <= names


@pytest.mark.parametrize("source", [
    "import streamlit",
    "import streamlit.web.cli as cli",
    "from streamlit.runtime import Runtime",
    "def serve():\n    from streamlit.web import cli\n",
    "class C:\n    def f(self):\n        import kla.ui.widgets\n",
    "from kla.ui import widgets",
    "from .ui import widgets",
    "from . import ui",
    "import importlib\nimportlib.import_module('kla.ui.data')",
    "from importlib import import_module\nimport_module('streamlit')",
    "__import__('streamlit')",
    "MODULES = ('pandas', 'kla.ui.widgets')\nfor m in MODULES:\n    __import__(m)",
    "MODULES = ['streamlit.runtime']",
    "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from kla.ui.data import x\n",
])
def test_each_way_a_core_module_can_import_the_ui_is_seen(source: str):
    assert violations("kla.cli", imports(textwrap.dedent(source), "kla.cli")), source


@pytest.mark.parametrize("source", [
    "import pandas",
    "from kla import config, loading",
    "from . import config",
    "NAMES = ('kla.loading', 'pandas')",
    '"""Serving lives in kla.ui.serve; this text names streamlit."""',
    "SECRETS = '.streamlit/secrets.toml'",
])
def test_core_imports_of_the_core_pass(source: str):
    assert violations("kla.cli", imports(source, "kla.cli")) == []


def test_the_entry_point_may_reach_only_the_serve_module():
    assert violations(ENTRY_POINT, {"kla.ui.serve", "kla.cli"}) == []
    assert violations(ENTRY_POINT, {"kla.ui.widgets"})
    assert violations(ENTRY_POINT, {"streamlit"})


@pytest.mark.parametrize(("module", "source"), [
    ("kla.ui.widgets", "import pages.tren"),
    ("kla.ui.widgets", "import importlib\nimportlib.import_module('pages.ringkasan')"),
    ("kla.ui.data", "import dashboard"),
    ("bench.browser", "from tests.e2e.browser import CHROMIUM"),
    ("bench.rerun_bench", "def f():\n    from tests import shared\n"),
    ("bench.report", "import tests.shared"),
])
def test_ui_importing_a_page_and_bench_importing_tests_are_seen(module: str, source: str):
    assert violations(module, imports(source, module)), source


def test_the_ui_may_import_streamlit_and_the_core():
    assert violations("kla.ui.widgets", {"streamlit", "kla.loading", "kla.ui.data"}) == []
