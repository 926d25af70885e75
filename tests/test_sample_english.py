"""The sample's English columns: every generated text has its English twin, naming the same places."""

import re

import pandas as pd

from kla.sample import curated, english
from kla.sample.activity_kinds import ACTIVITY_KINDS
from kla.sample.initiative_kinds import INVENTED_KINDS
from kla.sample.meetings import _meeting_title
from tests.sample_data import kelurahan_names, sample_tables

INDONESIAN_WORDS = re.compile(r"\b(?:Sosialisasi|Pelatihan|Pertemuan|Rapat|Kunjungan|Verifikasi|Standardisasi|Kegiatan|"
                              r"bersama|dengan|untuk|bagi|anak|terhenti|Wadah|ilustratif|dibuat|tahun)\b")


def test_every_title_template_and_link_prefix_has_english_with_the_same_placeholders():
    for kind in ACTIVITY_KINDS.values():
        for text, *_ in (*kind.local_titles, *kind.city_titles):
            assert re.findall(r"{\w+}", english.ACTIVITY_TITLES[text]) == re.findall(r"{\w+}", text), text
        if kind.link_prefix:
            assert kind.link_prefix in english.LINK_PREFIXES
    months = pd.period_range("2023-01", "2026-11", freq="M")
    for title in {_meeting_title(m, second) for m in months for second in (False, True)}:
        assert title in english.ACTIVITY_TITLES
    for _, title in curated.known_meetings().values():
        assert title in english.ACTIVITY_TITLES


def test_every_initiative_text_and_stop_reason_has_english():
    for kind in INVENTED_KINDS:
        for text in (*(v.text for v in kind.variants), *kind.stop_reasons):
            assert english.INITIATIVE_TEXTS[text]
    named = curated.named_initiatives()
    assert (named["deskripsi_en"].str.strip() != "").all()


def test_activity_titles_in_english_name_the_same_kelurahan_and_no_indonesian_words():
    tables = sample_tables()
    log = tables["kegiatan"]
    assert log["judul_en"].notna().all()
    own = log.loc[log["id_inisiatif"].isna(), "judul_en"]  # a linked title ends in the initiative's own name
    assert not own.str.contains(INDONESIAN_WORDS).any(), own[own.str.contains(INDONESIAN_WORDS)].head().tolist()
    names = kelurahan_names(tables)
    local = log[log["kode_kelurahan"].notna() & log["id_inisiatif"].isna()]
    for row in local.itertuples():
        kelurahan = names[row.kode_kelurahan]
        assert (kelurahan in row.judul) == (kelurahan in row.judul_en), (row.judul, row.judul_en)
    linked = log[log["id_inisiatif"].notna()]
    initiative = tables["inisiatif"].set_index("id")["nama"]
    assert len(linked) > 100
    assert all(t.endswith(initiative[i]) for t, i in zip(linked["judul_en"], linked["id_inisiatif"]))


def test_initiative_descriptions_and_indicator_labels_and_sources_have_english():
    tables = sample_tables()
    described = tables["inisiatif"]
    assert not described["deskripsi_en"].str.contains(INDONESIAN_WORDS).any()
    placed = described[described["deskripsi"].str.contains("lokasi kelurahan ilustratif")]
    assert len(placed) and placed["deskripsi_en"].str.contains("location illustrative").all()
    labels = tables["indikator"]["nama_singkat_en"]
    assert labels.notna().all() and labels.is_unique
    assert (labels != tables["indikator"]["nama_singkat"]).sum() >= 20  # a few acronyms read the same
    sources = tables["sumber"]
    for column in ("judul_en", "sumber_en"):
        assert sources[column].notna().all() and (sources[column] != sources[column.removesuffix("_en")]).all()
    assert not sources["sumber_en"].str.contains(INDONESIAN_WORDS).any()
    assert sources.set_index("berkas").loc["kegiatan", "periode_en"] == "2023-01-01 to 2026-11-15"
