"""Static embed pages (kla.embeds): written at a publication, escaped, versioned, with a moving "terbaru".

The expensive part (every catalogue chart drawn and its PNG rendered on Chromium) runs once per
module: a store whose version 2 names a hostile publisher is published through the store, as the
staff pages and the command line do, and the hook writes the pages.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import os
import re
import struct
import threading
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest

from kla import catalog, charts
from kla.boundaries import PINNED_ATTRIBUTION, install, read_installed
from kla.embeds import assets, hook, layout, page, writer
from kla.loading import VersionInfo, load_dataset
from kla.store import Store
from kla.store.engine import dispose
from tests.conftest import SHARED, tiny_tables, write_tables
from tests.store_fixtures import folder_bytes

HOSTILE = '</script><script>alert("x")</script><img src=x onerror=alert(1)>'
ACTOR = "uji@contoh.id"
WAIT_S = 600


class Elements(HTMLParser):
    """The attributes of every element, the text of <title>, the JSON of the figure, the <noscript> image."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attrs: list[tuple[str, dict[str, str | None]]] = []
        self.title = ""
        self.figure = ""
        self.noscript_images: list[dict[str, str | None]] = []
        self._in: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.attrs.append((tag, attributes))
        if tag == "img" and "noscript" in self._in:
            self.noscript_images.append(attributes)
        if tag not in ("img", "meta", "link", "br"):
            self._in.append(tag if tag != "script" or attributes.get("id") != "kla-figur" else "figur")

    def handle_endtag(self, tag):
        if self._in:
            self._in.pop()

    def handle_data(self, data):
        if self._in and self._in[-1] == "title":
            self.title += data
        if self._in and self._in[-1] == "figur":
            self.figure += data


def parsed(path: Path) -> Elements:
    elements = Elements()
    elements.feed(path.read_text(encoding="utf-8"))
    return elements


def png_size(path: Path) -> tuple[int, int]:
    raw = path.read_bytes()
    assert raw[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} bukan PNG"
    return struct.unpack(">II", raw[16:24])


def hostile_city(folder: Path) -> Path:
    tables = tiny_tables()
    sumber = tables["sumber"]
    sumber["penerbit"] = [HOSTILE if name == "evaluasi_kota" else "" for name in sumber["berkas"]]
    return write_tables(folder, tables)


@dataclasses.dataclass
class Published:
    store: Store
    files: Path
    root: Path
    url: str


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Published:
    """Version 1 imported (no pages: not a publication), version 2 (hostile publisher) published: pages of v2."""
    base = tmp_path_factory.mktemp("sematan")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("KLA_STATE_DIR", str(base / "state"))
        env.setenv("KLA_FILES_DIR", str(base / "publik"))
        env.setenv("KLA_GEO_DIR", str(base / "geo"))  # nothing installed: the kelurahan map is left out
        env.setenv("KLA_EMBEDS", "1")
        env.delenv("KLA_DB_URL", raising=False)
        env.delenv("KLA_PUBLIC_URL", raising=False)
        url = f"sqlite:///{base / 'state' / 'kla.sqlite3'}"
        store = Store.open(url)
        store.ensure_initial(write_tables(base / "v1", tiny_tables()))
        record = store.create_version(folder_bytes(hostile_city(base / "v2")), ACTOR, "penerbit berbahaya", base=1)
        store.publish(record.id, ACTOR, "uji sematan", expected=1)
        assert hook.wait(WAIT_S), "halaman sematan tidak selesai ditulis"
        yield Published(store, base / "publik", base / "publik" / "embed", url)
    dispose(url)


def pages(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.html"))


def test_a_publication_writes_every_catalogue_chart_of_its_version_and_points_latest_at_it(published):
    root = published.root
    assert os.readlink(root / layout.LATEST) == "v2"
    assert layout.latest(root) == 2
    assert layout.versions(root) == [2]  # version 1 was imported at the first start, never published through the store
    expected = {name for name, item in catalog.CATALOG.items() if not item.needs_boundaries}
    assert {p.stem for p in pages(root / "v2")} == expected
    manifest = layout.read_manifest(root / layout.LATEST)
    assert manifest is not None and manifest.version == 2 and manifest.sample
    assert manifest.published.startswith("Data versi 2, diterbitkan ")
    assert {c.name for c in manifest.charts} == expected
    for info in manifest.charts:  # the iframe height the code offers: the dashboard's figure plus the line under it
        assert info.height > page.FOOTER_PX
    assert (root / "terbaru" / "tren_total.html").read_bytes() == (root / "v2" / "tren_total.html").read_bytes()


def test_a_page_names_its_title_version_and_dashboard_page_and_marks_sample_data(published):
    manifest = layout.read_manifest(published.root / "v2")
    for info in manifest.charts:
        path = published.root / "v2" / f"{info.name}.html"
        text = path.read_text(encoding="utf-8")
        elements = parsed(path)
        assert elements.title.strip() == info.title
        links = [a for tag, a in elements.attrs if tag == "a"]
        assert [a["href"] for a in links] == [f"/{writer.PAGE_OF[info.name]}"]
        assert links[0]["target"] == "_blank" and "noopener" in links[0]["rel"]
        assert manifest.published in text  # "Data versi 2, diterbitkan …"
        assert 'class="tanda">DATA CONTOH<' in text
        figure = json.loads(elements.figure)
        footer = next(a for a in figure["layout"]["annotations"] if a.get("name") == "sumber")
        assert "Data versi 2" in footer["text"]


def test_hostile_texts_stay_text_in_written_pages(published):
    for path in pages(published.root / "v2"):
        text = path.read_text(encoding="utf-8")
        assert "<img src=x" not in text and 'alert("x")</script>' not in text, path.name
        assert text.count("<script") == 3, path.name  # plotly.js, the figure's JSON, the drawing: nothing injected
    elements = parsed(published.root / "v2" / "tren_total.html")
    description = next(a["content"] for tag, a in elements.attrs if tag == "meta" and a.get("name") == "description")
    assert HOSTILE in description  # the browser reads it back as the text it was, not as markup


def test_page_escapes_a_hostile_title_and_source_everywhere(tmp_path):
    figure = go.Figure(go.Bar(x=[1], y=[HOSTILE]), layout=dict(title=dict(text=HOSTILE), height=400))
    chart = charts.Chart("tren_total", figure, pd.DataFrame({"x": [1]}), title=HOSTILE, subtitle=HOSTILE,
                         source=f"Sumber: {HOSTILE} · Periode: 2025", period="2025", sample=True)
    parts = page.PageParts(version=HOSTILE, link="/", png="tren_total.png", png_size=(960, 540),
                           assets=assets.Assets("../aset/plotly.js", "../aset/leaflet"))
    html = page.page_html(chart, parts)
    assert "<img" not in html.replace('<img src="tren_total.png"', "")
    assert "</script><script>" not in html
    assert html.count("<script") == 3
    path = tmp_path / "p.html"
    path.write_text(html, encoding="utf-8")
    elements = parsed(path)
    assert elements.title.strip() == HOSTILE
    figure = json.loads(elements.figure)
    assert figure["layout"]["title"]["text"] == HOSTILE and figure["data"][0]["y"] == [HOSTILE]
    assert elements.noscript_images[0]["alt"] == HOSTILE


def test_every_page_has_its_png_inside_noscript(published):
    for path in pages(published.root / "v2"):
        images = parsed(path).noscript_images
        assert len(images) == 1, path.name
        picture = path.parent / images[0]["src"]
        assert picture.is_file(), picture
        assert png_size(picture) == writer.PNG_SIZE.layout_size
        assert picture.stat().st_size < 300_000


def test_plotly_is_one_shared_local_copy_named_by_its_version(published):
    name = f"plotly-{assets.plotly_version()}.min.js"
    for path in pages(published.root / "v2"):
        scripts = [a["src"] for tag, a in parsed(path).attrs if tag == "script" and a.get("src")]
        assert scripts == [f"../aset/{name}"], path.name
        assert (path.parent / scripts[0]).resolve() == (published.root / "aset" / name).resolve()
    assert (published.root / "aset" / name).read_bytes() == assets.plotly_source().read_bytes()


def test_no_page_reaches_outside_its_server(published):
    for path in pages(published.root / "v2"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"https?://|//[a-z0-9]", text.replace("\\/", "/")), path.name
        for tag, attributes in parsed(path).attrs:
            for key in ("src", "href"):
                value = attributes.get(key)
                if value is not None:
                    assert not value.startswith(("http:", "https:", "//", "data:")), (path.name, tag, value)


def test_a_rollback_repoints_latest_and_leaves_every_version_as_it_was(published, monkeypatch):
    monkeypatch.setenv("KLA_FILES_DIR", str(published.files))
    monkeypatch.setenv("KLA_EMBEDS", "1")
    root = published.root
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in (root / "v2").iterdir()}
    published.store.rollback(1, ACTOR, "kembali ke versi 1", expected=2)
    assert hook.wait(WAIT_S)
    assert os.readlink(root / layout.LATEST) == "v1"
    assert layout.versions(root) == [1, 2]
    assert "Data versi 1" in (root / layout.LATEST / "tren_total.html").read_text(encoding="utf-8")
    written_v1 = {p.name: p.stat().st_mtime_ns for p in (root / "v1").iterdir()}
    published.store.rollback(2, ACTOR, "kembali ke versi 2", expected=1)
    assert hook.wait(WAIT_S)
    assert os.readlink(root / layout.LATEST) == "v2"
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in (root / "v2").iterdir()} == before
    assert {p.name: p.stat().st_mtime_ns for p in (root / "v1").iterdir()} == written_v1
    assert sorted(p.name for p in (root / "aset").iterdir() if p.name.startswith("plotly")) == [
        f"plotly-{assets.plotly_version()}.min.js", f"plotly-{assets.plotly_version()}.min.js.gz"]


def _fake_version(root: Path, number: int) -> None:
    folder = layout.version_dir(root, number)
    folder.mkdir(parents=True)
    (folder / "tren_total.html").write_text(f"versi {number}", encoding="utf-8")
    layout.Manifest(number, f"Data versi {number}", False, ()).to_json()
    (folder / layout.MANIFEST).write_text(layout.Manifest(number, f"Data versi {number}", False, ()).to_json())


def test_the_latest_alias_never_goes_missing_while_it_is_swapped(tmp_path):
    for number in (1, 2):
        _fake_version(tmp_path, number)
    layout.point_latest(tmp_path, 1)
    stop, misses, reads = threading.Event(), [], [0]

    def read() -> None:
        while not stop.is_set():
            try:
                text = (tmp_path / "terbaru" / "tren_total.html").read_text(encoding="utf-8")
                assert text in ("versi 1", "versi 2")
                reads[0] += 1
            except OSError as exc:
                misses.append(exc)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for i in range(400):
            layout.point_latest(tmp_path, 1 + i % 2)
    finally:
        stop.set()
        reader.join()
    assert reads[0] > 0 and misses == []
    assert layout.latest(tmp_path) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["terbaru", "v1", "v2"]  # no temporary link left


def test_the_latest_alias_points_only_at_a_finished_version(tmp_path):
    (tmp_path / "v3").mkdir()  # no manifest: a version folder not finished
    with pytest.raises(FileNotFoundError):
        layout.point_latest(tmp_path, 3)
    assert not (tmp_path / "terbaru").exists()


def test_publishing_writes_nothing_when_embeds_are_off(tiny_city, tmp_path, monkeypatch):
    monkeypatch.setenv("KLA_FILES_DIR", str(tmp_path / "publik"))
    monkeypatch.setenv("KLA_EMBEDS", "0")
    store = Store.open()
    store.ensure_initial(tiny_city)
    record = store.create_version(folder_bytes(hostile_city(tmp_path / "v2")), ACTOR, "draf", base=1)
    assert hook.after_publication(store) is None
    store.publish(record.id, ACTOR, "terbit", expected=1)
    assert hook.wait(WAIT_S)
    assert not (tmp_path / "publik").exists()


@pytest.fixture(scope="module")
def real_data():
    """The project's sample data as if it were stored version 7 (no store needed to write pages)."""
    result = load_dataset(Path(__file__).resolve().parents[1] / "data", cache=False)
    assert result.ok, result.problems[:3]
    published_at = dt.datetime(2026, 11, 29, 3, 0, tzinfo=dt.UTC)
    return dataclasses.replace(result.dataset, version=VersionInfo(7, published_at=published_at))


def test_the_kelurahan_map_is_written_when_boundaries_are_installed(real_data, tmp_path):
    geo = tmp_path / "geo"
    install(SHARED / "geo" / "balikpapan_kelurahan.geojson", geo, attribution=PINNED_ATTRIBUTION)
    installed = read_installed(geo)
    written = writer.write_version(real_data, tmp_path / "embed", boundaries=installed.boundaries,
                                   attribution=installed.info.get("attribution"), only=("peta_kelurahan",),
                                   public_url="https://kla.contoh.id")
    assert [c.name for c in written.manifest.charts] == ["peta_kelurahan"] and written.skipped == ()
    elements = parsed(written.folder / "peta_kelurahan.html")
    assert [a["href"] for tag, a in elements.attrs if tag == "a"] == ["https://kla.contoh.id/peta"]
    assert png_size(written.folder / "peta_kelurahan.png") == writer.PNG_SIZE.layout_size
    assert "Data versi 7, diterbitkan 29 November 2026" in written.manifest.published
    assert (tmp_path / "embed" / "aset" / assets.leaflet_name() / "leaflet.js").is_file()


def test_without_boundaries_the_kelurahan_map_is_left_out_with_a_log_line(real_data, tmp_path, caplog):
    with caplog.at_level(logging.INFO, logger="kla.embeds.writer"):
        written = writer.write_version(real_data, tmp_path / "embed", only=("peta_kelurahan", "peta_petak"))
    assert [c.name for c in written.manifest.charts] == ["peta_petak"]
    assert written.skipped == ("peta_kelurahan",)
    assert any("peta_kelurahan" in r.getMessage() and "batas" in r.getMessage() for r in caplog.records)
    again = writer.write_version(real_data, tmp_path / "embed")  # a version is written once, never changed
    assert again.seconds == 0 and [c.name for c in again.manifest.charts] == ["peta_petak"]
