"""Matching features to the kelurahan of the data's ``wilayah`` table: by code, else by name
(kla.geography), in EPSG:4326."""

from __future__ import annotations

from collections.abc import Iterable

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry

from kla.boundaries.geometry import polygonal
from kla.boundaries.model import OUTPUT_COLUMNS, BoundaryError, MatchedFeature, MatchReport, UnmatchedFeature
from kla.geography import NameIndex, NameMatch, build_name_index, describe_match, match_name

# Generous box around Kota Balikpapan (lon 116.73-117.02, lat -1.28 to -1.01): a feature outside
# it means swapped lat/lon or a wrong CRS, which would otherwise draw the city in the sea.
BALIKPAPAN_BOX = (116.0, -2.0, 118.0, 0.0)


def to_wgs84(gdf: gpd.GeoDataFrame, name: str = "berkas") -> gpd.GeoDataFrame:
    """Reproject to EPSG:4326; without a CRS the coordinates must already look like lon/lat."""
    if gdf.crs is None:
        minx, miny, maxx, maxy = gdf.total_bounds
        if not (-180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90):
            raise BoundaryError(
                f"{name}: tidak ada keterangan CRS, dan koordinatnya (x {minx:.0f}..{maxx:.0f}, "
                f"y {miny:.0f}..{maxy:.0f}) "
                "bukan bujur/lintang; diharapkan CRS tercatat (mis. berkas .prj Shapefile) atau EPSG:4326.")
        return gdf.set_crs("EPSG:4326")
    if gdf.crs.to_epsg() == 4326:
        return gdf
    try:
        return gdf.to_crs("EPSG:4326")
    except Exception as exc:  # pyproj raises several types; any of them means "cannot reproject"
        raise BoundaryError(f"{name}: tidak dapat diproyeksikan dari {gdf.crs.name} ke EPSG:4326 ({exc}).") from exc


def _cell_text(value: object) -> str:
    """Text of a property; whole floats lose their ".0" so 6471011001.0 reads as a code."""
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))
    return str(value).strip()


def _property_columns(gdf: gpd.GeoDataFrame) -> list[str]:
    return [c for c in gdf.columns if c != gdf.geometry.name]


def _key_column(gdf: gpd.GeoDataFrame, index: NameIndex, name: str) -> tuple[str, str]:
    """The column to match on: the one with the most kelurahan codes, else the most names."""
    for wanted in (("kode",), ("nama", "alias")):
        scores = {c: sum(match_name(_cell_text(v), index).cara in wanted for v in gdf[c])
                  for c in _property_columns(gdf)}
        best = max(scores, key=scores.__getitem__, default=None)
        if best is not None and scores[best] > 0:
            return best, wanted[0]
    columns = ", ".join(_property_columns(gdf)) or "(tidak ada)"
    raise BoundaryError(f"{name}: tidak ada kolom berisi kode kelurahan Balikpapan (mis. 64.71.01.1001) atau nama "
                        f"kelurahan; kolom yang ada: {columns}.")


def match_kelurahan(gdf: gpd.GeoDataFrame, wilayah: pd.DataFrame,
                    name: str = "berkas") -> tuple[gpd.GeoDataFrame, MatchReport]:
    """One row per matched kelurahan (columns :data:`OUTPUT_COLUMNS`, EPSG:4326) and a report.

    ``wilayah`` is the data's region table (``wilayah.csv``): its kelurahan, codes, names and
    aliases are what features are matched to, and its names are the ones written out. When the
    file has a code column, a feature whose code is not a Balikpapan kelurahan stays unmatched
    even if its name matches: another city may have a kelurahan of the same name.
    """
    index = build_name_index(wilayah, "kelurahan")
    if not index.names_by_code:
        raise BoundaryError("daftar wilayah tidak berisi kelurahan; diharapkan baris bertingkat kelurahan "
                            "di wilayah.csv.")
    if gdf.empty:
        raise BoundaryError(f"{name}: tidak berisi fitur; diharapkan satu fitur per kelurahan.")
    gdf = to_wgs84(gdf, name)
    column, mode = _key_column(gdf, index, name)
    matched, unmatched, repaired, not_polygons = [], [], 0, []
    geoms: dict[str, list[BaseGeometry]] = {}
    for i, (value, geom) in enumerate(zip(gdf[column], gdf.geometry), start=1):
        m = match_name(_cell_text(value), index)
        ok = m.kode is not None and (mode == "nama" or m.cara == "kode")
        polygon, fixed = polygonal(geom) if ok else (None, False)
        repaired += fixed
        if not ok or polygon is None:
            unmatched.append(UnmatchedFeature(i, m.text, _unmatched_message(m, mode, geom, column)))
            if ok:
                not_polygons.append(unmatched[-1])
            continue
        assert m.kode is not None and m.nama is not None  # ok: matched to a region, which has both
        matched.append(MatchedFeature(i, m.text, m.kode, m.nama, m.cara, describe_match(m)))
        geoms.setdefault(m.kode, []).append(polygon)
    if not matched and not_polygons:
        first = not_polygons[0]
        raise BoundaryError(f"{name}: tidak ada fitur berbentuk poligon ({len(not_polygons)} fitur kelurahan tanpa "
                            f"luas); fitur {first.baris}: {first.pesan} Berkas titik atau garis bukan batas wilayah.")
    if not matched:
        raise BoundaryError(f"{name}: tidak ada fitur yang cocok dengan kelurahan Balikpapan (kolom '{column}'); "
                            f"contoh nilai: {_examples(gdf[column])}.")
    report = MatchReport(column=column, matched=tuple(matched), unmatched=tuple(unmatched),
                         missing=tuple(sorted(set(index.names_by_code) - set(geoms))), repaired=repaired,
                         dissolved=tuple(sorted(k for k, g in geoms.items() if len(g) > 1)),
                         names=dict(index.names_by_code))
    return _official_rows(geoms, wilayah), report


def _unmatched_message(m: NameMatch, mode: str, geom: BaseGeometry | None, column: str) -> str:
    if mode == "kode" and m.cara != "kode":
        return (f"kolom {column}: “{m.text}” bukan kode kelurahan Kota Balikpapan; "
                "diharapkan kode seperti 64.71.01.1001 atau 6471011001.")
    if m.kode is None:
        return f"kolom {column}: {describe_match(m)}"
    if geom is None or geom.is_empty:
        kind = "kosong"
    elif geom.geom_type in ("Polygon", "MultiPolygon"):  # repairing it left nothing with an area
        kind = f"{geom.geom_type} tanpa luas (titik segaris atau kurang dari 4 titik)"
    else:
        kind = f"{geom.geom_type}, bukan poligon"
    return f"{m.nama} ({m.kode}): geometri {kind}; diharapkan Polygon atau MultiPolygon."


def _examples(values: Iterable[object]) -> str:
    texts = [f"“{_cell_text(v)}”" for v in list(values)[:3]]
    return ", ".join(texts) or "(kosong)"


def _official_rows(geoms: dict[str, list[BaseGeometry]], wilayah: pd.DataFrame) -> gpd.GeoDataFrame:
    """Official names and kecamatan for each code; several features of one kelurahan become one."""
    rows = wilayah.set_index("kode")
    records = []
    for kode in sorted(geoms):
        parts = geoms[kode]
        geom = parts[0] if len(parts) == 1 else shapely.union_all(parts)
        kec = str(rows.at[kode, "kode_induk"])
        kec_name = str(rows.at[kec, "nama"]) if kec in rows.index else ""
        records.append((kode, str(rows.at[kode, "nama"]), kec, kec_name, geom))
    return gpd.GeoDataFrame(records, columns=list(OUTPUT_COLUMNS), geometry="geometry", crs="EPSG:4326")


def check_location(gdf: gpd.GeoDataFrame, name: str) -> None:
    minx, miny, maxx, maxy = BALIKPAPAN_BOX
    bounds = gdf.geometry.bounds
    outside = (bounds["minx"] < minx) | (bounds["maxx"] > maxx) | (bounds["miny"] < miny) | (bounds["maxy"] > maxy)
    if outside.any():
        row = gdf[outside].iloc[0]
        b = bounds[outside].iloc[0]
        raise BoundaryError(
            f"{name}: {row['nama_kelurahan']} ({row['kode_kelurahan']}) "
            f"berada di bujur {b['minx']:.3f}..{b['maxx']:.3f}, "
            f"lintang {b['miny']:.3f}..{b['maxy']:.3f}; diharapkan sekitar bujur 116,7..117,1 dan lintang -1,3..-1,0 "
            "(urutan lintang/bujur tertukar atau CRS salah?).")
