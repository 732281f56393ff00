"""Backups as docs/deploy.md tells an operator to take and restore them, run word for word
(only the archive's name differs): a backup taken while the site writes holds every record
committed before it began and every file of both storages; a restore without --confirm
replaces nothing; after everything is deleted, the restore brings it all back."""

import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_ARCHIVE = "backups/jindu-2027-06-26-023000.tar"

WRITER = """
import sys, time
from django.contrib.auth.models import Group
n = 0
while True:
    n += 1
    Group.objects.create(name=f"live-{n}")
    print(n, flush=True)
    time.sleep(0.01)
"""


def documented_steps():
    text = (ROOT / "docs/deploy.md").read_text()
    block = text.split("<!-- backup-steps -->")[1].split("<!-- /backup-steps -->")[0]
    return [line.split() for line in block.splitlines() if line.startswith("manage.py ")]


@pytest.fixture
def installation(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "jindu.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "private_media"),
        "BACKUP_DIR": str(tmp_path / "backups"),
    }

    def manage(*args, check=True):
        result = subprocess.run(  # noqa: S603
            [sys.executable, str(ROOT / "manage.py"), *args],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
        if check:
            assert result.returncode == 0, result.stderr[-3000:]
        return result

    manage("migrate", "--verbosity", "0")
    manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.contrib.auth.models import Group\n"
        "from django.core.files.base import ContentFile\n"
        "from django.core.files.storage import storages\n"
        "Group.objects.bulk_create(Group(name=f'seed-{n}') for n in range(50))\n"
        "storages['default'].save('documents/leaflet.pdf', ContentFile(b'%PDF leaflet'))\n"
        "storages['private'].save('event-photos/7/hall.jpg', ContentFile(b'photo of a hall'))\n",
    )
    return tmp_path, env, manage


def test_the_documented_backup_and_restore_lose_nothing(installation):
    folder, env, manage = installation
    backup, look, restore = documented_steps()
    assert backup == ["manage.py", "backup"]
    assert look == ["manage.py", "restore", EXAMPLE_ARCHIVE]
    assert restore == ["manage.py", "restore", EXAMPLE_ARCHIVE, "--confirm"]

    # The site goes on writing while the backup runs.
    writer = subprocess.Popen(  # noqa: S603
        [sys.executable, str(ROOT / "manage.py"), "shell", "--no-imports", "-c", WRITER],
        env=env,
        cwd=folder,
        stdout=subprocess.PIPE,
        text=True,
    )
    committed = []
    reader = threading.Thread(
        target=lambda: [
            committed.append(int(line)) for line in writer.stdout if line.strip().isdigit()
        ],
        daemon=True,
    )
    reader.start()
    try:
        deadline = time.monotonic() + 60
        while len(committed) < 20 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert committed, "the writer never wrote"
        written_before = committed[-1]
        made = manage(*backup[1:])
    finally:
        writer.terminate()
        writer.wait(timeout=30)
    archive = re.search(r"(\S+\.tar)", made.stdout).group(1)
    relative = str(Path(archive).relative_to(folder))

    refused = manage(*look[1:2], relative, check=False)
    assert refused.returncode != 0
    assert "--confirm" in refused.stderr and "1 media files and 1 private files" in refused.stderr

    for name in ("db.sqlite3", "db.sqlite3-wal", "db.sqlite3-shm"):
        (folder / name).unlink(missing_ok=True)
    for sub in ("media", "private_media"):
        subprocess.run(["rm", "-rf", str(folder / sub)], check=True)  # noqa: S603,S607

    manage(*restore[1:2], relative, *restore[3:])
    found = manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.contrib.auth.models import Group\n"
        "names = set(Group.objects.values_list('name', flat=True))\n"
        f"print(sum(f'live-{{n}}' in names for n in range(1, {written_before} + 1)),"
        " sum(f'seed-{n}' in names for n in range(50)))\n",
    ).stdout.split()
    assert found == [str(written_before), "50"]
    assert (folder / "media/documents/leaflet.pdf").read_bytes() == b"%PDF leaflet"
    assert (folder / "private_media/event-photos/7/hall.jpg").read_bytes() == b"photo of a hall"
