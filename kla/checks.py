"""Rules that need more than one row or more than one file, each told as a :class:`Problem`.

``cross_check(tables)`` takes the typed tables of :func:`kla.schema.parse_table` (one per data
file, cells already reported as missing) and returns every problem found: codes that must exist
elsewhere, points within maxima and totals within 1000, complete years and blocks, reported
scores inside their category band, roadmap blocks adding up to the year's TOTAL, sources for
every file. A check never raises: should one fail on data nobody foresaw, that becomes a problem
naming the file it checks, and the other checks still run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pandas as pd

from kla.schema import BLOCKS, FILES, Problem

Tables = dict[str, pd.DataFrame]
MAX_TOTAL = 1000
ROADMAP_TOTAL = "TOTAL"
TOLERANCE = 0.01  # points are written with at most two decimals; float sums differ by far less
CHECK_FAILED = "pemeriksaan antarberkas tidak selesai"


def cross_check(tables: Tables) -> list[Problem]:
    """Rules that need more than one file (or more than one row of a file)."""
    problems = []
    for berkas, check in CHECKS:
        try:
            problems += check(tables)
        except Exception as exc:  # the net under the checks: a page that stays up beats a perfect report
            problems.append(Problem(berkas, None, None, None, f"{CHECK_FAILED} ({check.__doc__ or check.__name__}: "
                                    f"{type(exc).__name__}); periksa masalah lain yang dilaporkan untuk berkas ini"))
    return problems


# --- helpers ---------------------------------------------------------------------------------------


def _rows(mask: pd.Series) -> Iterator[int]:
    for i in mask[mask.fillna(False).astype(bool)].index:
        yield int(i)


def _unknown_codes(t: Tables, name: str, column: str, known: set[str], what: str) -> list[Problem]:
    values = t[name][column]
    unknown = values.notna() & ~values.isin(known)
    return [
        Problem(f"{name}.csv", i + 2, column, str(values.iat[i]), f"{what} yang terdaftar")
        for i in _rows(unknown)
    ]


def _kelurahan_codes(t: Tables) -> set[str]:
    w = t["wilayah"]
    return set(w.loc[w["tingkat"] == "kelurahan", "kode"].dropna())


def _max_points(t: Tables) -> pd.Series:
    """Maximum points per indicator code (a repeated code is reported by the schema; the first counts)."""
    ind = t["indikator"].dropna(subset=["kode"]).drop_duplicates("kode")
    return ind.set_index("kode")["max_poin"]


def _block_max(t: Tables) -> pd.Series:
    return t["indikator"].dropna(subset=["kode"]).drop_duplicates("kode").groupby("blok")["max_poin"].sum()


def _num(x: float) -> str:
    return f"{round(float(x), 6):g}"


def _category_of(score: float) -> str | None:
    from kla.scoring import category_for  # scoring imports nothing from here; avoids a cycle at import

    return category_for(score) if 0 <= score <= MAX_TOTAL else None


# --- indicators and city scores -------------------------------------------------------------------


def _check_catalogue_total(t: Tables) -> list[Problem]:
    """jumlah max_poin"""
    points = t["indikator"].drop_duplicates("kode")["max_poin"]  # a repeated code is reported once, by the schema
    if points.isna().any():
        return []  # a missing or rejected cell is reported already; a sum without it would mislead
    total = float(points.sum())
    if abs(total - MAX_TOTAL) < TOLERANCE:
        return []
    return [Problem("indikator.csv", None, "max_poin", _num(total), "jumlah max_poin semua indikator = 1000")]


def _check_city_points(t: Tables) -> list[Problem]:
    """poin per indikator"""
    ev = t["evaluasi_kota"]
    maxima = _max_points(t)
    problems = _unknown_codes(t, "evaluasi_kota", "kode_indikator", set(maxima.index), "kode indikator")
    limit = ev["kode_indikator"].map(maxima).astype("float64")  # float even when empty or unmatched
    return problems + [
        Problem("evaluasi_kota.csv", i + 2, "poin", _num(ev["poin"].iat[i]),
                f"paling besar {_num(limit.iat[i])} (max_poin {ev['kode_indikator'].iat[i]})")
        for i in _rows(ev["poin"] > limit)
    ]


def _year_totals(t: Tables) -> pd.Series:
    ev = t["evaluasi_kota"].dropna(subset=["tahun"])
    return ev.groupby("tahun")["poin"].sum().round(6)


def _check_city_totals(t: Tables) -> list[Problem]:
    """total kota per tahun"""
    return [
        Problem("evaluasi_kota.csv", None, "poin", f"total {_num(total)} tahun {year}",
                f"jumlah poin satu tahun paling besar {MAX_TOTAL}; periksa poin tahun {year}")
        for year, total in _year_totals(t).items()
        if total > MAX_TOTAL + TOLERANCE
    ]


def _check_city_years_complete(t: Tables) -> list[Problem]:
    """indikator lengkap per tahun"""
    ev = t["evaluasi_kota"]
    codes = set(t["indikator"]["kode"].dropna())
    problems = []
    for year, group in ev.dropna(subset=["tahun"]).groupby("tahun"):
        missing = sorted(codes - set(group["kode_indikator"].dropna()))
        if missing:
            problems.append(Problem("evaluasi_kota.csv", None, "kode_indikator", None,
                                    f"tahun {year} belum lengkap: tidak ada baris untuk {', '.join(missing)}"))
    return problems


def _check_official_categories(t: Tables) -> list[Problem]:
    """kategori resmi dan total"""
    ev = t["evaluasi_kota"]
    incomplete = set(ev.loc[ev["poin"].isna(), "tahun"].dropna())  # a rejected cell: the total is unknown
    totals = _year_totals(t)
    official = t["kategori_resmi"].dropna(subset=["tahun", "kategori"])
    problems = []
    seen: dict[int, tuple[str, int]] = {}
    for i, row in official.iterrows():
        year, category = int(row["tahun"]), str(row["kategori"])
        if year in seen:
            if seen[year][0] != category:
                problems.append(Problem("kategori_resmi.csv", int(i) + 2, "kategori", category,
                                        f"{seen[year][0]} seperti baris {seen[year][1]}: satu kategori per tahun"))
            continue
        seen[year] = (category, int(i) + 2)
        if year in totals.index and year not in incomplete:
            actual = _category_of(float(totals[year]))
            if actual is not None and actual != category:
                problems.append(Problem(
                    "evaluasi_kota.csv", None, "poin", f"total {_num(totals[year])} tahun {year}",
                    f"total dalam rentang kategori {category} yang diumumkan (kategori_resmi.csv baris {i + 2})",
                ))
    return problems


def _check_reported_scores(t: Tables) -> list[Problem]:
    """skor yang dilaporkan dan kategorinya"""
    from kla.scoring import CATEGORIES

    kr = t["kategori_resmi"]
    bands = {c.name: c for c in CATEGORIES}
    problems = []
    for i in _rows(kr["skor_dilaporkan"].notna() & kr["kategori"].notna()):
        score, category = float(kr["skor_dilaporkan"].iat[i]), str(kr["kategori"].iat[i])
        if category in bands and _category_of(score) != category:
            band = bands[category]
            high = f"{band.high:g}" if band.high == MAX_TOTAL else f"di bawah {band.high:g}"
            problems.append(Problem("kategori_resmi.csv", i + 2, "skor_dilaporkan", _num(score),
                                    f"skor dalam rentang kategori {category} ({band.low:g} sampai {high})"))
    return problems


# --- regions and kelurahan ------------------------------------------------------------------------


def _check_regions(t: Tables) -> list[Problem]:
    """kecamatan induk"""
    w = t["wilayah"]
    kecamatan = set(w.loc[w["tingkat"] == "kecamatan", "kode"].dropna())
    kel = w["tingkat"] == "kelurahan"
    no_parent = kel & ~w["kode_induk"].isin(kecamatan)
    prefixed = pd.Series([str(k).startswith(f"{p}.") for k, p in zip(w["kode"], w["kode_induk"])],
                         index=w.index, dtype=bool)
    wrong_prefix = kel & w["kode_induk"].notna() & w["kode"].notna() & ~prefixed
    wrong_level = (w["tingkat"] == "kecamatan") & w["kode"].str.count(r"\.").ne(2)
    problems = [
        Problem("wilayah.csv", i + 2, "kode_induk", None, "diisi kode kecamatan induk kelurahan ini")
        if pd.isna(w["kode_induk"].iat[i]) else
        Problem("wilayah.csv", i + 2, "kode_induk", str(w["kode_induk"].iat[i]),
                "kode kecamatan yang ada di berkas ini")
        for i in _rows(no_parent)
    ]
    problems += [
        Problem("wilayah.csv", i + 2, "kode", str(w["kode"].iat[i]),
                f"kode yang diawali kode_induk {w['kode_induk'].iat[i]}")
        for i in _rows(wrong_prefix & ~no_parent)
    ]
    problems += [
        Problem("wilayah.csv", i + 2, "kode", str(w["kode"].iat[i]), "kode kecamatan berbentuk 64.71.NN")
        for i in _rows(wrong_level)
    ]
    return problems


def _check_kelurahan_scores(t: Tables) -> list[Problem]:
    """poin kelurahan per blok"""
    sk = t["skor_kelurahan"]
    problems = _unknown_codes(t, "skor_kelurahan", "kode_kelurahan", _kelurahan_codes(t), "kode kelurahan")
    maxima = sk["blok"].map(_block_max(t)).astype("float64")
    problems += [
        Problem("skor_kelurahan.csv", i + 2, "poin", _num(sk["poin"].iat[i]),
                f"paling besar {_num(maxima.iat[i])} (jumlah max_poin blok {sk['blok'].iat[i]})")
        for i in _rows(sk["poin"] > maxima)
    ]
    return problems


def _check_kelurahan_blocks_complete(t: Tables) -> list[Problem]:
    """blok lengkap per kelurahan dan tahun"""
    # A kelurahan with a block missing would rank as if it scored nothing there.
    sk = t["skor_kelurahan"].dropna(subset=["tahun", "kode_kelurahan"])
    problems = []
    for (year, kode), group in sk.groupby(["tahun", "kode_kelurahan"], sort=True):
        present = set(group["blok"].dropna())
        missing = [b for b in BLOCKS if b not in present]
        if missing:
            problems.append(Problem(
                "skor_kelurahan.csv", int(group.index[0]) + 2, "blok", None,
                f"kelurahan {kode} tahun {year} tidak punya baris untuk blok {', '.join(missing)}; "
                f"kelurahan yang dinilai perlu keenam blok ({', '.join(BLOCKS)})",
            ))
    return problems


def _check_initiatives(t: Tables) -> list[Problem]:
    """inisiatif"""
    ini = t["inisiatif"]
    problems = _unknown_codes(t, "inisiatif", "kode_kelurahan", _kelurahan_codes(t), "kode kelurahan")
    ends_early = ini["tanggal_selesai"].notna() & (ini["tanggal_selesai"] < ini["tanggal_mulai"])
    problems += [
        Problem("inisiatif.csv", i + 2, "tanggal_selesai", str(ini["tanggal_selesai"].iat[i].date()),
                f"tanggal yang sama atau sesudah tanggal_mulai {ini['tanggal_mulai'].iat[i].date()}")
        for i in _rows(ends_early)
    ]
    half_point = ini["lat"].isna() != ini["lon"].isna()
    problems += [
        Problem("inisiatif.csv", i + 2, "lat/lon", None, "lat dan lon diisi berdua, atau dikosongkan berdua")
        for i in _rows(half_point)
    ]
    return problems


def _check_activities(t: Tables) -> list[Problem]:
    """kegiatan"""
    problems = _unknown_codes(t, "kegiatan", "kode_kelurahan", _kelurahan_codes(t),
                              "kode kelurahan (atau kosong untuk tingkat kota)")
    problems += _unknown_codes(t, "kegiatan", "id_inisiatif", set(t["inisiatif"]["id"].dropna()),
                               "id inisiatif dari inisiatif.csv")
    return problems


# --- roadmap and sources --------------------------------------------------------------------------


def _check_roadmap(t: Tables) -> list[Problem]:
    """target peta jalan per blok"""
    pj = t["peta_jalan"]
    maxima = pj["blok"].map(_block_max(t)).astype("float64").fillna(float(MAX_TOTAL))
    return [
        Problem("peta_jalan.csv", i + 2, "target_poin", _num(pj["target_poin"].iat[i]),
                f"paling besar {_num(maxima.iat[i])} untuk blok {pj['blok'].iat[i]}")
        for i in _rows(pj["target_poin"] > maxima)
    ]


def _check_roadmap_sums(t: Tables) -> list[Problem]:
    """jumlah target blok = TOTAL"""
    pj = t["peta_jalan"].dropna(subset=["tahun", "blok"])
    problems = []
    for year, group in pj.groupby("tahun", sort=True):
        blocks = group[group["blok"] != ROADMAP_TOTAL]
        totals = group[group["blok"] == ROADMAP_TOTAL]
        if blocks.empty or group["target_poin"].isna().any():
            continue  # a TOTAL alone is a complete target; a rejected cell is reported already
        first_row = int(group.index[0]) + 2
        missing = [b for b in BLOCKS if b not in set(blocks["blok"])]
        if totals.empty or missing:
            lacking = ([ROADMAP_TOTAL] if totals.empty else []) + missing
            problems.append(Problem("peta_jalan.csv", first_row, "blok", None,
                                    f"tahun {year} punya target blok, maka perlu juga baris {', '.join(lacking)} "
                                    "(keenam blok dan TOTAL, atau TOTAL saja)"))
            continue
        total, block_sum = float(totals["target_poin"].iat[0]), float(blocks["target_poin"].sum())
        if abs(total - block_sum) > TOLERANCE:
            problems.append(Problem("peta_jalan.csv", int(totals.index[0]) + 2, "target_poin", _num(total),
                                    f"sama dengan jumlah target keenam blok tahun {year}, yaitu {_num(block_sum)}"))
    return problems


def _check_sources(t: Tables) -> list[Problem]:
    """baris sumber per berkas"""
    listed = set(t["sumber"]["berkas"].dropna())
    return [
        Problem("sumber.csv", None, "berkas", name, "satu baris sumber untuk setiap berkas data")
        for name in FILES
        if name != "sumber" and name not in listed
    ]


CHECKS: tuple[tuple[str, Callable[[Tables], list[Problem]]], ...] = (
    ("indikator.csv", _check_catalogue_total),
    ("wilayah.csv", _check_regions),
    ("evaluasi_kota.csv", _check_city_points),
    ("evaluasi_kota.csv", _check_city_totals),
    ("evaluasi_kota.csv", _check_city_years_complete),
    ("evaluasi_kota.csv", _check_official_categories),
    ("kategori_resmi.csv", _check_reported_scores),
    ("skor_kelurahan.csv", _check_kelurahan_scores),
    ("skor_kelurahan.csv", _check_kelurahan_blocks_complete),
    ("inisiatif.csv", _check_initiatives),
    ("kegiatan.csv", _check_activities),
    ("peta_jalan.csv", _check_roadmap),
    ("peta_jalan.csv", _check_roadmap_sums),
    ("sumber.csv", _check_sources),
)
