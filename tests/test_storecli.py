"""python -m kla data|staff|audit|db, in process through kla.cli.main, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io

import pytest

from kla import cli
from kla.store import Store
from kla.store.engine import head_revision
from tests.store_fixtures import folder_bytes, store_url_fixture  # noqa: F401

SCORE_1010_K1 = "2025,64.71.05.1010,K1,78.0"


@pytest.fixture
def use_store(store_url, monkeypatch) -> str:
    """The commands use the test's database; the acting user is 'penguji'."""
    monkeypatch.setenv("KLA_DB_URL", store_url)
    monkeypatch.setenv("USER", "penguji")
    return store_url


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def edited_copy(tiny_city, tmp_path, name: str, old: str, new: str):
    folder = tmp_path / "baru"
    folder.mkdir(parents=True)
    for file_name, content in folder_bytes(tiny_city).items():
        (folder / file_name).write_bytes(content)
    path = folder / name
    assert path.read_text().count(old) == 1
    path.write_text(path.read_text().replace(old, new))
    return folder


def test_import_publish_and_roll_back(use_store, tiny_city, tmp_path, capsys):
    code, out, _ = run(capsys, "data", "import", str(tiny_city), "--note", "data awal", "--publish", "--as",
                       "admin@balikpapan.go.id")
    assert code == 0 and "Versi 1 disimpan sebagai draf: 9 berkas" in out and "Versi 1 diterbitkan." in out
    changed = edited_copy(tiny_city, tmp_path, "skor_kelurahan.csv", SCORE_1010_K1, "2025,64.71.05.1010,K1,88.0")
    code, out, _ = run(capsys, "data", "import", str(changed), "--note", "skor Mei")
    assert code == 0 and "Versi 2 disimpan sebagai draf" in out and "data publish 2" in out

    code, out, _ = run(capsys, "data", "versions")
    lines = out.splitlines()
    assert code == 0 and lines[0].split()[:3] == ["versi", "dibuat", "status"]
    assert lines[1].split()[0] == "2" and "draf" in lines[1] and "cli:penguji" in lines[1] and "skor Mei" in lines[1]
    assert lines[2].split()[0] == "1" and "DITERBITKAN" in lines[2] and "admin@balikpapan.go.id" in lines[2]

    code, out, _ = run(capsys, "data", "publish", "2", "--note", "skor Mei terbit")
    assert (code, out.strip()) == (0, "Versi 2 diterbitkan, menggantikan versi 1. Publikasi ke-2.")
    code, out, _ = run(capsys, "data", "rollback", "1", "--note", "salah ketik", "--as", "budi@balikpapan.go.id")
    assert code == 0 and out.startswith("Versi 1 diterbitkan kembali (rollback), menggantikan versi 2")

    store = Store.open(use_store)
    assert store.published_id() == 1
    log = [(e.actor, e.action, e.from_version, e.to_version) for e in reversed(store.audit_log())]
    assert log == [("admin@balikpapan.go.id", "draft", None, 1), ("admin@balikpapan.go.id", "publish", None, 1),
                   ("cli:penguji", "draft", 1, 2), ("cli:penguji", "publish", 1, 2),
                   ("budi@balikpapan.go.id", "rollback", 2, 1)]
    assert store.audit_log(action="draft")[0].detail["folder"] == str(changed.resolve())


def test_an_invalid_folder_is_listed_and_not_stored(use_store, tiny_city, tmp_path, capsys):
    broken = edited_copy(tiny_city, tmp_path, "kegiatan.csv", "2025-02-20", "2025-02-31")
    code, _, err = run(capsys, "data", "import", str(broken), "--note", "coba", "--publish")
    assert code == 1
    assert err.splitlines()[0] == f"1 masalah ditemukan di {broken}; tidak ada yang disimpan:"
    assert err.splitlines()[1].startswith("- kegiatan.csv, baris 4, kolom 'tanggal': nilai '2025-02-31' tidak sah")
    store = Store.open(use_store)
    assert store.versions() == []
    (rejected,) = store.audit_log()
    assert (rejected.action, rejected.actor) == ("upload_rejected", "cli:penguji")
    assert "2025-02-31" in rejected.detail["masalah"][0]


def test_usage_errors_exit_2_with_one_line(use_store, tiny_city, tmp_path, capsys):
    assert run(capsys, "data", "import", str(tiny_city), "--note", "awal", "--publish")[0] == 0
    cases = [
        (("data", "import", str(tmp_path / "tidak-ada"), "--note", "x"),
         f"Kesalahan: folder {tmp_path / 'tidak-ada'} tidak ada."),
        (("data", "publish", "7", "--note", "x"), "Kesalahan: versi 7 tidak ada"),
        (("data", "rollback", "1", "--note", "x"), "Kesalahan: versi 1 sudah yang diterbitkan"),
        (("data", "publish", "1", "--note", " "),
         "Kesalahan: catatan wajib diisi: tulis mengapa versi ini diterbitkan"),
        (("data", "export", "9", str(tmp_path / "keluar")), "Kesalahan: versi 9 tidak ada"),
        (("staff", "add", "ani", "--role", "editor"),
         "Kesalahan: alamat email 'ani' tidak sah; seharusnya seperti nama@balikpapan.go.id"),
        (("staff", "remove", "tamu@contoh.id"), "Kesalahan: 'tamu@contoh.id' tidak terdaftar sebagai staf"),
    ]
    for args, message in cases:
        code, _, err = run(capsys, *args)
        assert (code, err.strip()) == (2, message), args
    for args in (("data", "publish", "1"), ("staff", "add", "ani@contoh.id", "--role", "bos"), ("data", "diff", "1")):
        with pytest.raises(SystemExit) as caught:
            cli.main(list(args))
        assert caught.value.code == 2
    assert run(capsys, "data")[0] == 2 and run(capsys, "staff")[0] == 2 and run(capsys, "db")[0] == 2


def test_a_publish_over_a_version_that_changed_exits_1(use_store, tiny_city, tmp_path, capsys):
    assert run(capsys, "data", "import", str(tiny_city), "--note", "awal", "--publish")[0] == 0
    for points in ("88.0", "70.0"):
        changed = edited_copy(tiny_city, tmp_path / points, "skor_kelurahan.csv", SCORE_1010_K1,
                              f"2025,64.71.05.1010,K1,{points}")
        assert run(capsys, "data", "import", str(changed), "--note", points)[0] == 0
    assert run(capsys, "data", "publish", "2", "--note", "budi menerbitkan", "--expect", "1")[0] == 0
    code, out, err = run(capsys, "data", "publish", "3", "--note", "citra menerbitkan", "--expect", "1")
    assert (code, out) == (1, "")
    assert err.startswith("Tidak diterbitkan: versi yang diterbitkan sudah berubah: sekarang versi 2, bukan versi 1")
    store = Store.open(use_store)
    assert store.published_id() == 2 and store.version(3).is_draft


def test_diff_of_two_versions(use_store, tiny_city, tmp_path, capsys):
    assert run(capsys, "data", "import", str(tiny_city), "--note", "awal", "--publish")[0] == 0
    changed = edited_copy(tiny_city, tmp_path, "skor_kelurahan.csv", SCORE_1010_K1, "2025,64.71.05.1010,K1,88.0")
    assert run(capsys, "data", "import", str(changed), "--note", "skor")[0] == 0
    code, out, _ = run(capsys, "data", "diff", "1", "2")
    assert code == 0
    assert out.splitlines() == [
        "Dari versi 1 ke versi 2:",
        "skor_kelurahan.csv: 0 baris ditambah, 0 dihapus, 1 berubah",
        "  ~ 2025 / 64.71.05.1010 / K1: poin '78' -> '88'",
        "Skor kelurahan yang berubah:",
        "  64.71.05.1010 Sungainangka 2025: 650,00 -> 660,00 (+10,00)",
        "Grafik yang berubah: banding_kelurahan, peta_petak, peta_kelurahan",
        "Wilayah yang tersentuh: 64.71.05.1010",
    ]
    assert run(capsys, "data", "diff", "2", "2")[1].strip() == "Versi 2 dan versi 2: isi data sama."


def test_export_a_version(use_store, tiny_city, tmp_path, capsys):
    assert run(capsys, "data", "import", str(tiny_city), "--note", "awal")[0] == 0
    code, out, _ = run(capsys, "data", "export", "1", str(tmp_path / "keluar"))
    assert code == 0 and out.startswith(f"Versi 1: 9 berkas ditulis ke {tmp_path / 'keluar'}")
    assert {p.name: p.read_bytes() for p in (tmp_path / "keluar").iterdir()} == folder_bytes(tiny_city)


def test_staff_commands(use_store, tiny_city, capsys):
    code, out, _ = run(capsys, "staff", "add", "Ani@Balikpapan.go.id", "--role", "editor", "--kelurahan",
                       "64.71.05.1010,64.71.05.1002")
    assert (code, out.strip()) == (0, "ani@balikpapan.go.id: "
                                      "editor, kelurahan 64.71.05.1010, 64.71.05.1002 (ditambahkan).")
    code, out, _ = run(capsys, "staff", "add", "ani@balikpapan.go.id", "--role", "publisher", "--as", "boss@contoh.id")
    assert (code, out.strip()) == (0, "ani@balikpapan.go.id: publisher, semua kelurahan (diubah).")
    code, out, _ = run(capsys, "staff", "list")
    assert code == 0 and out.splitlines()[1].split()[:3] == ["ani@balikpapan.go.id", "publisher", "semua"]
    assert out.splitlines()[1].split()[-1] == "cli:penguji", "added by stays the first adder"
    assert run(capsys, "staff", "remove", "ani@balikpapan.go.id")[1].strip() == "ani@balikpapan.go.id bukan staf lagi."
    assert "Belum ada staf" in run(capsys, "staff", "list")[1]
    actions = [(e.action, e.actor) for e in reversed(Store.open(use_store).audit_log())]
    assert actions == [("staff_add", "cli:penguji"), ("role_change", "boss@contoh.id"), ("staff_remove", "cli:penguji")]


def test_audit_listing_and_csv(use_store, tiny_city, capsys):
    assert run(capsys, "data", "import", str(tiny_city), "--note", "=HYPERLINK(\"x\")", "--publish")[0] == 0
    code, out, _ = run(capsys, "audit")
    assert code == 0 and [line.split()[3] for line in out.splitlines()] == ["publish", "draft"]
    assert run(capsys, "audit", "--since", "2999-01-01")[1].strip() == "Log audit kosong sejak 2999-01-01."
    assert len(run(capsys, "audit", "--action", "publish")[1].splitlines()) == 1
    code, out, _ = run(capsys, "audit", "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [r["aksi"] for r in rows] == ["publish", "draft"]
    assert rows[0]["ke_versi"] == "1" and rows[0]["dari_versi"] == "" and rows[0]["pelaku"] == "cli:penguji"
    assert rows[0]["catatan"] == "'=HYPERLINK(\"x\")", "a note that a spreadsheet would run is neutralised"
    with pytest.raises(SystemExit):
        cli.main(["audit", "--since", "kemarin"])


def test_db_upgrade_twice(use_store, capsys):
    code, out, _ = run(capsys, "db", "upgrade")
    assert code == 0 and out.strip().endswith(f"dimigrasi dari kosong ke {head_revision()}.")
    code, out, _ = run(capsys, "db", "upgrade")
    assert code == 0 and out.strip().endswith(f"sudah pada revisi terbaru {head_revision()}.")


def test_an_unreachable_database_is_one_line(monkeypatch, capsys):
    monkeypatch.setenv("KLA_DB_URL", "postgresql+psycopg://kla:rahasia@127.0.0.1:1/kla")
    code, _, err = run(capsys, "data", "versions")
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert err.startswith("Basis data postgresql+psycopg://kla:***@127.0.0.1:1/kla tidak dapat dibuka")
    assert "rahasia" not in err


def test_export_and_brief_read_the_published_version(use_store, tiny_city, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("KLA_DATA_DIR", str(tiny_city))
    changed = edited_copy(tiny_city, tmp_path, "evaluasi_kota.csv", "2025,K4-18,44.0", "2025,K4-18,40.0")
    assert run(capsys, "data", "import", str(tiny_city), "--note", "awal", "--publish")[0] == 0
    assert run(capsys, "data", "import", str(changed), "--note", "K4-18", "--publish")[0] == 0
    code, _, err = run(capsys, "export", "--chart", "tren_total", "--format", "csv", "--out", str(tmp_path / "kit"))
    assert code == 0, err
    (exported,) = (tmp_path / "kit").glob("*.csv")
    table = exported.read_text(encoding="utf-8-sig")
    assert "2025,876.0,Utama" in table and "2025,880.0" not in table  # 880 - 4: version 2, not the data folder
