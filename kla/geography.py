"""Balikpapan's kecamatan and kelurahan: reading them from the data, and matching the names people type.

Sections:

1. Regions: there is no region list in code. The kecamatan and kelurahan, their codes and
   known spelling variants come from the data's ``wilayah`` table (``wilayah.csv`` of the
   published version, or of a data folder through :func:`read_regions`); the sample generator
   writes ``data/wilayah.csv`` from its curated facts (``kla/sample/facts/wilayah.csv``).
2. Name normalisation: one comparable key per name, so "Gn. Sari Ulu", "GUNUNGSARI ULU" and
   "Kel. Gunung Sari Ulu" all become ``gunungsariulu``.
3. Name matching: from free text (a code, an official name or a known variant) to a code, with
   the way it was matched reported, so an import can tell the user what it understood.

Matching compares whole names only: "Damai" is Damai in Balikpapan Kota, never Damai Baru or
Damai Bahagia in Balikpapan Selatan. Guessing by prefix or similarity would silently put a
record in the wrong kelurahan, which is worse than asking the user to fix the name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pandas as pd

from kla.loading import read_file
from kla.schema import FILES, REGION_LEVELS

# ---------------------------------------------------------------------------------------------
# 1. Regions of a data folder
# ---------------------------------------------------------------------------------------------


class RegionsUnavailable(ValueError):
    """A data folder whose ``wilayah`` file is missing or does not pass its checks."""


def read_regions(folder: Path) -> pd.DataFrame:
    """The regions of a data folder's ``wilayah.csv`` (or ``.xlsx``), read and checked like every data file.

    This is for tools without a published version at hand; the app and the command line use the
    ``wilayah`` table of the version they show. Raises :class:`RegionsUnavailable` naming the
    file's first problems.
    """
    folder = Path(folder)
    table, problems = read_file(folder, FILES["wilayah"])
    if table is None or problems:
        shown = "; ".join(str(problem) for problem in problems[:3])
        more = f" (dan {len(problems) - 3} masalah lain)" if len(problems) > 3 else ""
        raise RegionsUnavailable(f"{folder}: daftar wilayah tidak dapat dipakai: {shown}{more}.")
    return table


# ---------------------------------------------------------------------------------------------
# 2. Name normalisation
# ---------------------------------------------------------------------------------------------

# Words people put in front of a name that say its level, not which region it is.
_LEVEL_PREFIXES = frozenset({"kelurahan", "kel", "kecamatan", "kec"})
# Abbreviations written as a separate word, expanded so "Gn. Sari" meets "Gunung Sari".
_WORD_EXPANSIONS = {"gn": "gunung", "gng": "gunung", "bpp": "balikpapan"}
_NOT_LETTER_OR_DIGIT = re.compile(r"[^0-9a-z]+")
# The kecamatan are all "Balikpapan X"; people often write only "X".
_CITY_WORD = "balikpapan"


def _plain_letters(text: str) -> str:
    """Casefolded, with accents dropped, so "Kariangáu" and "KARIANGAU" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _name_words(text: str) -> list[str]:
    """The words of a name: punctuation dropped, level prefixes removed, abbreviations expanded."""
    words = _NOT_LETTER_OR_DIGIT.sub(" ", _plain_letters(text)).split()
    # Keep the last word even if it is a prefix word, so a bare "Kec." is not turned into nothing.
    while len(words) > 1 and words[0] in _LEVEL_PREFIXES:
        words = words[1:]
    return [_WORD_EXPANSIONS.get(word, word) for word in words]


def normalize_name(text: str) -> str:
    """A comparison key for a region name.

    Spaces are removed last because Balikpapan names are written both joined and spaced
    ("Sungainangka"/"Sungai Nangka", "Mekarsari"/"Mekar Sari"); no two official names differ
    only by spacing, so nothing is lost.
    """
    return "".join(_name_words(text))


def _without_city_word(text: str) -> str | None:
    """``tengah`` for "Balikpapan Tengah"; None when the name does not start with the city name."""
    key = normalize_name(text)
    if key.startswith(_CITY_WORD) and len(key) > len(_CITY_WORD):
        return key[len(_CITY_WORD):]
    return None


# ---------------------------------------------------------------------------------------------
# 3. Name matching
# ---------------------------------------------------------------------------------------------

MatchMethod = Literal["kode", "nama", "alias", "tidak cocok", "ambigu"]
MATCH_COLUMNS = ("teks", "kode", "nama", "cara")
_CODE_LIKE = re.compile(r"[\d.\s-]*\d[\d.\s-]*")


@dataclass(frozen=True)
class NameMatch:
    """What a typed name was understood as.

    ``cara`` says how: "kode" (the text was a code), "nama" (the official name), "alias" (a
    listed variant), "tidak cocok" (nothing) or "ambigu" (several regions; ``kandidat`` lists
    their official names so the message can name them).
    """

    text: str
    kode: str | None
    nama: str | None
    cara: MatchMethod
    kandidat: tuple[str, ...] = ()


@dataclass(frozen=True)
class NameIndex:
    """Lookup tables for one level (kecamatan or kelurahan), built by :func:`build_name_index`."""

    tingkat: str
    names_by_code: Mapping[str, str]
    codes_by_digits: Mapping[str, str]
    codes_by_name: Mapping[str, frozenset[str]]
    codes_by_alias: Mapping[str, frozenset[str]]


def _text_or_empty(value: object) -> str:
    """Cells read from CSV/XLSX may be NaN or None where the user left them empty."""
    return value if isinstance(value, str) else ""


def _digits(code: str) -> str:
    # Codes arrive as "64.71.05.1010", "6471051010" or "64 71 05 1010": compare digits only.
    return re.sub(r"\D", "", code)


def _split_aliases(alias_cell: object) -> list[str]:
    return [alias.strip() for alias in _text_or_empty(alias_cell).split(";") if alias.strip()]


def _add_key(table: dict[str, set[str]], name: str, kode: str) -> None:
    key = normalize_name(name)
    if key:
        table.setdefault(key, set()).add(kode)


def _freeze(table: dict[str, set[str]]) -> dict[str, frozenset[str]]:
    return {key: frozenset(codes) for key, codes in table.items()}


def build_name_index(wilayah: pd.DataFrame, tingkat: str = "kelurahan") -> NameIndex:
    """Index the rows of ``wilayah`` at one level by code, normalised official name and alias.

    For names starting with "Balikpapan" the rest ("Tengah") is indexed as an alias too, so it
    matches while it is unambiguous and becomes "ambigu" if another region shares it.
    """
    if tingkat not in REGION_LEVELS:
        raise ValueError(f"Tingkat wilayah '{tingkat}' tidak dikenal: pilih kecamatan atau kelurahan.")
    rows = wilayah[wilayah["tingkat"] == tingkat]
    names_by_code: dict[str, str] = {}
    by_name: dict[str, set[str]] = {}
    by_alias: dict[str, set[str]] = {}
    # The alias column is optional in wilayah.csv; zip would silently drop rows if it were shorter.
    alias_cells = rows["alias"] if "alias" in rows.columns else [""] * len(rows)
    for kode, nama, alias_cell in zip(rows["kode"], rows["nama"], alias_cells):
        kode, nama = str(kode).strip(), _text_or_empty(nama).strip()
        names_by_code[kode] = nama
        _add_key(by_name, nama, kode)
        for alias in _split_aliases(alias_cell):
            _add_key(by_alias, alias, kode)
        short = _without_city_word(nama)
        if short:
            by_alias.setdefault(short, set()).add(kode)
    return NameIndex(
        tingkat=tingkat,
        names_by_code=names_by_code,
        codes_by_digits={_digits(kode): kode for kode in names_by_code},
        codes_by_name=_freeze(by_name),
        codes_by_alias=_freeze(by_alias),
    )


def _match_code(text: str, index: NameIndex) -> NameMatch:
    kode = index.codes_by_digits.get(_digits(text))
    if kode is None:
        return NameMatch(text, None, None, "tidak cocok")
    return NameMatch(text, kode, index.names_by_code[kode], "kode")


def _match_from_codes(text: str, codes: frozenset[str], cara: MatchMethod, index: NameIndex) -> NameMatch:
    if len(codes) == 1:
        (kode,) = codes
        return NameMatch(text, kode, index.names_by_code[kode], cara)
    candidates = tuple(sorted(index.names_by_code[kode] for kode in codes))
    return NameMatch(text, None, None, "ambigu", candidates)


def match_name(text: str, index: NameIndex) -> NameMatch:
    """Match one typed name (or code) to one region of the index's level.

    Official names are tried before aliases, so an alias that happens to equal another
    region's official name cannot take that name away from it.
    """
    text = _text_or_empty(text)
    if _CODE_LIKE.fullmatch(text.strip()):
        return _match_code(text, index)
    key = normalize_name(text)
    tables: tuple[tuple[Mapping[str, frozenset[str]], MatchMethod], ...] = (
        (index.codes_by_name, "nama"), (index.codes_by_alias, "alias"))
    for table, cara in tables:
        codes = table.get(key)
        if codes:
            return _match_from_codes(text, codes, cara, index)
    return NameMatch(text, None, None, "tidak cocok")


def match_names(texts: Iterable[str], index: NameIndex) -> pd.DataFrame:
    """One row per input, in input order: teks, kode, nama, cara (see :class:`NameMatch`)."""
    matches = [match_name(text, index) for text in texts]
    return pd.DataFrame([(m.text, m.kode, m.nama, m.cara) for m in matches], columns=list(MATCH_COLUMNS))


def describe_match(match: NameMatch) -> str:
    """One Indonesian sentence telling the user how a typed name was read."""
    shown = f"“{match.text.strip()}”"
    if match.cara == "kode":
        return f"{shown} adalah kode {match.nama}."
    if match.cara == "nama":
        return f"{shown} dikenali sebagai {match.nama} ({match.kode})."
    if match.cara == "alias":
        return f"{shown} dibaca sebagai {match.nama} ({match.kode}), ejaan lain dari nama resmi."
    if match.cara == "ambigu":
        return (f"{shown} cocok dengan lebih dari satu wilayah ({', '.join(match.kandidat)}): "
                "tulis nama lengkap atau kodenya.")
    return f"{shown} tidak cocok dengan nama atau kode wilayah mana pun: periksa ejaannya."


# ---------------------------------------------------------------------------------------------
# 4. Search boxes: every spelling finds its kelurahan
# ---------------------------------------------------------------------------------------------

LABEL_ALIAS_SEPARATOR = " · "


def fuzzy_finds(typed: str, label: str) -> bool:
    """Whether Streamlit's select-box search (``filter_mode="fuzzy"``, 1.67) keeps ``label`` for ``typed``.

    The frontend keeps an option when the typed letters occur in its label in order, ignoring case
    (``vn`` in its combobox chunk): "GSU" finds "Gunung Sari Ulu", "Gn. Samarinda" does not find
    "Gunung Samarinda" (no full stop there).
    """
    label, position = label.lower(), 0
    for char in typed.lower():
        position = label.find(char, position) + 1
        if position == 0:
            return False
    return True


def search_label(nama: str, kecamatan: str, aliases: Iterable[str] = ()) -> str:
    """"Nama (Kecamatan)", followed by the spellings the search would not find in it otherwise.

    "Gunung Samarinda (Balikpapan Utara) · Gn. Samarinda": the joined form "Gunungsamarinda" is
    found in the name already and is not repeated.
    """
    label = f"{nama} ({kecamatan})"
    missing = [alias for alias in dict.fromkeys(aliases) if alias and not fuzzy_finds(alias, label)]
    return label + (LABEL_ALIAS_SEPARATOR + ", ".join(missing) if missing else "")


def kelurahan_labels(kelurahan: pd.DataFrame) -> dict[str, str]:
    """Code -> :func:`search_label` for the kelurahan rows (``kode, nama, nama_kecamatan``, optional ``alias``)."""
    aliases = kelurahan["alias"] if "alias" in kelurahan.columns else [""] * len(kelurahan)
    return {str(kode): search_label(_text_or_empty(nama), _text_or_empty(kecamatan), _split_aliases(alias))
            for kode, nama, kecamatan, alias in zip(kelurahan["kode"], kelurahan["nama"],
                                                    kelurahan["nama_kecamatan"], aliases)}
