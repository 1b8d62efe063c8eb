"""The team lead's commands end to end: a drill taken in the terminal, then `results` and `report`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from game.store.store import ResultStore

pytest_plugins = ["store_fixtures"]

GOOD_RETIREE_CALL = """\
Good morning, this is Jordan from Brightwater Home Medical. May I speak with Mrs. Margaret Ellison, please?
This is an attempt to collect a debt; any information will be used for that purpose. Your balance is $186.40.
Would you be able to pay the $186.40 today by debit card?
So that's $186.40 today by debit card, correct?
Thank you, Mrs. Ellison. Have a lovely day.
"""


def _cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "game", *args], input=stdin, capture_output=True, text=True, timeout=300
    )


def test_a_drill_in_the_terminal_is_saved_turn_by_turn_and_reported(store_url: str, tmp_path: Path) -> None:
    run = _cli(
        "drill",
        "run",
        "new-hire-basics",
        "--trainee",
        "Ana Ruiz",
        "--console",
        "--db",
        store_url,
        stdin=GOOD_RETIREE_CALL + "Hello, is this Mr. Brennan?\n",
    )
    assert run.returncode == 0, run.stderr
    assert "Drill mark: PASS" in run.stdout
    assert "Ana Ruiz: 1 of 2 calls passed" in run.stdout

    assert "Input ended: call 2 is saved unfinished with its 3 turns, and not scored." in run.stdout
    rows = json.loads(_cli("results", "--db", store_url, "--format", "json").stdout)
    assert [(r["trainee"], r["scenario"], r["outcome"], r["passed"], r["status"]) for r in rows] == [
        ("Ana Ruiz", "cooperative-retiree", "commitment", True, "finished"),
        ("Ana Ruiz", "angry-contractor", None, None, "input_ended"),
    ]
    with ResultStore.open(store_url) as store:
        saved = store.saved_call(rows[0]["call"])
        assert len(store.turns(rows[0]["call"])) == len(saved.record["turns"]) == 11
    assert saved.scorecard["total"] == rows[0]["total"]

    out = tmp_path / "report.html"
    report = _cli("report", "--db", store_url, "--drill", "new-hire-basics", "--out", str(out))
    assert report.returncode == 0, report.stderr
    page = out.read_text(encoding="utf-8")
    assert "Ana Ruiz" in page and "<h1 data-title>New hire basics</h1>" in page
    assert 'data-reason="input_ended"' in page


def test_a_drill_that_does_not_exist_is_one_sentence_and_exit_1(tmp_path: Path) -> None:
    run = _cli("drill", "run", "no-such-drill", "--trainee", "Ana", "--console", "--db", f"sqlite:///{tmp_path}/r.db")
    assert run.returncode == 1
    assert run.stderr == "collector-sim: no drill named 'no-such-drill' (collector-sim drill list shows them)\n"


def test_an_unreachable_store_is_one_sentence_and_exit_1() -> None:
    run = _cli("results", "--db", "postgresql://nobody@127.0.0.1:1/none")
    assert run.returncode == 1
    assert run.stderr.startswith("collector-sim: the results store at postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert "Traceback" not in run.stderr and run.stderr.count("\n") == 1
