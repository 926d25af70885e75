"""Uploads as offices produce them: file kinds, encodings, separators, title rows, sheets.

Every accepted case states the canonical values worked out by hand; every refused case the
message's file, row, column, value and expectation.
"""

from __future__ import annotations

import codecs
import io
import zipfile

import pytest

from kla.intake import MAX_UPLOAD_BYTES, Upload, read_upload
from tests.intake_files import WILAYAH, column, only_problem, read, rows, xlsx

SKOR_HEADER = ["tahun", "kode_kelurahan", "blok", "poin"]
KEGIATAN_HEADER = ("id;tanggal;jenis;judul;kode_kelurahan;penyelenggara;peserta_anak;peserta_dewasa;blok;id_inisiatif")
JUDUL = "Sosialisasi perundungan – Café Anak Sepinggan"  # an en dash and an é: both in Windows-1252


def kegiatan_csv(separator: str = ";") -> str:
    line = ["KEG-000001", "2025-03-12", "sosialisasi KIE", JUDUL, "64.71.05.1010", "DP3AKB", "45", "12", "K5", ""]
    return KEGIATAN_HEADER.replace(";", separator) + "\r\n" + separator.join(line) + "\r\n"


# --- accepted ---------------------------------------------------------------------------------------


def test_semicolons_and_decimal_commas_of_excel_in_indonesian_locale():
    intake = read("skor_kelurahan.csv", "tahun;kode_kelurahan;blok;poin\r\n2025;64.71.05.1010;K1;38,5\r\n"
                                        "2025;64.71.05.1010;K2;120\r\n")
    assert intake.ok, intake.problems
    assert rows(intake, "skor_kelurahan") == [
        {"tahun": "2025", "kode_kelurahan": "64.71.05.1010", "blok": "K1", "poin": "38.5"},
        {"tahun": "2025", "kode_kelurahan": "64.71.05.1010", "blok": "K2", "poin": "120"},
    ]
    assert any("pemisah titik koma dikenali" in n for n in intake.notes)
    assert any("koma desimal" in n and "'38,5' menjadi 38.5" in n for n in intake.notes)


def test_tab_separated_text():
    intake = read("target.txt", "tahun\tblok\ttarget_poin\n2027\tTOTAL\t905,5\n2027\tK3\t150\n")
    assert intake.ok, intake.problems
    assert rows(intake, "peta_jalan") == [
        {"tahun": "2027", "blok": "TOTAL", "target_poin": "905.5"},
        {"tahun": "2027", "blok": "K3", "target_poin": "150"},
    ]
    assert any("pemisah tab dikenali" in n for n in intake.notes)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig"])
def test_utf8_with_and_without_bom(encoding):
    intake = read("kegiatan.csv", kegiatan_csv(), encoding)
    assert intake.ok, intake.problems
    assert column(intake, "kegiatan", "id") == ["KEG-000001"]  # the BOM is not part of the first header
    assert column(intake, "kegiatan", "judul") == [JUDUL]
    assert any("UTF-8 dengan BOM" in n for n in intake.notes) == (encoding == "utf-8-sig")


def test_windows_1252_is_read_without_mojibake():
    content = kegiatan_csv().encode("cp1252")
    assert b"\xe9" in content and b"\x96" in content  # é and – as single Windows-1252 bytes
    intake = read("kegiatan.csv", content)
    assert intake.ok, intake.problems
    judul = column(intake, "kegiatan", "judul")[0]
    assert judul == JUDUL and "Ã" not in judul and "\ufffd" not in judul
    assert any("Windows-1252" in n for n in intake.notes)


def test_utf16_unicode_text_from_excel():
    content = kegiatan_csv("\t").encode("utf-16")  # what Excel's "Teks Unicode" writes: BOM, UTF-16LE, tabs
    assert content[:2] == b"\xff\xfe"
    intake = read("kegiatan.txt", content)
    assert intake.ok, intake.problems
    assert rows(intake, "kegiatan")[0] == {
        "id": "KEG-000001", "tanggal": "2025-03-12", "jenis": "sosialisasi KIE", "judul": JUDUL,
        "kode_kelurahan": "64.71.05.1010", "penyelenggara": "DP3AKB", "peserta_anak": "45",
        "peserta_dewasa": "12", "blok": "K5", "id_inisiatif": "",
    }
    assert any("UTF-16" in n for n in intake.notes)


def test_title_rows_above_the_header_are_skipped_and_rows_keep_their_numbers():
    content = xlsx({"Sheet1": [
        ["Rekap Penilaian KLA 2025"],
        [],
        SKOR_HEADER,
        [2025, "64.71.05.1010", "K1", 38.5],
        [2025, "64.71.05.1010", "K2", "tiga puluh"],
    ]})
    intake = read("rekap.xlsx", content)
    assert column(intake, "skor_kelurahan", "poin") == ["38.5", "tiga puluh"]
    problem = only_problem(intake)
    assert (problem.berkas, problem.baris, problem.kolom, problem.nilai) == ("rekap.xlsx, lembar Sheet1", 5, "poin",
                                                                             "tiga puluh")
    assert "angka" in problem.harapan
    assert "rekap.xlsx, lembar Sheet1: 2 baris judul di atas tabel dilewati; judul kolom di baris 3" in intake.notes


def test_header_names_in_other_case_and_spacing():
    intake = read("nilai.csv", " Tahun ,Kode Kelurahan,BLOK,POIN (0-1000)\n2025,64.71.05.1010,K4,120\n")
    assert intake.ok, intake.problems
    assert list(intake.tables["skor_kelurahan"].columns) == SKOR_HEADER
    assert rows(intake, "skor_kelurahan") == [
        {"tahun": "2025", "kode_kelurahan": "64.71.05.1010", "blok": "K4", "poin": "120"}]
    assert any("'Kode Kelurahan' = kode_kelurahan" in n and "'POIN (0-1000)' = poin" in n for n in intake.notes)


def test_empty_trailing_rows_and_columns_of_a_csv():
    content = "tahun;kode_kelurahan;blok;poin;;\r\n2025;64.71.05.1010;K1;10;;\r\n;;;;;\r\n;;;;;\r\n"
    intake = read("skor_kelurahan.csv", content)
    assert intake.ok, intake.problems
    assert rows(intake, "skor_kelurahan") == [
        {"tahun": "2025", "kode_kelurahan": "64.71.05.1010", "blok": "K1", "poin": "10"}]


def test_empty_formatted_cells_below_and_beside_an_xlsx_table():
    from openpyxl import Workbook, load_workbook
    from openpyxl.styles import Border, Side

    book = Workbook()
    sheet = book.active
    sheet.append(SKOR_HEADER)
    sheet.append([2025, "64.71.05.1010", "K1", 10])
    thin = Side(style="thin")
    for row in range(1, 40):
        sheet.cell(row, 9).border = Border(left=thin)  # a ruled, empty column I
    sheet.cell(60, 2).border = Border(bottom=thin)  # and an empty, ruled row far below
    out = io.BytesIO()
    book.save(out)
    assert load_workbook(io.BytesIO(out.getvalue())).active.max_row == 60
    intake = read("skor.xlsx", out.getvalue())
    assert intake.ok, intake.problems
    assert rows(intake, "skor_kelurahan") == [
        {"tahun": "2025", "kode_kelurahan": "64.71.05.1010", "blok": "K1", "poin": "10"}]


def test_one_workbook_with_a_sheet_per_data_file():
    content = xlsx({
        "skor_kelurahan": [SKOR_HEADER, [2025, "64.71.05.1010", "K1", 38.5]],
        "Lembar2": [["tahun", "blok", "target_poin"], [2027, "TOTAL", 910]],  # known by its columns
        "Catatan": [["Dikirim oleh Kelurahan Sungainangka"]],
    })
    intake = read("kiriman.xlsx", content)
    assert intake.ok, intake.problems
    assert rows(intake, "skor_kelurahan") == [
        {"tahun": "2025", "kode_kelurahan": "64.71.05.1010", "blok": "K1", "poin": "38.5"}]
    assert rows(intake, "peta_jalan") == [{"tahun": "2027", "blok": "TOTAL", "target_poin": "910"}]
    notes = "\n".join(intake.notes)
    assert "kiriman.xlsx, lembar skor_kelurahan: dikenali sebagai skor_kelurahan dari namanya" in notes
    assert "kiriman.xlsx, lembar Lembar2: dikenali sebagai peta_jalan dari kolomnya" in notes
    assert "kiriman.xlsx, lembar Catatan: dilewati" in notes


def test_two_sheets_of_one_data_file_are_stacked():
    content = xlsx({
        "2024": [SKOR_HEADER, [2024, "64.71.05.1010", "K1", 30]],
        "2025": [["Penilaian 2025"], SKOR_HEADER, [2025, "64.71.05.1010", "K1", 31]],
    })
    intake = read("nilai.xlsx", content)
    assert intake.ok, intake.problems
    assert column(intake, "skor_kelurahan", "tahun") == ["2024", "2025"]
    assert column(intake, "skor_kelurahan", "poin") == ["30", "31"]


@pytest.mark.parametrize("filename", ["peta_jalan.csv", "Peta Jalan (2).csv", "templat_peta_jalan.CSV"])
def test_csv_named_after_the_data_file(filename):
    # "target" alone would not say which file; the name does.
    intake = read(filename, "Tahun,Blok,Target\n2027,total,905\n")
    assert intake.ok, intake.problems
    assert rows(intake, "peta_jalan") == [{"tahun": "2027", "blok": "TOTAL", "target_poin": "905"}]
    assert any("dikenali sebagai peta_jalan dari namanya" in n for n in intake.notes)


def test_csv_recognised_by_its_columns():
    intake = read("kiriman_kelurahan_damai.csv", "tahun,kode_kelurahan,blok,poin\n2025,64.71.06.1005,K5,200\n")
    assert intake.ok, intake.problems
    assert list(intake.tables) == ["skor_kelurahan"]
    assert any("dikenali sebagai skor_kelurahan dari kolomnya" in n for n in intake.notes)


def test_content_decides_not_the_extension():
    content = xlsx({"skor_kelurahan": [SKOR_HEADER, [2025, "64.71.05.1010", "K1", 10]]})
    intake = read("nilai.csv", content)  # an XLSX renamed .csv
    assert intake.ok, intake.problems
    assert column(intake, "skor_kelurahan", "poin") == ["10"]


def test_a_closing_total_row_is_skipped():
    content = xlsx({"skor_kelurahan": [
        SKOR_HEADER, [2025, "64.71.05.1010", "K1", 10], [2025, "64.71.05.1010", "K2", 20], ["Jumlah", None, None, 30]]})
    intake = read("nilai.xlsx", content)
    assert intake.ok, intake.problems
    assert column(intake, "skor_kelurahan", "poin") == ["10", "20"]
    assert any("baris 4 ('Jumlah') dilewati" in n for n in intake.notes)


def test_several_uploads_at_once():
    intake = read_upload([
        Upload("skor_kelurahan.csv", b"tahun,kode_kelurahan,blok,poin\n2025,64.71.05.1010,K1,10\n"),
        Upload("peta_jalan.csv", b"tahun,blok,target_poin\n2027,TOTAL,910\n"),
    ], WILAYAH)
    assert intake.ok, intake.problems
    assert sorted(intake.tables) == ["peta_jalan", "skor_kelurahan"]


# --- refused -----------------------------------------------------------------------------------------


def docx_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


@pytest.mark.parametrize(
    ("filename", "content", "words"),
    [
        ("laporan.docx", docx_bytes(), "dokumen Word"),
        ("nilai.xlsx", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "PDF"),
        ("nilai.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "format Excel lama (.xls)"),
        ("foto.csv", bytes(range(256)) * 4, "bukan teks CSV maupun buku kerja XLSX"),
    ],
)
def test_a_file_that_is_neither_csv_nor_xlsx(filename, content, words):
    problem = only_problem(read(filename, content))
    assert (problem.berkas, problem.baris, problem.kolom, problem.nilai) == (filename, None, None, None)
    assert words in problem.harapan and "unggah CSV atau XLSX" in problem.harapan


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b" \r\n\r\n"])
def test_an_empty_file(content):
    problem = only_problem(read("kosong.csv", content))
    assert (problem.berkas, problem.baris) == ("kosong.csv", None)
    assert problem.harapan == "berkas kosong: tidak ada tabel untuk dibaca"


def test_a_header_only_file():
    intake = read("skor_kelurahan.csv", "tahun;kode_kelurahan;blok;poin\r\n;;;\r\n")
    problem = only_problem(intake)
    assert (problem.berkas, problem.baris, problem.kolom) == ("skor_kelurahan.csv", 1, None)
    assert "tidak ada baris data" in problem.harapan
    assert not intake.ok and intake.tables == {}


def test_an_upload_over_the_size_limit_is_not_read():
    size = 26_528_972  # 25,3 x 1024 x 1024 = 26 528 972,8
    content = (b"tahun,blok,target_poin\n" + b"2027,TOTAL,910\n" * (size // 15))[:size]
    assert len(content) == size > MAX_UPLOAD_BYTES
    problem = only_problem(read("besar.csv", content))
    assert problem.berkas == "besar.csv"
    assert problem.harapan == "berkas besar.csv berukuran 25,3 MB; batasnya 20 MB"


def test_exactly_the_size_limit_is_read():
    # Read (and then refused for what it is), not refused for its size.
    problem = only_problem(read("biner.csv", b"\x01" * MAX_UPLOAD_BYTES))
    assert "bukan teks CSV" in problem.harapan and "berukuran" not in problem.harapan


def test_columns_that_match_no_data_file():
    intake = read("data.csv", "nama,alamat,telepon\nBudi,Jl. Mawar 1,0812\n")
    problem = only_problem(intake)
    assert (problem.berkas, problem.baris, problem.kolom, problem.nilai) == ("data.csv", 1, None, None)
    assert "kolomnya (nama, alamat, telepon) tidak cocok dengan berkas data mana pun" in problem.harapan
    assert "skor_kelurahan" in problem.harapan  # the list of data files it could have been


def test_columns_close_to_a_data_file_say_what_is_missing():
    problem = only_problem(read("data.csv", "tahun,kelurahan,nilai_akhir\n2025,Damai,10\n"))
    assert "paling mirip skor_kelurahan, tetapi kolom blok, poin tidak ada" in problem.harapan


def test_a_workbook_with_no_recognisable_sheet():
    content = xlsx({"Sheet1": [["nama", "alamat"], ["Budi", "Jl. Mawar 1"]], "Sheet2": []})
    problem = only_problem(read("buku.xlsx", content))
    assert (problem.berkas, problem.baris, problem.kolom, problem.nilai) == ("buku.xlsx", None, None, None)
    assert problem.harapan.startswith("buku kerja tanpa lembar yang dikenali (lembar Sheet1: "
                                      "dilewati, kolomnya (nama, alamat)")
    assert "lembar Sheet2: lembar kosong dilewati" in problem.harapan


def test_a_damaged_workbook():
    content = xlsx({"skor_kelurahan": [SKOR_HEADER]})
    problem = only_problem(read("rusak.xlsx", content[: len(content) // 2] + bytes(100)))
    assert problem.berkas == "rusak.xlsx"
    assert "tidak dapat dibuka" in problem.harapan or "bukan teks CSV" in problem.harapan


def test_no_upload_at_all():
    intake = read_upload([], WILAYAH)
    assert not intake.ok
    assert "pilih satu atau beberapa berkas" in only_problem(intake).harapan


def test_columns_that_fit_two_data_files_equally_well():
    content = "tahun,kode_indikator,poin,blok,target_poin\n2025,K3-15,38,K3,150\n"
    problem = only_problem(read("gabungan.csv", content))
    assert (problem.berkas, problem.baris) == ("gabungan.csv", 1)
    assert problem.harapan == ("kolomnya cocok dengan lebih dari satu berkas data (evaluasi_kota, peta_jalan); "
                               "beri nama berkas atau lembar sesuai berkas data")
    named = read("peta_jalan.csv", content)  # the name settles it; the other columns are left out
    assert named.ok, named.problems
    assert rows(named, "peta_jalan") == [{"tahun": "2025", "blok": "K3", "target_poin": "150"}]
    assert any("kolom 'kode_indikator', 'poin' tidak dipakai (bukan kolom peta_jalan)" in n for n in named.notes)


def test_a_decimal_comma_in_a_comma_separated_file_is_not_read_as_two_cells():
    # Unquoted, "38,5" splits into 38 and 5: reading 38 would silently lose half a point.
    intake = read("skor_kelurahan.csv",
                  "tahun,kode_kelurahan,blok,poin\n2025,64.71.05.1010,K1,40\n2025,64.71.05.1010,K2,38,5\n")
    problem = only_problem(intake)
    assert (problem.berkas, problem.baris, problem.kolom, problem.nilai) == ("skor_kelurahan.csv", 3, "E", "5")
    assert "angka berkoma desimal (mis. 38,5) di berkas berpemisah koma" in problem.harapan
    assert not intake.ok


def test_side_notes_beside_a_workbook_table_are_left_out():
    content = xlsx({"skor_kelurahan": [SKOR_HEADER + [None, "catatan"],
                                       [2025, "64.71.05.1010", "K1", 40, None, "cek ulang"],
                                       [2025, "64.71.05.1010", "K2", 41, None, None, 81]]})  # a sum off to the side
    intake = read("nilai.xlsx", content)
    assert intake.ok, intake.problems
    assert column(intake, "skor_kelurahan", "poin") == ["40", "41"]
    assert "nilai.xlsx, lembar skor_kelurahan: kolom G tanpa judul tidak dipakai" in intake.notes
    assert any("kolom 'catatan' tidak dipakai" in n for n in intake.notes)


def test_utf16_that_breaks_off_is_refused_with_how_to_save_it_again():
    content = codecs.BOM_UTF16_LE + "tahun,kode_kelurahan\n2025,64.71.01.1001\n".encode("utf-16-le") + b"\x00"
    intake = read_upload([Upload("skor.csv", content)], WILAYAH)
    assert not intake.tables
    (problem,) = intake.problems
    assert problem.berkas == "skor.csv" and "UTF-16 terpotong" in problem.harapan and "CSV UTF-8" in problem.harapan
