"""Seeded sample data that looks like the real Balikpapan KLA programme, clearly labelled as sample.

``generate(seed)`` returns one table per file of :data:`kla.schema.FILES`; ``write_sample(folder)``
writes them through :func:`kla.loading.replace_folder_files` (validated, atomic, byte-identical
for the same seed). ``generate_activities`` makes activity logs of any size, vectorised, for
benchmarks.

What is real and what is invented:

- real, in ``kla/sample/facts/*.csv`` with a source on every row (read by :mod:`kla.sample.curated`):
  kecamatan/kelurahan codes, names and spelling variants (the source of ``wilayah.csv``), the
  categories per year and the reported 2023 scores (``kategori_resmi``), the indicator names, the
  named services and places (Forum Anak in all 34 kelurahan, PUSPAGA "Harapan", PISA, ...), the
  reported Gugus Tugas meetings, the city total of children 0-17 (2021) and the kecamatan
  populations used to split it;
- illustrative, in the generation modules: every point and weight, child count per kelurahan,
  initiative date and status, invented community initiative and activity record; the assumed
  service tier of each kelurahan is data too (``kla/sample/assumptions/kelurahan.csv``), so no
  region list is written in code. ``sumber.csv`` says so for each file.

Modules, one concern each: :mod:`~kla.sample.curated` (the facts), :mod:`~kla.sample.timeline`
(dates), :mod:`~kla.sample.points` (totals that add up), :mod:`~kla.sample.regions` (``wilayah``),
:mod:`~kla.sample.city` (``indikator``, ``evaluasi_kota``, ``kategori_resmi``),
:mod:`~kla.sample.roadmap` (``peta_jalan``), :mod:`~kla.sample.kelurahan_scores`
(``skor_kelurahan``), :mod:`~kla.sample.initiative_kinds` and :mod:`~kla.sample.initiatives`
(``inisiatif``), :mod:`~kla.sample.activity_kinds`, :mod:`~kla.sample.meetings` and
:mod:`~kla.sample.activities` (``kegiatan``), :mod:`~kla.sample.sources` (``sumber``) and
:mod:`~kla.sample.build` (all of them from one seed).

All randomness flows from one ``numpy.random.Generator`` made from the seed; nothing reads the
clock, and every loop runs over fixed-order lists, never over sets.
"""

from __future__ import annotations

from kla.sample.activities import draw_activities, generate_activities, number_activities
from kla.sample.build import generate, sample_files, write_sample

__all__ = ["draw_activities", "generate", "generate_activities", "number_activities", "sample_files", "write_sample"]
