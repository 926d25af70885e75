"""Staff and roles in the store (SQLite and PostgreSQL), and what each role may do."""

from __future__ import annotations

import pytest

from kla.store import ROLES, StoreError, can
from tests.conftest import tiny_tables, write_tables
from tests.store_fixtures import store_fixture, store_url_fixture  # noqa: F401


def test_roles_grow_from_editor_to_admin():
    assert ROLES == ("editor", "publisher", "admin")
    table = {role: [a for a in ("upload", "draft", "publish", "rollback", "staff") if can(role, a)]
             for role in (*ROLES, None, "tamu")}
    assert table == {"editor": ["upload", "draft"], "publisher": ["upload", "draft", "publish", "rollback"],
                     "admin": ["upload", "draft", "publish", "rollback", "staff"], None: [], "tamu": []}
    with pytest.raises(ValueError, match="aksi 'hapus' tidak dikenal"):
        can("admin", "hapus")


def test_add_list_change_and_remove_staff(store):
    editor = store.add_staff(" Ani@Balikpapan.go.id ", "editor", actor="cli:root", kelurahan=["64.71.05.1010"])
    assert (editor.email, editor.role, editor.kelurahan, editor.added_by) == (
        "ani@balikpapan.go.id", "editor", ("64.71.05.1010",), "cli:root")
    store.add_staff("budi@balikpapan.go.id", "publisher", actor="cli:root")
    assert [(m.email, m.role) for m in store.staff_list()] == [("ani@balikpapan.go.id", "editor"),
                                                               ("budi@balikpapan.go.id", "publisher")]
    assert store.staff_member("ANI@balikpapan.go.id").kelurahan == ("64.71.05.1010",)
    assert store.staff_member("tamu@contoh.id") is None and store.staff_member(None) is None

    promoted = store.add_staff("ani@balikpapan.go.id", "publisher", actor="budi@balikpapan.go.id")
    assert (promoted.role, promoted.kelurahan, promoted.added_by) == ("publisher", (), "cli:root")
    assert store.staff_member("ani@balikpapan.go.id").role == "publisher"

    store.remove_staff("ani@balikpapan.go.id", actor="budi@balikpapan.go.id")
    assert store.staff_member("ani@balikpapan.go.id") is None
    log = [(e.action, e.actor, e.detail["email"]) for e in reversed(store.audit_log())]
    assert log == [("staff_add", "cli:root", "ani@balikpapan.go.id"),
                   ("staff_add", "cli:root", "budi@balikpapan.go.id"),
                   ("role_change", "budi@balikpapan.go.id", "ani@balikpapan.go.id"),
                   ("staff_remove", "budi@balikpapan.go.id", "ani@balikpapan.go.id")]
    change = store.audit_log(action="role_change")[0]
    assert change.detail["before"] == {"role": "editor", "kelurahan": ["64.71.05.1010"]}
    assert "editor" in change.note and "publisher" in change.note


@pytest.mark.parametrize(("email", "role", "kelurahan", "message"), [
    ("ani", "editor", (), "alamat email 'ani' tidak sah"),
    ("ani@balikpapan.go.id", "bos", (),
     "peran 'bos' tidak dikenal; seharusnya salah satu dari: editor, publisher, admin"),
    ("ani@balikpapan.go.id", "editor", ("Sungainangka",), "kode kelurahan Sungainangka tidak sah"),
    ("ani@balikpapan.go.id", "editor", ("64.71.09.9999",), "kode kelurahan 64.71.09.9999 tidak ada di data wilayah"),
])
def test_bad_staff_entries_are_refused_clearly(store, email, role, kelurahan, message):
    with pytest.raises(StoreError, match=message):
        store.add_staff(email, role, actor="cli:root", kelurahan=kelurahan)
    assert store.staff_list() == [] and store.audit_log() == []


def test_kelurahan_of_the_published_data_are_accepted(store, tmp_path):
    # a kelurahan code that is not among the official 34 but is in the published wilayah.csv
    tables = {name: table.replace("64.71.05.1002", "64.71.05.1099") for name, table in tiny_tables().items()}
    with pytest.raises(StoreError, match="64.71.05.1099 tidak ada"):
        store.add_staff("ani@balikpapan.go.id", "editor", actor="cli:root", kelurahan=["64.71.05.1099"])
    store.ensure_initial(write_tables(tmp_path / "data", tables))
    member = store.add_staff("ani@balikpapan.go.id", "editor", actor="cli:root",
                             kelurahan=["64.71.04.1001", "64.71.05.1099"])
    assert member.kelurahan == ("64.71.04.1001", "64.71.05.1099")


def test_removing_someone_not_listed_says_so(store):
    with pytest.raises(StoreError, match="'tamu@contoh.id' tidak terdaftar sebagai staf"):
        store.remove_staff("tamu@contoh.id", actor="cli:root")
