"""Interface texts of the feature modules, one file per feature so features can grow apart.

Each module holds a ``STRINGS`` dict in the shape of :data:`kla.i18n.STRINGS`
(``key -> {"id": ..., "en": ...}``); :mod:`kla.i18n` merges them all. A key may be defined once.
"""

from __future__ import annotations

from kla.strings import (
    bagikan,
    batas,
    dokumen,
    ekspor,
    ekspor_halaman,
    grafik,
    kelola,
    kelurahan,
    peta,
    peta_halaman,
    petak,
    publik,
    rapat,
    sematan,
    statis,
)

MODULES = (batas, peta, kelurahan, ekspor, rapat, peta_halaman, petak, statis, ekspor_halaman, kelola, publik, sematan,
           dokumen, grafik, bagikan)


def all_strings() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for module in MODULES:
        twice = merged.keys() & module.STRINGS.keys()
        if twice:
            raise ValueError(f"Teks antarmuka didefinisikan dua kali ({module.__name__}): {', '.join(sorted(twice))}")
        merged.update(module.STRINGS)
    return merged
