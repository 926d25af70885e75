"""The README's module map names every module and sub-package of kla/ and kla/ui/ (and nothing gone)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def module_map() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text[text.index("## Susunan kode"):text.index("- `bench/`")]


def names_in(folder: Path) -> set[str]:
    modules = {p.stem for p in folder.glob("*.py") if not p.stem.startswith("_")}
    packages = {f"{p.name}/" for p in folder.iterdir() if (p / "__init__.py").is_file() and p.name != "ui"}
    return modules | packages


def test_every_module_is_in_the_module_map():
    section = module_map()
    named = set(re.findall(r"`([a-z0-9_]+/?)`", section))
    for folder in (ROOT / "kla", ROOT / "kla" / "ui"):
        missing = names_in(folder) - named
        assert not missing, f"README module map lacks {sorted(missing)} from {folder.relative_to(ROOT)}"


def test_the_module_map_names_no_module_that_is_gone():
    section = module_map()
    existing = names_in(ROOT / "kla") | names_in(ROOT / "kla" / "ui") | {"kla/", "strings/", "ui/"}
    listed = set(re.findall(r"`([a-z0-9_]+/?)`", section.split("- `kla/ui/`", 1)[1]))
    commands = {"data", "staff", "audit", "db"}  # command names quoted beside storecli, not modules
    gone = {n for n in listed if n not in existing and n not in commands}
    assert not gone, f"README names modules that do not exist: {sorted(gone)}"
