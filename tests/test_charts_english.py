"""Charts in English name activity and initiative types, partner types, statuses and indicators in English."""

import datetime as dt
import html

import pandas as pd

from kla import charts, scoring
from kla.names import with_indicator_names
from tests.sample_data import sample_tables


def test_initiatives_by_type_partner_and_status_in_english_keep_their_order():
    table = pd.DataFrame({"jenis": ["Forum Anak", "PUSPAGA", "Forum Anak", "Lainnya"],
                          "jenis_mitra": ["forum anak", "pemerintah", "forum anak", "dunia usaha/CSR"],
                          "status": ["berjalan", "rencana", "terhenti", "berjalan"],
                          "tanggal_mulai": pd.to_datetime(["2025-01-01"] * 4)})
    by_type = charts.initiatives_by(table, "jenis", lang="en")
    assert by_type.data["jenis"].tolist() == ["Children's Forum", "Family learning centre (PUSPAGA)", "Other"]
    assert list(by_type.figure.data[0].y)[0] == "Children's Forum"
    assert charts.initiatives_by(table, "jenis_mitra", lang="en").data["jenis_mitra"].tolist()[0] == "children's forum"
    assert charts.initiatives_by(table, "status", lang="en").data["status"].tolist() == \
        ["planned", "running", "completed", "stopped"]
    assert charts.initiatives_by(table, "jenis").data["jenis"].tolist()[0] == "Forum Anak"


def test_activities_per_month_in_english_names_each_type_in_legend_hover_and_table():
    log = pd.DataFrame({"tanggal": pd.to_datetime(["2025-01-05", "2025-01-20", "2025-02-03"]),
                        "jenis": ["sosialisasi KIE", "rapat gugus tugas", "sosialisasi KIE"],
                        "peserta_anak": [10, 0, 5], "peserta_dewasa": [1, 20, 2]})
    chart = charts.activities_per_month(log, period=(dt.date(2025, 1, 1), dt.date(2025, 2, 28)), lang="en")
    assert [trace.name for trace in chart.figure.data] == ["task force meeting", "awareness session"]
    assert "awareness session:" in chart.figure.data[1].hovertemplate
    assert set(chart.data["jenis"]) == {"task force meeting", "awareness session"}
    indonesian = charts.activities_per_month(log, period=(dt.date(2025, 1, 1), dt.date(2025, 2, 28)))
    assert [trace.name for trace in indonesian.figure.data] == ["rapat gugus tugas", "sosialisasi KIE"]


def test_shortfall_bar_in_english_uses_the_catalogue_s_english_names():
    tables = sample_tables()
    indikator = tables["indikator"]
    ranking = scoring.shortfall_ranking(tables["evaluasi_kota"], indikator, 2025)
    chart = charts.shortfall_bar(with_indicator_names(ranking, indikator), top_n=3, year=2025, lang="en")
    english = indikator.set_index("kode")
    codes = ranking["kode"].head(3).tolist()
    assert chart.data["nama_en"].tolist() == english.loc[codes, "nama_en"].tolist()
    labels = [html.unescape(label.replace("<br>", " ")) for label in chart.figure.data[0].y]
    assert labels == [f"{english.loc[k, 'nama_singkat_en']} ({k})" for k in codes]
    indonesian = charts.shortfall_bar(ranking, top_n=3, year=2025)
    assert indonesian.data["nama_id"].tolist() == english.loc[codes, "nama_id"].tolist()
