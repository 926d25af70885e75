"""AppTest of every page: no exception, the sample notice, and each page's key elements.

AppTest runs the real scripts in-process (no browser); what a person sees in Chromium is tested
in the browser tests.
"""

import json
import re
from pathlib import Path

import pytest
from streamlit.proto.Metric_pb2 import Metric as MetricProto
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
PAGES = ["pages/ringkasan.py", "pages/tren.py", "pages/inisiatif.py", "pages/kegiatan.py", "pages/tentang.py",
         "pages/peta.py", "pages/kelurahan.py", "pages/ekspor.py", "pages/rapat.py"]


def open_page(page: str, **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page != PAGES[0]:
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def plotly_figures(at: AppTest) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [w.value for w in at.warning] + [i.value for i in at.info]
    parts += [c.value for c in at.caption] + [e.value for e in at.error]
    # Data text is backslash-escaped for Markdown; read it as a person would see it.
    return re.sub(r"\\(.)", r"\1", "\n".join(map(str, parts)))


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_and_says_sample(page):
    at = open_page(page)
    assert any("Data contoh" in w.value for w in [*at.warning, *at.caption])  # rapat: a one-line caption
    assert at.title[0].value


def test_ringkasan_headline_numbers():
    at = open_page(PAGES[0])
    labels = {m.label: m.value for m in at.metric}
    assert labels["Kategori"] == "Utama"
    assert "Skor 2025" in labels and "," in labels["Skor 2025"]  # Indonesian decimal comma
    assert len(plotly_figures(at)) == 2
    assert "Sumber:" in texts(at)


def test_ringkasan_arrow_follows_the_sign_of_the_change():
    """A score under the roadmap target points down, though the text uses a true minus sign."""
    at = open_page(PAGES[0])
    target = next(m for m in at.metric if m.label.startswith("Target peta jalan"))
    score = next(m for m in at.metric if m.label.startswith("Skor"))
    to_number = lambda text: float(text.replace(".", "").replace(",", "."))  # noqa: E731
    below = to_number(score.value) < to_number(target.value)
    assert target.delta.startswith("−" if below else "+")
    assert target.proto.direction == (MetricProto.MetricDirection.DOWN if below else MetricProto.MetricDirection.UP)


def test_ringkasan_year_from_url():
    at = open_page(PAGES[0], tahun="2019")
    labels = {m.label: m.value for m in at.metric}
    assert labels["Kategori"] == "Nindya" and "Skor 2019" in labels


def test_tren_views():
    for view in ("blok", "indikator", "kelurahan"):
        at = open_page(PAGES[1], tampilan=view)
        assert len(plotly_figures(at)) == 1, view


def test_inisiatif_filter_from_url():
    at = open_page(PAGES[2], jenis="Forum Anak")
    table = at.dataframe[0].value
    assert len(table) >= 34 and set(table["jenis"]) == {"Forum Anak"}
    assert len(plotly_figures(at)) == 3


def test_kegiatan_metrics():
    at = open_page(PAGES[3], dari="2025-01-01", sampai="2025-12-31")
    labels = {m.label: m.value for m in at.metric}
    assert int(labels["Kegiatan"].replace(".", "")) > 0
    assert len(plotly_figures(at)) == 2


def test_tentang_states_the_2023_conflict():
    at = open_page(PAGES[4])
    conflict = [w.value for w in at.warning if "2023" in w.value]
    assert conflict and "891" in conflict[0] and "817" in conflict[0]


def test_english_interface():
    at = open_page(PAGES[0], lang="en")
    assert at.title[0].value == "KLA Balikpapan at a glance"
    assert any("Sample data" in w.value for w in at.warning)


def test_broken_data_shows_problem_list_not_a_traceback(tiny_city, monkeypatch):
    (tiny_city / "kegiatan.csv").write_text("id,tanggal\nKEG-000001,kemarin\n")
    monkeypatch.setenv("KLA_DATA_DIR", str(tiny_city))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    assert not at.exception
    assert "kegiatan.csv" in texts(at) and "Data tidak dapat dimuat" in texts(at)


def test_the_published_version_is_served_and_later_folder_edits_change_nothing(tiny_city, monkeypatch):
    monkeypatch.setenv("KLA_DATA_DIR", str(tiny_city))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    assert {m.label: m.value for m in at.metric}["Kategori"] == "Utama"
    (tiny_city / "peta_jalan.csv").write_text("tahun,blok,target_poin\n2027,TOTAL,seribu\n")
    at.run()
    assert not at.exception
    assert "peta_jalan.csv" not in texts(at), "the folder was imported once; the store's version is what is served"
    assert {m.label: m.value for m in at.metric}["Kategori"] == "Utama"


def test_a_fresh_store_with_a_broken_data_folder_lists_the_problems(tiny_city, monkeypatch):
    monkeypatch.setenv("KLA_DATA_DIR", str(tiny_city))
    (tiny_city / "peta_jalan.csv").write_text("tahun,blok,target_poin\n2027,TOTAL,seribu\n")
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    assert not at.exception
    assert "peta_jalan.csv, baris 2" in texts(at) and "seribu" in texts(at)
    assert not at.metric, "nothing valid to show"


def test_a_publication_shows_on_the_next_run_without_a_restart(tiny_city, monkeypatch):
    from kla import config
    from kla.store import Store
    from kla.ui import data as ui_data

    monkeypatch.setenv("KLA_DATA_DIR", str(tiny_city))
    monkeypatch.setattr(ui_data, "POINTER_TTL_S", 0.0)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    assert "Data versi 1" in texts(at)
    store = Store.open(config.db_url())
    files = store.files(1)
    rows = files["evaluasi_kota.csv"].decode().splitlines()
    header, first = rows[0].split(","), rows[-1].split(",")
    assert header[:3] == ["tahun", "kode_indikator", "poin"] and first[0] == "2025"
    before = {m.label: m.value for m in at.metric}["Skor 2025"]
    first[2] = str(float(first[2]) - 1)  # one point less on the last 2025 indicator
    files["evaluasi_kota.csv"] = "\n".join([*rows[:-1], ",".join(first)]).encode() + b"\n"
    draft = store.create_version(files, author="uji@kla.test", note="minus satu", base=1)
    store.publish(draft.id, actor="uji@kla.test", note="uji", expected=1)
    at.run()
    after = {m.label: m.value for m in at.metric}["Skor 2025"]
    assert float(after.replace(".", "").replace(",", ".")) == pytest.approx(
        float(before.replace(".", "").replace(",", ".")) - 1)
    assert "Data versi 2" in texts(at)


def test_kelurahan_profile_from_url():
    at = open_page("pages/kelurahan.py", kelurahan="64.71.03.1002")
    assert at.title[0].value == "Kelurahan Gunung Samarinda"
    labels = {m.label: m.value for m in at.metric}
    rank, of = labels["Peringkat di kota"].split(" / ")
    assert of == "34" and 1 <= int(rank) <= 34
    assert len(plotly_figures(at)) >= 2  # blocks against the city, and the trend


def test_kelurahan_profile_says_an_unknown_code_is_unknown():
    at = open_page("pages/kelurahan.py", kelurahan="64.71.99.9999")
    assert "Kode kelurahan \"64.71.99.9999\" di tautan tidak dikenal" in texts(at)
    assert at.title[0].value.startswith("Kelurahan ")  # still shows a profile to choose from
