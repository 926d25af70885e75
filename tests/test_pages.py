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
    """``page`` opened through the entrypoint with ``params`` in the URL (AppTest runs dashboard.py only first)."""
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)  # a busy 2-core CI machine
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
    return as_seen("\n".join(map(str, parts)))


def as_seen(markdown: str) -> str:
    """Data text is backslash-escaped for Markdown (and bare URLs unlinked by an invisible word
    joiner): read it as a person sees it."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("\u2060", "")


# the ekspor page starts the warm Chromium in the background as soon as it runs (unduh.warm_up)
@pytest.mark.parametrize("page", [pytest.param(p, marks=pytest.mark.browser) if p == "pages/ekspor.py" else p
                                  for p in PAGES])
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
    table = at.dataframe[-1].value  # the list, after the charts' own tables (their Tabel views)
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
    assert "kelurahan=64.71.99.9999" in texts(at) and "bukan kode atau nama kelurahan" in texts(at)
    assert at.title[0].value.startswith("Kelurahan ")  # still shows a profile to choose from


# --- links that cannot be used as they are: fall back with a notice, never a traceback ----------

LINK_NOTICE = ":material/link_off:"


def link_notices(at: AppTest) -> list[str]:
    return [as_seen(w.value) for w in at.warning if w.icon == LINK_NOTICE]


NINE_KELURAHAN = ["64.71.01.1001", "64.71.01.1002", "64.71.01.1003", "64.71.01.1004", "64.71.02.1001",
                  "64.71.02.1002", "64.71.02.1003", "64.71.02.1004", "64.71.03.1001"]


def test_tren_link_with_more_kelurahan_than_the_chart_takes():
    """It used to stop the page: Streamlit refuses a multiselect default above max_selections (8)."""
    at = open_page(PAGES[1], tampilan="kelurahan", kelurahan=",".join(NINE_KELURAHAN))
    assert at.multiselect(key="url_kelurahan").value == NINE_KELURAHAN[:8]
    assert any("memilih 9" in n and "paling banyak 8" in n for n in link_notices(at)), link_notices(at)
    assert len(plotly_figures(at)) == 1


def test_tren_link_repeats_and_unknown_kelurahan():
    at = open_page(PAGES[1], tampilan="kelurahan", kelurahan="64.71.01.1001,64.71.01.1001,Manggar,Kampung Baru,")
    assert at.multiselect(key="url_kelurahan").value == ["64.71.01.1001"]  # "Manggar" names the same one
    assert any("Kampung Baru" in n and "diabaikan" in n for n in link_notices(at)), link_notices(at)


def since_window(at: AppTest) -> tuple:
    return tuple(at.date_input(key="url_sejak_sampai").value)


def test_rapat_since_view_with_a_window_that_ends_before_it_starts():
    """It used to stop the page: meeting.since refuses start > end."""
    default = since_window(open_page(PAGES[8], view="sejak"))
    at = open_page(PAGES[8], view="sejak", sejak="2025-06-01", sampai="2024-01-01")
    assert since_window(at) == default
    assert any("terbalik" in n for n in link_notices(at)), link_notices(at)
    assert at.title[0].value == "Sejak rapat terakhir"


def test_rapat_since_view_with_an_end_before_the_first_activity():
    """The end was moved up to the first day of the log, before the default start: the same crash."""
    default = since_window(open_page(PAGES[8], view="sejak"))
    at = open_page(PAGES[8], view="sejak", sampai="2000-01-01")
    assert since_window(at) == default
    notices = link_notices(at)
    assert any("sampai=2000-01-01" in n and "di luar data" in n for n in notices), notices
    assert any("terbalik" in n for n in notices), notices


def test_kegiatan_link_with_a_reversed_window_falls_back_too():
    default = tuple(open_page(PAGES[3]).date_input(key="url_dari_sampai").value)
    at = open_page(PAGES[3], dari="2025-06-01", sampai="2024-01-01")
    assert tuple(at.date_input(key="url_dari_sampai").value) == default
    assert any("terbalik" in n for n in link_notices(at)), link_notices(at)


@pytest.mark.parametrize(("page", "params", "quoted"), [
    (PAGES[0], {"tahun": "abc"}, "tahun=abc"),
    (PAGES[0], {"tahun": ""}, "tahun="),
    (PAGES[1], {"tampilan": "semua"}, "tampilan=semua"),
    (PAGES[1], {"tampilan": "indikator", "blok": "K9"}, "blok=K9"),
    (PAGES[5], {"metrik": "<b>x</b>"}, "metrik=<b>x</b>"),
    (PAGES[3], {"dari": "kemarin"}, "dari=kemarin"),
    (PAGES[8], {"view": "abc"}, "view=abc"),
])
def test_unknown_or_empty_link_values_fall_back_with_a_notice(page, params, quoted):
    at = open_page(page, **params)
    assert any(quoted in n for n in link_notices(at)), link_notices(at)


def test_unknown_meeting_view_shows_the_first_view():
    at = open_page(PAGES[8], view="abc")
    assert at.title[0].value == "Posisi"
    assert "view" not in at.query_params  # the next step starts from a clean link


def test_the_notices_quote_a_long_link_value_only_in_part():
    at = open_page(PAGES[0], tahun="9" * 500)
    (notice,) = link_notices(at)
    assert "9" * 60 + "…" in notice and "9" * 61 not in notice


def test_a_valid_link_has_no_notice():
    at = open_page(PAGES[1], tampilan="kelurahan", kelurahan=",".join(NINE_KELURAHAN[:3]))
    assert link_notices(at) == []


@pytest.mark.parametrize("named", ["Gunung Samarinda", "gunung samarinda", "6471031002"])
def test_kelurahan_profile_link_by_name_or_plain_digits(named):
    at = open_page("pages/kelurahan.py", kelurahan=named)
    assert texts_of_title(at) == "Kelurahan Gunung Samarinda"
    assert any("64.71.03.1002" in i.value for i in at.info)
    assert at.query_params["kelurahan"] == "64.71.03.1002"  # the link now names the code


def texts_of_title(at: AppTest) -> str:
    return as_seen(at.title[0].value)


# --- data text is text: escaped wherever Streamlit reads Markdown --------------------------------

HOSTILE = "**tebal** [tautan](http://127.0.0.2/x) ![g](http://127.0.0.2/i.png) <b>b</b> $x^2$ # Judul"


def unescaped_punctuation(text: str) -> list[str]:
    """ASCII punctuation not taken by a backslash escape: what Markdown could read as syntax."""
    found, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            i += 2
            continue
        if not text[i].isalnum() and not text[i].isspace() and text[i].isascii():
            found.append(text[i])
        i += 1
    return found


@pytest.fixture
def hostile_city(tmp_path, monkeypatch):
    from tests.conftest import tiny_tables, write_tables

    tables = tiny_tables()
    wilayah = tables["wilayah"]
    wilayah.loc[wilayah["kode"] == "64.71.04.1001", "nama"] = f"Gunung Sari {HOSTILE}"
    kategori = tables["kategori_resmi"]
    kategori.loc[kategori["tahun"] == 2025, "sumber"] = "javascript:alert(1)"
    kategori.loc[kategori["tahun"] == 2023, "sumber"] = ["https://contoh.test/a", HOSTILE]
    tables["inisiatif"].loc[:, "nama_mitra"] = HOSTILE
    monkeypatch.setenv("KLA_DATA_DIR", str(write_tables(tmp_path / "data", tables)))


def link_buttons(at: AppTest) -> list:
    return [el.proto for el in at.get("link_button")]


def test_profile_title_is_escaped(hostile_city):
    at = open_page("pages/kelurahan.py", kelurahan="64.71.04.1001")
    title = at.title[0].value
    assert unescaped_punctuation(title) == [], title
    assert texts_of_title(at) == f"Kelurahan Gunung Sari {HOSTILE}"


def test_official_source_is_a_link_only_when_it_is_http(hostile_city):
    at = open_page(PAGES[0])  # 2025: the source is "javascript:alert(1)"
    assert link_buttons(at) == []
    assert "Sumber: javascript:alert(1)" in texts(at)
    assert all("](" not in i.value for i in at.info)  # no Markdown link spliced into the notice
    at = open_page(PAGES[0], tahun="2023")
    assert [(b.url, b.label) for b in link_buttons(at)] == [("https://contoh.test/a", r"Sumber (891): contoh\.test")]
    assert f"Sumber (817): {HOSTILE}" in texts(at)


def test_tentang_links_only_http_sources(hostile_city):
    at = open_page(PAGES[4])
    official = at.dataframe[1].value  # a cell without a value is empty in the link column, "–" elsewhere
    assert [s for s in official["sumber"] if s] == ["https://contoh.test/a", "https://contoh.test/c"]
    assert sorted(s for s in official["sumber_teks"] if s != "–") == sorted(["javascript:alert(1)", HOSTILE])


def test_meeting_tables_escape_every_cell(hostile_city):
    at = open_page(PAGES[8], view="tindak")
    cells = [str(v) for table in at.table for v in table.value.to_numpy().ravel()]
    hostile = [c for c in cells if "tebal" in c]
    assert hostile, cells
    for cell in hostile:
        assert unescaped_punctuation(cell) == [], cell
        assert as_seen(cell) == HOSTILE


def test_a_choice_made_on_the_page_gives_no_link_notice():
    """After a block change the URL still names the old block's indicators: that is the page's own
    value, not a link to complain about."""
    at = open_page(PAGES[1], tampilan="indikator", blok="K3", indikator="K3-15")
    assert link_notices(at) == [] and at.multiselect(key="url_indikator").value == ["K3-15"]
    at.selectbox(key="url_blok").set_value("K1").run()
    assert not at.exception
    assert link_notices(at) == []
