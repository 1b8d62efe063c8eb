"""Bad input a tester (or a cat on the keyboard) sends: one clear sentence, exit 0/1/2, nothing lost.

Each test here was written against a defect found by trying to break the game: undecodable bytes and
terminal escapes on stdin, YAML nested thousands deep, a 10,000-character line, Ctrl-C mid-call,
an empty folder to validate, ``wait: .nan``, turns after a hangup and database URLs users really type.
"""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main
from game.console import CallStopped, play_console
from game.drills import DrillError, load_drill
from game.engine.plain_text import clean_line, printable
from game.engine.scenario import load_scenario
from game.engine.transcript import TranscriptError, load_transcript
from game.session import CallSession
from game.store.store import ResultStore, StoreError, parse_url
from game.ui.settings import Settings, load_settings
from scoring import RubricError, load_rubric

ROOT = Path(__file__).resolve().parents[1]
OPENING = "Good morning, this is Sam from Northwind Supply. Am I speaking with Mr. Brennan?"


def _run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "game", *args], input=stdin, capture_output=True, timeout=300, cwd=ROOT, env=env
    )


def _one_sentence(stderr: str) -> str:
    assert "Traceback" not in stderr
    assert stderr.count("\n") == 1, stderr
    return stderr


# --- undecodable bytes and control characters on stdin ---------------------------------------------


def test_classify_reads_bytes_that_are_not_utf8_without_a_traceback() -> None:
    run = _run("classify", stdin=b"Hello \xff\xfe pay\n\xed\xa0\x80 surrogate\n")
    assert run.returncode == 0, run.stderr
    rows = [json.loads(line) for line in run.stdout.decode("utf-8").splitlines()]
    assert [r["text"] for r in rows] == ["Hello \ufffd pay", "\ufffd surrogate"]


def test_console_reads_bytes_that_are_not_utf8_without_a_traceback() -> None:
    run = _run("console", "angry-contractor", stdin=b"Hello \xff\xfe Mr. Brennan\n")
    assert run.returncode == 0, run.stderr
    assert b"Traceback" not in run.stderr
    assert b"Principle " in run.stdout


def test_a_terminal_escape_is_not_read_as_an_amount(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("I can pay \x1b[31m today\x07\n"))
    assert main(["classify", "--date", "2026-03-02"]) == 0
    row = json.loads(capsys.readouterr().out)
    assert row["text"] == "I can pay today"
    assert row["entities"]["amounts"] == []


def test_clean_line_and_printable_remove_every_control_but_keep_the_words() -> None:
    assert clean_line("\x1b]0;title\x07pay \x1b[1;31m$50\x1b[0m\tnow\r\n") == "pay $50 now"
    assert clean_line("\x9b31mfifty \u202eeerht\x00") == "fifty eerht"
    assert printable("line one\nline\x1b[2J two\x08") == "line one\nline two"


def test_the_scorecard_never_prints_control_bytes_and_shortens_a_very_long_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    transcript = tmp_path / "t.yaml"
    long_line = "I am calling about the account " * 330  # about 10,000 characters
    transcript.write_text(
        "turns:\n"
        '  - say: "\\e[31mHello\\a, is this Mr. Brennan?\\e]0;pwned\\a"\n'
        f'  - say: "{long_line}"\n'
        "  - hangup: true\n",
        encoding="utf-8",
    )
    assert main(["replay", "angry-contractor", str(transcript)]) == 0
    out = capsys.readouterr().out
    assert not any(ch in out for ch in "\x1b\x07\x9b")
    assert "Hello, is this Mr. Brennan?" in out
    assert len(out.splitlines()) < 80
    assert max(len(line) for line in out.splitlines()) <= 80


# --- YAML nested thousands deep ----------------------------------------------------------------------


def _deep(tmp_path: Path, depth: int, head: str = "a: ") -> Path:
    path = tmp_path / f"deep-{depth}.yaml"
    path.write_text(head + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("depth", [1000, 5000])
def test_validate_refuses_deep_nesting_with_one_located_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], depth: int
) -> None:
    path = _deep(tmp_path, depth)
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert out == f"{path}:1:67: the values are nested more than 64 levels deep; flatten them\n"


@pytest.mark.parametrize("depth", [1000, 5000])
def test_transcripts_drills_and_rubrics_refuse_deep_nesting(tmp_path: Path, depth: int) -> None:
    path = _deep(tmp_path, depth, head="turns: ")
    with pytest.raises(TranscriptError, match="nested more than 64 levels"):
        load_transcript(path)
    with pytest.raises(DrillError, match="nested more than 64 levels"):
        load_drill(path)
    with pytest.raises(RubricError, match="nested more than 64 levels"):
        load_rubric(path)


def test_a_deeply_nested_settings_file_gives_the_defaults(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert load_settings(tmp_path) == Settings()


# --- Ctrl-C and the end of input ------------------------------------------------------------------


class _Typist:
    """Lines as a trainee types them, then Ctrl-C where the next line would be."""

    def __init__(self, *lines: str) -> None:
        self.lines = list(lines)

    def readline(self) -> str:
        if not self.lines:
            raise KeyboardInterrupt
        return self.lines.pop(0) + "\n"


def test_ctrl_c_in_play_console_keeps_every_turn_typed() -> None:
    scenario = load_scenario("angry-contractor")
    with pytest.raises(CallStopped) as stopped:
        play_console(CallSession(scenario), _Typist(OPENING, "The balance is $1,250."), io.StringIO())
    assert stopped.value.interrupted
    said = [t.text for t in stopped.value.record.turns if t.speaker == "trainee"]
    assert said == [OPENING, "The balance is $1,250."]


def test_ctrl_c_in_console_prints_the_card_so_far_and_exits_130() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "game", "console", "angry-contractor"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env=env,
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(f"{OPENING}\n".encode())
    proc.stdin.flush()
    seen = b""
    while seen.count(b"you> ") < 2:  # the answer to the first line has been printed
        chunk = proc.stdout.read1(4096)
        assert chunk, seen
        seen += chunk
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130
    assert err.decode() == "collector-sim: stopped with Ctrl-C; here is the scorecard of the call so far\n"
    assert out.startswith(b"\n")
    assert b"[call in progress]" in out and b"Principle " in out


def _drill(store_url: str, stdin: bytes) -> subprocess.CompletedProcess[bytes]:
    return _run("drill", "run", "new-hire-basics", "--trainee", "Ana", "--console", "--db", store_url, stdin=stdin)


def test_a_drill_answered_until_input_ends_stores_no_made_up_call(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/r.db"
    run = _drill(url, f"{OPENING}\n".encode())
    assert run.returncode == 0, run.stderr
    assert b"Input ended: call 1 is saved unfinished" in run.stdout
    with ResultStore.open(url) as store:
        assert store.results() == []
        [unfinished] = store.unfinished_calls()
        said = [t["text"] for t in store.turns(unfinished.call_id) if t["speaker"] == "trainee"]
    assert (unfinished.reason, said) == ("input_ended", [OPENING])


def test_a_drill_stopped_with_ctrl_c_keeps_its_turns_unfinished(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/r.db"
    with ResultStore.open(url):
        pass  # created and migrated before the drill starts, so the prompt comes quickly
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "game", "drill", "run", "new-hire-basics", "--trainee", "Ana", "--console", "--db", url],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env=env,
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(b"Good morning, may I speak with Mrs. Ellison?\n")
    proc.stdin.flush()
    seen = b""
    while seen.count(b"you> ") < 2:
        chunk = proc.stdout.read1(4096)
        assert chunk, seen
        seen += chunk
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert b"Stopped with Ctrl-C: call 1 is saved unfinished" in out
    with ResultStore.open(url) as store:
        assert store.results() == []
        [unfinished] = store.unfinished()
        assert len(store.turns(unfinished)) >= 2


# --- files and arguments -------------------------------------------------------------------------


def test_validate_on_an_empty_folder_or_only_yml_files_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(tmp_path)]) == 1
    assert capsys.readouterr().err == f"collector-sim: {tmp_path} holds no scenario files (.yaml)\n"
    (tmp_path / "mine.yml").write_text((ROOT / "scenarios/en/angry-contractor.yaml").read_text(), encoding="utf-8")
    assert main(["validate", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err == f"collector-sim: {tmp_path} holds only .yml files; scenario files end in .yaml, so rename them\n"


def test_replay_with_wait_nan_says_it_is_not_a_number(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(f'turns:\n  - say: "{OPENING}"\n  - wait: .nan\n', encoding="utf-8")
    assert main(["replay", "angry-contractor", str(path)]) == 1
    err = _one_sentence(capsys.readouterr().err)
    assert err == f"collector-sim: {path}:3:11: wait: .nan is not a finite number; write a plain number such as 5\n"


def test_turns_after_a_hangup_are_a_located_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(f'turns:\n  - say: "{OPENING}"\n  - hangup: true\n  - say: "Hello?"\n', encoding="utf-8")
    assert main(["replay", "angry-contractor", str(path)]) == 1
    err = _one_sentence(capsys.readouterr().err)
    assert err == f"collector-sim: {path}:4:5: this turn comes after the hangup on line 3; remove one of them\n"


def test_postgres_scheme_is_the_usual_alias() -> None:
    url = parse_url("postgres://ana@db.example/team")
    assert url.drivername == "postgresql+psycopg"
    assert url.render_as_string() == "postgresql+psycopg://ana@db.example/team"


def test_a_url_that_is_not_one_is_refused_and_creates_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["results", "--db", "::::"]) == 1
    err = _one_sentence(capsys.readouterr().err)
    assert err == (
        "collector-sim: '::::' is not a database URL or a file path; "
        "give a file path or a URL such as postgresql://user@host/db\n"
    )
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(StoreError):
        parse_url("localhost:5432/team")
    assert parse_url("results.db").database == "results.db"


# --- found by the fuzz tests ----------------------------------------------------------------------


def test_a_control_character_in_a_yaml_file_is_one_located_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(f'turns:\n  - say: "{OPENING}"\n  - say: "Hi \x1b[31m"\n', encoding="utf-8")
    assert main(["replay", "angry-contractor", str(path)]) == 1
    err = _one_sentence(capsys.readouterr().err)
    assert err == f"collector-sim: {path}:3:14: the control character U+001B is not allowed in YAML; remove it\n"


def test_results_show_no_control_bytes_and_survive_a_row_without_an_outcome(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import datetime as dt

    import sqlalchemy as sa

    url = f"sqlite:///{tmp_path}/r.db"
    when = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
    with ResultStore.open(url) as store:
        call = store.begin_call("\x1b[2JAna\x07", "new-hire-basics", "angry-contractor", 0, "default", when)
        card = {"total": 50, "stars": 1, "passed": False, "outcome": "hung_up", "principles": [], "compliance": []}
        store.finish_call(call, {"turns": []}, card, when, passed=False)
    engine = sa.create_engine(url)
    with engine.begin() as conn:  # as a damaged or hand-edited store may hold it
        conn.exec_driver_sql("UPDATE calls SET outcome = NULL")
    engine.dispose()
    assert main(["results", "--db", url]) == 0
    out = capsys.readouterr().out
    assert "Ana" in out and not any(ch in out for ch in "\x1b\x07")


def test_a_wav_cut_short_or_claiming_too_much_is_refused_in_a_sentence() -> None:
    import struct

    from game.audio.wavio import AudioFileError, read_wav

    fmt = struct.pack("<HHIIHH", 1, 1, 16000, 32000, 2, 16)
    odd = b"RIFF" + struct.pack("<I", 39) + b"WAVEfmt " + struct.pack("<I", 16) + fmt + b"data" + struct.pack("<I", 3)
    samples, rate = read_wav(odd + b"\x01\x02\x03")  # three bytes of 16-bit sound: the last half-sample dropped
    assert (samples.size, rate) == (1, 16000)
    claims_more = b"RIFF" + struct.pack("<I", 36) + b"WAVEJUNK" + struct.pack("<I", 2**31) + b"\0" * 16
    with pytest.raises(AudioFileError, match="not a readable PCM WAV file"):
        read_wav(claims_more)


def test_a_database_url_with_a_port_that_is_not_a_number_is_refused_in_a_sentence() -> None:
    with pytest.raises(StoreError, match="is not a database URL or a file path"):
        parse_url("postgres://host::/db")
