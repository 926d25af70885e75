"""kla.textsize: chart texts measured in pixels as the browser draws them, and wrapped to a width."""

from pathlib import Path

import pytest
from PIL import ImageFont

from kla.textsize import plain_lines, text_px, wrap_px

LIBERATION = Path("/usr/share/fonts/truetype/liberation")
SAMPLES = ["Skor KLA Balikpapan per tahun evaluasi",
           "Sumber: DP3AKB Kota Balikpapan (data contoh) · Periode: 2017–2025",
           "Kegiatan per bulan menurut jenis", "iiiiiii WWWWWWW", "Pornografi & darurat (K5-22)"]


@pytest.mark.parametrize("bold", [False, True])
def test_widths_are_those_of_the_font_the_charts_use(bold):
    """Liberation Sans (Arial's metrics) is what Chromium draws the charts in here and in the exports."""
    path = LIBERATION / ("LiberationSans-Bold.ttf" if bold else "LiberationSans-Regular.ttf")
    if not path.exists():
        pytest.skip(f"{path} is not installed")
    font = ImageFont.truetype(str(path), 100)
    for text in SAMPLES:
        assert text_px(text, 22, bold, markup=False) == pytest.approx(font.getlength(text) * 0.22, rel=0.01), text


def test_markup_counts_what_the_reader_sees():
    assert plain_lines("<b>Judul</b><br>baris &amp; dua") == ["Judul", "baris & dua"]
    assert text_px("<b>Judul</b>", 20) == text_px("Judul", 20, bold=True) > text_px("Judul", 20)
    assert text_px("pendek<br>jauh lebih panjang", 14) == text_px("jauh lebih panjang", 14)
    assert text_px("a < b", 14, markup=False) > text_px("a  b", 14, markup=False)
    assert text_px("", 14) == 0


def test_unknown_characters_are_never_under_measured():
    assert text_px("漢", 10) >= text_px("W", 10)
    assert text_px("é", 10) == text_px("e", 10)  # accented letters are as wide as their base letter


def test_wrapping_keeps_every_word_and_stays_in_the_width():
    text = "Total poin 24 indikator (0–1.000) dalam rentang kategori; target peta jalan menuju Paripurna"
    lines = wrap_px(text, 200, 15)
    assert " ".join(lines) == text
    assert len(lines) > 1
    assert all(text_px(line, 15) <= 200 for line in lines)
    # a line is as full as it can be: the next word would not have fitted
    for line, following in zip(lines, lines[1:]):
        assert text_px(f"{line} {following.split()[0]}", 15) > 200


def test_a_word_longer_than_the_width_keeps_its_own_line():
    assert wrap_px("a Pemberdayaan b", 30, 15) == ["a", "Pemberdayaan", "b"]


def test_a_no_break_space_keeps_its_neighbours_on_one_line():
    lines = wrap_px("Sumber: DP3AKB · Periode:\u00a02017–2025", 120, 12)
    assert any(line.endswith("Periode:\u00a02017–2025") for line in lines), lines
