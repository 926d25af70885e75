"""The data dictionary in ``data/README.md`` is generated from ``kla.schema`` so it cannot drift.

Only the part between the two marker lines is rewritten; prose around it is kept.
"""

from __future__ import annotations

from pathlib import Path

from kla.schema import FILES, Column, FileSpec

BEGIN = "<!-- kamus-data:mulai (dibuat oleh `python -m kla datadict`; jangan diedit manual) -->"
END = "<!-- kamus-data:selesai -->"


def render_dictionary() -> str:
    """Markdown tables: one section per file, one row per column."""
    return "\n\n".join(_render_file(spec) for spec in FILES.values())


def _render_file(spec: FileSpec) -> str:
    key = ", ".join(spec.key) if spec.key else "–"
    lines = [
        f"### `{spec.name}.csv` — {spec.title}",
        "",
        spec.description,
        "",
        f"Kunci unik: {key}.",
        "",
        "| kolom | tipe | wajib | satuan | nilai yang sah | contoh | keterangan |",
        "|---|---|---|---|---|---|---|",
    ]
    lines += [_render_column(c) for c in spec.columns]
    return "\n".join(lines)


def _render_column(c: Column) -> str:
    cells = [f"`{c.name}`", c.kind, "ya" if c.required else "tidak", c.unit or "–",
             c.expectation(), f"`{c.example}`" if c.example else "–", c.description or "–"]
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def update_readme(path: Path, write: bool = True) -> bool:
    """Replace the generated block; return True when the file's text changed (or would)."""
    text = path.read_text(encoding="utf-8")
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    new = text[:start] + "\n\n" + render_dictionary() + "\n\n" + text[end:]
    if new == text:
        return False
    if write:
        path.write_text(new, encoding="utf-8")
    return True
