"""The ekspor page and the "Unduh" menu under every chart, in AppTest (no browser).

Building a ZIP with a PNG renders through kaleido's Chromium: the first render in the test
process starts it (a few seconds). The browser download itself is tested in tests/e2e/test_ekspor.py.
"""

from __future__ import annotations

import datetime as dt
import io
import struct
import zipfile
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from kla import charts, export
from kla.boundaries import install
from kla.export import PRESETS, ExportError
from kla.ui import unduh
from tests.test_pages import ROOT, texts

EKSPOR = "pages/ekspor.py"


def open_ekspor(**params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(EKSPOR).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def choose(at: AppTest, names: list[str], formats: list[str], sizes: list[str] = ("lanskap",), build: str = "Buat ZIP",
           **more) -> AppTest:
    at.multiselect(key="ekspor_grafik").set_value(names)
    at.button_group(key="ekspor_format").set_value(formats)
    at.button_group(key="ekspor_ukuran").set_value(list(sizes))
    for key, value in more.items():
        at.selectbox(key=f"ekspor_{key}").set_value(value)
    next(b for b in at.button if b.label == build).click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def zip_contents(at: AppTest) -> dict[str, bytes]:
    kit = at.session_state["ekspor_paket"]
    with zipfile.ZipFile(io.BytesIO(kit.read())) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def build_button(at: AppTest):
    return next(b for b in at.button if b.label == "Buat ZIP")


@pytest.mark.browser
def test_page_lists_every_chart_but_the_map_without_boundaries():
    at = open_ekspor()
    assert at.title[0].value == "Ekspor paket media"
    chosen = at.multiselect(key="ekspor_grafik").value
    assert "tren_total" in chosen and "peta_petak" in chosen and "peta_kelurahan" not in chosen
    assert at.button_group(key="ekspor_ukuran").value == ["lanskap"]
    assert at.button_group(key="ekspor_format").value == list(export.FORMATS)
    assert "belum tersedia" in texts(at) and "python -m" not in texts(at)  # the install command: server log
    assert any("Data contoh" in w.value for w in at.warning)
    assert "ekspor_paket" not in at.session_state  # nothing is built before the button


@pytest.mark.browser
def test_build_zip_with_one_chart_png_and_csv(monkeypatch):
    at = open_ekspor()
    calls = []
    real = export.export_bytes
    monkeypatch.setattr(export, "export_bytes", lambda *a, **k: calls.append(a[1]) or real(*a, **k))
    choose(at, ["tren_total"], ["png", "csv"])
    files = zip_contents(at)
    assert list(files) == ["README.txt", "tren_total_lanskap.png", "tren_total.csv"]
    assert struct.unpack(">II", files["tren_total_lanskap.png"][16:24]) == (2400, 1350)
    assert files["tren_total.csv"].decode("utf-8-sig").startswith("Judul,")
    readme = files["README.txt"].decode("utf-8-sig")
    assert "tren_total_lanskap.png" in readme and "DATA CONTOH" in readme
    assert calls == ["png", "csv"]
    shown = texts(at)
    assert "3 berkas" in shown and "kB" in shown
    button = at.get("download_button")[0]
    assert button.proto.label == "Unduh ZIP"
    assert at.session_state["ekspor_paket"].name == unduh.zip_name(dt.date.today())
    assert any("DATA CONTOH" in w.value for w in at.warning)  # the kit's own sample notice

    at.run()  # a rerun offers the same ZIP without building anything again
    assert calls == ["png", "csv"]
    assert at.get("download_button")[0].proto.label == "Unduh ZIP"

    other = choose(open_ekspor(), ["tren_total"], ["png", "csv"])  # another visitor, same data version and choices
    assert calls == ["png", "csv"], "the kit is read from disk, not rendered again"
    assert zip_contents(other) == files


@pytest.mark.browser
def test_the_session_keeps_where_the_zip_is_not_its_bytes(tmp_path):
    at = choose(open_ekspor(), ["tren_total"], ["csv"])
    kit = at.session_state["ekspor_paket"]
    assert not any(isinstance(v, bytes | bytearray) for v in vars(kit).values())
    assert kit.path.is_file() and kit.path.stat().st_size == kit.size
    assert kit.path.parent.parent.name == "press" and kit.path.parent.name == "v1"
    at.run()
    assert at.get("download_button")[0].proto.url == "", "the button reads the file when clicked, not on every run"


def test_a_kit_whose_note_is_lost_is_packed_again(tmp_path):
    from kla import catalog
    from kla.loading import load_dataset
    from kla.press_cache import META_SUFFIX, PressCache

    cache, stamp = PressCache(tmp_path), export.Stamp(dt.date(2026, 11, 23))
    ctx = catalog.Context(load_dataset(ROOT / "data").dataset)
    kit = unduh.build_kit(cache, ["tren_total"], ctx, [PRESETS["lanskap"]], ["csv"], stamp)
    kit.path.with_name(kit.path.name + META_SUFFIX).write_text("{rusak", encoding="utf-8")
    again = unduh.build_kit(cache, ["tren_total"], ctx, [PRESETS["lanskap"]], ["csv"], stamp)
    assert cache.made == 2 and again.files == kit.files == ["README.txt", "tren_total.csv"]


@pytest.mark.browser
def test_a_new_data_version_builds_a_new_zip(monkeypatch):
    from kla import press_cache

    at = choose(open_ekspor(), ["tren_total"], ["csv"])
    first = at.session_state["ekspor_paket"].path
    monkeypatch.setattr(press_cache, "data_version", lambda data: "v2")  # as after a publication
    at = choose(open_ekspor(), ["tren_total"], ["csv"])
    assert at.session_state["ekspor_paket"].path.parent.name == "v2" and first.is_file()


def waiting_notices(at: AppTest) -> str:
    return " ".join(i.value for i in at.info if i.icon == ":material/hourglass_top:")


@pytest.mark.browser
def test_too_many_zips_in_a_few_minutes_get_a_polite_message():
    at = open_ekspor()
    allowed, window = unduh.LIMITS["zip"]
    for _ in range(allowed):
        choose(at, ["tren_total"], ["csv"])
        assert not waiting_notices(at)
    before = at.session_state["ekspor_paket"]
    build_button(at).click().run()
    notice = waiting_notices(at)
    assert f"Anda sudah meminta berkas ini {allowed} kali dalam {window // 60} menit terakhir" in notice
    assert "detik" in notice and not at.exception
    assert at.session_state["ekspor_paket"] is before, "nothing built"

    english = open_ekspor(lang="en")
    for _ in range(allowed + 1):
        choose(english, ["tren_total"], ["csv"], build="Build ZIP")
    assert "Thank you for your patience" in waiting_notices(english)


@pytest.mark.browser
def test_a_chart_without_data_for_the_year_is_left_out_with_the_reason():
    at = choose(open_ekspor(), ["capaian_blok", "peta_petak"], ["csv"], tahun=2019)
    files = zip_contents(at)
    assert list(files) == ["README.txt", "capaian_blok.csv"]
    errors = " ".join(e.value for e in at.error)
    assert "Peta petak" in errors and "Tahun 2019 tidak ada" in errors


@pytest.mark.browser
def test_nothing_chosen_says_so():
    at = choose(open_ekspor(), [], ["csv"])
    assert "ekspor_paket" not in at.session_state
    assert any("Pilih sedikitnya satu grafik" in e.value for e in at.error)


@pytest.mark.browser
def test_bad_logo_is_an_error_message_not_a_crash(tmp_path, monkeypatch):
    logo = tmp_path / "logo.txt"
    logo.write_text("bukan gambar")
    monkeypatch.setenv("KLA_LOGO", str(logo))
    at = choose(open_ekspor(), ["tren_total"], ["png"])
    assert any("tidak didukung" in e.value for e in at.error)
    assert "ekspor_paket" not in at.session_state


@pytest.mark.browser
def test_with_boundaries_the_kelurahan_map_is_offered_and_packed(shared_geo, empty_geo_dir):
    install(shared_geo / "balikpapan_kelurahan.geojson", empty_geo_dir, attribution="© 2024 Cahya DSN, MIT")
    at = open_ekspor()
    assert "peta_kelurahan" in at.multiselect(key="ekspor_grafik").value
    assert "belum tersedia" not in texts(at)
    at = choose(at, ["peta_kelurahan"], ["csv"], metrik="K3")
    files = zip_contents(at)
    assert list(files) == ["README.txt", "peta_kelurahan.csv"]
    assert "Cahya DSN" in files["README.txt"].decode("utf-8-sig")  # the boundaries' attribution


@pytest.mark.browser
def test_english_page():
    at = open_ekspor(lang="en")
    assert at.title[0].value == "Export a media kit"
    assert [b.label for b in at.button] == ["Build ZIP"]
    assert "Export a media kit" in at.title[0].value


# --- the "Unduh" menu under every chart ------------------------------------------------------------


def open_ringkasan() -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_every_chart_has_an_unduh_menu_with_six_lazy_buttons():
    at = open_ringkasan()
    labels = [m.proto.popover.label for m in at.get("popover")]
    assert labels.count("Unduh") == 2  # one per chart; the others are Bagikan (page and charts)
    assert set(labels) == {"Unduh", "Bagikan"}
    buttons = at.get("download_button")
    labels = [b.proto.label for b in buttons]
    assert labels == ["PNG", "SVG", "PDF", "CSV", "CSV Excel (;)", "Excel"] * 2
    keys = [b.proto.id for b in buttons]
    assert len(set(keys)) == len(keys)
    assert all("tren_total" in k for k in keys[:6]) and all("capaian_blok" in k for k in keys[6:])
    # Nothing rendered while the page runs: AppTest has no media store, so a callable leaves the URL empty.
    assert all(b.proto.url == "" for b in buttons)
    size = at.selectbox(key="unduh_ukuran_tren_total")
    assert size.value == "lanskap" and "1.350 piksel" in texts(at)
    size.set_value("cerita").run()
    assert "2.160 × 3.840 piksel" in texts(at)
    assert not at.exception


def test_unduh_menu_with_a_bad_logo_disables_images_and_says_why(tmp_path, monkeypatch):
    logo = tmp_path / "logo.gif"
    logo.write_bytes(b"GIF89a")
    monkeypatch.setenv("KLA_LOGO", str(logo))
    at = open_ringkasan()
    assert "'.gif' tidak didukung" in texts(at)
    disabled = {b.proto.label: b.proto.disabled for b in at.get("download_button")[:6]}
    assert disabled == {"PNG": True, "SVG": True, "PDF": True, "CSV": False, "CSV Excel (;)": False, "Excel": False}


# --- plain helpers ---------------------------------------------------------------------------------


def test_format_size_in_indonesian():
    assert unduh.format_size(850_400) == "850 kB"
    assert unduh.format_size(2_449_000) == "2,4 MB"
    assert unduh.format_size(2_449_000, "en") == "2.4 MB"
    assert unduh.format_size(12) == "1 kB"


def test_plan_lists_images_per_size_and_data_once():
    chart = charts.Chart("uji", None, None, "", "", "", "")
    files = unduh.plan([chart], [PRESETS["lanskap"], PRESETS["a4"]], ["csv", "png"])
    assert [(fmt, size.name) for _, fmt, size in files] == [("csv", "lanskap"), ("png", "lanskap"), ("png", "a4")]
    with pytest.raises(ExportError):
        unduh.plan([chart], [], ["png"])
    assert len(unduh.plan([chart], [], ["xlsx"])) == 1


def test_guard_counts_requests_and_says_why_it_refuses(tmp_path):
    from kla.press_cache import Busy
    from kla.ratelimit import RateLimit, RateLimited

    guard = unduh.Guard(RateLimit(2, 300))
    made = []
    download = guard.wrap(lambda: made.append(1) or b"%PDF")
    assert download() == download() == b"%PDF"
    assert guard.notice("id").startswith("Anda sudah meminta berkas ini 2 kali dalam 5 menit terakhir")
    with pytest.raises(RateLimited):
        download()
    assert made == [1, 1], "a refused request makes nothing"

    def busy() -> bytes:
        raise Busy("penuh")

    other = unduh.Guard(RateLimit(5, 300))
    assert other.notice("en") is None
    with pytest.raises(Busy):
        other.wrap(busy)()
    assert other.notice("en") == ("The server is busy making files for other visitors. "
                                  "Please try again in about a minute.")


@pytest.mark.browser
def test_image_downloads_are_rendered_once_per_figure(tmp_path):
    from kla import catalog
    from kla.loading import load_dataset
    from kla.press_cache import PressCache

    chart = catalog.build("tren_total", catalog.Context(load_dataset(ROOT / "data").dataset))
    cache, stamp, size = PressCache(tmp_path), export.Stamp(dt.date(2026, 11, 23)), PRESETS["lanskap"]
    first = unduh.file_maker(lambda: chart, "svg", size, stamp, cache, "v1")()
    again = unduh.file_maker(lambda: chart, "svg", size, stamp, cache, "v1")()
    assert first == again and first.startswith(b"<svg") and cache.made == 1
    unduh.file_maker(lambda: chart, "svg", size, export.Stamp(dt.date(2026, 11, 24)), cache, "v1")()
    unduh.file_maker(lambda: chart, "png", size, stamp, cache, "v1")()
    assert cache.made == 3, "another export day or format is another file"
    csv = unduh.file_maker(lambda: chart, "csv", size, stamp, cache, "v1")()
    assert csv.decode("utf-8-sig").startswith("Judul,") and cache.made == 3, "data files are not cached"


def test_lazy_chart_is_built_once():
    built = []
    get = unduh._once(lambda: built.append(1) or "chart")
    assert get() == get() == "chart" and built == [1]


def test_zip_name():
    assert unduh.zip_name(dt.date(2026, 11, 23)) == "kla-balikpapan-paket-media-2026-11-23.zip"


def test_logo_problem(tmp_path):
    assert unduh.logo_problem(export.Stamp(dt.date.today())) is None
    assert "tidak dapat dibaca" in unduh.logo_problem(export.Stamp(dt.date.today(), logo=Path(tmp_path / "x.png")))
