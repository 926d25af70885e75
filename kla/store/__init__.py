"""Versioned data store (no Streamlit): every publication is an immutable version of the whole
data set; one publication pointer; an append-only audit log; staff and their roles.

SQLite file under ``KLA_STATE_DIR`` by default, PostgreSQL through ``KLA_DB_URL``; SQLAlchemy 2 with
Alembic migrations run on :meth:`Store.open`. See ``docs/DATA_STORE.md``.
"""

from kla.store.records import (
    AuditEntry,
    InvalidData,
    Publication,
    PublishConflict,
    StaffMember,
    StoreError,
    VersionRecord,
)
from kla.store.staff import ROLES, can
from kla.store.store import Store, published_dataset

__all__ = ["ROLES", "AuditEntry", "InvalidData", "Publication", "PublishConflict", "StaffMember", "Store",
           "StoreError", "VersionRecord", "can", "published_dataset"]
