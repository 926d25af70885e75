"""Complete English, and Indonesian with no English left (issue 17, item 4).

Every public page is run with AppTest in both languages, every text a visitor sees or hears is
collected (titles, Markdown, captions, notices, metric labels, widget labels, options and help,
tab and expander labels, table columns and cells, and in each plotly figure its titles, axis
titles, tick labels, legend names, hover templates and annotations), and the texts are searched for
telltale words of the other language. The exports and the brief are walked the same way.

Data values that are names stay as they are in both languages: places, organisations,
initiatives, publishers and document titles. They are allowed by removing, before the search,
every value of the data's name columns (read from the data folder, not from the pages' output).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from google.protobuf.json_format import MessageToDict
from streamlit.testing.v1 import AppTest

from tests.test_pages import open_page as pages_open_page

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
PUBLIC_PAGES = ["pages/ringkasan.py", "pages/tren.py", "pages/inisiatif.py", "pages/kegiatan.py", "pages/peta.py",
                "pages/kelurahan.py", "pages/rapat.py", "pages/ekspor.py", "pages/tentang.py"]
# Extra views of a page that only a URL choice shows.
VIEWS = [("pages/tren.py", {"tampilan": "indikator"}), ("pages/tren.py", {"tampilan": "kelurahan"}),
         *[("pages/rapat.py", {"view": v}) for v in ("poin", "kelurahan", "sejak", "tindak")]]
# A staff page without sign-in shows its sign-in prompt, which must be in the page's language too.
STAFF_PAGES = ["pages/kelola_unggah.py", "pages/kelola_riwayat.py"]

# Common interface words of one language that never occur in the other's interface. "kelurahan" and
# "kecamatan" are not among them: the English interface keeps them as the names of Indonesia's two
# administrative levels (as English writing on Indonesia does; "urban village" would mislead).
INDONESIAN = ("dan", "dari", "yang", "untuk", "dengan", "tahun", "skor", "kegiatan", "sumber", "pilih", "semua",
              "jumlah", "belum", "tidak", "atau", "pada", "halaman", "unduh", "grafik", "tabel", "peserta", "kota",
              "inisiatif", "klaster", "capaian", "poin", "dibandingkan", "naik", "turun", "tampilkan", "bulan",
              "menurut", "jenis", "oleh", "tanggal", "di", "ke", "ini", "itu", "baru", "nilai", "peta", "lihat",
              "cari", "ketik", "ringkasan", "tentang", "ekspor", "rapat", "bagikan", "salin", "tautan", "batas",
              "wilayah", "hasil", "ukuran", "sampai", "hingga", "sejak", "terakhir", "terbaru", "menuju", "kategori",
              "indikator", "blok", "kurang", "lebih", "sudah", "masih", "akan", "dapat", "juga", "karena", "sebagai",
              "dalam", "antara", "setiap", "orang", "mitra", "masyarakat", "anak", "dewasa", "rata-rata", "peringkat",
              "tersedia", "kelembagaan", "hak", "pemenuhan", "perlindungan", "khusus", "pendidikan", "kesehatan",
              "lingkungan", "keluarga", "sipil", "kebebasan", "selesai", "berjalan", "rencana", "aktif", "mulai")
ENGLISH = ("the", "and", "of", "with", "from", "score", "year", "years", "source", "sources", "select",
           "activity", "activities", "download", "show", "table", "chart", "page", "sample", "initiative",
           "initiatives", "overview", "trends", "about", "city", "district", "children", "month", "points",
           "target", "per", "by", "for", "this", "press", "clear", "remove", "in", "on", "to", "is", "are", "no",
           "not", "all", "map", "more", "less", "average", "rank", "type", "name", "date", "title", "number",
           "search", "find", "view", "share", "copy", "link", "loading", "error", "please", "enter", "apply",
           "results", "matches", "option", "options", "value", "skip", "content", "help", "close", "open")
# Loanwords and abbreviations that Indonesian uses as they are.
INDONESIAN_USES = {"target", "per", "online", "enter", "CSR", "PDF", "CSV", "PNG", "SVG", "ZIP", "XLSX", "README"}
WORDS = {"en": INDONESIAN, "id": tuple(w for w in ENGLISH if w not in INDONESIAN_USES)}

NAME_COLUMNS = {  # data columns whose values are names, the same in both languages
    "wilayah.csv": ("nama", "alias"),
    "inisiatif.csv": ("nama", "nama_mitra"),
    "kegiatan.csv": ("penyelenggara",),
    "sumber.csv": ("judul", "penerbit", "penerbit_en"),
    "indikator.csv": ("penanggung_jawab",),
}
# Names the code writes itself, not read from a name column: the programme and its bodies.
PROPER_NAMES = ("Kota Layak Anak", "KLA", "Balikpapan", "Gugus Tugas", "DP3AKB", "KemenPPPA", "Forum Anak",
                "Paripurna", "Utama", "Nindya", "Madya", "Pratama", "Kalimantan Timur", "OpenStreetMap",
                "Badan Informasi Geospasial", "BPS", "Dasbor KLA",
                "cahyadsn/wilayah")  # the repository the Kemendagri codes come from (a licence line names it)


def data_names() -> list[str]:
    names: set[str] = set(PROPER_NAMES)
    for file, columns in NAME_COLUMNS.items():
        table = pd.read_csv(DATA / file, dtype=str, keep_default_na=False)
        for column in columns:
            if column in table:
                # aliases are a ';'-separated list
                names.update(n.strip() for v in table[column] for n in v.split(";") if n.strip())
    # longest first, so "Kelurahan Gunung Sari Ulu" goes before "Gunung Sari Ulu"
    return sorted(names, key=len, reverse=True)


def data_values() -> set[str]:
    """Every text cell of the data folder: shown as it is, its English comes from the data (item 4, data side)."""
    values: set[str] = set()
    for file in DATA.glob("*.csv"):
        table = pd.read_csv(file, dtype=str, keep_default_na=False)
        for column in table.columns:
            values.update(v.strip() for v in table[column] if re.search(r"[A-Za-z]{3}", v))
    return values


DATA_VALUES = data_values()
DATA_PATTERN = re.compile("|".join(re.escape(v) for v in sorted(DATA_VALUES, key=len, reverse=True)), re.IGNORECASE)
SOURCE_LINE = re.compile(r"Licen[cs]e:|Lisensi:|^\W*(Sumber|Source)\\?:")


def seen(text: str) -> str:
    """As a person reads it: Markdown escapes and invisible word joiners gone, line breaks as spaces
    (also an SVG label's lines, so "Manggar" + "Baru" reads as the name it is)."""
    text = re.sub(r"<br\s*/?>|</tspan>\s*<tspan\b", " <", text)
    text = re.sub(r"\\(.)", r"\1", text).replace("\u2060", "")
    text = re.sub(r"[\w-]+\.(?:csv|xlsx|png|svg|pdf|txt|zip)\b", " ", text)  # file names are not words
    return re.sub(r"\s+", " ", text)


def split_data(text: str) -> tuple[str, str]:
    """``text`` as (interface part, data part): data values in it (a chart label, a hover line naming an
    activity kind) and source lines get their English from the data and kla/provenance.py, not the interface."""
    flat = seen(text)
    if SOURCE_LINE.search(flat):
        return "", flat
    return DATA_PATTERN.sub(" ", flat), " ".join(DATA_PATTERN.findall(flat))


NAMES = data_names()
NAMES_PATTERN = re.compile("|".join(re.escape(n) for n in NAMES))


# A chart may cut a name over two of its texts ("Attainment per block: Baru" + "Ilir, 2025", a tile's "Manggar"
# + "Baru 2"): a capitalised word of a data name at either end of a text (numbers aside, never before a colon, so
# an untranslated "Sumber:" still counts) is taken as that name's piece.
NAME_WORDS = sorted({w for n in NAMES for w in re.findall(r"\b[A-Z][a-z]{2,}\b", n)}, key=len, reverse=True)
_WORDS = "|".join(NAME_WORDS)
NAME_AT_EDGE = re.compile(rf"^(?:{_WORDS})\b(?!\s*:)|\b(?:{_WORDS})(?=[\s\d.,*]*$)")


def without_names(text: str) -> str:
    return NAMES_PATTERN.sub(" ", text)


def foreign_words(text: str, lang: str) -> list[str]:
    """Telltale words of the other language in ``text`` (data names removed first)."""
    plain = re.sub(r"(?s)<(style|script)\b.*?</\1>", " ", seen(text))
    # markup, plotly and format placeholders, links, code and file names are not words of either language
    plain = re.sub(r"<[^>]+>|\]\([^)]*\)|%\{[^}]*\}|\{[^}]*\}|https?://\S+|`[^`]*`", " ", plain)
    plain = without_names(re.sub(r"\s+", " ", plain)).strip()
    plain = NAME_AT_EDGE.sub(" ", plain)
    words = re.findall(r"[A-Za-z][A-Za-z-]*", plain)
    lower = {w.lower() if not w.isupper() else w for w in words}
    return sorted(lower & set(WORDS[lang]))


# --- what a visitor sees on a page ------------------------------------------------------------------

TEXT_FIELDS = {"label", "body", "help", "options", "placeholder", "value", "delta", "caption", "title",
               "defaultValue", "rawValues"}
SKIP_TYPES = {"Html"}  # page scripts and styles; the visible HTML pieces are checked by their Markdown twin


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def plotly_texts(spec: dict) -> Iterator[str]:
    layout = spec.get("layout", {})
    for key, part in layout.items():
        if not isinstance(part, dict):
            continue
        if key.startswith(("xaxis", "yaxis", "coloraxis")):
            yield from _strings((part.get("title") or {}).get("text"))
            yield from _strings(part.get("ticktext"))
            yield from _strings((part.get("colorbar", {}).get("title") or {}).get("text"))
        if key in ("title", "legend"):
            yield from _strings(part.get("text") or (part.get("title") or {}).get("text"))
    for note in layout.get("annotations", []):
        yield from _strings(note.get("text"))
    for trace in spec.get("data", []):
        if trace.get("showlegend") is not False or trace.get("hoverinfo") != "skip":  # else nowhere to be seen
            yield from _strings(trace.get("name"))
        yield from _strings(trace.get("hovertemplate"))
        yield from _strings(trace.get("text"))
        yield from _strings(trace.get("texttemplate"))
        for axis in ("x", "y"):
            values = trace.get(axis)
            if isinstance(values, list):
                yield from (v for v in _strings(values) if not re.fullmatch(r"[\d\-: .T]+", v))
        yield from _strings(((trace.get("marker") or {}).get("colorbar", {}).get("title") or {}).get("text"))


def _nodes(node) -> Iterator:
    yield node
    children = getattr(node, "children", None)
    if isinstance(children, dict):
        for child in children.values():
            yield from _nodes(child)


def page_texts(at: AppTest) -> list[str]:
    texts: list[str] = []
    for node in _nodes(at._tree):
        kind = type(node).__name__
        proto = getattr(node, "proto", None)
        if proto is None or kind in SKIP_TYPES:
            continue
        if kind == "UnknownElement" and getattr(node, "type", "") == "plotly_chart":
            texts += plotly_texts(json.loads(proto.spec))
            continue
        if kind in ("Dataframe", "Table") or getattr(node, "type", "") in ("arrow_data_frame", "arrow_table"):
            table = node.value
            config = json.loads(getattr(proto, "columns", "") or "{}")  # the header shown is the column's label
            texts += [config.get(str(c), {}).get("label") or str(c) for c in table.columns
                      if not config.get(str(c), {}).get("hidden")]
            texts += [v for column in table.columns if table[column].dtype == object
                      for v in table[column].dropna().astype(str).unique()]
            continue
        try:
            fields = MessageToDict(proto)
        except TypeError:
            continue
        for field in _flat(fields):
            texts += field
    return [t for t in texts if t and t.strip()]


def _flat(fields: dict) -> Iterator[list[str]]:
    for key, value in fields.items():
        if isinstance(value, dict):
            yield from _flat(value)
        elif key in TEXT_FIELDS:
            yield [s for s in _strings(value)]


def open_page(page: str, lang: str, **params: str) -> AppTest:
    return pages_open_page(page, **({"lang": "en"} if lang == "en" else {}), **params)


def findings(texts: list[str], lang: str, part: str = "interface") -> dict[str, list[str]]:
    """Text (shortened to the words around the first find) -> the telltale words in it."""
    found = {}
    for text in texts:
        words = foreign_words(split_data(without_svg_names(text))[0 if part == "interface" else 1], lang)
        if words:
            plain = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", seen(text)))
            at = re.search(rf"\b{re.escape(words[0])}\b", plain, re.IGNORECASE)
            found[plain[max(0, at.start() - 80):at.end() + 40] if at else plain[:160]] = words
    return found


NAMES_TEXT = "\n".join(NAMES)


def without_svg_names(text: str) -> str:
    """A picture's labels are names cut to fit ("Gn. Samarinda" over "Baru", a number under it): a label that
    is part of a data name, numbers aside, is that name."""
    def label(match: re.Match) -> str:
        words = re.sub(r"[\d.,%*+−-]+(?=\s|$)", " ", re.sub(r"<[^>]*>", " ", seen(match.group()))).split()
        return " " if words and " ".join(words) in NAMES_TEXT else match.group()

    return re.sub(r"(?s)<text\b.*?</text>", label, text) if "<svg" in text else text


_SEEN: dict[tuple, list[str]] = {}


def texts_of(page: str, params: dict[str, str], lang: str) -> list[str]:
    """The page's texts, walked once for both tests below."""
    key = (page, tuple(sorted(params.items())), lang)
    if key not in _SEEN:
        _SEEN[key] = page_texts(open_page(page, lang, **params))
    return _SEEN[key]


PAGE_CASES = [(p, {}) for p in PUBLIC_PAGES] + VIEWS + [(p, {}) for p in STAFF_PAGES]

def _case_id(page: str, params: dict[str, str]) -> str:
    return page.split("/")[1].removesuffix(".py") + "".join(f"-{k}={v}" for k, v in params.items())


def _cases() -> list:
    cases = []
    for page, params in PAGE_CASES:
        for lang in ("en", "id"):
            marks = [pytest.mark.browser] if page == "pages/ekspor.py" else []  # it starts the warm Chromium
            cases.append(pytest.param(page, params, lang, marks=marks, id=f"{_case_id(page, params)}-{lang}"))
    return cases


@pytest.mark.parametrize(("page", "params", "lang"), _cases())
def test_page_interface_speaks_one_language(page, params, lang):
    texts = texts_of(page, params, lang)
    assert len(texts) > 3  # the walk found the page's texts (a staff page: its sign-in prompt)
    assert findings(texts, lang) == {}


@pytest.mark.parametrize(("page", "params", "lang"), _cases())
def test_page_data_speaks_one_language(page, params, lang):
    """Category, indicator and activity names and source lines from the data's English columns."""
    assert findings(texts_of(page, params, lang), lang, "data") == {}


# --- the detector itself -----------------------------------------------------------------------------

def test_detector_finds_the_other_language_and_allows_names():
    assert foreign_words("Skor kota dari tahun ke tahun", "en") == ["dari", "ke", "kota", "skor", "tahun"]
    assert foreign_words("Score of the city", "id") == ["city", "of", "score", "the"]
    # a data name with Indonesian words in it is a name, not interface text
    kelurahan = pd.read_csv(DATA / "wilayah.csv", dtype=str).query("tingkat == 'kelurahan'")["nama"].iloc[0]
    assert foreign_words(f"Activities in {kelurahan} by Forum Anak", "en") == []
    # a picture's label is a name cut over lines, with a number under it; other SVG text is still read
    svg = ('<svg><text><tspan class="line">Manggar</tspan><tspan class="line" dy="1.3em">Baru</tspan>'
           '<tspan class="line"><tspan style="font-weight:bold">3</tspan></tspan></text><text>Skor kota</text></svg>')
    assert list(findings([svg], "en").values()) == [["kota", "skor"]]
    # a name's piece at a text's edge is the name; the same word as an untranslated label is not
    assert foreign_words("Attainment per block: Baru", "en") == [] and foreign_words("Baru 2", "en") == []
    assert foreign_words("Sumber: DP3AKB", "en") == ["sumber"] and foreign_words("Data baru", "en") == ["baru"]
    # placeholders and markup are not words
    assert foreign_words("Score {tahun}: %{y:,.1f}", "en") == []


def test_walk_reads_plotly_titles_axes_and_legends():
    spec = {"layout": {"xaxis": {"title": {"text": "Tahun"}, "ticktext": ["Klaster I"]},
                       "annotations": [{"text": "sumber"}], "title": {"text": "Judul"}},
            "data": [{"name": "Skor kota", "hovertemplate": "%{x}: poin", "x": ["2023", "Kota"], "y": [1, 2]}]}
    assert sorted(plotly_texts(spec)) == ["%{x}: poin", "Judul", "Klaster I", "Kota", "Skor kota", "Tahun", "sumber"]


# --- exports and the brief -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def dataset():
    from kla.loading import load_dataset

    result = load_dataset(DATA, cache=False)
    assert result.dataset is not None, result.problems
    return result.dataset


DAY = dt.date(2026, 3, 2)


def export_texts(data, lang: str) -> dict[str, list[str]]:
    """Every text of every export of every catalogue chart in ``lang``: the image (its figure as exported),
    the three data formats, and the ZIP README."""
    from kla import catalog, export

    stamp = export.Stamp(DAY, lang)
    ctx = catalog.Context(data, lang)
    built = [catalog.build(name, ctx) for name in catalog.available(ctx)]
    out: dict[str, list[str]] = {}
    size = export.preset("lanskap")
    for chart in built:
        out[f"{chart.name}.svg"] = list(plotly_texts(export.press_figure(chart, size, stamp).to_plotly_json()))
        for fmt in export.DATA_FORMATS:
            out[export.file_name(chart.name, fmt)] = _file_texts(export.data_bytes(chart, fmt, stamp), fmt)
    files = {export.file_name(c.name, f, size): b"" for c in built for f in export.FORMATS}
    out["README.txt"] = export.readme_text(built, [size], export.FORMATS, stamp, files).splitlines()
    return out


def _file_texts(payload: bytes, fmt: str) -> list[str]:
    if fmt == "xlsx":
        import openpyxl

        book = openpyxl.load_workbook(io.BytesIO(payload))
        return [c.value for sheet in book for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    return [cell for row in csv.reader(io.StringIO(payload.decode("utf-8-sig")), delimiter=";" if "_id" in fmt
                                       else ",") for cell in row]


def brief_texts(data, lang: str) -> list[str]:
    from kla import brief

    html = brief.brief_html(data, start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31), today=DAY, lang=lang,
                            with_map=False)
    html = re.sub(r"(?s)<(style|script)\b.*?</\1>", " ", html)
    return [line.strip() for line in re.sub(r"<[^>]+>", "\n", html).splitlines() if line.strip()]


def _file_findings(texts: dict[str, list[str]], lang: str) -> dict[str, dict[str, list[str]]]:
    return {name: found for name, lines in texts.items()
            if (found := {**findings(lines, lang), **findings(lines, lang, "data")})}


@pytest.mark.parametrize("lang", ["en", "id"])
def test_exports_speak_one_language(dataset, lang):
    assert _file_findings(export_texts(dataset, lang), lang) == {}


@pytest.mark.parametrize("lang", ["en", "id"])
def test_brief_speaks_one_language(dataset, lang):
    texts = brief_texts(dataset, lang)
    assert len(texts) > 20
    assert _file_findings({"brief": texts}, lang) == {}
