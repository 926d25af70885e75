"""The :class:`Store`: versions, the publication pointer, staff and the audit log in one database."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import Engine

from kla import config
from kla.loading import LoadResult
from kla.schema import Problem
from kla.store.audit import AuditLog
from kla.store.engine import dispose, normalise_url, read_only_engine, safe_url, upgraded_engine
from kla.store.folders import VersionFolders
from kla.store.publication import PublicationPointer
from kla.store.records import InvalidData
from kla.store.staff import StaffRegistry


class Store(VersionFolders, PublicationPointer, StaffRegistry, AuditLog):
    """The data store at one database URL. Cheap to open: engines are shared per URL and process."""

    def __init__(self, engine: Engine, url: str, read_only: bool = False):
        self.engine = engine
        self.url = url
        self.read_only = read_only

    @classmethod
    def open(cls, url: str | None = None, read_only: bool | None = None) -> Store:
        """The store at ``url`` (default :func:`kla.config.db_url`), migrated to the newest revision.

        ``read_only`` (default: :func:`kla.config.store_read_only`, true on a public replica): no
        migration, no import of the data folder, every write refused by the database session; a
        database that is not migrated yet raises :class:`StoreError`.
        """
        url = normalise_url(url or config.db_url()).render_as_string(hide_password=False)
        if read_only if read_only is not None else config.store_read_only():
            return cls(read_only_engine(url), url, read_only=True)
        return cls(upgraded_engine(url), url)

    def close(self) -> None:
        """Close this process's connections to the database (other Store objects of the URL reconnect)."""
        dispose(self.url)

    def __repr__(self) -> str:
        return f"Store({safe_url(self.url)!r})"


def published_dataset(data_dir: Path | None = None) -> LoadResult:
    """The published data set for the command line: an empty store first imports ``data_dir``
    (default ``KLA_DATA_DIR``) as version 1. Problems come back in the LoadResult, never raised."""
    store = Store.open()
    try:
        store.ensure_initial(Path(data_dir) if data_dir is not None else config.data_dir())
    except InvalidData as exc:
        return LoadResult(None, exc.problems)
    version_id = store.published_id()
    if version_id is None:
        return LoadResult(None, [Problem("data", None, None, None, "belum ada versi data yang diterbitkan; "
                                         "terbitkan satu dengan: python -m kla data publish N --note CATATAN")])
    return store.load_version(version_id)
