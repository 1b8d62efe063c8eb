"""`validate` gives every problem in a broken scenario as PATH:LINE:COLUMN: message, never a traceback."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.engine.scenario import load_file

GOOD = """\
id: tiny-cooperative
title: Tiny cooperative
difficulty: 1
account:
  debtor_name: Ann Lee
  title: Ms.
  amount: 480
  days_past_due: 20
  creditor: Harbor Bank
  call_date: 2026-12-01
persona:
  archetype: cooperative
lines:
  - on: answer
    say: ["Hello, Ann speaking."]
excuses:
  - id: forgot
    say: ["Oh, I completely forgot about it."]
    counter: [request_payment]
"""

LOCATED = re.compile(r"^(?P<path>.+\.yaml):(?P<line>\d+):(?P<col>\d+): (?P<msg>.+)$")


def _problems(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    return [str(p) for p in load_file(path).problems]


def _only(tmp_path: Path, text: str) -> tuple[int, int, str]:
    problems = _problems(tmp_path, text)
    assert len(problems) == 1, problems
    match = LOCATED.match(problems[0])
    assert match, problems[0]
    return int(match["line"]), int(match["col"]), match["msg"]


def test_a_good_file_has_no_problems(tmp_path: Path) -> None:
    assert _problems(tmp_path, GOOD) == []


def test_wrong_type_is_located(tmp_path: Path) -> None:
    line, col, msg = _only(tmp_path, GOOD.replace("difficulty: 1", "difficulty: easy"))
    assert (line, col) == (3, 13)
    assert msg.startswith("difficulty: input should be a valid integer")


def test_unknown_field_suggests_the_right_one(tmp_path: Path) -> None:
    line, col, msg = _only(tmp_path, GOOD.replace("  days_past_due: 20", "  days_pass_due: 20"))
    assert (line, col) == (8, 3)
    assert "unknown field 'days_pass_due'; did you mean 'days_past_due'?" in msg


def test_unknown_archetype_suggests_the_right_one(tmp_path: Path) -> None:
    line, col, msg = _only(tmp_path, GOOD.replace("archetype: cooperative", "archetype: cooperativ"))
    assert (line, col) == (12, 14)
    assert msg == "unknown archetype 'cooperativ'; did you mean 'cooperative'?"


def test_unknown_placeholder_is_named(tmp_path: Path) -> None:
    line, _, msg = _only(tmp_path, GOOD.replace("Ann speaking.", "{frist_name} speaking."))
    assert line == 15
    assert msg.startswith("unknown placeholder {frist_name}; did you mean 'first_name'?")


def test_unreachable_pool_is_reported(tmp_path: Path) -> None:
    broken = GOOD.replace("lines:\n", 'lines:\n  - on: silence_offer\n    say: ["Fine, {offer_amount} then."]\n')
    line, _, msg = _only(tmp_path, broken)
    assert line == 14
    assert "never heard" in msg and "after_ask.behaviour: quiet" in msg


def test_excuse_without_counter_is_reported(tmp_path: Path) -> None:
    line, _, msg = _only(tmp_path, GOOD.replace("    counter: [request_payment]\n", ""))
    assert line == 17
    assert "has no counter" in msg


@pytest.mark.parametrize(
    ("raw", "word"),
    [("No", "a boolean"), ("yes", "a boolean"), ("12:30", "a number"), ("0123", "a number"), ("2026-12-01", "a date")],
)
def test_unquoted_yaml_1_1_values_in_dialogue_are_refused(tmp_path: Path, raw: str, word: str) -> None:
    broken = GOOD.replace('    say: ["Hello, Ann speaking."]', f"    say:\n      - {raw}")
    line, col, msg = _only(tmp_path, broken)
    assert (line, col) == (16, 9)
    assert msg == f'YAML read {raw!r} as {word}, not text; put it in quotes: "{raw}"'


def test_every_problem_in_a_file_is_reported(tmp_path: Path) -> None:
    broken = (
        GOOD.replace("difficulty: 1", "difficulty: easy")
        .replace("archetype: cooperative", "archetype: nice")
        .replace("  creditor: Harbor Bank", "  creditr: Harbor Bank")
    )
    problems = _problems(tmp_path, broken)
    assert len(problems) >= 3
    assert all(LOCATED.match(p) for p in problems)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("id: [unclosed\n", "YAML syntax error"),
        ("id: !!python/object/apply:os.system ['echo hi']\n", "!!python/object/apply:os.system is not allowed"),
        ("a: &a ['x','x']\nb: &b [*a,*a]\nc: [*b,*b]\n", "anchors and aliases"),
        ("", "the file is empty"),
        ("- just\n- a list\n", "must be a mapping"),
    ],
)
def test_unreadable_yaml_is_refused_in_one_located_line(tmp_path: Path, text: str, needle: str) -> None:
    problems = _problems(tmp_path, text)
    assert len(problems) == 1
    assert LOCATED.match(problems[0]), problems[0]
    assert needle in problems[0]


def test_an_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    bomb = "a: &a ['lol','lol','lol','lol','lol','lol','lol','lol','lol']\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(8)
    )
    started = time.perf_counter()
    problems = _problems(tmp_path, bomb)
    assert time.perf_counter() - started < 5  # generous: expansion would take minutes and gigabytes
    assert problems == [
        f"{tmp_path / 's.yaml'}:1:4: anchors and aliases (& and *) are not supported; write the value out"
    ]


def test_an_oversize_file_is_refused(tmp_path: Path) -> None:
    problems = _problems(tmp_path, "notes: '" + "x" * 600_000 + "'\n")
    assert problems == [f"{tmp_path / 's.yaml'}:1:1: the file is larger than 512 KiB"]


def test_validate_command_prints_located_lines_and_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(GOOD.replace("difficulty: 1", "difficulty: easy").replace("archetype: cooperative", "archetype: x"))
    run = subprocess.run(
        [sys.executable, "-m", "game", "validate", str(path)], capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 1
    lines = run.stdout.splitlines()
    assert len(lines) == 2 and all(LOCATED.match(line) for line in lines)
    assert "Traceback" not in run.stderr


def test_validate_passes_on_every_shipped_scenario() -> None:
    run = subprocess.run([sys.executable, "-m", "game", "validate"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout
    assert run.stdout == ""
