"""The append-only audit log: who did what, when, from which version to which, and why."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from kla.store.engine import writing
from kla.store.models import audit, utcnow
from kla.store.records import AuditEntry, StoreError

ACTIONS: tuple[str, ...] = (
    "sign_in", "sign_out", "upload", "upload_rejected", "draft", "publish", "rollback",
    "staff_add", "staff_remove", "role_change", "import",
)


def insert_entry(conn: Connection, actor: str, action: str, note: str = "", from_version: int | None = None,
                 to_version: int | None = None, detail: dict[str, Any] | None = None) -> None:
    """Add one entry inside the caller's transaction (so it commits, or not, with the change it records)."""
    if action not in ACTIONS:
        raise StoreError(f"aksi audit '{action}' tidak dikenal; seharusnya salah satu dari: {', '.join(ACTIONS)}")
    if not (actor or "").strip():
        raise StoreError("pelaku (actor) audit wajib diisi")
    conn.execute(sa.insert(audit).values(at=utcnow(), actor=actor.strip(), action=action, note=note or "",
                                         from_version=from_version, to_version=to_version, detail=detail))


class AuditLog:
    engine: Engine

    def record(self, actor: str, action: str, note: str = "", from_version: int | None = None,
               to_version: int | None = None, detail: dict[str, Any] | None = None) -> None:
        """Add one entry on its own (sign-in, sign-out, upload, rejected upload ...)."""
        with writing(self.engine) as conn:
            insert_entry(conn, actor, action, note, from_version, to_version, detail)

    def audit_log(self, since: dt.date | None = None, actor: str | None = None,
                  action: str | None = None, limit: int | None = None) -> list[AuditEntry]:
        """Entries, newest first (at most ``limit``). ``since``: from that day's midnight in the
        server's local time."""
        query = sa.select(audit).order_by(audit.c.at.desc(), audit.c.id.desc()).limit(limit)
        if since is not None:
            query = query.where(audit.c.at >= dt.datetime.combine(since, dt.time()).astimezone())
        if actor:
            query = query.where(audit.c.actor == actor)
        if action:
            query = query.where(audit.c.action == action)
        with self.engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
        return [AuditEntry(id=r["id"], at=r["at"], actor=r["actor"], action=r["action"], note=r["note"] or "",
                           from_version=r["from_version"], to_version=r["to_version"], detail=r["detail"] or {})
                for r in rows]
