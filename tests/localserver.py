"""The production setup started on this machine, for `make bench` and the browser tests:
gunicorn serving jindu.wsgi (deploy/gunicorn.py) on a free port of 127.0.0.1."""

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(env, port, *, workers=2, cwd=None):
    """Start gunicorn with ``env`` and return the process once the site answers."""
    gunicorn = Path(sys.executable).with_name("gunicorn")
    process = subprocess.Popen(  # noqa: S603
        [str(gunicorn), "-c", str(ROOT / "deploy" / "gunicorn.py")]
        + ["jindu.wsgi:application", "--workers", str(workers)]
        + ["--bind", f"127.0.0.1:{port}", "--log-level", "warning", "--timeout", "120"],
        env=env,
        cwd=cwd or ROOT,
    )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=2).read()  # noqa: S310
            return process
        except OSError:
            if process.poll() is not None:
                raise RuntimeError("gunicorn exited before the site answered") from None
            time.sleep(0.3)
    process.terminate()
    raise RuntimeError("gunicorn did not start")
