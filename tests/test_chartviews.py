"""kla.ui.chartviews: every chart in three views (Grafik / Tabel / Sumber) under its main-point sentence.

AppTest runs the real Ringkasan page on the sample data and a small page of our own; the numbers
in the table are checked against the chart's own data and against values worked out by hand.
"""

from __future__ import annotations

import html
import json
import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from kla.ui import chartviews
from tests.test_pages import PAGES, as_seen, open_page


def _tiny_page() -> None:
    import pandas as pd

    from kla import charts
    from kla.ui.chartviews import chart_views
    from kla.ui.widgets import current_lang

    lang = current_lang()
    totals = pd.DataFrame({"tahun": [2023, 2025], "total": [845.7, 862.3], "kategori": ["Utama", "Utama"]})
    chart_views(charts.total_trend(totals, source="Dinas X", lang=lang), lang, share=False, download=False)


def _tiny(lang: str) -> AppTest:
    at = AppTest.from_function(_tiny_page, default_timeout=60)
    if lang != "id":
        at.query_params["lang"] = lang
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize(("lang", "tabs", "sentence", "column"), [
    ("id", ["Grafik", "Tabel", "Sumber"], "Skor 2025: 862,3, naik 16,6 dari 2023; kurang 38,7 poin ke Paripurna.",
     "Skor total (poin)"),
    ("en", ["Chart", "Table", "Sources"], "Score 2025: 862.3, up 16.6 from 2023; 38.7 points short of Paripurna.",
     "Total score (points)"),
])
def test_three_views_sentence_and_table(lang, tabs, sentence, column):
    at = _tiny(lang)
    assert [tab.label for tab in at.tabs] == tabs
    assert as_seen(at.markdown[0].value) == sentence  # above the views
    chart_tab, table_tab, source_tab = at.tabs
    assert len(chart_tab.get("plotly_chart")) == 1
    alt = chart_tab.get("plotly_chart")[0].proto.alt
    assert sentence in alt and alt.startswith("Grafik garis:" if lang == "id" else "Line chart:")
    frame = table_tab.dataframe[0].value
    # the drawn numbers: 2023 and 2025 scored, 2024 the gap year between them
    assert list(frame["tahun"]) == [2023, 2024, 2025]
    # a column with a gap is written as the page writes numbers, the gap as "–" (kla.ui.widgets.table_shown)
    assert list(frame["total"]) == (["845,7", "–", "862,3"] if lang == "id" else ["845.7", "–", "862.3"])
    config = json.loads(table_tab.dataframe[0].proto.columns)
    assert config["total"]["label"] == column
    shown = as_seen("\n".join(m.value for m in source_tab.markdown))
    assert "Dinas X" in shown
    assert ("Skor total = jumlah poin" if lang == "id" else "Total score = sum of the points") in shown
    assert "Paripurna ≥ 901" in shown  # the thresholds come from kla.domain


def test_ringkasan_charts_have_three_views_and_their_numbers():
    at = open_page(PAGES[0])
    labels = [tab.label for tab in at.tabs]
    assert labels.count("Grafik") == 2 and labels.count("Tabel") == 2 and labels.count("Sumber") == 2
    tables = [tab for tab in at.tabs if tab.label == "Tabel"]
    trend = tables[0].dataframe[0].value
    assert {"tahun", "total", "kategori"} <= set(trend.columns)
    scored = trend[trend["total"] != "–"]
    latest = scored.iloc[-1]
    text = as_seen("\n".join(m.value for m in at.markdown))
    # the sentence above the chart states the last scored year of the table, as the table writes it
    assert "," in latest["total"]
    assert f"Skor {int(latest['tahun'])}: {latest['total']}" in text
    bars = tables[1].dataframe[0].value
    assert list(bars["blok"]) == ["KL", "K1", "K2", "K3", "K4", "K5"]
    assert "capaian tertinggi" in text


def test_ringkasan_in_english():
    at = open_page(PAGES[0], lang="en")
    labels = [tab.label for tab in at.tabs]
    assert labels.count("Chart") == 2 and labels.count("Table") == 2 and labels.count("Sources") == 2
    text = as_seen("\n".join(m.value for m in at.markdown))
    assert "highest attainment" in text and "Score 20" in text


def test_column_labels_have_units_and_fall_back_to_the_column_name():
    assert chartviews.column_label("persen", "id") == "Capaian (% poin maks.)"
    assert chartviews.column_label("persen", "en") == "Attainment (% of max. points)"
    assert chartviews.column_label("nilai", "en", metric="inisiatif").endswith("(initiatives)")
    assert chartviews.column_label("kolom_baru", "id") == "kolom_baru"


def test_numbers_stay_numbers_so_they_sort():
    frame = pd.DataFrame({"tahun": [2025], "total": [862.3], "kategori": ["Utama"]})
    config = chartviews.table_config(frame, "id")
    assert config["total"]["type_config"]["type"] == "number"
    assert config["kategori"]["type_config"]["type"] == "text"


def test_every_catalogue_chart_has_a_method_text():
    from kla.catalog import CATALOG

    for name in [*CATALOG, "profil_blok"]:
        assert chartviews.method_text(name, "id"), name
        assert chartviews.method_text(name, "en"), name


@pytest.mark.parametrize(("view", "key", "lang", "start"), [
    ("posisi", "rapat_tren", "id", "Grafik garis: "),
    ("poin", "rapat_poin", "en", "Bar chart with a cumulative line: "),
    ("kelurahan", "rapat_peta", "id", "Peta petak segi enam kelurahan: "),
])
def test_meeting_pictures_are_named_images(view, key, lang, start):
    at = open_page("pages/rapat.py", view=view, **({"lang": lang} if lang != "id" else {}))
    picture = next(m.value for m in at.markdown if f'id="{key}"' in m.value)
    match = re.search(r'role="img" aria-label="([^"]*)"', picture)
    assert match, picture[:300]
    label = html.unescape(match.group(1))
    assert label.startswith(start)
    assert "<" not in label and len(label) > 60


def test_peta_states_its_main_point_and_links_the_ranking():
    at = open_page("pages/peta.py", tampilan="petak")
    text = as_seen("\n".join(m.value for m in at.markdown))
    assert "Tertinggi: " in text and "; terendah: " in text and "kelurahan per kategori: " in text
    assert "](#peringkat-kelurahan)" in text
    tile = at.get("plotly_chart")[0].proto
    assert tile.alt.startswith("Peta petak segi enam kelurahan: ")
    assert tile.alt.endswith("Peringkat semua kelurahan ada dalam tabel di bawah peta.")


def test_profile_locator_map_is_named():
    at = open_page("pages/kelurahan.py")
    alts = [el.proto.alt for el in at.get("plotly_chart")]
    assert all(alts), alts
    assert any(a.startswith("Peta petak letak kelurahan: ") and "ditandai" in a for a in alts)
