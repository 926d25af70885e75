"""kla.store on SQLite and on a real PostgreSQL: migrations, import, drafts, publish, rollback, audit."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa

from kla.schema import FILES
from kla.store import InvalidData, PublishConflict, Store, StoreError, published_dataset
from kla.store.engine import current_revision, dispose, head_revision, normalise_url, safe_url
from kla.store.models import blobs
from tests.conftest import tiny_tables, write_tables
from tests.store_fixtures import folder_bytes, store_fixture, store_url_fixture, with_cell  # noqa: F401

ROOT = Path(__file__).resolve().parents[1]
SCORE_1010_K1 = "2025,64.71.05.1010,K1,78.0"
TINY_ROWS = {"indikator": 24, "evaluasi_kota": 48, "kategori_resmi": 4, "skor_kelurahan": 36, "inisiatif": 3,
             "kegiatan": 4, "peta_jalan": 7, "wilayah": 5, "sumber": 8}


def audit_actions(store: Store) -> list[tuple[str, int | None, int | None]]:
    """(action, from, to) oldest first."""
    return [(e.action, e.from_version, e.to_version) for e in reversed(store.audit_log())]


# --- migrations -----------------------------------------------------------------------------------


def test_open_migrates_an_empty_database_to_head(store_url):
    store = Store.open(store_url)
    assert current_revision(store.engine) == head_revision()
    assert store.published() is None and store.published_id() is None
    assert store.versions() == [] and store.staff_list() == [] and store.audit_log() == []
    dispose(store_url)
    again = Store.open(store_url)  # a second start: nothing to do, nothing lost
    assert current_revision(again.engine) == head_revision()
    with again.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM publication")).scalar() == 1


MIGRATE = r"""
import sys, time
from pathlib import Path
from kla.store.engine import create_engine, upgrade
engine = create_engine(sys.argv[1])
print("siap", flush=True)
while not Path(sys.argv[2]).exists():
    time.sleep(0.001)
print(upgrade(engine), flush=True)
"""


def test_two_processes_migrating_together_both_succeed(store_url, tmp_path):
    go = tmp_path / "mulai"
    children = [subprocess.Popen([sys.executable, "-c", MIGRATE, store_url, str(go)], cwd=ROOT, text=True,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    assert [c.stdout.readline().strip() for c in children] == ["siap", "siap"]
    go.touch()  # both start migrating the empty database at the same moment
    results = [c.communicate(timeout=120) for c in children]
    assert [(c.returncode, out.strip())
            for c, (out, _) in zip(children, results)] == [(0, head_revision())] * 2, results
    assert current_revision(Store.open(store_url).engine) == head_revision()


def test_sqlite_store_creates_its_folder_and_uses_wal(tmp_path):
    url = f"sqlite:///{tmp_path / 'nieuw' / 'dalam' / 'kla.sqlite3'}"
    store = Store.open(url)
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert (tmp_path / "nieuw" / "dalam" / "kla.sqlite3").is_file()
    dispose(url)


def test_default_url_is_a_sqlite_file_in_the_state_folder(empty_state_dir, tiny_city):
    store = Store.open()
    assert store.ensure_initial(tiny_city) == 1
    assert (empty_state_dir / "kla.sqlite3").is_file()
    store.close()


def test_published_dataset_imports_once_then_serves_the_store(tiny_city, tmp_path):
    broken = write_tables(tmp_path / "rusak", {**tiny_tables(), "wilayah": tiny_tables()["wilayah"].iloc[:2]})
    refused = published_dataset(broken)  # an empty store and a bad folder: problems, nothing stored
    assert not refused.ok and any(p.berkas == "skor_kelurahan.csv" for p in refused.problems)
    first = published_dataset(tiny_city)
    assert first.ok and first.dataset.version.number == 1
    again = published_dataset(broken)  # the folder only seeds an empty store
    assert again.ok and again.dataset.version.number == 1
    assert again.dataset.folder == first.dataset.folder


def test_plain_postgresql_urls_use_psycopg_and_passwords_stay_hidden():
    assert normalise_url("postgresql://kla@db/kla").drivername == "postgresql+psycopg"
    assert safe_url("postgresql+psycopg://kla:rahasia@db/kla") == "postgresql+psycopg://kla:***@db/kla"


def test_unsupported_database_is_refused():
    with pytest.raises(StoreError, match="tidak didukung"):
        Store.open("mysql://kla@localhost/kla")


# --- the first import -------------------------------------------------------------------------------


def test_empty_store_imports_the_data_folder_as_version_1(store, tiny_city):
    assert store.ensure_initial(tiny_city, actor="sistem") == 1
    assert store.ensure_initial(tiny_city) is None  # only once
    (record,) = store.versions()
    assert (record.id, record.author, record.base, record.is_current) == (1, "sistem", None, True)
    assert record.summary["rows"] == TINY_ROWS
    assert record.size_bytes == sum(len(b) for b in folder_bytes(tiny_city).values())
    assert store.files(1) == folder_bytes(tiny_city)
    publication = store.published()
    assert (publication.version_id, publication.published_by, publication.serial) == (1, "sistem", 1)
    assert publication.published_at == record.last_published_at
    assert audit_actions(store) == [("import", None, 1), ("publish", None, 1)]


def test_import_keeps_the_sample_labels(store, tiny_city):
    store.ensure_initial(tiny_city)
    data = store.load_version(1).dataset
    assert store.version(1).is_sample and data.is_sample
    assert "kategori_resmi" not in data.sample_files and "kegiatan" in data.sample_files
    assert (data.version.number, data.version.published_at) == (1, store.published().published_at)


def test_import_of_real_data_is_not_labelled_sample(store, tmp_path):
    tables = tiny_tables()
    tables["sumber"]["contoh"] = "tidak"
    folder = write_tables(tmp_path / "asli", tables)
    store.ensure_initial(folder)
    assert not store.version(1).is_sample
    assert not store.load_version(1).dataset.is_sample


def test_an_invalid_folder_is_not_imported(store, tiny_city):
    (tiny_city / "skor_kelurahan.csv").write_text(
        (tiny_city / "skor_kelurahan.csv").read_text().replace(SCORE_1010_K1, "2025,64.71.05.1010,K1,banyak"))
    with pytest.raises(InvalidData) as caught:
        store.ensure_initial(tiny_city)
    assert [(p.berkas, p.baris, p.kolom, p.nilai) for p in caught.value.problems] == [
        ("skor_kelurahan.csv", 27, "poin", "banyak")]
    assert store.versions() == [] and store.published() is None and store.audit_log() == []


def test_a_missing_folder_is_reported_per_file(store, tmp_path):
    with pytest.raises(InvalidData) as caught:
        store.ensure_initial(tmp_path / "tidak-ada")
    assert sorted(p.berkas for p in caught.value.problems) == sorted(f"{n}.csv" for n in FILES)


def test_two_processes_starting_together_import_once(store_url, tiny_city):
    stores = [Store.open(store_url), Store.open(store_url)]
    barrier = threading.Barrier(2)
    results: list = []

    def start(s: Store) -> None:
        barrier.wait()
        results.append(s.ensure_initial(tiny_city))

    threads = [threading.Thread(target=start, args=(s,)) for s in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results, key=str) == [1, None]
    assert [v.id for v in stores[0].versions()] == [1]
    assert audit_actions(stores[0]) == [("import", None, 1), ("publish", None, 1)]


# --- drafts -------------------------------------------------------------------------------------------


def test_a_draft_is_stored_but_not_published(store, tiny_city):
    store.ensure_initial(tiny_city)
    files = with_cell(folder_bytes(tiny_city), "skor_kelurahan.csv", SCORE_1010_K1, "2025,64.71.05.1010,K1,88.0")
    draft = store.create_version(files, author="ani@balikpapan.go.id", note="skor Sungainangka", base=1)
    assert (draft.id, draft.base, draft.is_current, draft.last_published_at) == (2, 1, False, None)
    assert draft.created_at.tzinfo == dt.UTC
    assert abs(draft.created_at - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=5)
    assert store.published_id() == 1
    assert store.files(2) == files
    assert audit_actions(store)[-1] == ("draft", 1, 2)
    with store.engine.connect() as conn:  # only the changed file's content is new
        assert conn.execute(sa.select(sa.func.count()).select_from(blobs)).scalar() == len(FILES) + 1
    assert [v.id for v in store.versions()] == [2, 1]


def test_invalid_data_is_refused_whole(store, tiny_city):
    store.ensure_initial(tiny_city)
    before = audit_actions(store)
    files = with_cell(folder_bytes(tiny_city), "kegiatan.csv", "2025-02-20", "2025-02-31")
    with pytest.raises(InvalidData) as caught:
        store.create_version(files, author="ani@balikpapan.go.id", note="x", base=1)
    assert [(p.berkas, p.baris, p.kolom, p.nilai) for p in caught.value.problems] == [
        ("kegiatan.csv", 4, "tanggal", "2025-02-31")]
    missing = dict(folder_bytes(tiny_city))
    del missing["wilayah.csv"]
    with pytest.raises(InvalidData, match="2 masalah") as caught:
        store.create_version({**missing, "catatan.txt": b"x"}, author="ani", note="x", base=1)
    assert sorted(p.berkas for p in caught.value.problems) == ["catatan.txt", "wilayah.csv"]
    assert [v.id for v in store.versions()] == [1] and audit_actions(store) == before


# --- publish and rollback --------------------------------------------------------------------------


def _draft(store: Store, tiny_city, points: str = "88.0", base: int | None = 1) -> int:
    files = with_cell(folder_bytes(tiny_city), "skor_kelurahan.csv", SCORE_1010_K1, f"2025,64.71.05.1010,K1,{points}")
    return store.create_version(files, author="ani@balikpapan.go.id", note=f"K1 {points}", base=base).id


def _score_1010_k1(store: Store, version_id: int) -> float:
    sk = store.load_version(version_id).dataset.skor_kelurahan
    row = sk[(sk["tahun"] == 2025) & (sk["kode_kelurahan"] == "64.71.05.1010") & (sk["blok"] == "K1")]
    return float(row["poin"].iloc[0])


def test_publish_then_roll_back(store, tiny_city):
    store.ensure_initial(tiny_city)
    draft = _draft(store, tiny_city)
    published = store.publish(draft, actor="budi@balikpapan.go.id", note="data kelurahan Mei", expected=1)
    assert (published.version_id, published.published_by, published.note, published.serial) == (
        2, "budi@balikpapan.go.id", "data kelurahan Mei", 2)
    assert store.published_id() == 2 and store.version(2).is_current and not store.version(1).is_current
    assert _score_1010_k1(store, store.published_id()) == 88.0
    assert store.load_version(2).dataset.version.published_at == published.published_at

    back = store.rollback(1, actor="budi@balikpapan.go.id", note="angka Mei salah", expected=2)
    assert (back.version_id, back.serial) == (1, 3)
    assert _score_1010_k1(store, store.published_id()) == 78.0
    assert store.version(1).last_published_at == back.published_at > published.published_at
    assert audit_actions(store)[-3:] == [("draft", 1, 2), ("publish", 1, 2), ("rollback", 2, 1)]
    last = store.audit_log()[0]
    assert (last.actor, last.note) == ("budi@balikpapan.go.id", "angka Mei salah")


def test_publish_needs_a_note_and_an_existing_other_version(store, tiny_city):
    store.ensure_initial(tiny_city)
    draft = _draft(store, tiny_city)
    with pytest.raises(StoreError, match="catatan wajib"):
        store.publish(draft, actor="budi", note="  ", expected=1)
    with pytest.raises(StoreError, match="versi 9 tidak ada"):
        store.publish(9, actor="budi", note="x", expected=1)
    with pytest.raises(StoreError, match="versi 1 sudah yang diterbitkan"):
        store.rollback(1, actor="budi", note="x", expected=1)
    with pytest.raises(StoreError, match="versi 9 tidak ada"):
        store.version(9)
    assert store.published_id() == 1 and store.published().serial == 1


def test_publishing_over_a_version_that_changed_is_refused(store, tiny_city):
    store.ensure_initial(tiny_city)
    first, second = _draft(store, tiny_city, "88.0"), _draft(store, tiny_city, "70.0")
    store.publish(first, actor="budi", note="pertama", expected=1)
    with pytest.raises(PublishConflict) as caught:
        store.publish(second, actor="citra", note="kedua", expected=1)  # citra still saw version 1
    assert (caught.value.current, caught.value.expected) == (first, 1)
    assert "draf Anda tetap tersimpan" in str(caught.value)
    assert store.published_id() == first and store.published().serial == 2
    assert store.version(second).is_draft and _score_1010_k1(store, second) == 70.0
    assert [e.action for e in store.audit_log(actor="citra")] == []


def test_two_publishers_at_once_one_wins(store_url, tiny_city):
    setup = Store.open(store_url)
    setup.ensure_initial(tiny_city)
    drafts = {"budi": _draft(setup, tiny_city, "88.0"), "citra": _draft(setup, tiny_city, "70.0")}
    barrier = threading.Barrier(2)
    outcome: dict[str, object] = {}

    def publish(actor: str) -> None:
        s = Store.open(store_url)
        barrier.wait()
        try:
            outcome[actor] = s.publish(drafts[actor], actor=actor, note=f"terbit oleh {actor}", expected=1)
        except PublishConflict as exc:
            outcome[actor] = exc

    threads = [threading.Thread(target=publish, args=(a,)) for a in drafts]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    winners = [a for a, o in outcome.items() if not isinstance(o, PublishConflict)]
    losers = [a for a, o in outcome.items() if isinstance(o, PublishConflict)]
    assert len(winners) == 1 and len(losers) == 1, outcome
    winner, loser = winners[0], losers[0]
    assert outcome[loser].current == drafts[winner]
    assert setup.published_id() == drafts[winner] and setup.published().serial == 2
    assert setup.version(drafts[loser]).is_draft and setup.load_version(drafts[loser]).ok
    assert [(e.actor, e.to_version) for e in setup.audit_log(action="publish")] == [(winner, drafts[winner]),
                                                                                     ("sistem", 1)]


# --- folders ------------------------------------------------------------------------------------------


def test_materialise_writes_once_and_reuses(store, tiny_city, tmp_path):
    store.ensure_initial(tiny_city)
    root = tmp_path / "versi"
    folder = store.materialise(1, root)
    assert folder == root / "1"
    assert {p.name: p.read_bytes() for p in folder.glob("*.csv")} == folder_bytes(tiny_city)
    inode = (folder / "kegiatan.csv").stat().st_ino
    assert store.materialise(1, root) == folder and (folder / "kegiatan.csv").stat().st_ino == inode
    assert not [p for p in root.iterdir() if p.name != "1"], "no temporary folder left behind"


def test_materialise_replaces_an_incomplete_folder(store, tiny_city, tmp_path):
    store.ensure_initial(tiny_city)
    (tmp_path / "versi" / "1").mkdir(parents=True)
    (tmp_path / "versi" / "1" / "kegiatan.csv").write_text("setengah")
    folder = store.materialise(1, tmp_path / "versi")
    assert (folder / "kegiatan.csv").read_bytes() == (tiny_city / "kegiatan.csv").read_bytes()


def test_materialise_from_several_threads(store, tiny_city, tmp_path):
    store.ensure_initial(tiny_city)
    barrier = threading.Barrier(4)
    paths = []

    def run() -> None:
        barrier.wait()
        paths.append(store.materialise(1, tmp_path / "versi"))

    threads = [threading.Thread(target=run) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert paths == [tmp_path / "versi" / "1"] * 4
    assert [p.name for p in (tmp_path / "versi").iterdir()] == ["1"]
    assert {p.name: p.read_bytes() for p in paths[0].glob("*.csv")} == folder_bytes(tiny_city)


def test_load_version_defaults_to_the_state_folder(store, tiny_city, empty_state_dir):
    store.ensure_initial(tiny_city)
    result = store.load_version(1)
    assert result.ok and result.dataset.folder == empty_state_dir / "versions" / "1"


def test_export_writes_the_stored_files(store, tiny_city, tmp_path):
    store.ensure_initial(tiny_city)
    paths = store.export(1, tmp_path / "keluar")
    assert sorted(p.name for p in paths) == sorted(f"{n}.csv" for n in FILES)
    assert {p.name: p.read_bytes() for p in paths} == folder_bytes(tiny_city)


# --- audit ----------------------------------------------------------------------------------------------


def test_audit_log_filters_and_stays_append_only(store, tiny_city):
    store.ensure_initial(tiny_city)
    store.record("ani@balikpapan.go.id", "sign_in")
    store.record("ani@balikpapan.go.id", "upload_rejected", note="3 masalah", detail={"berkas": ["kegiatan.csv"]})
    entries = store.audit_log()
    assert [e.action for e in entries] == ["upload_rejected", "sign_in", "publish", "import"]
    assert entries[0].detail == {"berkas": ["kegiatan.csv"]} and entries[0].at.tzinfo == dt.UTC
    assert [e.action for e in store.audit_log(actor="ani@balikpapan.go.id")] == ["upload_rejected", "sign_in"]
    assert [e.action for e in store.audit_log(action="sign_in")] == ["sign_in"]
    assert [e.action for e in store.audit_log(limit=2)] == ["upload_rejected", "sign_in"]
    assert len(store.audit_log(since=dt.date.today() - dt.timedelta(days=1))) == 4
    assert store.audit_log(since=dt.date.today() + dt.timedelta(days=2)) == []
    with pytest.raises(StoreError, match="aksi audit 'hapus' tidak dikenal"):
        store.record("ani", "hapus")
    for statement in ("UPDATE audit SET note = 'diubah'", "DELETE FROM audit"):
        with pytest.raises(sa.exc.DatabaseError, match="audit hanya bisa ditambah"), store.engine.begin() as conn:
            conn.execute(sa.text(statement))
    assert len(store.audit_log()) == 4


def test_stored_file_contents_cannot_be_changed(store, tiny_city):
    store.ensure_initial(tiny_city)
    with pytest.raises(sa.exc.DatabaseError, match="tidak bisa diubah"), store.engine.begin() as conn:
        conn.execute(sa.text("UPDATE blobs SET content = :c"), {"c": b"lain"})
    assert store.files(1) == folder_bytes(tiny_city)


def test_importing_a_folder_with_a_fifo_reports_it_instead_of_hanging(tiny_city, tmp_path):
    import os

    from kla.store.versions import folder_files

    os.remove(tiny_city / "kegiatan.csv")
    os.mkfifo(tiny_city / "kegiatan.csv")
    with pytest.raises(InvalidData) as caught:
        folder_files(tiny_city)
    (problem,) = caught.value.problems
    assert problem.berkas == "kegiatan.csv" and "bukan berkas biasa" in problem.harapan
