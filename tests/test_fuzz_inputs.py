"""Fuzzing every input the game reads, against the command line's contract.

The contract: exit 0, 1 or 2; errors are one sentence each (``collector-sim: ...`` or
``PATH:LINE:COLUMN: message``); never a traceback; the work done is bounded by the input (files are
capped in size, nesting and values; output stays in proportion). The suite runs a small budget;
``COLLECTOR_SIM_FUZZ_EXAMPLES=5000`` runs a long one. Commands are called in-process through
``game.cli.main`` so that many examples stay cheap.
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import re
import struct
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.audio.wavio import AudioFileError, read_wav
from game.cli import main
from game.drills import DrillError, load_drill
from game.store.store import ResultStore, StoreError, parse_url
from game.ui.settings import CHOICES, Settings, load_settings
from scoring import RubricError, load_rubric

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = int(os.environ.get("COLLECTOR_SIM_FUZZ_EXAMPLES", "12"))
fuzz = settings(
    max_examples=EXAMPLES,
    deadline=None,  # speed is for the benchmarks; a hang still ends the run through pytest's own timeout
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
)
# Examples that play a whole call or build a store each take a second or more: a third of the budget.
heavy = settings(fuzz, max_examples=max(3, EXAMPLES // 3))
LOCATED = re.compile(r"^.+:\d+:\d+: \S.*$")

# Text with everything a file or a terminal may carry: controls, escapes, odd scalars, unpaired surrogates.
nasty_text = st.lists(
    st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(["\x1b[31m", "\x07", "\x00", "\r", "\t", "\u202e", "\x9b", "\ud800", "\n", "：", "€", "$50"]),
    ),
    max_size=60,
).map("".join)
yaml_scalars = st.one_of(
    st.sampled_from([".nan", ".inf", "-.inf", "~", "null", "yes", "no", "0x1F", "1e400", "12:30", "0123", "2026-02-30",
                     "!!python/object:os.system", "&a x", "*a", "<<: *a", "[", "{", "'", '"', "|", ">", "- -", ": :"]),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats().map(repr),
    nasty_text.map(json.dumps),
)  # fmt: skip


@contextmanager
def _cli_io(stdin: str = "") -> Iterator[tuple[io.StringIO, io.StringIO]]:
    out, err = io.StringIO(), io.StringIO()
    old_stdin = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        with redirect_stdout(out), redirect_stderr(err):
            yield out, err
    finally:
        sys.stdin = old_stdin


def _run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    """``main`` in-process; argparse's usage errors (SystemExit 2) count as an exit code too."""
    with _cli_io(stdin) as (out, err):
        try:
            code = main(list(argv))
        except SystemExit as stop:
            code = int(stop.code or 0)
    return code, out.getvalue(), err.getvalue()


def _holds_contract(code: int, stdout: str, stderr: str) -> None:
    assert code in (0, 1, 2), (code, stderr)
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    if lines and code != 0:  # on success stderr may carry a summary such as "11 scenario file(s) valid"
        assert lines[0].startswith("collector-sim: ") or LOCATED.match(lines[0]), stderr
        assert all(LOCATED.match(line) for line in lines[1:]), stderr
    for line in stdout.splitlines():
        assert "\x1b" not in line and "\x07" not in line


def _mutate(data: st.DataObject, text: str) -> str:
    """A shipped file changed the way a hurried author (or a fuzzer) would."""
    lines = text.splitlines()
    for _ in range(data.draw(st.integers(1, 4))):
        index = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["value", "delete", "insert", "indent", "duplicate"]))
        line = lines[index]
        if action == "value" and ":" in line:
            lines[index] = line.split(":", 1)[0] + ": " + data.draw(yaml_scalars)
        elif action == "delete":
            del lines[index]
        elif action == "insert":
            lines.insert(index, data.draw(nasty_text).replace("\n", " "))
        elif action == "indent":
            lines[index] = " " * data.draw(st.integers(0, 9)) + line.lstrip()
        else:
            lines.insert(index, line)
        lines = lines or ["x"]
    return "\n".join(lines) + "\n"


def _write(tmp: Path, name: str, text: str) -> Path:
    path = tmp / name
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    return path


SCENARIO = (ROOT / "scenarios/en/angry-contractor.yaml").read_text(encoding="utf-8")
DRILL = (ROOT / "drills/new-hire-basics.yaml").read_text(encoding="utf-8")
RUBRIC = (ROOT / "scoring/rubrics/us.yaml").read_text(encoding="utf-8")


@heavy
@given(data=st.data())
def test_fuzzed_scenario_files_hold_the_contract(data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = _write(Path(tmp), "fuzzed.yaml", _mutate(data, SCENARIO))
        code, out, err = _run("validate", str(path))
        _holds_contract(code, out, err)
        assert all(LOCATED.match(line) for line in out.splitlines()), out
        _holds_contract(*_run("show", str(path), "--json"))


turns = st.lists(
    st.dictionaries(
        st.sampled_from(["say", "wait", "hangup", "interrupt", "audio", "shout"]),
        st.one_of(nasty_text, st.floats(), st.integers(), st.booleans(), st.none()),
        max_size=3,
    ),
    max_size=8,
)


@heavy
@given(turns=turns, seed=st.one_of(st.none(), st.integers(), st.text(max_size=5)), raw=st.booleans(), data=st.data())
def test_fuzzed_transcripts_hold_the_contract(turns: list[dict[str, Any]], seed: Any, raw: bool, data: Any) -> None:
    text = _mutate(data, "turns:\n  - say: hi\n") if raw else json.dumps({"seed": seed, "turns": turns})
    with tempfile.TemporaryDirectory() as tmp:
        path = _write(Path(tmp), "t.yaml", text)
        _holds_contract(*_run("replay", "angry-contractor", str(path), "--json"))


@fuzz
@given(data=st.data())
def test_fuzzed_drills_and_rubrics_are_read_or_refused_in_a_sentence(data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        drill = _write(Path(tmp), "new-hire-basics.yaml", _mutate(data, DRILL))
        try:
            load_drill(drill, scenario_ids=["cooperative-retiree", "angry-contractor"])
        except DrillError as err:
            assert "\n" not in str(err) and "Traceback" not in str(err)
        rubric = _write(Path(tmp), "team.yaml", _mutate(data, RUBRIC))
        try:
            load_rubric(rubric)
        except RubricError as err:
            assert "Traceback" not in str(err)


@fuzz
@given(lines=st.lists(nasty_text, max_size=6))
def test_fuzzed_classifier_lines_hold_the_contract(lines: list[str]) -> None:
    stdin = "\n".join(lines) + "\n"
    code, out, err = _run("classify", "--date", "2026-03-02", stdin=stdin)
    _holds_contract(code, out, err)
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    out.encode("utf-8")  # nothing unencodable reaches the terminal
    assert len(rows) <= stdin.count("\n") + stdin.count("\r")  # one row per non-empty line, no more
    for row in rows:
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", row["text"])


def _wav_header(fmt: int, channels: int, rate: int, bits: int, data_size: int, body: bytes) -> bytes:
    block = max(0, channels * bits // 8) & 0xFFFF
    fmt_chunk = struct.pack("<HHIIHH", fmt & 0xFFFF, channels & 0xFFFF, rate & 0xFFFFFFFF,
                            (rate * block) & 0xFFFFFFFF, block, bits & 0xFFFF)  # fmt: skip
    riff = b"WAVE" + b"fmt " + struct.pack("<I", 16) + fmt_chunk + b"data" + struct.pack("<I", data_size) + body
    return b"RIFF" + struct.pack("<I", len(riff) & 0xFFFFFFFF) + riff


wav_bytes = st.one_of(
    st.binary(max_size=200),
    st.builds(
        _wav_header,
        fmt=st.sampled_from([0, 1, 3, 0xFFFE, 0xFFFF]),
        channels=st.integers(0, 70000),
        rate=st.integers(0, 2**32),
        bits=st.sampled_from([0, 1, 7, 8, 12, 16, 24, 32, 64, 65535]),
        data_size=st.one_of(st.integers(0, 64), st.just(2**32 - 1)),
        body=st.binary(max_size=128),
    ),
)


@fuzz
@given(blob=wav_bytes)
def test_fuzzed_wav_headers_are_read_or_refused_in_a_sentence(blob: bytes) -> None:
    try:
        samples, rate = read_wav(blob)
    except AudioFileError as err:
        assert "\n" not in str(err)
        return
    assert rate > 0 and 0 < samples.size <= len(blob)


@fuzz
@given(url=st.one_of(
    nasty_text,
    st.builds("{}://{}".format, st.sampled_from(["postgres", "postgresql", "sqlite", "mysql", "", "postgresql+x"]),
              nasty_text),
))  # fmt: skip
def test_fuzzed_database_urls_are_parsed_or_refused_in_a_sentence(url: str) -> None:
    try:
        parsed = parse_url(url)
    except StoreError as err:
        assert "\n" not in str(err)
        return
    assert parsed.get_backend_name() in ("sqlite", "postgresql")


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.floats(), st.integers(), nasty_text),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(nasty_text, inner, max_size=4)),
    max_leaves=20,
)
settings_like = st.fixed_dictionaries(
    {}, optional={f.name: json_values for f in dataclasses.fields(Settings)}
)


@fuzz
@given(content=st.one_of(json_values.map(json.dumps), settings_like.map(json.dumps), nasty_text))
def test_fuzzed_settings_files_give_usable_settings(content: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        _write(Path(tmp), "settings.json", content)
        loaded = load_settings(Path(tmp))
    assert isinstance(loaded, Settings)
    default = Settings()
    for name, choices in CHOICES.items():
        assert getattr(loaded, name) in choices
    assert 0.0 <= loaded.volume <= 1.0 and 0.6 <= loaded.rate <= 1.5
    for f in dataclasses.fields(Settings):
        value, fallback = getattr(loaded, f.name), getattr(default, f.name)
        number = isinstance(fallback, float) and type(value) is int
        assert type(value) is type(fallback) or number, f.name


@heavy
@given(
    record=json_values,
    scorecard=json_values,
    turn=json_values,
    outcome=st.one_of(st.none(), nasty_text.map(lambda t: t.encode("utf-8", "replace").decode())),  # storable text
)
def test_fuzzed_store_rows_are_reported_or_refused_in_a_sentence(
    record: Any, scorecard: Any, turn: Any, outcome: str | None
) -> None:
    """Rows as an older or damaged store may hold them, read by a new game: results and report hold."""
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/r.db"
        with ResultStore.open(url):
            pass
        engine = sa.create_engine(url)
        with engine.begin() as conn:
            conn.execute(sa.text("INSERT INTO trainees (id, name) VALUES (1, 'Ana')"))
            conn.execute(sa.text("INSERT INTO drills (id, name) VALUES (1, 'new-hire-basics')"))
            for call_id, finished in ((1, "2026-03-02 09:10:00"), (2, None)):
                conn.execute(
                    sa.text(
                        "INSERT INTO calls (id, trainee_id, drill_id, scenario, seed, rubric, started_at, finished_at,"
                        " outcome, total, passed, schema_version) VALUES (:id, 1, 1, 'angry-contractor', 0, 'default',"
                        " '2026-03-02 09:00:00', :fin, :outcome, 50, 0, 1)"
                    ),
                    {"id": call_id, "fin": finished, "outcome": outcome},
                )
            conn.execute(
                sa.text("INSERT INTO call_records VALUES (1, 1, :r, :s)"),
                {"r": json.dumps(record), "s": json.dumps(scorecard)},
            )
            conn.execute(sa.text("INSERT INTO call_turns VALUES (2, 0, :t)"), {"t": json.dumps(turn)})
        engine.dispose()
        for fmt in ("table", "csv", "json"):
            _holds_contract(*_run("results", "--db", url, "--format", fmt))
        _holds_contract(*_run("report", "--db", url, "--out", f"{tmp}/report.html"))


@pytest.mark.parametrize("argv", [[], ["--nope"], ["validate", "--x"], ["replay"], ["drill"], ["bench", "--only", "x"]])
def test_usage_errors_are_exit_2_with_one_sentence(argv: list[str]) -> None:
    code, out, err = _run(*(argv or ["frobnicate"]))
    _holds_contract(code, out, err)
    assert code in (1, 2)
