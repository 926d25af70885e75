"""An install told to people: one Indonesian line per fact, for the command line or a page."""

from __future__ import annotations

from kla.boundaries.model import FORMAT_NAMES, InstallReport
from kla.i18n import format_number


def report_lines(report: InstallReport) -> list[str]:
    """An Indonesian summary of an install, one line each, for the CLI or a page."""
    m, src = report.match, report.source
    lines = [f"Sumber: {src.label} ({FORMAT_NAMES[src.format]}{', lapisan ' + src.layer if src.layer else ''}, "
             f"{src.size_bytes / 1024:.0f} KB, sha256 {src.sha256}).",
             f"Cocok: {report.features} dari {report.features + len(m.missing)} kelurahan, kolom '{m.column}' "
             f"({m.count_by('kode')} lewat kode, {m.count_by('nama')} lewat nama, "
             f"{m.count_by('alias')} lewat ejaan lain)."]
    lines += [f"  - fitur {f.baris}: {f.pesan}" for f in m.matched if f.cara != "kode"]
    if m.repaired:
        lines.append(f"Diperbaiki: {m.repaired} geometri tidak sah (make_valid).")
    if m.dissolved:
        lines.append("Digabung (beberapa fitur untuk satu kelurahan): "
                     + ", ".join(m.label(k) for k in m.dissolved) + ".")
    if m.unmatched:
        lines.append(f"Tidak cocok ({len(m.unmatched)} fitur, tidak dipasang):")
        lines += [f"  - fitur {u.baris}: {u.pesan}" for u in m.unmatched]
    lines.append(f"Titik sudut: {format_number(report.vertices_raw)} di sumber, "
                 f"{format_number(report.vertices)} di salinan web.")
    lines.append(f"Atribusi: {src.attribution}" if src.attribution else ATTRIBUTION_MISSING)
    return lines


ATTRIBUTION_MISSING = ("Atribusi: tidak tercatat; peta tidak akan menyebut sumber dan lisensi batas. Pasang ulang "
                       "dengan --atribusi \"© penerbit, lisensi\" (mis. \"© 2024 Cahya DSN, MIT\").")


def missing_line(report: InstallReport) -> str | None:
    if not report.match.missing:
        return None
    labels = ", ".join(report.match.label(k) for k in report.match.missing)
    return (f"Peringatan: {len(report.match.missing)} kelurahan tanpa batas: {labels}. "
            "Peta menampilkannya sebagai kosong.")
