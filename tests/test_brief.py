"""kla.brief: the one-page A4 meeting brief, printed by the warm Chromium of kla.render, read back with pypdf."""

from __future__ import annotations

import datetime as dt
import html
import io
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from pypdf import PdfReader

from kla import brief, meeting, render
from kla.i18n import format_number
from kla.loading import load_dataset
from tests.conftest import tiny_tables, write_tables

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    return load_dataset(write_tables(tmp_path_factory.mktemp("kota") / "data", tiny_tables())).dataset


def pdf_text(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))


@pytest.mark.browser
def test_brief_is_one_a4_page_with_the_numbers_of_the_page(city):
    pdf = brief.brief_pdf(city, today=dt.date(2026, 11, 23))
    assert pdf.startswith(b"%PDF")
    pages, text = pdf_text(pdf)
    assert pages == 1
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (210, 297)
    pos = meeting.position(city)
    assert format_number(pos.skor, 1) in text  # "880,0"
    assert "Utama" in text
    assert f"Kurang ke Paripurna (901) {format_number(pos.ke_paripurna, 1)}" in text  # "21,0"
    assert "K5-21" in text and "902,5" in text, "top shortfall and the projected total it gives"
    assert "Sejak rapat terakhir: 5 Maret 2025 – 5 Maret 2025" in text
    assert "DATA CONTOH" in text


def child_processes() -> set[int]:
    """Processes whose parent is this test process (from /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == os.getpid():
                found.add(int(entry.name))
        except (OSError, IndexError, ValueError):
            continue  # the process ended while we looked
    return found


@pytest.mark.browser
def test_brief_prints_on_the_warm_chromium_and_starts_none_of_its_own(city):
    render.shared().start()
    before, seen, done = child_processes(), set(), threading.Event()

    def watch() -> None:
        while not done.is_set():
            seen.update(child_processes())
            done.wait(0.02)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        pdfs = [brief.brief_pdf(city, today=dt.date(2026, 11, 23)) for _ in range(3)]
    finally:
        done.set()
        watcher.join()
    assert all(pdf.startswith(b"%PDF") for pdf in pdfs)
    assert seen == before, "a Chromium started for the brief (a fresh one per PDF is what this module must not do)"
    assert render.shared().alive()


def test_brief_window_and_escaping(city, tmp_path):
    tables = tiny_tables()
    tables["wilayah"].loc[tables["wilayah"]["kode"] == "64.71.05.1010", "nama"] = "<b>Nangka</b> & co"
    data = load_dataset(write_tables(tmp_path / "data", tables)).dataset
    html = brief.brief_html(data, start=dt.date(2025, 1, 15), end=dt.date(2025, 2, 20), today=dt.date(2026, 11, 23),
                            with_map=False)
    assert "&lt;b&gt;Nangka&lt;/b&gt; &amp; co" in html and "<b>Nangka</b>" not in html
    assert "3 kegiatan, 100 anak dan 45 dewasa terjangkau" in html


@pytest.mark.browser
def test_brief_command_writes_the_pdf(tiny_city, tmp_path):
    import os

    out = tmp_path / "brief.pdf"
    result = subprocess.run([sys.executable, "-m", "kla", "brief", "--out", str(out), "--since", "2025-01-15"],
                            cwd=ROOT, capture_output=True, text=True, timeout=180,
                            env={**os.environ, "KLA_DATA_DIR": str(tiny_city)})
    assert result.returncode == 0, result.stderr
    pages, text = pdf_text(out.read_bytes())
    assert pages == 1 and "15 Januari 2025 – 5 Maret 2025" in text
    assert "peta petak" in result.stdout, "no boundaries installed in tests: the tile map stands in"


def test_brief_command_refuses_a_bad_date(tmp_path):
    result = subprocess.run([sys.executable, "-m", "kla", "brief", "--out", str(tmp_path / "x.pdf"), "--since", "2/11"],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "YYYY-MM-DD" in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_brief_escapes_each_data_text_exactly_once(tmp_path):
    name = """<script>alert("x")</script> & 'co'"""
    tables = tiny_tables()
    tables["wilayah"].loc[tables["wilayah"]["kode"] == "64.71.05.1010", "nama"] = name
    data = load_dataset(write_tables(tmp_path / "data", tables)).dataset
    page = brief.brief_html(data, start=dt.date(2025, 1, 15), end=dt.date(2025, 2, 20), today=dt.date(2026, 11, 23),
                            with_map=False)
    assert "<script" not in page and "&amp;lt;" not in page and "&amp;amp;" not in page
    lowest = re.search(r"Terendah:</b> (.*?) \(\d", page)
    assert lowest, page
    shown = lowest.group(1)
    assert '"' not in shown and "'" not in shown and "<" not in shown
    assert html.unescape(shown) == name, "escaped once: one unescape gives the name back, not its escaped form"


def test_brief_template_autoescapes_and_marks_no_data_safe():
    source = (ROOT / "kla" / "templates" / "brief.html.j2").read_text(encoding="utf-8")
    assert not re.search(r"\|\s*safe\b", source), "a |safe filter would print a data text unescaped"
    assert brief.template().environment.autoescape is True
    code = (ROOT / "kla" / "brief.py").read_text(encoding="utf-8")
    assert not re.search(r"escape_html|html\.escape|\besc\(", code), "no manual escaping left in kla/brief.py"


def test_brief_in_english_names_indicators_and_activity_types_in_english():
    data = load_dataset(ROOT / "data", cache=False).dataset
    page = brief.brief_html(data, start=dt.date(2026, 10, 1), end=dt.date(2026, 11, 15), today=dt.date(2026, 11, 20),
                            lang="en", with_map=False)
    text = html.unescape(re.sub(r"\s+", " ", re.sub(r"<style>.*?</style>|<[^>]+>", " ", page, flags=re.S)))
    english_labels = set(data.indikator["nama_singkat_en"])
    shown_labels = re.findall(r"<td>(?:KL|K\d)-\d\d</td><td>(.*?)</td>", page)
    assert len(shown_labels) == brief.TOP and {html.unescape(s) for s in shown_labels} <= english_labels
    assert "1 October 2026 – 15 November 2026" in text
    for indonesian in ("sosialisasi KIE", "forum anak", "kunjungan lapangan", "Klaster", "Oktober", "data contoh"):
        assert indonesian not in text, indonesian
    assert "awareness session" in text and "children's forum" in text
    assert re.search(r"\b\d,\d{3}\b", text), "English thousands separator"
    indonesian_page = brief.brief_html(data, start=dt.date(2026, 10, 1), end=dt.date(2026, 11, 15),
                                       today=dt.date(2026, 11, 20), lang="id", with_map=False)
    assert "sosialisasi KIE" in indonesian_page and "awareness session" not in indonesian_page
