"""The built wheel carries everything a call needs: scenarios, defaults, lexicon, rubrics, drills, assets."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOO_EARLY_TOO_OFTEN = ROOT / "scenarios" / "cases" / "transcripts" / "pruitt-too-early-too-often.yaml"


def _build(tmp_path: Path) -> Path:
    out = tmp_path / "wheel"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    [wheel] = out.glob("collector_sim-*.whl")
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    return site


def _run(site: Path, tmp_path: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(site), "COLLECTOR_SIM_SCENARIOS": str(tmp_path / "none")}
    return subprocess.run(
        [sys.executable, "-m", "game", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=300,
    )


def test_the_installed_wheel_lists_scenarios_and_plays_a_call(tmp_path: Path) -> None:
    site = _build(tmp_path)
    where = _run(site, tmp_path, "show", "cooperative-retiree", "--json")
    assert where.returncode == 0, where.stderr
    assert json.loads(where.stdout)["account"]["debtor_name"] == "Margaret Ellison"

    shipped = [p for p in (ROOT / "scenarios").rglob("*.yaml") if "cases" not in p.parts]
    listed = _run(site, tmp_path, "list", "--json")
    assert len(json.loads(listed.stdout)) == len(shipped)

    call = _run(
        site,
        tmp_path,
        "console",
        "cooperative-retiree",
        stdin="Hello, is this Mrs. Ellison?\nYour balance is $186.40. Can you pay it today by card?\n",
    )
    assert call.returncode == 0, call.stderr
    assert "Outcome: a promise to pay - $186.40" in call.stdout

    drills = _run(site, tmp_path, "drill", "list", "--json")
    assert [d["name"] for d in json.loads(drills.stdout)] == ["new-hire-basics"]

    loaded_from = _run(site, tmp_path, "bench", "--only", "load_scenarios_ms", "--json")
    case = _run(site, tmp_path, "replay-case", "pruitt-promise", str(TOO_EARLY_TOO_OFTEN), "--json")
    assert case.returncode == 0, case.stderr
    assert {f["rule"] for f in json.loads(case.stdout)["findings"]} >= {"call_frequency"}

    assert json.loads(loaded_from.stdout)["load_scenarios_ms"]["files"] == len(shipped)
    assert (site / "assets" / "fonts").is_dir() and any((site / "assets" / "fonts").glob("*.otf"))
