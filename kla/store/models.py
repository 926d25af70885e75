"""The store's tables (SQLAlchemy Core). The migrations in ``migrations/versions`` create them.

* ``blobs``: file contents, addressed by their sha256, stored once however many versions hold them.
* ``versions`` + ``version_files``: a version is the whole data set (every file name -> blob).
* ``publication``: ONE row (id 1) naming the published version; publish and rollback update it.
* ``audit``: append-only log (a trigger refuses UPDATE and DELETE).
* ``staff``: who may do what (role, kelurahan of an editor).
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.engine import Dialect

POINTER_ID = 1  # the one row of ``publication``


class UTCDateTime(sa.TypeDecorator):
    """Timezone-aware UTC datetimes on both databases (SQLite keeps no zone: stored as naive UTC)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("waktu tanpa zona waktu tidak disimpan; pakai datetime dengan tzinfo")
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


metadata = sa.MetaData(naming_convention={
    "ix": "ix_%(column_0_label)s", "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s", "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})

blobs = sa.Table(
    "blobs", metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("size", sa.BigInteger, nullable=False),
    sa.Column("content", sa.LargeBinary, nullable=False),
)

versions = sa.Table(
    "versions", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),  # given under a lock: 1, 2, 3 ... no gaps
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("author", sa.String(320), nullable=False),
    sa.Column("note", sa.Text, nullable=False, server_default=""),
    sa.Column("base", sa.Integer, sa.ForeignKey("versions.id"), nullable=True),
    sa.Column("summary", sa.JSON, nullable=False),
    sa.Column("is_sample", sa.Boolean, nullable=False),
    sa.Column("size_bytes", sa.BigInteger, nullable=False),
    sa.Column("last_published_at", UTCDateTime, nullable=True),
)

version_files = sa.Table(
    "version_files", metadata,
    sa.Column("version_id", sa.Integer, sa.ForeignKey("versions.id"), primary_key=True),
    sa.Column("name", sa.String(100), primary_key=True),
    sa.Column("sha256", sa.String(64), sa.ForeignKey("blobs.sha256"), nullable=False),
)

publication = sa.Table(
    "publication", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("version_id", sa.Integer, sa.ForeignKey("versions.id"), nullable=True),
    sa.Column("published_at", UTCDateTime, nullable=True),
    sa.Column("published_by", sa.String(320), nullable=True),
    sa.Column("note", sa.Text, nullable=True),
    sa.Column("serial", sa.Integer, nullable=False, server_default="0"),
    sa.CheckConstraint(f"id = {POINTER_ID}", name="single_row"),
)

audit = sa.Table(
    "audit", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", UTCDateTime, nullable=False, index=True),
    sa.Column("actor", sa.String(320), nullable=False, index=True),
    sa.Column("action", sa.String(40), nullable=False, index=True),
    sa.Column("note", sa.Text, nullable=False, server_default=""),
    sa.Column("from_version", sa.Integer, nullable=True),  # no foreign key: the log outlives anything
    sa.Column("to_version", sa.Integer, nullable=True),
    sa.Column("detail", sa.JSON, nullable=True),
)

staff = sa.Table(
    "staff", metadata,
    sa.Column("email", sa.String(320), primary_key=True),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("kelurahan", sa.JSON, nullable=False),  # list of codes; empty = every kelurahan
    sa.Column("added_at", UTCDateTime, nullable=False),
    sa.Column("added_by", sa.String(320), nullable=False),
    sa.CheckConstraint("role IN ('editor', 'publisher', 'admin')", name="role"),
)
