"""Backups: the database, the media and the private media (event photos, signed letters) in
one archive, and putting them back (`manage.py backup`, `manage.py restore`; docs/deploy.md).

The database part is django-dbbackup's: SQLite through its online backup API (a consistent
copy while the site writes, what is still in the WAL included; a plain copy of the file is
not), PostgreSQL through pg_dump. Files are read and written through the storages, so media
on S3 are backed up the same way."""

import shutil
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import storages
from django.db import connections
from django.utils import timezone

from dbbackup.db.base import get_connector

# The archive's folders and the storages they hold.
FILE_STORAGES = {"media": "default", "private-media": "private"}
NAME_PATTERN = "jindu-*.tar"


def stored_files(storage, folder=""):
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # nothing was ever stored (no folder yet)
        return
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for sub in folders:
        yield from stored_files(storage, f"{folder}/{sub}" if folder else sub)


def _add(archive, name, handle, size):
    info = tarfile.TarInfo(name)
    info.size = size
    info.mtime = int(timezone.now().timestamp())
    archive.addfile(info, handle)


def make_backup(folder, keep):
    """Write jindu-<time>.tar into ``folder`` and keep the newest ``keep`` archives there.
    The archive appears under its name only once it is complete."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"jindu-{timezone.now():%Y-%m-%d-%H%M%S}.tar"
    partial = target.with_name(target.name + ".partial")
    connector = get_connector("default")
    # The database first: a file uploaded while the files are copied is at worst an extra
    # file after a restore, never a record without its file.
    dump = connector.create_dump()
    dump.seek(0, 2)
    size = dump.tell()
    dump.seek(0)
    with tarfile.open(partial, "w") as archive:
        _add(archive, f"database.{connector.extension}", dump, size)
        for prefix, alias in FILE_STORAGES.items():
            storage = storages[alias]
            for name in stored_files(storage):
                with storage.open(name) as handle:
                    _add(archive, f"{prefix}/{name}", handle, storage.size(name))
    partial.rename(target)
    for old in sorted(folder.glob(NAME_PATTERN))[:-keep]:
        old.unlink()
    return target


def contents(path):
    """What an archive holds: the database file's name and the number of files per folder."""
    with tarfile.open(path) as archive:
        names = archive.getnames()
    return {
        "database": next((name for name in names if name.startswith("database.")), None),
        **{
            prefix: sum(1 for name in names if name.startswith(prefix + "/"))
            for prefix in FILE_STORAGES
        },
    }


def restore(path):
    """Replace the database and the files with the archive's. The app servers and the task
    worker must be stopped first (docs/deploy.md)."""
    with tarfile.open(path) as archive:
        members = [member for member in archive.getmembers() if member.isfile()]
        database = next(member for member in members if member.name.startswith("database."))
        connections["default"].close()
        engine = settings.DATABASES["default"]["ENGINE"]
        if engine == "django.db.backends.sqlite3":
            # A WAL left by the database being replaced would be replayed onto the restored
            # one: it goes first.
            name = Path(settings.DATABASES["default"]["NAME"])
            for suffix in ("-wal", "-shm"):
                name.with_name(name.name + suffix).unlink(missing_ok=True)
        # pg_restore reads it from a real file (its standard input).
        with tempfile.TemporaryFile() as dump:
            shutil.copyfileobj(archive.extractfile(database), dump)
            dump.seek(0)
            get_connector("default").restore_dump(dump)
        for member in members:
            prefix, _, name = member.name.partition("/")
            if prefix not in FILE_STORAGES:
                continue
            storage = storages[FILE_STORAGES[prefix]]
            if storage.exists(name):
                storage.delete(name)
            storage.save(name, File(archive.extractfile(member), name=name))
