"""Staff and roles: editors upload and save drafts, publishers also publish and roll back, admins
also manage staff. An editor may be limited to some kelurahan (the data officer of a kelurahan)."""

from __future__ import annotations

import re
from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from kla.schema import KELURAHAN_CODE
from kla.store.audit import insert_entry
from kla.store.engine import writing
from kla.store.models import blobs, publication, staff, utcnow, version_files
from kla.store.records import StaffMember, StoreError

ROLES: tuple[str, ...] = ("editor", "publisher", "admin")
ACTIONS: tuple[str, ...] = ("upload", "draft", "publish", "rollback", "staff")
PERMISSIONS: dict[str, frozenset[str]] = {
    "editor": frozenset({"upload", "draft"}),
    "publisher": frozenset({"upload", "draft", "publish", "rollback"}),
    "admin": frozenset(ACTIONS),
}
ROLE_NAMES = {"editor": "editor (unggah dan simpan draf)", "publisher": "penerbit (juga terbitkan dan kembalikan)",
              "admin": "admin (juga kelola staf)"}
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def can(role: str | None, action: str) -> bool:
    """Whether ``role`` may do ``action``; no role (the public, non-staff) may do nothing."""
    if action not in ACTIONS:
        raise ValueError(f"aksi '{action}' tidak dikenal; seharusnya salah satu dari: {', '.join(ACTIONS)}")
    return action in PERMISSIONS.get(role or "", frozenset())


def normalise_email(email: str | None) -> str:
    return (email or "").strip().lower()


def _member(row: sa.RowMapping) -> StaffMember:
    return StaffMember(email=row["email"], role=row["role"], kelurahan=tuple(row["kelurahan"] or ()),
                       added_at=row["added_at"], added_by=row["added_by"])


def _describe(member: StaffMember) -> str:
    scope = f"kelurahan {', '.join(member.kelurahan)}" if member.kelurahan else "semua kelurahan"
    return f"{member.email} sebagai {member.role} ({scope})"


class StaffRegistry:
    engine: Engine

    def add_staff(self, email: str, role: str, actor: str, kelurahan: Sequence[str] = ()) -> StaffMember:
        """Add a staff member, or change the role and kelurahan of one already listed."""
        email = normalise_email(email)
        if not EMAIL.fullmatch(email):
            raise StoreError(f"alamat email '{email}' tidak sah; seharusnya seperti nama@balikpapan.go.id")
        if role not in ROLES:
            raise StoreError(f"peran '{role}' tidak dikenal; seharusnya salah satu dari: {', '.join(ROLES)}")
        codes = tuple(dict.fromkeys(c.strip() for c in kelurahan if c.strip()))
        with writing(self.engine) as conn:
            _check_kelurahan(conn, codes)
            before = conn.execute(sa.select(staff).where(staff.c.email == email)).mappings().first()
            member = StaffMember(email, role, codes, utcnow(), actor)
            if before is None:
                conn.execute(sa.insert(staff).values(email=email, role=role, kelurahan=list(codes),
                                                     added_at=member.added_at, added_by=actor))
                insert_entry(conn, actor, "staff_add", _describe(member),
                             detail={"email": email, "role": role, "kelurahan": list(codes)})
                return member
            old = _member(before)
            conn.execute(sa.update(staff).where(staff.c.email == email).values(role=role, kelurahan=list(codes)))
            insert_entry(conn, actor, "role_change", f"{_describe(old)} -> {_describe(member)}",
                         detail={"email": email, "role": role, "kelurahan": list(codes),
                                 "before": {"role": old.role, "kelurahan": list(old.kelurahan)}})
            return StaffMember(email, role, codes, old.added_at, old.added_by)

    def remove_staff(self, email: str, actor: str) -> None:
        email = normalise_email(email)
        with writing(self.engine) as conn:
            before = conn.execute(sa.select(staff).where(staff.c.email == email)).mappings().first()
            if before is None:
                raise StoreError(f"'{email}' tidak terdaftar sebagai staf")
            conn.execute(sa.delete(staff).where(staff.c.email == email))
            old = _member(before)
            insert_entry(conn, actor, "staff_remove", _describe(old),
                         detail={"email": email, "role": old.role, "kelurahan": list(old.kelurahan)})

    def staff_member(self, email: str | None) -> StaffMember | None:
        email = normalise_email(email)
        if not email:
            return None
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(staff).where(staff.c.email == email)).mappings().first()
        return None if row is None else _member(row)

    def staff_list(self) -> list[StaffMember]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(staff).order_by(staff.c.role, staff.c.email)).mappings().all()
        return [_member(r) for r in rows]


def _check_kelurahan(conn: Connection, codes: tuple[str, ...]) -> None:
    """Codes must look like kelurahan codes and exist: in the published data, or in the data folder's wilayah.csv."""
    malformed = [c for c in codes if not re.fullmatch(KELURAHAN_CODE, c)]
    if malformed:
        raise StoreError(f"kode kelurahan {', '.join(malformed)} tidak sah; seharusnya seperti 64.71.05.1010")
    if not codes:
        return
    known = _data_folder_kelurahan() | _published_kelurahan(conn)
    unknown = [c for c in codes if c not in known]
    if unknown:
        raise StoreError(f"kode kelurahan {', '.join(unknown)} tidak ada di data wilayah; "
                         "lihat kolom kode di wilayah.csv")


def _data_folder_kelurahan() -> set[str]:
    """Before anything is published, the folder a new store imports (``KLA_DATA_DIR``) names the kelurahan."""
    from kla import config
    from kla.geography import RegionsUnavailable, read_regions

    try:
        regions = read_regions(config.data_dir())
    except RegionsUnavailable:  # only a hint, like the published list below
        return set()
    return set(regions.loc[regions["tingkat"] == "kelurahan", "kode"])


def _published_kelurahan(conn: Connection) -> set[str]:
    import io

    import pandas as pd

    content = conn.execute(
        sa.select(blobs.c.content)
        .join(version_files, version_files.c.sha256 == blobs.c.sha256)
        .join(publication, publication.c.version_id == version_files.c.version_id)
        .where(version_files.c.name == "wilayah.csv")
    ).scalar()
    if content is None:
        return set()
    header = content.split(b"\n", 1)[0]
    try:
        table = pd.read_csv(io.BytesIO(content), dtype=str, keep_default_na=False, encoding="utf-8-sig",
                            sep=";" if header.count(b";") > header.count(b",") else ",")
        return set(table.loc[table["tingkat"].str.strip() == "kelurahan", "kode"].str.strip())
    except (ValueError, KeyError, UnicodeDecodeError):  # a stored version always loaded; this is only a hint
        return set()
