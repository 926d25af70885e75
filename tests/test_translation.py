"""Handing the interface texts to a translator and taking them back (kla/translation.py, docs/TRANSLATION.md)."""

import ast
import shutil
import subprocess
from pathlib import Path

import pytest

from kla import translation
from kla.cli import main
from kla.i18n import STRINGS

ROOT = Path(__file__).resolve().parents[1]


def test_po_round_trip_keeps_every_key_and_both_languages():
    back = translation.read_po(translation.to_po(STRINGS))
    assert back == {k: {"id": v["id"], "en": v["en"]} for k, v in STRINGS.items()}


def test_csv_round_trip_keeps_every_key_and_both_languages():
    back = translation.read_csv(translation.to_csv(STRINGS))
    assert back == {k: {"id": v["id"], "en": v["en"]} for k, v in STRINGS.items()}


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext's msgfmt not installed")
def test_gettext_accepts_the_po_file_and_its_brace_placeholders(tmp_path):
    po = tmp_path / "kla.po"
    po.write_text(translation.to_po(STRINGS), encoding="utf-8")
    checked = subprocess.run(["msgfmt", "--check", "-o", str(tmp_path / "kla.mo"), str(po)],
                             capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr


def test_po_quotes_survive():
    tricky = {"x": {"id": 'Kata "kutip" \\ dan\nbaris {n}', "en": 'Word "quote" \\ and\nline {n}'}}
    assert translation.read_po(translation.to_po(tricky)) == tricky


def test_review_names_changes_and_unusable_rows():
    current = {"a": {"id": "Skor {tahun}", "en": "Score {tahun}"}, "b": {"id": "Tahun", "en": "Year"},
               "c": {"id": "Kota", "en": "City"}}
    returned = {"a": {"id": "Skor {tahun}", "en": "Score {year}"},  # a blank renamed: would crash the page
                "b": {"id": "Tahun", "en": "Evaluation year"}, "c": {"id": "Kota", "en": ""},
                "z": {"id": "?", "en": "?"}}
    found = translation.review(current, returned)
    assert found.changed == {"b": "Evaluation year"}
    assert len(found.problems) == 3
    assert "'a'" in found.problems[0] and "tahun" in found.problems[0] and "year" in found.problems[0]
    assert "'c'" in found.problems[1] and "'z'" in found.problems[2]


def _module_strings(path: Path) -> dict:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.AnnAssign | ast.Assign):
            target = node.target if isinstance(node, ast.AnnAssign) else node.targets[0]
            if getattr(target, "id", "") == "STRINGS":
                return ast.literal_eval(node.value)
    raise AssertionError(f"no STRINGS in {path}")


def test_apply_writes_changed_english_into_the_table_module_only(tmp_path):
    module = tmp_path / "publik.py"
    shutil.copy(ROOT / "kla" / "strings" / "publik.py", module)
    before = _module_strings(module)
    long_key = max(before, key=lambda k: len(before[k]["en"]))
    short_key = "st.tautan_judul"
    new_long = "A much longer English sentence than before, " * 4 + "with {blanks} kept as they were."
    written = translation.apply({long_key: new_long, short_key: "Link to this heading"}, [module])
    assert written == {long_key: module, short_key: module}
    after = _module_strings(module)
    assert after[long_key]["en"] == new_long and after[short_key]["en"] == "Link to this heading"
    assert after[long_key]["id"] == before[long_key]["id"]
    assert {k: v for k, v in after.items() if k not in written} == {k: v for k, v in before.items() if k not in written}
    assert max(len(line) for line in module.read_text(encoding="utf-8").splitlines()) <= 120


def test_cli_exports_and_reports_a_returned_file(tmp_path, capsys):
    po = tmp_path / "kla.po"
    assert main(["strings", "export", "--out", str(po)]) == 0
    text = po.read_text(encoding="utf-8")
    text = text.replace('msgstr "Link to heading"', 'msgstr "Link to this heading"')
    po.write_text(text, encoding="utf-8")
    assert main(["strings", "import", str(po)]) == 0  # no --apply: nothing written
    out = capsys.readouterr().out
    assert "st.tautan_judul" in out and "--apply" in out
    assert STRINGS["st.tautan_judul"]["en"] == "Link to heading"
    po.write_text(text.replace('msgstr "Skip to main content"', 'msgstr ""'), encoding="utf-8")
    assert main(["strings", "import", str(po)]) == 1
    assert "st.lewati" in capsys.readouterr().out
