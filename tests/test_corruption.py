"""Corrupt data folders, generated from the schema: loading survives every one and is never fooled.

Each case starts from a valid folder (the tiny city of ``tests/conftest.py`` or the committed
``data/``), corrupts one data file in a way the schema knows about (columns dropped, repeated or
renamed; wrong types, out-of-range and huge values; empty, header-only, truncated or random files;
other encodings and separators; NUL bytes and a byte-order mark mid-file; repeated keys; dates in
the year 9999; very long text; rows missing or contradicting another file; a FIFO, ``/dev/zero``,
a folder or a huge file in its place; broken workbooks) and loads it. Every case must:

- return from :func:`kla.loading.load_dataset` without raising, within :data:`HANG_LIMIT_S`
  (a thread timeout: a hang fails the case, speed is not measured);
- leave the folder exactly as it was (names, kinds and bytes of every entry);
- never need the safety nets (a problem saying a check or a read could not finish is a bug);
- when the corruption must be rejected: return no dataset and a problem naming the file;
  when it must be read (another encoding, separator, column order, a workbook): load cleanly.

``python -m kla validate`` runs as a subprocess on folders with every file corrupted: exit 1 and
no traceback. The counts of cases tried, rejected and accepted are printed by the last test
(``pytest -s`` or ``-rA`` shows them).
"""

from __future__ import annotations

import codecs
import csv
import functools
import hashlib
import io
import os
import subprocess
import sys
import tempfile
import threading
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from kla.checks import CHECK_FAILED
from kla.loading import READ_FAILED, LoadResult, load_dataset
from kla.safe_read import MAX_FILE_BYTES
from kla.schema import FILES, FileSpec
from kla.scoring import CATEGORIES
from tests.conftest import tiny_tables, write_tables

ROOT = Path(__file__).resolve().parents[1]
BASES = ("kota_kecil", "data")
HANG_LIMIT_S = 120.0  # far above any load of these folders (under a second): only a hang reaches it
EXAMPLES_PER_FILE = 20  # x 9 files = 180 cases
# derandomize: the same cases on every run (stable CI); generate only: a failure is reported as
# drawn (every draw is printed), without minutes of shrinking subprocesses and folders.
CORRUPTION_SETTINGS = settings(
    max_examples=EXAMPLES_PER_FILE, derandomize=True, database=None, deadline=None, phases=[Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

COUNTS: Counter[str] = Counter()
KINDS_SEEN: dict[str, set[str]] = {}


# --- the valid folders every case starts from --------------------------------------------------------


@functools.cache
def base_files(base: str) -> dict[str, bytes]:
    if base == "data":
        return {name: (ROOT / "data" / f"{name}.csv").read_bytes() for name in FILES}
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_tables(Path(tmp), tiny_tables())
        return {name: (folder / f"{name}.csv").read_bytes() for name in FILES}


@functools.cache
def base_table(base: str, name: str) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(base_files(base)[name]), dtype=str, keep_default_na=False)


def rows_of(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8"), newline="")))


def csv_of(rows: list[list[str]], delimiter: str = ",") -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8")


@dataclass
class Target:
    """The file being corrupted, in a folder of its own."""

    folder: Path
    name: str
    base: str
    expected_cell: tuple[str, int, str] | None = None  # column, row index, value an accepted file must keep

    @property
    def spec(self) -> FileSpec:
        return FILES[self.name]

    @property
    def path(self) -> Path:
        return self.folder / f"{self.name}.csv"

    @property
    def content(self) -> bytes:
        return base_files(self.base)[self.name]

    @property
    def rows(self) -> list[list[str]]:
        return rows_of(self.content)

    def columns(self, keep: Callable = lambda c: True) -> list[str]:
        header = self.rows[0]
        return [c.name for c in self.spec.columns if c.name in header and keep(c)]

    def write(self, data: bytes) -> None:
        self.path.write_bytes(data)

    def replace(self) -> Path:
        """Remove the CSV and return its path, for something else to take its place."""
        self.path.unlink()
        return self.path


Draw = Callable[[st.SearchStrategy], object]


def data_row(draw: Draw, rows: list[list[str]]) -> int:
    return draw(st.integers(1, len(rows) - 1))


def set_cell(draw: Draw, t: Target, column: str, value: str) -> None:
    rows = t.rows
    rows[data_row(draw, rows)][rows[0].index(column)] = value
    t.write(csv_of(rows))


# --- corruptions -----------------------------------------------------------------------------------------


def drop_required_column(draw: Draw, t: Target) -> None:
    i = t.rows[0].index(draw(st.sampled_from(t.columns(lambda c: c.required))))
    t.write(csv_of([row[:i] + row[i + 1:] for row in t.rows]))


def repeat_column(draw: Draw, t: Target) -> None:
    i = t.rows[0].index(draw(st.sampled_from(t.columns())))
    t.write(csv_of([row + [row[i]] for row in t.rows]))


def rename_required_column(draw: Draw, t: Target) -> None:
    rows = t.rows
    i = rows[0].index(draw(st.sampled_from(t.columns(lambda c: c.required))))
    rows[0][i] = draw(st.sampled_from(["{}_lama", "{}x", "x{}", "{} 2"])).format(rows[0][i])
    t.write(csv_of(rows))


def wrong_type(draw: Draw, t: Target) -> None:
    column = draw(st.sampled_from(t.columns(lambda c: not c.free_text)))
    set_cell(draw, t, column, "x" + draw(st.text(alphabet="abcdefghij?!#/.,", max_size=12)))  # no value starts with x


def out_of_range(draw: Draw, t: Target) -> None:
    col = t.spec.column(draw(st.sampled_from(t.columns(lambda c: c.min is not None))))
    above = draw(st.booleans())
    if col.kind == "date":
        year = draw(st.integers(int(col.max) + 1, 9999) if above else st.integers(1000, int(col.min) - 1))
        value = f"{year:04d}-06-15"
    elif col.kind == "int":
        value = str(int(col.max) + draw(st.integers(1, 10**6)) if above else int(col.min) - draw(st.integers(1, 10**6)))
    else:
        delta = draw(st.sampled_from([0.5, 1, 7.25, 1000, 1e6]))
        value = repr(col.max + delta if above else col.min - delta)
    set_cell(draw, t, col.name, value)


def huge_number(draw: Draw, t: Target) -> None:
    column = draw(st.sampled_from(t.columns(lambda c: c.kind in ("int", "float"))))
    huge = draw(st.sampled_from(["1e400", "-1e400", "9" * 25, "-" + "9" * 25, "18446744073709551616", "inf", "NaN",
                                 "9" * 5000]))
    set_cell(draw, t, column, huge)


def empty_file(draw: Draw, t: Target) -> None:
    t.write(draw(st.sampled_from([b"", b"\n", codecs.BOM_UTF8, b"  \r\n\r\n", codecs.BOM_UTF16_LE])))


def header_only(draw: Draw, t: Target) -> None:
    t.write(csv_of(t.rows[:1]) if draw(st.booleans()) else csv_of(t.rows[:1]).rstrip(b"\n"))


def truncate(draw: Draw, t: Target) -> None:
    t.write(t.content[: draw(st.integers(1, len(t.content) - 1))])


def random_bytes(draw: Draw, t: Target) -> None:
    t.write(draw(st.binary(max_size=4096)))


NON_ASCII = "Café – “Anak” ’25 ñ"  # every character exists in Windows-1252


def other_encoding(draw: Draw, t: Target) -> None:
    rows = t.rows
    text_columns = t.columns(lambda c: c.free_text and c.max_length >= len(NON_ASCII))
    if text_columns:  # a non-ASCII cell shows whether the encoding was really understood
        column = draw(st.sampled_from(text_columns))
        r = data_row(draw, rows)
        rows[r][rows[0].index(column)] = NON_ASCII
        t.expected_cell = (column, r - 1, NON_ASCII)
    form = draw(st.sampled_from(["cp1252", "utf-16", "utf-8-sig", "semicolon", "excel-unicode-text", "crlf"]))
    text = csv_of(rows, delimiter=";" if form == "semicolon" else "\t"
                  if form == "excel-unicode-text" else ",").decode()
    encoded = {"cp1252": lambda: text.encode("cp1252"), "utf-16": lambda: text.encode("utf-16"),
               "utf-8-sig": lambda: codecs.BOM_UTF8 + text.encode(), "semicolon": lambda: text.encode(),
               "excel-unicode-text": lambda: text.encode("utf-16"),
               "crlf": lambda: text.replace("\n", "\r\n").encode()}[form]()
    t.write(encoded)


def reorder_and_add_columns(draw: Draw, t: Target) -> None:
    rows = t.rows
    order = draw(st.permutations(range(len(rows[0]))))
    extra = draw(st.booleans())
    t.write(csv_of([[row[i] for i in order] + (["catatan" if n == 0 else "bebas"] if extra else [])
                    for n, row in enumerate(rows)]))


def as_workbook(draw: Draw, t: Target) -> None:
    table = pd.DataFrame(t.rows[1:], columns=t.rows[0])
    table.to_excel(t.replace().with_suffix(".xlsx"), index=False)


def bad_encoding(draw: Draw, t: Target) -> None:
    at = draw(st.integers(0, len(t.content)))
    t.write(t.content[:at] + draw(st.sampled_from([b"\x81", b"\x8d\x90", b"\x9d"])) + t.content[at:])


def repeated_row(draw: Draw, t: Target) -> None:
    rows = t.rows
    copy = rows[data_row(draw, rows)]
    rows.insert(draw(st.integers(1, len(rows))), list(copy))
    t.write(csv_of(rows))


def far_future_date(draw: Draw, t: Target) -> None:
    column = draw(st.sampled_from(t.columns(lambda c: c.kind == "date")))
    set_cell(draw, t, column, draw(st.sampled_from(["9999-12-31", "31/12/9999", "2999-01-01"])))


def long_text(draw: Draw, t: Target) -> None:
    col = t.spec.column(draw(st.sampled_from(t.columns(lambda c: c.free_text))))
    extra = draw(st.sampled_from([1, 17, 5000, 2_000_000]))
    set_cell(draw, t, col.name, "a" * (col.max_length + extra))


def nul_byte(draw: Draw, t: Target) -> None:
    at = draw(st.integers(0, len(t.content)))
    t.write(t.content[:at] + b"\x00" + t.content[at:])


def bom_in_the_middle(draw: Draw, t: Target) -> None:
    text = t.content.decode("utf-8")
    at = draw(st.integers(1, len(text)))
    t.write((text[:at] + "\ufeff" + text[at:]).encode("utf-8"))


def mixed_separators(draw: Draw, t: Target) -> None:
    rows = t.rows
    r = data_row(draw, rows)
    lines = csv_of(rows).decode().splitlines(keepends=True)
    lines[r] = csv_of([rows[r]], delimiter=";").decode()
    t.write("".join(lines).encode())


def drop_row(draw: Draw, t: Target) -> None:
    rows = t.rows
    del rows[data_row(draw, rows)]
    t.write(csv_of(rows))


def contradiction(draw: Draw, t: Target) -> None:
    """A row that each file's own rules accept but another file (or another row) contradicts."""
    rows, name = t.rows, t.name
    header = rows[0]
    r = data_row(draw, rows)
    row = rows[r]

    def cell(column: str) -> str:
        return row[header.index(column)]

    def put(column: str, value: str) -> None:
        row[header.index(column)] = value

    indikator = base_table(t.base, "indikator")
    max_poin = dict(zip(indikator["kode"], indikator["max_poin"].astype(float)))
    block_max = indikator.assign(m=indikator["max_poin"].astype(float)).groupby("blok")["m"].sum()
    delta = draw(st.sampled_from([0.5, 1.0, 12.0]))
    if name == "indikator":
        other = draw(st.sampled_from([i for i in range(1, len(rows)) if i != r]))
        put("nomor", rows[other][header.index("nomor")])  # two indicators with one number
    elif name == "evaluasi_kota":
        put("poin", f"{max_poin[cell('kode_indikator')] + delta:g}")  # above the indicator's maximum
    elif name == "skor_kelurahan":
        put("poin", f"{block_max[cell('blok')] + delta:g}")  # above the block's maximum
    elif name == "kategori_resmi":
        r = draw(st.sampled_from([i for i in range(1, len(rows)) if rows[i][header.index("kategori")]]))
        row = rows[r]
        band = next(c for c in CATEGORIES if c.name == cell("kategori"))
        put("skor_dilaporkan", f"{band.low - delta:g}")  # a score below its category's band
    elif name == "inisiatif":
        if draw(st.booleans()):
            put("kode_kelurahan", "64.71.01.9999")  # well formed, not a Balikpapan kelurahan
        else:
            start = pd.Timestamp(cell("tanggal_mulai"))
            put("tanggal_selesai", (start - pd.Timedelta(days=int(delta) + 1)).strftime("%Y-%m-%d"))
    elif name == "kegiatan":
        column = draw(st.sampled_from(["id_inisiatif", "kode_kelurahan"]))
        put(column, "INI-9999" if column == "id_inisiatif" else "64.71.01.9999")
    elif name == "peta_jalan":
        r = draw(st.sampled_from([i for i in range(1, len(rows)) if rows[i][header.index("blok")] != "TOTAL"]))
        row = rows[r]
        put("target_poin", f"{float(cell('target_poin')) - delta:g}")  # blocks no longer add up to TOTAL
    elif name == "wilayah":
        kecamatan = [x[0] for x in rows[1:] if x[header.index("tingkat")] == "kecamatan"]
        r = draw(st.sampled_from([i for i in range(1, len(rows)) if rows[i][header.index("tingkat")] == "kelurahan"]))
        row = rows[r]
        put("kode_induk", next(k for k in kecamatan if k != cell("kode_induk")))  # code and parent disagree
    elif name == "sumber":
        other = draw(st.sampled_from([i for i in range(1, len(rows)) if i != r]))
        put("berkas", rows[other][header.index("berkas")])  # one file twice, another without a source
    rows[r] = row
    t.write(csv_of(rows))


def special_file(draw: Draw, t: Target) -> None:
    path = t.replace()
    kind = draw(st.sampled_from(["fifo", "dev-zero", "folder", "huge", "dangling-link"]))
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "folder":
        path.mkdir()
    elif kind == "huge":
        with open(path, "wb") as f:
            f.truncate(MAX_FILE_BYTES + draw(st.integers(1, 10**9)))  # sparse: nothing written, nothing to read
    else:
        path.symlink_to(t.folder / "tidak-ada.csv")


def broken_workbook(draw: Draw, t: Target) -> None:
    path = t.replace().with_suffix(".xlsx")
    whole = io.BytesIO()
    pd.DataFrame(t.rows[1:], columns=t.rows[0]).to_excel(whole, index=False)
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as z:
        z.writestr("catatan.txt", "bukan buku kerja")
    choice = draw(st.sampled_from(["random", "truncated", "zip-not-xlsx", "csv-named-xlsx"]))
    path.write_bytes({
        "random": lambda: draw(st.binary(min_size=1, max_size=4096)),
        "truncated": lambda: whole.getvalue()[: draw(st.integers(1, len(whole.getvalue()) - 1))],
        "zip-not-xlsx": zipped.getvalue,
        "csv-named-xlsx": lambda: t.content,
    }[choice]())


def missing_file(draw: Draw, t: Target) -> None:
    t.replace()


@dataclass(frozen=True)
class Kind:
    """A corruption and what loading must make of it.

    ``expect``: "reject" (no dataset, a problem naming the file), "reject-anywhere" (no dataset,
    the problem may name the file that refers to what went missing), "accept" (loads cleanly),
    "any" (may load: a truncation at a line end is still a valid file). ``words``: text the
    file's problem must contain.
    """

    apply: Callable[[Draw, Target], None]
    expect: str
    applies: Callable[[FileSpec], bool] = lambda spec: True
    words: str | None = None
    reject_for: frozenset[str] = field(default_factory=frozenset)  # files for which "any" becomes "reject-anywhere"

    @property
    def name(self) -> str:
        return self.apply.__name__

    def expectation(self, file: str) -> str:
        return "reject-anywhere" if file in self.reject_for else self.expect


def _has(test: Callable) -> Callable[[FileSpec], bool]:
    return lambda spec: any(test(c) for c in spec.columns)


KINDS: tuple[Kind, ...] = (
    Kind(drop_required_column, "reject"),
    Kind(repeat_column, "reject", words="kali"),
    Kind(rename_required_column, "reject"),
    Kind(wrong_type, "reject"),
    Kind(out_of_range, "reject", _has(lambda c: c.min is not None)),
    Kind(huge_number, "reject", _has(lambda c: c.kind in ("int", "float"))),
    Kind(empty_file, "reject", words="kosong"),
    Kind(header_only, "reject", words="baris judul"),
    Kind(truncate, "any"),
    Kind(random_bytes, "reject"),
    Kind(other_encoding, "accept"),
    Kind(reorder_and_add_columns, "accept"),
    Kind(as_workbook, "accept"),
    Kind(bad_encoding, "reject", words="CSV UTF-8 (Comma delimited)"),
    Kind(repeated_row, "reject", words="unik"),
    Kind(far_future_date, "reject", _has(lambda c: c.kind == "date"), words="2100"),
    Kind(long_text, "reject", _has(lambda c: c.free_text), words="paling panjang"),
    Kind(nul_byte, "reject", words="NUL"),
    Kind(bom_in_the_middle, "reject", words="BOM"),
    Kind(mixed_separators, "reject"),
    Kind(drop_row, "any", reject_for=frozenset(
        {"indikator", "evaluasi_kota", "skor_kelurahan", "peta_jalan", "sumber", "wilayah"})),
    Kind(contradiction, "reject"),
    Kind(special_file, "reject"),
    Kind(broken_workbook, "reject"),
    Kind(missing_file, "reject", words="tidak ditemukan"),
)


def kinds_for(name: str) -> list[Kind]:
    return [k for k in KINDS if k.applies(FILES[name])]


# --- running a case --------------------------------------------------------------------------------------


def snapshot(folder: Path) -> dict[str, str]:
    """Every entry of the folder by kind and content, without opening anything that is not a regular file."""
    seen = {}
    for root, dirs, files in os.walk(folder):
        for entry in [*dirs, *files]:
            path = Path(root, entry)
            info = path.lstat()
            if path.is_symlink():
                seen[str(path)] = f"link {os.readlink(path)}"
            elif path.is_fifo():
                seen[str(path)] = "fifo"
            elif path.is_dir():
                seen[str(path)] = "folder"
            elif info.st_size > MAX_FILE_BYTES:
                seen[str(path)] = f"big {info.st_size} {info.st_mtime_ns}"
            else:
                seen[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return seen


def load_with_limit(folder: Path, cache: Path) -> LoadResult:
    outcome: dict[str, object] = {}

    def work() -> None:
        try:
            outcome["result"] = load_dataset(folder, cache=cache)
        except BaseException as exc:  # handed to the test below
            outcome["error"] = exc

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    worker.join(HANG_LIMIT_S)
    assert not worker.is_alive(), f"load_dataset({folder}) did not return within {HANG_LIMIT_S:g} s"
    if "error" in outcome:
        raise AssertionError(f"load_dataset raised {outcome['error']!r}") from outcome["error"]
    return outcome["result"]  # type: ignore[return-value]


def assert_no_safety_net(result: LoadResult) -> None:
    nets = [p for p in result.problems if CHECK_FAILED in p.harapan or READ_FAILED in p.harapan]
    assert not nets, f"a check or read failed and was caught, which is a bug to fix: {nets}"


def run_case(draw: Draw, name: str, cache: Path) -> None:
    base = draw(st.sampled_from(BASES))
    kind = draw(st.sampled_from(kinds_for(name)))
    with tempfile.TemporaryDirectory(prefix="kla-korup-") as tmp:
        folder = Path(tmp) / "data"
        folder.mkdir()
        for file, content in base_files(base).items():
            (folder / f"{file}.csv").write_bytes(content)
        target = Target(folder, name, base)
        kind.apply(draw, target)
        before = snapshot(folder)
        result = load_with_limit(folder, cache)
        assert snapshot(folder) == before, "loading changed the data folder"
    assert_no_safety_net(result)
    expect = kind.expectation(name)
    outcome = "rejected" if result.dataset is None else "accepted"
    COUNTS.update(["tried", outcome, f"{outcome} ({expect})", f"file {name}"])
    KINDS_SEEN.setdefault(kind.name, set()).add(name)
    where = f"{kind.name} on {name} ({base})"
    if expect.startswith("reject"):
        assert result.dataset is None and result.problems, f"{where}: accepted silently"
        if expect == "reject":
            own = [p for p in result.problems if p.berkas in (f"{name}.csv", f"{name}.xlsx")]
            assert own, f"{where}: no problem names {name}: {result.problems[:5]}"
            if kind.words:
                assert any(kind.words in str(p) for p in own), f"{where}: no problem says '{kind.words}': {own[:5]}"
    elif expect == "accept":
        assert result.ok, f"{where}: should load, got {result.problems[:5]}"
        if target.expected_cell:
            column, row, value = target.expected_cell
            assert getattr(result.dataset, name)[column].iat[row] == value, f"{where}: text not decoded as written"


@pytest.fixture(scope="module")
def shared_cache(tmp_path_factory) -> Path:
    # The production cache: the untouched files of a base are validated once, then read from it.
    return tmp_path_factory.mktemp("cache")


@pytest.mark.parametrize("name", list(FILES))
@CORRUPTION_SETTINGS
@given(data=st.data())
def test_corrupt_file_is_reported_never_raised(shared_cache, name, data):
    run_case(data.draw, name, shared_cache)


# --- the command line on corrupted folders -------------------------------------------------------------

# Rejected by the file's own reading and rules: with every file broken, checks across files cannot run.
FILE_LOCAL_REJECTS = [k for k in KINDS if k.expect == "reject" and k.apply is not contradiction]


@settings(CORRUPTION_SETTINGS, max_examples=4)
@given(data=st.data())
def test_validate_command_on_a_folder_with_every_file_corrupted(data):
    with tempfile.TemporaryDirectory(prefix="kla-korup-") as tmp:
        folder = Path(tmp) / "data"
        folder.mkdir()
        base = data.draw(st.sampled_from(BASES))
        for file, content in base_files(base).items():
            (folder / f"{file}.csv").write_bytes(content)
        for name in FILES:
            kind = data.draw(st.sampled_from([k for k in FILE_LOCAL_REJECTS if k.applies(FILES[name])]))
            kind.apply(data.draw, Target(folder, name, base))
        before = snapshot(folder)
        env = {**os.environ, "KLA_CACHE_DIR": str(Path(tmp) / "cache")}
        done = subprocess.run([sys.executable, "-m", "kla", "validate", str(folder)], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=HANG_LIMIT_S)
        assert snapshot(folder) == before
    assert done.returncode == 1, done.stderr[-2000:]
    assert "Traceback" not in done.stderr and "Traceback" not in done.stdout, done.stderr[-4000:]
    for name in FILES:
        assert f"- {name}." in done.stderr, f"{name} not named: {done.stderr[-2000:]}"


def test_validate_command_on_a_path_that_is_not_a_folder(tmp_path):
    path = tmp_path / "data.csv"
    path.write_text("bukan folder")
    for target in (path, tmp_path / "tidak-ada"):
        done = subprocess.run([sys.executable, "-m", "kla", "validate", str(target)], cwd=ROOT,
                              capture_output=True, text=True, timeout=HANG_LIMIT_S)
        assert done.returncode == 2 and "Traceback" not in done.stderr
        assert done.stderr.count("\n") == 1 and str(target) in done.stderr


# --- the counts ------------------------------------------------------------------------------------------


def test_zz_counts_of_the_corruption_suite():
    """Last in this file: how many cases ran, were rejected and accepted, and that every kind and file ran."""
    if not COUNTS["tried"]:
        pytest.skip("the corruption cases did not run in this process")
    print(f"\nkorupsi: {COUNTS['tried']} kasus, {COUNTS['rejected']} ditolak, {COUNTS['accepted']} diterima")
    print("  " + ", ".join(f"{key}: {n}" for key, n in sorted(COUNTS.items()) if "(" in key))
    for kind in KINDS:
        print(f"  {kind.name}: {', '.join(sorted(KINDS_SEEN.get(kind.name, ())))}")
    if any(COUNTS[f"file {name}"] < EXAMPLES_PER_FILE for name in FILES):
        return  # only part of the suite ran here (a -k selection)
    assert COUNTS["tried"] >= 150
    assert {name for files in KINDS_SEEN.values() for name in files} == set(FILES)
    assert set(KINDS_SEEN) == {k.name for k in KINDS}, "some kinds of corruption never ran"
