"""kla.presskit: the one way a press kit is built, for the ekspor page and for ``python -m kla export``."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest

from kla import catalog, cli, presskit
from kla.export import PRESETS, ExportError, Stamp
from kla.loading import load_dataset
from kla.press_cache import PressCache
from kla.store import published_dataset

DAY = dt.date(2026, 11, 23)
LANSKAP, A4 = PRESETS["lanskap"], PRESETS["a4"]


@pytest.fixture
def ctx(tiny_city):
    return catalog.Context(load_dataset(tiny_city).dataset)


def test_plan_lists_images_at_every_size_and_data_once_per_chart(ctx):
    trend, blocks = catalog.build("tren_total", ctx), catalog.build("capaian_blok", ctx)
    files = [(chart.name, fmt, size.name) for chart, fmt, size in
             presskit.plan([trend, blocks], [LANSKAP, A4], ["png", "csv", "svg", "png"])]
    assert files == [("tren_total", "png", "lanskap"), ("tren_total", "png", "a4"), ("tren_total", "csv", "lanskap"),
                     ("tren_total", "svg", "lanskap"), ("tren_total", "svg", "a4"),
                     ("capaian_blok", "png", "lanskap"), ("capaian_blok", "png", "a4"),
                     ("capaian_blok", "csv", "lanskap"),
                     ("capaian_blok", "svg", "lanskap"), ("capaian_blok", "svg", "a4")]
    with pytest.raises(ExportError, match="sedikitnya satu ukuran"):
        presskit.plan([trend], [], ["png"])
    with pytest.raises(ExportError, match="'bmp' tidak dikenal"):
        presskit.plan([trend], [LANSKAP], ["bmp"])


def test_pack_kit_skips_what_cannot_be_made_and_says_why(ctx):
    steps = []
    packed, meta = presskit.pack_kit(["tren_total", "peta_kelurahan"], ctx, [LANSKAP], ["csv", "xlsx"], Stamp(DAY),
                                     progress=lambda done, text: steps.append(done))
    with zipfile.ZipFile(io.BytesIO(packed)) as archive:
        names = archive.namelist()
        readme = archive.read("README.txt").decode("utf-8-sig")
    assert names == ["README.txt", "tren_total.csv", "tren_total.xlsx"] == meta["berkas"]
    assert meta["nama"] == "kla-balikpapan-paket-media-2026-11-23.zip" and meta["grafik"] == 1
    assert [label for label, _ in meta["dilewati"]] == [catalog.entry("peta_kelurahan").label("id")]
    assert "tren_total.csv" in readme
    assert steps == sorted(steps) and steps[-1] == 1.0, "progress only moves forward and ends full"


def test_pack_kit_refuses_an_empty_kit(ctx):
    with pytest.raises(ExportError):
        presskit.pack_kit([], ctx, [LANSKAP], ["csv"], Stamp(DAY))


def test_build_kit_is_made_once_per_choice(ctx, tmp_path):
    cache = PressCache(tmp_path)
    kit = presskit.build_kit(cache, ["tren_total"], ctx, [LANSKAP], ["csv"], Stamp(DAY))
    again = presskit.build_kit(cache, ["tren_total"], ctx, [LANSKAP], ["csv"], Stamp(DAY))
    other = presskit.build_kit(cache, ["tren_total"], ctx, [LANSKAP], ["xlsx"], Stamp(DAY))
    assert cache.made == 2 and again.path == kit.path != other.path
    assert kit.files == ["README.txt", "tren_total.csv"] and kit.read()[:2] == b"PK"


def test_the_cli_and_the_page_pack_the_same_kit(tiny_city, tmp_path, monkeypatch):
    monkeypatch.setenv("KLA_DATA_DIR", str(tiny_city))
    out = tmp_path / "kit"
    charts = ["tren_total", "capaian_blok"]
    command = ["export", "--chart", charts[0], "--chart", charts[1], "--format", "csv", "--format", "xlsx", "--zip",
               "--out", str(out)]
    assert cli.main(command) == 0
    (cli_zip,) = out.glob("*.zip")
    assert cli_zip.name == presskit.zip_name(dt.date.today())
    published = catalog.Context(published_dataset().dataset)  # the version the page shows, as the CLI reads it
    page_zip, _ = presskit.pack_kit(charts, published, [LANSKAP], ["csv", "xlsx"], presskit.today_stamp("id"))
    with zipfile.ZipFile(cli_zip) as from_cli, zipfile.ZipFile(io.BytesIO(page_zip)) as from_page:
        assert sorted(from_cli.namelist()) == sorted(from_page.namelist())
        assert from_cli.read("README.txt") == from_page.read("README.txt")
        assert from_cli.read("tren_total.csv") == from_page.read("tren_total.csv")
