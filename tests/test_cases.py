"""Cases: one debtor over several calls, the time of each call, the case note and the case scorecard.

The tests drive the real case files, the real persona scenarios, the engine's replay and scoring, and
the `collector-sim` command as a user runs it.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.cases.files import CASES_DIR, CaseError, case_files, load_case, load_case_transcript
from game.cases.models import NoteForm
from game.cases.notes import check_note
from game.cases.run import play_case
from game.cases.schema import schema_text
from game.cases.scorecard import score_case
from game.cases.selftest import run_case_tests
from game.cases.timing import debtor_time, frequency_finding, hour_finding
from game.engine.record import CallRecord, Commitment
from game.engine.scenario import load_all

ROOT = Path(__file__).resolve().parents[1]
TOO_EARLY_TOO_OFTEN = CASES_DIR / "transcripts" / "pruitt-too-early-too-often.yaml"


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "game", *args], capture_output=True, text=True, cwd=ROOT, timeout=300)


def test_every_shipped_case_passes_its_tests_and_plays_every_branch() -> None:
    results = run_case_tests()
    assert [r for r in results if not r.passed] == []
    cases = {r.case for r in results}
    assert len(cases) >= 3
    assert all(any(r.case == c and r.name == "every branch played" for r in results) for c in cases)


def test_shipped_cases_have_two_to_four_calls_on_every_path() -> None:
    for path in case_files():
        loaded = load_case(path)
        for test in loaded.case.tests:
            record = play_case(loaded.case, loaded.scenarios, test.calls, test.seed)
            answered = [c for c in record.calls if c.record is not None]
            if len(record.calls) == len(answered) and record.outcome != "open":
                assert 1 <= len(answered) <= 4, (path.name, test.name)
        assert 2 <= len(loaded.case.calls) <= 4, path.name


def test_three_chinese_cases_keep_the_rest_hours_and_write_their_notes_in_chinese() -> None:
    chinese = [load_case(p) for p in case_files() if p.parent.name == "zh"]
    assert len(chinese) >= 3
    for loaded in chinese:
        case = loaded.case
        assert case.language == "zh" and case.jurisdiction == "CN", case.id
        assert all(s.language == "zh" for s in loaded.scenarios.values()), case.id
        notes = [c.note for t in case.tests for c in t.calls if c.note is not None]
        assert notes and all(n.next_action and any("\u4e00" <= ch <= "\u9fff" for ch in n.next_action) for n in notes)
        rest = [t for t in case.tests if t.expect.findings and "call_at_forbidden_hour" in t.expect.findings]
        assert rest, f"{case.id} has no test calling at rest hours"
        card = score_case(play_case(case, loaded.scenarios, rest[0].calls, rest[0].seed))
        found = [f for f in card["findings"] if f["rule"] == "call_at_forbidden_hour"]
        assert found and "催收自律公约" in found[0]["law"] and card["checks"]["contacts_lawful"] is False


def test_the_scenario_library_leaves_cases_alone() -> None:
    paths = [str(item.path) for item in load_all()]
    assert not [p for p in paths if "/cases/" in p]


def test_the_case_schema_file_is_current() -> None:
    assert (CASES_DIR / "schema.json").read_text(encoding="utf-8") == schema_text()


def test_forbidden_hour_is_judged_in_the_debtors_local_time() -> None:
    loaded = load_case(CASES_DIR / "okafor-callback.yaml")  # caller UTC-8, debtor UTC-5
    case = loaded.case
    evening = debtor_time(case, dt.datetime(2026, 12, 10, 18, 30))
    assert evening == dt.datetime(2026, 12, 10, 21, 30)
    finding = hour_finding(case, 0, evening)
    assert finding is not None and finding.rule == "call_at_forbidden_hour"
    assert "§1692c(a)(1)" in finding.law and "21:30" in finding.evidence
    assert hour_finding(case, 0, dt.datetime(2026, 12, 10, 21, 0)) is None
    assert hour_finding(case, 0, dt.datetime(2026, 12, 10, 8, 0)) is None
    assert hour_finding(case, 0, dt.datetime(2026, 12, 10, 7, 59)) is not None


def test_the_eighth_call_in_seven_days_is_presumed_harassing_under_us_rules() -> None:
    case = load_case(CASES_DIR / "pruitt-promise.yaml").case
    start = dt.datetime(2026, 12, 1, 15, 0)
    seven = [start + dt.timedelta(days=i) for i in range(7)]
    assert frequency_finding(case, 6, seven[-1], seven[:-1]) is None
    eighth = frequency_finding(case, 7, start + dt.timedelta(days=6, hours=2), seven)
    assert eighth is not None and eighth.rule == "call_frequency"
    assert "§1006.14" in eighth.law and eighth.evidence.startswith("call 8 within 7 days")
    # A week later the window has moved on.
    assert frequency_finding(case, 7, start + dt.timedelta(days=8), seven) is None


def _record(commitment: Commitment | None, outcome: str = "commitment") -> CallRecord:
    return CallRecord("x", 1, (), outcome, commitment, True)  # type: ignore[arg-type]


def test_a_note_is_checked_against_what_the_call_shows() -> None:
    promise = Commitment(1000.0, "2026-12-08", "bank transfer", confirmed=True)
    true_note = NoteForm(
        outcome="promise",
        amount=1000,
        date=dt.date(2026, 12, 8),
        method="bank transfer",
        next_date=dt.date(2026, 12, 8),
    )
    assert check_note(true_note, _record(promise), 0) == []
    invented = check_note(true_note, _record(None, "no_commitment"), 2)
    assert [(f.rule, f.call) for f in invented] == [("note_promise_not_made", 2)]
    assert invented[0].evidence.endswith("the call ended with no promise")
    wrong = NoteForm(outcome="promise", amount=1000, date=dt.date(2026, 12, 9), next_date=None)
    assert [f.rule for f in check_note(wrong, _record(promise), 0)] == ["note_wrong_date", "note_no_follow_up"]
    silent = NoteForm(outcome="no_promise", next_date=dt.date(2026, 12, 10))
    assert [f.rule for f in check_note(silent, _record(promise), 0)] == ["note_promise_missing"]
    assert [f.rule for f in check_note(None, None, 0)] == ["note_missing"]
    # a note may name the method in Chinese; a different method is still wrong
    wechat = _record(Commitment(1000.0, "2026-12-08", "wechat pay", confirmed=True))
    day = dt.date(2026, 12, 8)
    in_chinese = NoteForm(outcome="promise", amount=1000, date=day, method="微信", next_date=day)
    assert check_note(in_chinese, wechat, 0) == []
    cheque = in_chinese.model_copy(update={"method": "支票"})
    assert [f.rule for f in check_note(cheque, wechat, 0)] == ["note_wrong_method"]


def test_a_promise_never_made_a_forbidden_hour_and_an_eighth_call_show_on_the_case_scorecard() -> None:
    run = cli("replay-case", "pruitt-promise", str(TOO_EARLY_TOO_OFTEN), "--json")
    assert run.returncode == 0, run.stderr
    card = json.loads(run.stdout)
    found = {f["rule"]: f for f in card["findings"]}
    assert set(found) == {"call_at_forbidden_hour", "note_promise_not_made", "call_frequency"}
    assert found["call_at_forbidden_hour"]["call"] == 1 and "07:30" in found["call_at_forbidden_hour"]["evidence"]
    assert "Regulation F" in found["call_frequency"]["law"] and found["call_frequency"]["call"] == 8
    assert "1000 on 2026-12-08" in found["note_promise_not_made"]["evidence"]
    assert card["checks"]["contacts_lawful"] is False and card["checks"]["notes_true"] is False
    assert card["passed"] is False and card["calls_placed"] == 8


def test_a_call_within_seven_days_after_a_conversation_is_a_finding_unless_agreed() -> None:
    loaded = load_case(CASES_DIR / "pruitt-promise.yaml")
    test = next(t for t in loaded.case.tests if t.name.startswith("no ask, no promise"))
    soon = [test.calls[0], test.calls[1].model_copy(update={"at": "2026-12-07 09:05"})]
    card = score_case(play_case(loaded.case, loaded.scenarios, soon, test.seed))
    found = [f for f in card["findings"] if f["rule"] == "call_within_7_days_of_conversation"]
    assert len(found) == 1 and found[0]["call"] == 2 and found[0]["kind"] == "compliance"
    assert "§1006.14(b)(2)(ii)" in found[0]["law"]
    assert "3.0 days after the conversation of call 1" in found[0]["evidence"]
    assert card["checks"]["contacts_lawful"] is False and card["passed"] is False
    # after a promise, the branch records that he agreed to the call on the day it falls due
    agreed = loaded.case.tests[0]
    kept = score_case(play_case(loaded.case, loaded.scenarios, agreed.calls, agreed.seed))
    assert kept["findings"] == [] and kept["calls_placed"] == 2
    # Regulation F is American: the same calls under UK rules find nothing of the kind
    uk = loaded.case.model_copy(update={"jurisdiction": "UK"})
    rules = {f["rule"] for f in score_case(play_case(uk, loaded.scenarios, soon, test.seed))["findings"]}
    assert "call_within_7_days_of_conversation" not in rules


def test_replay_case_is_byte_identical_under_a_seed_and_the_seed_matters() -> None:
    loaded = load_case(CASES_DIR / "pruitt-promise.yaml")
    calls = loaded.case.tests[0].calls
    first = json.dumps(score_case(play_case(loaded.case, loaded.scenarios, calls, 4)), ensure_ascii=False)
    again = json.dumps(score_case(play_case(loaded.case, loaded.scenarios, calls, 4)), ensure_ascii=False)
    assert first == again
    paths = {tuple(c.event for c in play_case(loaded.case, loaded.scenarios, calls, s).calls) for s in range(1, 12)}
    assert len(paths) > 1  # promises are kept or broken by the seed
    text1 = cli("replay-case", "pruitt-promise", str(TOO_EARLY_TOO_OFTEN), "--seed", "5")
    text2 = cli("replay-case", "pruitt-promise", str(TOO_EARLY_TOO_OFTEN), "--seed", "5")
    assert text1.returncode == 0 and text1.stdout == text2.stdout
    assert "Findings:" in text1.stdout and "rule: FDCPA §1692c(a)(1)" in text1.stdout


def test_the_next_briefing_shows_the_last_note() -> None:
    loaded = load_case(CASES_DIR / "pruitt-promise.yaml")
    test = loaded.case.tests[1]  # a broken promise, then a second call
    record = play_case(loaded.case, loaded.scenarios, test.calls, test.seed)
    second = record.calls[1].briefing.as_dict()
    summaries = [line["summary"] for line in second["file"]]
    assert any("note: promise, 1000, on 2026-12-08" in s for s in summaries)
    assert "No transfer arrived on the promised date." in summaries
    assert second["works"].startswith("mon, tue") and second["time_zone"] == "UTC-06:00"


def test_a_broken_promise_starts_the_next_call_in_a_worse_mood() -> None:
    loaded = load_case(CASES_DIR / "pruitt-promise.yaml")
    kept, broken = loaded.case.tests[0], loaded.case.tests[1]
    after_kept = play_case(loaded.case, loaded.scenarios, kept.calls, kept.seed).calls[1].mood
    after_broken = play_case(loaded.case, loaded.scenarios, broken.calls, broken.seed).calls[1].mood
    assert after_broken.trust < after_kept.trust and after_broken.anger > after_kept.anger


def test_bad_case_files_give_every_problem_located(tmp_path: Path) -> None:
    text = (CASES_DIR / "pruitt-promise.yaml").read_text(encoding="utf-8")
    text = text.replace("promise_broken:\n        call: broken", "promise_broken:\n        call: brokn", 1)
    text = text.replace("jurisdiction: US", "jurisdiction: US\ncolour: blue", 1)
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CaseError) as err:
        load_case(path)
    messages = [str(p) for p in err.value.problems]
    assert any(m.startswith(f"{path}:7:1: unknown field 'colour'") for m in messages), messages
    text = text.replace("colour: blue\n", "")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CaseError) as err:
        load_case(path)
    messages = [str(p) for p in err.value.problems]
    assert any("no call with id 'brokn'; did you mean 'broken'?" in m for m in messages), messages
    assert any("no branch leads to the call 'broken'" in m for m in messages), messages


def test_replay_case_refuses_bad_input_with_one_located_sentence(tmp_path: Path) -> None:
    transcript = tmp_path / "t.yaml"
    transcript.write_text(
        'calls:\n  - at: "2026-12-08 10:00"\n  - at: "2026-12-07 10:00"\n  - at: "tomorrow"\n', encoding="utf-8"
    )
    run = cli("replay-case", "pruitt-promise", str(transcript))
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert f"{transcript}:4:9:" in run.stderr
    transcript.write_text('calls:\n  - at: "2026-12-08 10:00"\n  - at: "2026-12-07 10:00"\n', encoding="utf-8")
    run = cli("replay-case", "pruitt-promise", str(transcript))
    assert run.returncode == 1
    assert f"{transcript}:3:9: this call at 2026-12-07 10:00 is earlier than the one before it" in run.stderr
    run = cli("replay-case", "prutt-promise", str(transcript))
    assert run.returncode == 1 and "did you mean 'pruitt-promise'?" in run.stderr
    assert cli("replay-case", "pruitt-promise").returncode == 2


def test_a_loaded_transcript_keeps_the_calls_in_order() -> None:
    transcript = load_case_transcript(TOO_EARLY_TOO_OFTEN)
    assert transcript.seed == 1 and len(transcript.calls) == 8


def test_the_case_core_imports_no_pygame_audio_or_database() -> None:
    probe = """
import builtins, sys
forbidden = {"pygame", "pygame_gui", "pyttsx3", "speech_recognition", "pocketsphinx", "parselmouth", "sqlalchemy"}
real = builtins.__import__
def guarded(name, *args, **kwargs):
    if name.split('.')[0] in forbidden:
        raise ImportError(name)
    return real(name, *args, **kwargs)
builtins.__import__ = guarded
import game.cases.run, game.cases.scorecard, game.cases.timing, game.cases.notes, game.cases.briefing
print(sorted(forbidden & {m.split('.')[0] for m in sys.modules}))
"""
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"


def test_every_call_of_a_case_is_about_the_same_debtor(tmp_path: Path) -> None:
    text = (CASES_DIR / "pruitt-promise.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "  - id: broken\n    scenario: stalling-shop-owner", "  - id: broken\n    scenario: angry-contractor"
    )
    path = tmp_path / "mixed.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CaseError) as err:
        load_case(path)
    line = text.splitlines().index("    scenario: angry-contractor") + 1
    assert f"{path}:{line}:15: the scenario 'angry-contractor' has debtor_name 'Mike Brennan'" in str(err.value)
