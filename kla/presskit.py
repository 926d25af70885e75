"""Building a press kit: the one place both the ekspor page (:mod:`kla.ui.unduh`) and
``python -m kla export`` (:mod:`kla.exportcli`) choose charts, sizes and formats, render the files,
write the README and pack the ZIP.

:func:`plan` lists the files in order, :func:`render_files` makes them, :func:`kit_zip` packs them
with README.txt. :func:`pack_kit` and :func:`build_kit` are the page's whole kit (charts that cannot
be made are skipped with the reason; the ZIP is made once per data version and choice in the press
cache, :mod:`kla.press_cache`); the CLI writes each chart's files as they come and stops at the first
chart that cannot be made.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kla import catalog, config, export, press_cache
from kla.charts import Chart
from kla.export import IMAGE_FORMATS, PRESETS, ExportError, Preset, Stamp
from kla.i18n import Lang, t
from kla.press_cache import Key, PressCache

ZIP_PREFIX = "kla-balikpapan-paket-media"
KIT_META = {"nama", "berkas", "grafik", "contoh", "dibuat", "dilewati"}  # written by pack_kit beside the ZIP

Progress = Callable[[float, str], None]


def _quiet(_fraction: float, _text: str) -> None:
    """No progress shown (the default)."""


def today_stamp(lang: Lang, day: dt.date | None = None) -> Stamp:
    """Export date today, the language, the logo from ``KLA_LOGO`` (or none)."""
    return Stamp(day or dt.date.today(), lang, config.logo_path())


def logo_problem(stamp: Stamp) -> str | None:
    """Why the logo cannot go on an image (ExportError's Indonesian message), or None if it can."""
    if stamp.logo is None:
        return None
    try:
        export.logo_uri(stamp.logo)
    except ExportError as exc:
        return str(exc)
    return None


def zip_name(day: dt.date) -> str:
    return f"{ZIP_PREFIX}-{day.isoformat()}.zip"


def plan(chart_list: Iterable[Chart], sizes: Sequence[Preset],
         formats: Sequence[str]) -> list[tuple[Chart, str, Preset]]:
    """Every file of the kit, in order: per chart, each image format at each size, each data format
    once (with the first size, which data files ignore)."""
    formats = export.check_formats(formats)
    if not sizes and any(f in IMAGE_FORMATS for f in formats):
        raise ExportError("Format gambar memerlukan sedikitnya satu ukuran.")
    first = sizes[0] if sizes else PRESETS["lanskap"]
    files = []
    for chart in chart_list:
        for fmt in formats:
            files += [(chart, fmt, size) for size in sizes] if fmt in IMAGE_FORMATS else [(chart, fmt, first)]
    return files


def render_files(todo: Sequence[tuple[Chart, str, Preset]], stamp: Stamp,
                 on_file: Callable[[int, str], None] = lambda _i, _name: None) -> dict[str, bytes]:
    """The files of ``todo`` (:func:`plan`) by name, in order; ``on_file(i, name)`` after each."""
    files: dict[str, bytes] = {}
    for i, (chart, fmt, size) in enumerate(todo, start=1):
        name = export.file_name(chart.name, fmt, size)
        files[name] = export.export_bytes(chart, fmt, size, stamp)
        on_file(i, name)
    return files


def kit_zip(chart_list: Sequence[Chart], sizes: Sequence[Preset], formats: Sequence[str], stamp: Stamp,
            files: dict[str, bytes], attribution: str | None) -> bytes:
    """The ZIP: README.txt (what is in it, sources, licences) first, then ``files``."""
    readme = export.readme_text(chart_list, sizes, formats, stamp, files, attribution)
    return export.build_zip(files, readme)


def build_charts(names: Sequence[str], ctx: catalog.Context, progress: Progress = _quiet,
                 lang: Lang | None = None) -> tuple[list[Chart], list[tuple[str, str]]]:
    """The charts ``names`` that can be made, and (label, reason) for each that cannot (labels and
    progress in ``lang``, by default the charts' own)."""
    lang = lang or ctx.lang
    built, skipped = [], []
    for i, name in enumerate(names, start=1):
        label = catalog.entry(name).label(lang)
        progress(0.0, t("ekspor.halaman.progres.grafik", lang, i=i, n=len(names), nama=label))
        try:
            built.append(catalog.build(name, ctx))
        except ExportError as exc:
            skipped.append((label, str(exc)))
    return built, skipped


@dataclass
class Kit:
    """A media kit in the press cache (a file on disk, never its bytes) and what the page says about it."""

    path: Path
    size: int
    name: str
    files: list[str]
    charts: int
    sample: bool
    built: dt.datetime
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (chart label, reason)

    @classmethod
    def from_stored(cls, stored: press_cache.Stored) -> Kit:
        meta = stored.meta
        return cls(stored.path, stored.path.stat().st_size, meta["nama"], list(meta["berkas"]), meta["grafik"],
                   meta["contoh"], dt.datetime.fromisoformat(meta["dibuat"]),
                   [(label, reason) for label, reason in meta["dilewati"]])

    def read(self) -> bytes:
        """The ZIP's bytes, read when the button is clicked."""
        return self.path.read_bytes()


def pack_kit(names: Sequence[str], ctx: catalog.Context, sizes: Sequence[Preset], formats: Sequence[str],
             stamp: Stamp, progress: Progress = _quiet) -> tuple[bytes, dict]:
    """Build the charts ``names`` (those that cannot be made are skipped, with the reason), render
    every file with ``progress(fraction, text)`` after each, and pack them with a README.

    Returns the ZIP and what the page says about it (:meth:`Kit.from_stored` reads it back).
    ExportError when nothing is left to pack.
    """
    lang = stamp.lang
    built, skipped = build_charts(names, ctx, progress, lang)
    todo = plan(built, sizes, formats)
    if not todo:
        raise ExportError(t("ekspor.halaman.kosong", lang) if not skipped else skipped[0][1])
    files = render_files(todo, stamp, lambda i, name: progress(
        i / (len(todo) + 1), t("ekspor.halaman.progres.berkas", lang, i=i, n=len(todo), berkas=name)))
    progress(len(todo) / (len(todo) + 1), t("ekspor.halaman.progres.zip", lang))
    packed = kit_zip(built, sizes, formats, stamp, files, ctx.attribution)
    progress(1.0, t("ekspor.halaman.progres.selesai", lang, n=len(files) + 1))  # + README.txt
    meta = {"nama": zip_name(stamp.exported), "berkas": ["README.txt", *files], "grafik": len(built),
            "contoh": any(c.sample for c in built), "dibuat": dt.datetime.now().isoformat(timespec="seconds"),
            "dilewati": skipped}
    return packed, meta


def kit_key(names: Sequence[str], ctx: catalog.Context, sizes: Sequence[Preset], formats: Sequence[str],
            stamp: Stamp) -> Key:
    """Everything that changes the ZIP's bytes: data version, charts (in order), sizes, formats, year,
    metric, names on the map, language, export day, logo file, boundaries."""
    return Key.of(press_cache.data_version(ctx.data), "zip", "zip", grafik=list(names),
                  ukuran=[s.name for s in sizes], format=list(formats), tahun=ctx.year, metrik=ctx.metric,
                  nama=ctx.labels, bahasa=stamp.lang, hari=stamp.exported, logo=press_cache.file_hash(stamp.logo),
                  batas=press_cache.shapes_hash(ctx.boundaries), atribusi=ctx.attribution or "")


def build_kit(cache: PressCache, names: Sequence[str], ctx: catalog.Context, sizes: Sequence[Preset],
              formats: Sequence[str], stamp: Stamp, progress: Progress = _quiet) -> Kit:
    """The media kit of these choices: read from ``cache`` when this data version already has it, else
    packed (:func:`pack_kit`) once, however many visitors ask at the same time (``progress`` then
    reports to the one whose request packs it).

    ExportError when nothing is left to pack or the logo is unusable; Busy when the queue is full.
    """
    problem = logo_problem(stamp)
    if problem and any(f in IMAGE_FORMATS for f in formats):
        raise ExportError(problem)
    key = kit_key(names, ctx, sizes, formats, stamp)
    stored = cache.get(key, lambda: pack_kit(names, ctx, sizes, formats, stamp, progress))
    if not stored.meta.keys() >= KIT_META:  # its note is lost (a broken disk, a hand-made file): pack it again
        stored.path.unlink(missing_ok=True)
        stored = cache.get(key, lambda: pack_kit(names, ctx, sizes, formats, stamp, progress))
    return Kit.from_stored(stored)
