"""Kelurahan as people write them -> Kemendagri codes, or a short list of likely ones to confirm.

Exact matching (codes, official names, the spellings in ``wilayah.csv``'s ``alias`` column) is
:func:`kla.geography.match_name`'s: whole names only. What it cannot place is compared with
every name and spelling by similarity; names close enough are *proposed*, never taken, because
"Damai" and "Damai Baru" are different kelurahan and a wrong guess would move a score.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from kla.geography import build_name_index, match_name, normalize_name

PROPOSAL_THRESHOLD = 0.8  # "Sepingan Baru" scores 0.96 against Sepinggan Baru; "Kampung Baru" stays below
MAX_CANDIDATES = 3

Outcome = Literal["kosong", "kode", "nama", "alias", "usulan", "tidak dikenal"]

# "64.71.05.1010 - Sungainangka": the form of the template's drop-down list.
_CODE_AND_NAME = re.compile(r"\s*(\d{2}\.?\d{2}\.?\d{2}\.?\d{4})\s*[-–—:|]?\s*(.*)")
# "Sepinggan Raya (Balikpapan Selatan)", "Damai, Kec. Balikpapan Kota"
_NAME_AND_PLACE = re.compile(r"\s*([^(,]+?)\s*(?:\((.*)\)|,(.*))\s*")


@dataclass(frozen=True)
class Placed:
    """What one typed kelurahan became: a code, candidates to confirm, or a reason it failed."""

    kode: str
    cara: Outcome
    nama: str = ""
    candidates: tuple[tuple[str, str, float], ...] = ()
    harapan: str = ""


NOT_FOUND = ("nama atau kode kelurahan Balikpapan yang terdaftar (34 kelurahan); tidak ada nama yang mirip, "
             "periksa ejaannya atau pakai kode dari templat")


class PlaceMatcher:
    """Resolves kelurahan cells against one ``wilayah`` table; each distinct text is worked out once."""

    def __init__(self, wilayah: pd.DataFrame) -> None:
        self.index = build_name_index(wilayah, "kelurahan")
        self.kecamatan = build_name_index(wilayah, "kecamatan")
        self.parent = {str(k): str(p) for k, p in zip(wilayah["kode"], wilayah["kode_induk"]) if isinstance(p, str)}
        self._keys: list[tuple[str, str]] = [
            (key, kode)
            for table in (self.index.codes_by_name, self.index.codes_by_alias)
            for key, codes in table.items()
            for kode in codes
        ]
        self._done: dict[str, Placed] = {}

    def name_of(self, kode: str) -> str | None:
        return self.index.names_by_code.get(kode)

    def resolve(self, text: str) -> Placed:
        text = text.strip()
        if text not in self._done:
            self._done[text] = self._resolve(text)
        return self._done[text]

    def _resolve(self, text: str) -> Placed:
        if not text:
            return Placed("", "kosong")
        exact = self._exact(text)
        if exact is not None:
            return exact
        if code_part := _CODE_AND_NAME.fullmatch(text):
            return self._code_and_name(text, code_part[1], code_part[2])
        if (m := _NAME_AND_PLACE.fullmatch(text)) and (placed := self._name_and_place(m[1], m[2] or m[3] or "")):
            return placed
        return self._propose(text)

    def _exact(self, text: str) -> Placed | None:
        match = match_name(text, self.index)
        if match.kode is not None:
            return Placed(match.kode, match.cara, match.nama or "")  # type: ignore[arg-type]
        if match.cara == "ambigu":
            codes = [k for k, n in self.index.names_by_code.items() if n in match.kandidat]
            return Placed(text, "usulan", candidates=tuple((k, self.index.names_by_code[k], 1.0) for k in codes))
        if re.fullmatch(r"[\d.\s-]+", text):
            return Placed(text, "tidak dikenal",
                          harapan="kode kelurahan Balikpapan yang terdaftar (mis. 64.71.05.1010)")
        return None

    def _code_and_name(self, text: str, code: str, name: str) -> Placed:
        by_code = match_name(code, self.index)
        if by_code.kode is None:
            return Placed(text, "tidak dikenal",
                          harapan="kode kelurahan Balikpapan yang terdaftar (mis. 64.71.05.1010)")
        if name and match_name(name, self.index).kode != by_code.kode:
            return Placed(text, "tidak dikenal",
                          harapan=f"kode dan nama yang sepadan: {by_code.kode} adalah {by_code.nama}")
        return Placed(by_code.kode, "kode", by_code.nama or "")

    def _name_and_place(self, name: str, place: str) -> Placed | None:
        """A name followed by its kecamatan; the kecamatan must be the kelurahan's own."""
        match = match_name(name, self.index)
        if match.kode is None:
            return None
        kecamatan = match_name(place, self.kecamatan)
        if kecamatan.kode is not None and self.parent.get(match.kode) != kecamatan.kode:
            return Placed(name, "tidak dikenal",
                          harapan=f"kelurahan yang ada di kecamatan itu; {match.nama} ada di kecamatan "
                                  f"{self.kecamatan.names_by_code.get(self.parent.get(match.kode, ''), '?')}")
        return Placed(match.kode, match.cara, match.nama or "")  # type: ignore[arg-type]

    def _propose(self, text: str) -> Placed:
        key = normalize_name(text)
        best: dict[str, float] = {}
        for known, kode in self._keys:
            score = difflib.SequenceMatcher(None, key, known).ratio()
            best[kode] = max(score, best.get(kode, 0.0))
        ranked = sorted(
            ((kode, score) for kode, score in best.items() if score >= PROPOSAL_THRESHOLD),
            key=lambda item: (-item[1], self.index.names_by_code[item[0]]),
        )[:MAX_CANDIDATES]
        if not ranked:
            return Placed(text, "tidak dikenal", harapan=NOT_FOUND)
        return Placed(text, "usulan", candidates=tuple(
            (kode, self.index.names_by_code[kode], round(score, 2)) for kode, score in ranked
        ))
