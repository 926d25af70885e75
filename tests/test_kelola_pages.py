"""Staff pages under AppTest: who sees what (anonymous, not staff, each role, an old sign-in), and the
actions themselves (publish from a candidate, a conflicting publish, rollback, a record entry).

The whole sign-in through a real OpenID provider is in the browser tests (tests/e2e/test_kelola.py).
"""

import datetime as dt
import re
import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from kla import config
from kla.desk.entries import read_csv_text
from kla.i18n import BALIKPAPAN_TZ
from kla.store import Store
from kla.ui.desk import CANDIDATE_KEY, Candidate

ROOT = Path(__file__).resolve().parents[1]
STAFF_PAGES = ["pages/kelola_unggah.py", "pages/kelola_catat.py", "pages/kelola_pratinjau.py",
               "pages/kelola_riwayat.py", "pages/kelola_audit.py"]
AUTH = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "uji-" * 12,
        "client_id": "uji", "client_secret": "uji",
        "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration"}


@pytest.fixture
def store(tiny_city, monkeypatch) -> Store:
    monkeypatch.setenv("KLA_DATA_DIR", str(tiny_city))
    opened = Store.open(config.db_url())
    opened.ensure_initial(tiny_city)
    opened.add_staff("editor@kla.test", "editor", actor="uji")
    opened.add_staff("penerbit@kla.test", "publisher", actor="uji")
    opened.add_staff("petugas@kla.test", "editor", actor="uji", kelurahan=["64.71.04.1001"])
    return opened


def user(email: str, hours_ago: float = 0.1) -> dict:
    return {"is_logged_in": True, "email": email, "iat": int(time.time() - hours_ago * 3600)}


def open_page(page: str, who: dict | None = None, auth: bool = True, state: dict | None = None,
              **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    if auth:
        at.secrets["auth"] = AUTH
    if who is not None:
        at.user = who
    for key, value in params.items():
        at.query_params[key] = value
    for key, value in (state or {}).items():
        at.session_state[key] = value
    at.run()
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def button(at: AppTest, label: str):
    (found,) = [b for b in at.button if b.label == label]
    return found


def words(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [e.value for e in at.error] + [i.value for i in at.info]
    parts += [s.value for s in at.success] + [w.value for w in at.warning] + [c.value for c in at.caption]
    parts += [t.value for t in at.title]
    # read escaped data text as a person would (kla.text.escape_markdown: backslashes, invisible word joiners)
    return re.sub(r"\\(.)", r"\1", "\n".join(map(str, parts))).replace("\u2060", "")


@pytest.mark.parametrize("page", STAFF_PAGES)
def test_a_visitor_who_is_not_signed_in_sees_only_the_sign_in_prompt(store, page):
    at = open_page(page)
    assert [b.label for b in at.button] == ["Masuk"]
    assert "khusus staf" in words(at)
    assert not at.get("file_uploader") and not at.dataframe and not at.text_input


@pytest.mark.parametrize("page", STAFF_PAGES)
def test_a_signed_in_email_that_is_not_staff_gets_no_access(store, page):
    at = open_page(page, who=user("warga@contoh.id"))
    assert "warga@contoh.id tidak terdaftar" in words(at)
    assert [b.label for b in at.button] == ["Keluar"]
    assert not at.get("file_uploader") and not at.dataframe


def test_without_an_auth_section_the_pages_say_how_to_enable_sign_in(store):
    at = open_page("pages/kelola_unggah.py", auth=False)
    assert "belum diaktifkan" in words(at)
    assert not at.button


def test_a_sign_in_older_than_the_maximum_session_age_must_be_renewed(store, monkeypatch):
    monkeypatch.setenv("KLA_MAX_SESSION_HOURS", "12")
    at = open_page("pages/kelola_unggah.py", who=user("penerbit@kla.test", hours_ago=13))
    assert "lebih dari 12 jam" in words(at)
    assert [b.label for b in at.button] == ["Masuk"]
    fresh = open_page("pages/kelola_unggah.py", who=user("penerbit@kla.test", hours_ago=11))
    assert fresh.get("file_uploader")


def test_an_editor_may_upload_but_not_publish_or_roll_back(store):
    at = open_page("pages/kelola_unggah.py", who=user("editor@kla.test"))
    assert at.get("file_uploader")
    candidate = Candidate(_changed_files(store), base=1, origin="unggah")
    preview = open_page("pages/kelola_pratinjau.py", who=user("editor@kla.test"), state={CANDIDATE_KEY: candidate})
    labels = [b.label for b in preview.button]
    assert "Simpan sebagai draf" in labels and "Terbitkan" not in labels
    history = open_page("pages/kelola_riwayat.py", who=user("editor@kla.test"))
    assert "Kembalikan ke versi ini" not in [b.label for b in history.button]


def _changed_files(store: Store) -> dict[str, bytes]:
    """The published set with kelurahan 64.71.04.1001's 2025 K1 points raised by 5."""
    files = store.files(store.published_id())
    table = read_csv_text(files["skor_kelurahan.csv"])
    row = (table["kode_kelurahan"] == "64.71.04.1001") & (table["tahun"] == "2025") & (table["blok"] == "K1")
    assert row.sum() == 1
    table.loc[row, "poin"] = str(float(table.loc[row, "poin"].iloc[0]) + 5)
    return {**files, "skor_kelurahan.csv": table.to_csv(index=False).encode()}


def test_a_publisher_previews_a_candidate_and_publishes_it_with_a_note(store):
    candidate = Candidate(_changed_files(store), base=1, origin="unggah")
    at = open_page("pages/kelola_pratinjau.py", who=user("penerbit@kla.test"), state={CANDIDATE_KEY: candidate})
    assert "skor_kelurahan.csv: 0 baris baru, 0 dihapus, 1 berubah" in [e.label for e in at.expander]
    at.button(key="terbitkan").click().run()
    assert "Tulis catatan versi dulu." in words(at)
    assert store.published_id() == 1, "no note, no publication"
    at.text_input(key="pratinjau_catatan").input("Verifikasi Oktober").run()
    at.button(key="terbitkan").click().run()
    assert store.published_id() == 2
    assert store.published().note == "Verifikasi Oktober" and store.published().published_by == "penerbit@kla.test"
    actions = [e.action for e in store.audit_log(actor="penerbit@kla.test")]
    assert actions[:2] == ["publish", "draft"]


def test_a_second_publisher_is_told_the_version_changed_and_keeps_a_draft(store):
    candidate = Candidate(_changed_files(store), base=1, origin="unggah")
    at = open_page("pages/kelola_pratinjau.py", who=user("penerbit@kla.test"), state={CANDIDATE_KEY: candidate})
    # Someone else publishes while this preview is open.
    other = store.create_version(store.files(1), author="lain@kla.test", note="lain", base=1)
    store.publish(other.id, actor="lain@kla.test", note="lebih dulu", expected=1)
    at.text_input(key="pratinjau_catatan").input("punya saya").run()
    at.button(key="terbitkan").click().run()
    assert store.published_id() == other.id
    assert "berubah menjadi versi 2" in words(at)
    mine = store.versions()[0]
    assert mine.id == 3 and mine.author == "penerbit@kla.test" and mine.is_draft, "the work is kept as a draft"


def test_roll_back_from_history_restores_the_earlier_version(store):
    draft = store.create_version(_changed_files(store), author="penerbit@kla.test", note="baru", base=1)
    store.publish(draft.id, actor="penerbit@kla.test", note="terbit", expected=1)
    at = open_page("pages/kelola_riwayat.py", who=user("penerbit@kla.test"), versi="1")
    at.text_input[0].input("angka salah")  # inside a form: sent with the submit
    button(at, "Kembalikan ke versi ini").click().run()
    assert store.published_id() == 1
    assert store.audit_log(action="rollback")[0].note == "angka salah"


def test_an_officer_limited_to_one_kelurahan_cannot_touch_another(store):
    files = store.files(1)
    table = read_csv_text(files["skor_kelurahan.csv"])
    table.loc[table["kode_kelurahan"] == "64.71.05.1010", "poin"] = "1"
    changed = {**files, "skor_kelurahan.csv": table.to_csv(index=False).encode()}
    at = AppTest.from_function(_stage_as_officer, args=(changed,), default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert "64.71.05.1010" in words(at) and "di luar tugas" in words(at)
    assert CANDIDATE_KEY not in at.session_state
    assert store.audit_log(action="upload_rejected")[0].detail["di_luar_wilayah"] == ["64.71.05.1010"]


def _stage_as_officer(files):
    from kla.ui.auth import Staff
    from kla.ui.desk import stage

    stage(Staff("petugas@kla.test", "editor", ("64.71.04.1001",)), files, 1, "unggah", "id")


def test_recording_an_activity_saves_a_draft_and_changes_nothing_public(store):
    at = open_page("pages/kelola_catat.py", who=user("editor@kla.test"))
    at.text_input[0].input("Sosialisasi pencegahan perundungan")  # a form: values go with the submit
    at.text_input[1].input("DP3AKB")
    at.number_input[0].set_value(40)
    button(at, "Simpan ke draf").click().run()
    assert "Tersimpan di draf versi 2" in words(at), words(at)
    assert store.published_id() == 1
    added = read_csv_text(store.files(2)["kegiatan.csv"]).iloc[-1]
    assert added["judul"] == "Sosialisasi pencegahan perundungan" and added["peserta_anak"] == "40"
    assert added["tanggal"] == dt.datetime.now(BALIKPAPAN_TZ).date().isoformat()


def test_audit_page_lists_the_steps(store):
    at = open_page("pages/kelola_audit.py", who=user("penerbit@kla.test"))
    table = at.dataframe[0].value
    assert {"impor folder", "terbit", "staf ditambah", "masuk"} <= set(table["Tindakan"])
