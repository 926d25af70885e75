"""The publication pointer: one row naming the published version.

Publishing and rolling back are the same single UPDATE of that row, guarded by the version the
caller saw (``expected``): when someone else published in between, the UPDATE matches no row, the
transaction is rolled back and :class:`PublishConflict` says which version is published now. The
audit entry is written in the same transaction, so the log and the pointer never disagree.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from kla.store.audit import insert_entry
from kla.store.engine import writing
from kla.store.models import POINTER_ID, publication, utcnow, versions
from kla.store.records import Publication, PublishConflict, StoreError


def move_pointer(conn: Connection, version_id: int, actor: str, note: str, expected: int | None,
                 action: str) -> Publication:
    """Point the publication at ``version_id`` if it still points at ``expected`` (caller's transaction)."""
    if not (note or "").strip():
        raise StoreError("catatan wajib diisi: tulis mengapa versi ini diterbitkan")
    if not (actor or "").strip():
        raise StoreError("pelaku (actor) wajib diisi")
    if conn.execute(sa.select(versions.c.id).where(versions.c.id == version_id)).first() is None:
        raise StoreError(f"versi {version_id} tidak ada")
    if version_id == expected:
        raise StoreError(f"versi {version_id} sudah yang diterbitkan")
    now = utcnow()
    moved = conn.execute(
        sa.update(publication)
        .where(publication.c.id == POINTER_ID, publication.c.version_id.is_not_distinct_from(expected))
        .values(version_id=version_id, published_at=now, published_by=actor.strip(), note=note.strip(),
                serial=publication.c.serial + 1)
    )
    if moved.rowcount != 1:
        current = conn.execute(sa.select(publication.c.version_id)).scalar()
        raise PublishConflict(current=current, expected=expected)
    conn.execute(sa.update(versions).where(versions.c.id == version_id).values(last_published_at=now))
    insert_entry(conn, actor, action, note.strip(), from_version=expected, to_version=version_id)
    moved_to = _publication(conn)
    assert moved_to is not None  # the row was just pointed at version_id
    return moved_to


def _publication(conn: Connection) -> Publication | None:
    row = conn.execute(sa.select(publication).where(publication.c.id == POINTER_ID)).mappings().first()
    if row is None or row["version_id"] is None:
        return None
    return Publication(version_id=row["version_id"], published_at=row["published_at"],
                       published_by=row["published_by"] or "", note=row["note"] or "", serial=row["serial"])


class PublicationPointer:
    engine: Engine

    def publish(self, version_id: int, actor: str, note: str, expected: int | None) -> Publication:
        """Publish ``version_id`` if ``expected`` is still the published one (else PublishConflict)."""
        return self._move(version_id, actor, note, expected, "publish")

    def rollback(self, version_id: int, actor: str, note: str, expected: int | None) -> Publication:
        """Publish an earlier version again: the same single update as :meth:`publish`, logged as a rollback."""
        return self._move(version_id, actor, note, expected, "rollback")

    def _move(self, version_id: int, actor: str, note: str, expected: int | None, action: str) -> Publication:
        with writing(self.engine) as conn:
            moved = move_pointer(conn, version_id, actor, note, expected, action)
        assert moved is not None
        from kla.embeds.hook import after_publication  # plotly and the renderer load only when pages are written

        after_publication(self)  # type: ignore[arg-type]  # the Store this mixin is part of; in the background
        return moved

    def published(self) -> Publication | None:
        with self.engine.connect() as conn:
            return _publication(conn)

    def published_id(self) -> int | None:
        """The published version's id: one small query, cheap enough to ask every few seconds."""
        with self.engine.connect() as conn:
            return conn.execute(sa.select(publication.c.version_id).where(publication.c.id == POINTER_ID)).scalar()
