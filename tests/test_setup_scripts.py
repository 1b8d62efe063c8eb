"""The set-up shared by play.sh and test.sh survives a busy machine: it waits for another package
manager's lock and tries a failed download once more. Real apt-get and a real lock (apt takes fcntl
locks, so the test holds one the same way); the apt tests need root and apt-get, as the set-up does.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
needs_apt = pytest.mark.skipif(
    os.geteuid() != 0 or shutil.which("apt-get") is None or shutil.which("dpkg") is None,
    reason="the set-up installs system packages only as root with apt-get",
)


def _setup(script: str, cwd: Path = ROOT, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-c", f"set -euo pipefail; source {ROOT}/scripts/setup.sh; {script}"],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **env},
        timeout=600,
    )


def test_a_failed_step_is_tried_once_more(tmp_path: Path) -> None:
    flaky = "if [ -f tried ]; then echo done; else touch tried; exit 1; fi"
    run = _setup(f"retry_once bash -c '{flaky}'", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stdout == "done\n"
    assert "trying once more" in run.stderr

    always = _setup("retry_once false; echo not reached", cwd=tmp_path)
    assert always.returncode == 1
    assert always.stderr.count("trying once more") == 1


@needs_apt
def test_apt_waits_for_the_dpkg_lock_another_process_holds() -> None:
    installed = subprocess.run(["dpkg", "-s", "espeak-ng"], capture_output=True).returncode == 0
    if not installed:
        pytest.skip("espeak-ng is not installed, and this test installs nothing")
    released = threading.Event()
    with open("/var/lib/dpkg/lock-frontend", "w") as lock:
        fcntl.lockf(lock, fcntl.LOCK_EX)

        def release() -> None:
            fcntl.lockf(lock, fcntl.LOCK_UN)
            released.set()

        timer = threading.Timer(3.0, release)
        timer.start()
        try:
            run = _setup("apt_get install -y -qq espeak-ng")
        finally:
            timer.cancel()
            release()
        # it returned only after the lock was let go, and succeeded instead of failing at once
        assert released.is_set()
    assert run.returncode == 0, run.stderr
    assert "Could not get lock" not in run.stderr


@needs_apt
def test_apt_update_says_it_waits_and_gives_up_after_the_wait() -> None:
    with open("/var/lib/apt/lists/lock", "w") as lock:
        fcntl.lockf(lock, fcntl.LOCK_EX)
        run = _setup("apt_update", COLLECTOR_SIM_APT_WAIT="5")
    assert run.returncode == 1
    assert "Waiting for another package manager to finish (up to 5 s)" in run.stdout
    assert "Could not get lock /var/lib/apt/lists/lock" in run.stderr
