"""Public text is for the public (issue 15, item 4), without a browser: pages, interface texts, exports.

What Chromium shows is tested in tests/e2e/test_public_text.py; here the things a browser test
cannot read or would be slow to reach: every table cell (Streamlit draws a missing one as "None"
on a canvas), the help texts behind "?", the widget placeholders Streamlit would fill with English,
every public interface text in both languages, and the CSV, XLSX, ZIP README and meeting brief
made from the data.
"""

from __future__ import annotations

import datetime as dt
import io
import re

import openpyxl
import pytest

from kla import brief, catalog, export
from kla.i18n import STRINGS
from kla.loading import load_dataset
from kla.presskit import today_stamp
from kla.strings import kelola
from tests.test_pages import PAGES, ROOT, open_page, texts

COMMAND = re.compile(r"python -m|streamlit run|kla geo")
FILE_NAME = re.compile(r"\w+\.(csv|xlsx|geojson|json|py|toml)\b")
ESCAPE = re.compile(r"\\[\\`*_{}\[\]()#+\-.!|~>]")
MISSING = re.compile(r"\b(None|nan|NaN|NaT)\b")
RULES = {"command line": COMMAND, "file name": FILE_NAME, "markdown escape": ESCAPE, "missing value": MISSING}
# Staff pages and the command line speak to staff: their texts may name files and commands.
STAFF_KEYS = set(kelola.STRINGS) | {key for key in STRINGS
                                     if key.startswith(("kelola.", "nav.kelola", "batas.status."))}
# Pages the browser-less AppTest can run (the ekspor page starts Chromium: tests/e2e cover it)
APP_PAGES = [page for page in PAGES if page != "pages/ekspor.py"]


def broken(text: str, files_named: bool = False) -> list[str]:
    """What the public should not read in ``text``; ``files_named``: a text about the files of a ZIP
    (its README) names them, as it should."""
    return [f"{rule}: …{text[max(0, m.start() - 40):m.end() + 20]!r}…"
            for rule, pattern in RULES.items() if not (files_named and pattern is FILE_NAME)
            for m in pattern.finditer(text)]


def helps(at) -> list[str]:
    """The texts behind the "?" of metrics and widgets."""
    found = [m.proto.help for m in at.metric]
    for kind in ("selectbox", "multiselect", "radio", "checkbox", "text_input", "date_input"):
        found += [getattr(w, "help", None) or "" for w in at.get(kind)]
    return [h for h in found if h]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("page_file", APP_PAGES)
def test_no_public_page_shows_commands_file_names_or_missing_values(page_file, lang):
    at = open_page(page_file, **({"lang": lang} if lang == "en" else {}))
    found = broken(texts(at)) + [f"help: {p}" for h in helps(at) for p in broken(h)]
    for table in at.dataframe:
        shown = table.value
        found += [f"empty cell in column {c}" for c in shown.columns if shown[c].isna().any()]
        found += [f"table: {p}" for p in broken(shown.astype(str).to_csv(index=False))]
    assert found == []


@pytest.mark.parametrize("page_file", APP_PAGES)
def test_no_chooser_leaves_its_placeholder_to_streamlits_english(page_file):
    """An empty placeholder makes the frontend write "Choose an option"; a multiselect's bulk action
    ("Select all") is English too."""
    at = open_page(page_file, tampilan="kelurahan") if page_file == "pages/tren.py" else open_page(page_file)
    choosers = list(at.get("selectbox")) + list(at.get("multiselect"))
    assert [w.label for w in choosers if not w.proto.placeholder] == []
    assert [w.label for w in at.get("multiselect") if w.proto.select_all != 0] == []


def test_no_public_interface_text_names_a_file_or_a_command():
    found = [f"{key} [{lang}]: {problem}" for key, entry in STRINGS.items() if key not in STAFF_KEYS
             for lang, text in entry.items() for problem in broken(text, key.startswith("ekspor.readme."))]
    assert found == []


@pytest.fixture(scope="module")
def data():
    return load_dataset(ROOT / "data", cache=False).dataset


@pytest.mark.parametrize("lang", ["id", "en"])
def test_exported_data_files_and_the_readme_are_plain(data, lang):
    ctx, stamp = catalog.Context(data, lang), today_stamp(lang, dt.date(2026, 11, 29))
    charts = [catalog.build(name, ctx) for name in catalog.available(ctx)]
    found = []
    for chart in charts:
        csv_text = export.data_bytes(chart, "csv", stamp).decode("utf-8-sig")
        book = openpyxl.load_workbook(io.BytesIO(export.data_bytes(chart, "xlsx", stamp)))
        xlsx_text = "\n".join(str(v) for sheet in book for row in sheet.iter_rows(values_only=True)
                              for v in row if v is not None)
        found += [f"{chart.name}.csv {p}" for p in broken(csv_text)]
        found += [f"{chart.name}.xlsx {p}" for p in broken(xlsx_text)]
    files = export.chart_files(charts[0], [export.PRESETS["lanskap"]], ["csv"], stamp)
    readme = export.readme_text(charts, [export.PRESETS["lanskap"]], ["png", "csv"], stamp, files)
    found += [f"README {p}" for p in broken(readme, files_named=True)]  # it lists the ZIP's files by name
    assert found == []


def test_the_meeting_brief_is_plain(data):
    html = brief.brief_html(data, start=dt.date(2026, 9, 1), end=dt.date(2026, 11, 15), today=dt.date(2026, 11, 29))
    text = re.sub(r"<[^>]+>", " ", re.sub(r"<(style|script)[^>]*>.*?</\1>", " ", html, flags=re.S))
    assert broken(text) == []
