"""What the data store hands out: plain, frozen records and its errors (messages in Indonesian)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from kla.schema import Problem


class StoreError(Exception):
    """Something the store refuses or cannot do; the message is Indonesian and fit for a user."""


class InvalidData(StoreError):
    """A data set that does not validate: nothing was stored. ``problems`` lists every one."""

    def __init__(self, problems: list[Problem], message: str | None = None):
        self.problems = list(problems)
        super().__init__(message or f"data tidak sah: {len(self.problems)} masalah ditemukan")


class PublishConflict(StoreError):
    """The published version is no longer the one the caller saw: nothing changed, drafts stay."""

    def __init__(self, current: int | None, expected: int | None):
        self.current = current
        self.expected = expected
        now = f"versi {current}" if current is not None else "tidak ada versi"
        before = f"versi {expected}" if expected is not None else "belum ada versi"
        super().__init__("versi yang diterbitkan sudah berubah: "
                         f"sekarang {now}, bukan {before} seperti yang Anda lihat. "
                         "Tidak ada yang diubah dan draf Anda tetap tersimpan; periksa perbedaannya lalu coba lagi.")


@dataclass(frozen=True)
class VersionRecord:
    """One stored version of the whole data set (a draft until it is published)."""

    id: int
    created_at: dt.datetime
    author: str
    note: str
    base: int | None  # the version it was made from (the published one at the time), if any
    summary: dict[str, Any]
    is_sample: bool
    size_bytes: int
    last_published_at: dt.datetime | None = None  # None: never published
    is_current: bool = False

    @property
    def is_draft(self) -> bool:
        return self.last_published_at is None


@dataclass(frozen=True)
class Publication:
    """The publication pointer: which version the public sees, since when, by whom and why."""

    version_id: int
    published_at: dt.datetime
    published_by: str
    note: str
    serial: int  # counts every publish and rollback


@dataclass(frozen=True)
class StaffMember:
    email: str
    role: str
    kelurahan: tuple[str, ...] = ()  # empty: every kelurahan
    added_at: dt.datetime | None = None
    added_by: str = ""


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: dt.datetime
    actor: str
    action: str
    note: str = ""
    from_version: int | None = None
    to_version: int | None = None
    detail: dict[str, Any] = field(default_factory=dict)
