"""KLA_ROLE: one codebase, a public replica (no staff, a read-only store) and an admin instance.

The same topology through nginx in Chromium: tests/e2e/test_deploy.py.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from bench.postgres import PgServer
from kla import config
from kla.store import Store, StoreError
from kla.store.engine import dispose

ROOT = Path(__file__).resolve().parents[1]
STAFF_PAGES = ["kelola_unggah", "kelola_catat", "kelola_pratinjau", "kelola_riwayat", "kelola_audit"]
AUTH = {"redirect_uri": "http://localhost/kelola/oauth2callback", "cookie_secret": "uji-" * 12,
        "client_id": "uji", "client_secret": "uji",
        "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration"}


@pytest.mark.parametrize(("value", "role"), [(None, "all"), ("", "all"), ("  ", "all"), ("public", "public"),
                                             (" Admin ", "admin"), ("ALL", "all")])
def test_role_values(value, role):
    assert config.parse_role(value) == role


def test_unknown_role_is_refused_in_indonesian_naming_the_setting_and_the_choices(monkeypatch):
    monkeypatch.setenv("KLA_ROLE", "publik")
    with pytest.raises(config.RoleError) as caught:
        config.role()
    message = str(caught.value)
    assert message.startswith("KLA_ROLE='publik' bukan peran yang dikenal")
    assert "seharusnya salah satu dari: all, public, admin" in message


def test_only_the_public_role_hides_staff_and_reads_only(monkeypatch):
    expected = {"public": (False, True), "admin": (True, False), "all": (True, False)}
    for role, (staff, read_only) in expected.items():
        monkeypatch.setenv("KLA_ROLE", role)
        assert (config.staff_pages_enabled(), config.store_read_only()) == (staff, read_only)


def app(role: str, monkeypatch, auth: bool = False) -> AppTest:
    monkeypatch.setenv("KLA_ROLE", role)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    if auth:
        at.secrets["auth"] = AUTH
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_public_role_registers_no_staff_page(monkeypatch, tiny_city):
    monkeypatch.setenv("KLA_DATA_DIR", str(tiny_city))
    Store.open(read_only=False).ensure_initial(tiny_city)  # as the admin instance would have
    at = app("public", monkeypatch, auth=True)
    assert at.title[0].value.startswith("Ringkasan")
    for page in STAFF_PAGES:
        with pytest.raises(ValueError, match="Could not find a navigation page") as caught:
            at.switch_page(f"pages/{page}.py")
        assert "pages/ringkasan.py" in str(caught.value)  # the public pages are the known ones


def test_single_process_role_still_has_the_staff_pages(monkeypatch, tiny_city):
    monkeypatch.setenv("KLA_DATA_DIR", str(tiny_city))
    at = app("all", monkeypatch, auth=True)
    at.switch_page("pages/kelola_catat.py").run()
    assert [b.label for b in at.button] == ["Masuk"]


def test_admin_role_opens_on_the_staff_sign_in(monkeypatch, tiny_city):
    monkeypatch.setenv("KLA_DATA_DIR", str(tiny_city))
    at = app("admin", monkeypatch, auth=True)
    assert at.title[0].value == "Masuk staf DP3AKB"
    assert [b.label for b in at.button] == ["Masuk"]


def test_public_replica_on_an_empty_database_tells_visitors_the_data_is_not_published_yet(monkeypatch, tiny_city):
    monkeypatch.setenv("KLA_DATA_DIR", str(tiny_city))  # a public replica must not import it
    at = app("public", monkeypatch)
    assert [i.value for i in at.info] == ["Data dasbor belum diterbitkan. Silakan kembali beberapa saat lagi."]
    assert not at.error
    with pytest.raises(StoreError, match="masih kosong; instans publik tidak memigrasi"):
        Store.open(read_only=True)


def test_public_role_opens_the_store_read_only_without_import(monkeypatch, tiny_city):
    monkeypatch.setenv("KLA_DATA_DIR", str(tiny_city))
    Store.open(read_only=False)  # migrated, no version yet
    monkeypatch.setenv("KLA_ROLE", "public")
    store = Store.open()
    assert store.read_only
    assert store.ensure_initial(tiny_city) is None
    assert store.versions() == []
    with pytest.raises(sa.exc.OperationalError, match="readonly database"):
        store.add_staff("editor@kla.test", "editor", actor="uji")
    with sqlite3.connect(config.state_dir() / "kla.sqlite3") as conn:
        assert conn.execute("select count(*) from staff").fetchone() == (0,)


@pytest.fixture
def roles_db(postgres_server: PgServer, tiny_city) -> tuple[str, str]:
    """A database with the deploy/postgres/init-roles.sh users: (owner URL, reader URL)."""
    server = PgServer(postgres_server.folder, postgres_server.port, postgres_server.bin,
                      database=postgres_server.create_database().rsplit("/", 1)[1])
    suffix = server.database[-6:]
    try:
        yield server.init_roles("pemilik", "baca", owner=f"pemilik_{suffix}", reader=f"baca_{suffix}")
    finally:
        server.drop_database(server.database)
        with server.admin() as conn:
            conn.execute(f'DROP ROLE IF EXISTS "pemilik_{suffix}"')
            conn.execute(f'DROP ROLE IF EXISTS "baca_{suffix}"')


def test_public_replica_works_with_a_postgresql_user_that_may_only_select(roles_db, tiny_city):
    owner_url, reader_url = roles_db
    with pytest.raises(StoreError, match="masih kosong"):
        Store.open(reader_url, read_only=True)  # the admin has not migrated yet: nothing is attempted
    admin = Store.open(owner_url, read_only=False)
    admin.ensure_initial(tiny_city)
    replica = Store.open(reader_url, read_only=True)
    assert replica.published_id() == 1
    assert replica.load_version(1).ok
    draft = admin.create_version(admin.files(1), author="uji@kla.test", note="kedua", base=1)
    admin.publish(draft.id, actor="uji@kla.test", note="terbit", expected=1)
    assert replica.published_id() == draft.id
    with pytest.raises(sa.exc.ProgrammingError, match="permission denied"):  # the user itself may not write
        Store.open(reader_url, read_only=False).add_staff("x@kla.test", "editor", actor="uji")
    with pytest.raises(sa.exc.InternalError, match="read-only transaction"):  # nor may a read-only session
        Store.open(owner_url, read_only=True).add_staff("x@kla.test", "editor", actor="uji")
    dispose(owner_url)
    dispose(reader_url)
