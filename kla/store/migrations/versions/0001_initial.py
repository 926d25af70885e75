"""The data store: blobs, versions, the publication pointer, the audit log and staff.

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from kla.store.models import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

APPEND_ONLY = "audit hanya bisa ditambah, tidak diubah atau dihapus"
IMMUTABLE = "isi versi yang tersimpan tidak bisa diubah"


def upgrade() -> None:
    op.create_table(
        "blobs",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "versions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("author", sa.String(320), nullable=False),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.Column("base", sa.Integer, sa.ForeignKey("versions.id", name="fk_versions_base_versions"), nullable=True),
        sa.Column("summary", sa.JSON, nullable=False),
        sa.Column("is_sample", sa.Boolean, nullable=False),
        sa.Column("size_bytes", sa.BigInteger, nullable=False),
        sa.Column("last_published_at", UTCDateTime, nullable=True),
    )
    op.create_table(
        "version_files",
        sa.Column("version_id", sa.Integer, sa.ForeignKey("versions.id", name="fk_version_files_version_id_versions"),
                  primary_key=True),
        sa.Column("name", sa.String(100), primary_key=True),
        sa.Column("sha256", sa.String(64), sa.ForeignKey("blobs.sha256", name="fk_version_files_sha256_blobs"),
                  nullable=False),
    )
    op.create_table(
        "publication",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("version_id", sa.Integer, sa.ForeignKey("versions.id", name="fk_publication_version_id_versions"),
                  nullable=True),
        sa.Column("published_at", UTCDateTime, nullable=True),
        sa.Column("published_by", sa.String(320), nullable=True),
        sa.Column("note", sa.Text, nullable=True),
        sa.Column("serial", sa.Integer, nullable=False, server_default="0"),
        sa.CheckConstraint("id = 1", name="ck_publication_single_row"),
    )
    # The pointer row exists from the start, so publishing is always one UPDATE of it.
    op.execute("INSERT INTO publication (id, version_id, serial) VALUES (1, NULL, 0)")
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", UTCDateTime, nullable=False),
        sa.Column("actor", sa.String(320), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.Column("from_version", sa.Integer, nullable=True),
        sa.Column("to_version", sa.Integer, nullable=True),
        sa.Column("detail", sa.JSON, nullable=True),
    )
    op.create_index("ix_audit_at", "audit", ["at"])
    op.create_index("ix_audit_actor", "audit", ["actor"])
    op.create_index("ix_audit_action", "audit", ["action"])
    op.create_table(
        "staff",
        sa.Column("email", sa.String(320), primary_key=True),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("kelurahan", sa.JSON, nullable=False),
        sa.Column("added_at", UTCDateTime, nullable=False),
        sa.Column("added_by", sa.String(320), nullable=False),
        sa.CheckConstraint("role IN ('editor', 'publisher', 'admin')", name="ck_staff_role"),
    )
    _guards(op.get_bind().dialect.name)


def _guards(dialect: str) -> None:
    """Triggers that keep the audit log append-only and stored file contents unchanged."""
    guarded = (("audit", "UPDATE OR DELETE", APPEND_ONLY), ("blobs", "UPDATE", IMMUTABLE),
               ("version_files", "UPDATE", IMMUTABLE))
    if dialect == "postgresql":
        for table, events, message in guarded:
            op.execute(f"""
                CREATE FUNCTION kla_refuse_{table}() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION '{message}'; END $$""")
            op.execute(f"CREATE TRIGGER {table}_guard BEFORE {events} ON {table} "
                       f"FOR EACH ROW EXECUTE FUNCTION kla_refuse_{table}()")
    elif dialect == "sqlite":
        for table, events, message in guarded:
            for event in events.split(" OR "):
                op.execute(f"CREATE TRIGGER {table}_guard_{event.lower()} BEFORE {event} ON {table} "
                           f"BEGIN SELECT RAISE(ABORT, '{message}'); END")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in ("audit", "blobs", "version_files"):
        if dialect == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS {table}_guard ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS kla_refuse_{table}()")
    for table in ("staff", "audit", "publication", "version_files", "versions", "blobs"):
        op.drop_table(table)
