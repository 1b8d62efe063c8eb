"""The machine breaks under the game: each promise of "What Collector Sim keeps safe" in README.md,
tested by breaking the machine that way (a file-size limit or a full tmpfs, a read-only mount, a store
from a newer game, a damaged settings file, worker processes killed with SIGKILL)."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from game.store.store import ResultStore
from game.ui.settings import Settings, load_settings, save_settings

ROOT = Path(__file__).resolve().parents[1]
T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
RETIREE_CALL = """\
Good morning, this is Jordan from Brightwater Home Medical. May I speak with Mrs. Margaret Ellison, please?
This is an attempt to collect a debt; any information will be used for that purpose. Your balance is $186.40.
Would you be able to pay the $186.40 today by debit card?
So that's $186.40 today by debit card, correct?
Thank you, Mrs. Ellison. Have a lovely day.
"""


def _game(*args: str, stdin: str = "", limit_kib: int | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "game", *args]
    if limit_kib is not None:  # the shell's file-size limit: writes past it fail as on a full disk
        command = ["bash", "-c", f'ulimit -f {limit_kib} && exec "$@"', "limited", *command]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(command, input=stdin, capture_output=True, text=True, cwd=ROOT, env=env, timeout=600)


def _saved_call(url: str) -> dict[str, object]:
    """A store holding one finished call, checkpointed so the file holds it all."""
    with ResultStore.open(url) as store:
        call = store.begin_call("Ana", "new-hire-basics", "cooperative-retiree", 1, "default", T0)
        store.save_turn(call, 0, {"speaker": "trainee", "text": "Hello"})
        card = {"total": 88, "stars": 3, "passed": True, "outcome": "commitment", "principles": [], "compliance": []}
        store.finish_call(call, {"turns": [{"speaker": "trainee", "text": "Hello"}]}, card, T0, passed=True)
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return _rows(url)


def _rows(url: str) -> dict[str, object]:
    with ResultStore.open(url) as store:
        return {"results": [r.__dict__ for r in store.results()], "unfinished": store.unfinished()}


def _integrity(path: Path) -> str:
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        result = str(conn.exec_driver_sql("PRAGMA integrity_check").scalar())
    engine.dispose()
    return result


# --- a full disk while saving ---------------------------------------------------------------------


def test_a_full_disk_mid_drill_is_a_notice_the_drill_goes_on_and_saved_calls_stay(tmp_path: Path) -> None:
    db = tmp_path / "results.db"
    url = f"sqlite:///{db}"
    before = _saved_call(url)
    size_kib = db.stat().st_size // 1024
    run = _game("drill", "run", "new-hire-basics", "--trainee", "Ben", "--console", "--db", url,
                stdin=RETIREE_CALL, limit_kib=size_kib)  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr + run.stdout
    notices = [line for line in run.stdout.splitlines() if line.startswith("Notice:")]
    assert len(notices) == 1 and "disk" in notices[0], run.stdout  # "disk I/O error" past a ulimit
    assert "nothing more is saved" in notices[0]
    assert "Drill mark: PASS" in run.stdout  # the call went on and was scored
    assert "results not saved (see the notice above)" in run.stdout
    assert _integrity(db) == "ok"
    after = _rows(url)
    assert after["results"] == before["results"]


def _mount_tmpfs(where: Path, size: str) -> bool:
    where.mkdir()
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "collector-sim-test", str(where)],
                          capture_output=True).returncode == 0  # fmt: skip


@contextlib.contextmanager
def _tmpfs(where: Path, size: str) -> Iterator[Path]:
    if os.geteuid() != 0 or shutil.which("mount") is None or not _mount_tmpfs(where, size):
        pytest.skip("mounting a small file system needs root")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def test_a_truly_full_file_system_keeps_the_saved_calls(tmp_path: Path) -> None:
    with _tmpfs(tmp_path / "small", "1m") as small:
        db = small / "results.db"
        url = f"sqlite:///{db}"
        before = _saved_call(url)
        with contextlib.suppress(OSError), (small / "filler").open("wb") as filler:
            filler.write(b"\0" * (1024 * 1024))  # fills what is left: the file system stops it short
        run = _game("drill", "run", "new-hire-basics", "--trainee", "Ben", "--console", "--db", url,
                    stdin=RETIREE_CALL)  # fmt: skip
        assert run.returncode == 0, run.stderr
        assert "notice" in (run.stdout + run.stderr).lower() and "Drill mark: PASS" in run.stdout
        (small / "filler").unlink()
        assert _integrity(db) == "ok"
        assert _rows(url)["results"] == before["results"]


# --- a read-only data folder -----------------------------------------------------------------------


def test_a_read_only_data_folder_still_plays_and_shows_saved_results(tmp_path: Path) -> None:
    with _tmpfs(tmp_path / "data", "8m") as data:
        db = data / "results.db"
        url = f"sqlite:///{db}"
        before = _saved_call(url)
        save_settings(data, Settings(high_contrast=True))
        subprocess.run(["mount", "-o", "remount,ro", str(data)], check=True)

        run = _game("drill", "run", "new-hire-basics", "--trainee", "Ben", "--console", "--db", url,
                    stdin=RETIREE_CALL)  # fmt: skip
        assert run.returncode == 0, run.stderr
        assert run.stderr.startswith("collector-sim: notice: ") and run.stderr.count("\n") == 1, run.stderr
        assert "the drill goes on, but nothing is saved" in run.stderr
        assert "Drill mark: PASS" in run.stdout

        results = _game("results", "--db", url)
        assert results.returncode == 1 and results.stderr.count("\n") == 1, results.stderr
        assert load_settings(data).high_contrast  # settings are read; saving them waits for a writable folder
        subprocess.run(["mount", "-o", "remount,rw", str(data)], check=True)
        assert _rows(url)["results"] == before["results"]
        assert [r["total"] for r in json.loads(_game("results", "--db", url, "--format", "json").stdout)] == [88]


# --- a store file from a newer version -------------------------------------------------------------


def test_a_store_from_a_newer_game_is_refused_untouched_and_a_drill_plays_unsaved(tmp_path: Path) -> None:
    db = tmp_path / "results.db"
    url = f"sqlite:///{db}"
    _saved_call(url)
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    engine.dispose()
    untouched = db.read_bytes()

    results = _game("results", "--db", url)
    assert results.returncode == 1
    assert results.stderr.endswith("was written by a newer Collector Sim; update the game to open it\n")
    assert results.stderr.count("\n") == 1

    run = _game("drill", "run", "new-hire-basics", "--trainee", "Ben", "--console", "--db", url, stdin=RETIREE_CALL)
    assert run.returncode == 0, run.stderr
    assert "newer Collector Sim" in run.stderr and "nothing is saved" in run.stderr
    assert "Drill mark: PASS" in run.stdout
    assert db.read_bytes() == untouched


# --- a damaged settings file -----------------------------------------------------------------------


def test_a_damaged_settings_file_is_kept_aside_with_a_notice_and_the_defaults_apply(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    damaged = b'{"voice": false, "text_size": "lar\xff\x00'
    (tmp_path / "settings.json").write_bytes(damaged)
    assert load_settings(tmp_path) == Settings()
    err = capsys.readouterr().err
    assert err.startswith("collector-sim: notice: the settings file ") and err.count("\n") == 1
    [kept] = tmp_path.glob("settings.damaged-*.json")
    assert kept.read_bytes() == damaged
    save_settings(tmp_path, Settings(voice=False))
    assert load_settings(tmp_path) == Settings(voice=False)
    assert kept.read_bytes() == damaged


# --- worker processes killed ------------------------------------------------------------------------


def _children(module: str) -> list[int]:
    """Our own child processes running ``python -m module``, found as an OOM killer would see them."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            stat = (proc / "stat").read_text().rsplit(")", 1)[1].split()
            cmdline = (proc / "cmdline").read_bytes().split(b"\0")
            if int(stat[1]) == os.getpid() and module.encode() in cmdline and stat[0] != "Z":
                found.append(int(proc.name))
    return found


def _kill(module: str) -> None:
    [pid] = _children(module)
    os.kill(pid, signal.SIGKILL)


def test_the_voice_worker_killed_mid_call_gives_subtitles_and_a_notice(tmp_path: Path) -> None:
    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng is not installed")
    from game.audio.tts import PyttsxVoices
    from game.engine.scenario.models import Voice

    voices = PyttsxVoices(tmp_path / "cache")
    voice = Voice()
    try:
        assert voices.render("Who is this?", voice).path is not None
        voices.request("I already told you people.", voice)
        _kill("game.audio.tts_worker")  # mid-line: that line falls back to a subtitle, the worker is replaced
        assert voices.render("I already told you people.", voice).seconds > 0
        assert voices.render("Stop calling me at work.", voice).seconds > 0
        assert voices.notice is None
        deadline = time.monotonic() + 60
        while not _children("game.audio.tts_worker") and time.monotonic() < deadline:
            time.sleep(0.05)
        _kill("game.audio.tts_worker")  # a second death: subtitles only, said once
        line = voices.render("And another thing.", voice)
        assert line.path is None and line.seconds > 0
        assert voices.notice == "The voice engine stopped (the voice worker stopped): subtitles only."
    finally:
        voices.close()


def test_the_recognition_worker_killed_mid_utterance_gives_typing_and_a_notice(tmp_path: Path) -> None:
    import numpy as np

    from game.audio.recognition import STOPPED, RecognitionWorker
    from game.audio.wavio import wav_bytes

    clip = tmp_path / "long.wav"  # twenty seconds of a hum: the worker is mid-utterance when killed
    clip.write_bytes(wav_bytes((0.1 * np.sin(np.arange(16000 * 20) * 0.05)).astype(np.float32), 16000))
    with RecognitionWorker() as worker:
        worker.wait_ready(timeout=120)
        job = worker.submit(clip)
        _kill("game.audio.recognition")
        result = worker.wait(job, timeout=120)
        assert result.error == STOPPED and result.heard is None
        assert worker.closed and worker.notice == STOPPED
        assert worker.wait(worker.submit(clip), timeout=5).error == STOPPED
