"""kla.names: controlled values and free texts shown in the reader's language, Indonesian as the fallback."""

import pandas as pd

from kla.names import display_names, indicator_labels, shown_in, value_name, value_names
from kla.schema import ACTIVITY_TYPES, INITIATIVE_STATUSES, INITIATIVE_TYPES, PARTNER_TYPES


def test_every_controlled_value_has_its_own_english_name():
    for vocabulary, values in (("jenis_kegiatan", ACTIVITY_TYPES), ("jenis_inisiatif", INITIATIVE_TYPES),
                               ("jenis_mitra", PARTNER_TYPES), ("status", INITIATIVE_STATUSES)):
        english = [value_name(vocabulary, v, "en") for v in values]
        assert len(set(english)) == len(values), vocabulary
        assert [value_name(vocabulary, v, "id") for v in values] == list(values)
    assert value_name("jenis_kegiatan", "kunjungan lapangan", "en") == "field visit"
    assert value_name("status", "terhenti", "en") == "stopped"
    assert value_name("jenis_inisiatif", "Sekolah Ramah Anak", "en") == "Child-friendly school"


def test_a_value_outside_the_vocabulary_stays_as_written():
    assert value_name("jenis_kegiatan", "arisan", "en") == "arisan"
    assert value_names(pd.Series(["verifikasi", None]), "jenis_kegiatan", "en").tolist()[0] == "verification"
    assert pd.isna(value_names(pd.Series(["verifikasi", None]), "jenis_kegiatan", "en").iloc[1])


def test_english_column_used_where_filled_and_indonesian_otherwise():
    frame = pd.DataFrame({"judul": ["Kunjungan lapangan ke Kelurahan Manggar", "Rapat khusus"],
                          "judul_en": ["Field visit to Kelurahan Manggar", ""]})
    assert display_names(frame, "judul", "en").tolist() == ["Field visit to Kelurahan Manggar", "Rapat khusus"]
    assert display_names(frame, "judul", "id").tolist() == frame["judul"].tolist()
    upload = frame.drop(columns="judul_en")  # staff files may come without the English column
    assert display_names(upload, "judul", "en").tolist() == upload["judul"].tolist()


def test_shown_in_translates_twins_and_vocabularies_and_drops_the_english_columns():
    frame = pd.DataFrame({"jenis": ["verifikasi"], "judul": ["Verifikasi profil anak kota"],
                          "judul_en": ["Verification of the city's child profile"], "kode_kelurahan": [None]})
    shown = shown_in(frame, "en", {"jenis": "jenis_kegiatan"})
    assert list(shown.columns) == ["jenis", "judul", "kode_kelurahan"]
    assert shown.iloc[0].tolist()[:2] == ["verification", "Verification of the city's child profile"]
    assert shown_in(frame, "id", {"jenis": "jenis_kegiatan"}).iloc[0].tolist()[:2] == ["verifikasi",
                                                                                        "Verifikasi profil anak kota"]


def test_indicator_labels_prefer_the_short_english_label_then_the_english_name():
    catalogue = pd.DataFrame({"kode": ["K3-15", "K2-08", "K1-04"],
                              "nama_singkat": ["Puskesmas ramah anak", "PUSPAGA", "Akta kelahiran"],
                              "nama_en": ["Child-friendly health facilities", "Family counselling (PUSPAGA)",
                                          "Children with a birth certificate"],
                              "nama_singkat_en": ["Child-friendly clinics", None, ""]})
    english = indicator_labels(catalogue, "en")
    assert english.to_dict() == {"K3-15": "Child-friendly clinics", "K2-08": "Family counselling (PUSPAGA)",
                                 "K1-04": "Children with a birth certificate"}
    assert indicator_labels(catalogue, "id")["K3-15"] == "Puskesmas ramah anak"
    assert indicator_labels(catalogue.drop(columns="nama_singkat_en"), "en")["K3-15"] == \
        "Child-friendly health facilities"
