"""wagtail/bakerydemo as the bench's peer: the reference Wagtail site, built and served on
this machine in the same run, so our pages are compared with its pages side by side.

Give a checkout of https://github.com/wagtail/bakerydemo in BAKERYDEMO_DIR (it is never
copied into this repository). The bench builds it under .venv/bakerydemo: a virtual
environment with Python 3.12 (BAKERYDEMO_PYTHON, else python3.12), its requirements,
migrations, its own demo data (load_initial_data) and static files; then serves it with its
production settings under gunicorn, 2 workers, as ours are served."""

import contextlib
import glob
import os
import shutil
import subprocess
import time
from pathlib import Path

from tests.bench.serving import fetch, pss_kb, send_requests, worker_pids
from tests.localserver import ROOT, free_port

# Its pages comparable to ours: home vs home, blog index vs section, blog page vs article.
PAGES = {"home": "/", "blog index": "/blog/", "blog page": "/blog/joy-baking-soda/"}


def python_312():
    """A Python 3.12 that runs: BAKERYDEMO_PYTHON, pyenv's, or python3.12 on the PATH."""
    candidates = [os.environ.get("BAKERYDEMO_PYTHON")]
    candidates += sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/3.12*/bin/python3.12")))
    candidates.append(shutil.which("python3.12"))
    for candidate in filter(None, candidates):
        check = subprocess.run([candidate, "-c", "pass"], capture_output=True, check=False)  # noqa: S603
        if check.returncode == 0:
            return candidate
    return None


class Bakerydemo:
    def __init__(self, checkout):
        self.checkout = Path(checkout)
        self.workdir = ROOT / ".venv" / "bakerydemo"
        self.venv = self.workdir / "venv"
        self.python = self.venv / "bin" / "python"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "bakerydemo.settings.production",
            "DJANGO_SECRET_KEY": "bench-only",
            "DATABASE_URL": f"sqlite:///{self.workdir / 'db.sqlite3'}",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        }
        # Its own caches in this process, not ours.
        self.env.pop("REDIS_URL", None)

    @classmethod
    def from_environment(cls):
        checkout = os.environ.get("BAKERYDEMO_DIR")
        if not checkout or not (Path(checkout) / "manage.py").exists():
            return None
        return cls(checkout)

    def build(self):
        source = self.workdir / "src"
        if not source.exists():
            shutil.copytree(self.checkout, source, ignore=shutil.ignore_patterns(".git"))
        if not self.python.exists():
            interpreter = python_312()
            if interpreter is None:
                raise RuntimeError("bakerydemo needs Python 3.12 (set BAKERYDEMO_PYTHON)")
            subprocess.run([interpreter, "-m", "venv", str(self.venv)], check=True)  # noqa: S603
            subprocess.run(  # noqa: S603
                [str(self.python), "-m", "pip", "install", "-q", "-r"]
                + [str(source / "requirements" / "base.txt"), "gunicorn", "whitenoise"],
                check=True,
            )
        if not (self.workdir / "db.sqlite3").exists():
            for command in (["migrate", "-v0"], ["load_initial_data"]):
                self.manage(source, *command)
        self.manage(source, "collectstatic", "--no-input", "-v0")
        return source

    def manage(self, source, *args):
        subprocess.run(  # noqa: S603
            [str(self.python), "manage.py", *args],
            cwd=source,
            env=self.env,
            check=True,
            capture_output=True,
        )

    @contextlib.contextmanager
    def serving(self):
        """bakerydemo under gunicorn (2 workers, as ours): yields a ``PeerServer``, or the
        reason it could not be built (a string)."""
        try:
            source = self.build()
        except (RuntimeError, subprocess.CalledProcessError) as error:
            yield f"could not build bakerydemo: {error}"
            return
        port = free_port()
        process = subprocess.Popen(  # noqa: S603
            [str(self.venv / "bin" / "gunicorn"), "bakerydemo.wsgi:application"]
            + ["--workers", "2", "--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
            cwd=source,
            env=self.env,
        )
        try:
            server = PeerServer(port, process)
            for _ in range(120):
                try:
                    fetch(server.url("/"))
                    break
                except OSError:
                    time.sleep(0.5)
            for path in PAGES.values():
                fetch(server.url(path))
            yield server
        finally:
            process.terminate()
            process.wait(timeout=30)


class PeerServer:
    def __init__(self, port, process):
        self.port, self.process = port, process

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def page_url(self, name):
        return self.url(PAGES[name])

    def memory(self, requests):
        """Each worker's proportional set size after ``requests`` over its pages."""
        send_requests([self.url(path) for path in PAGES.values()], requests)
        return {"worker pss kb": [pss_kb(pid) for pid in worker_pids(self.process)]}
