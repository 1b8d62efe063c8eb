"""The persona engine on real scenario files: mood, excuses, silence, promises, hang-ups, determinism."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.engine.record import TraineeTurn
from game.engine.replay import replay
from game.engine.scenario import Scenario, load_file, load_scenario
from game.engine.scenario.models import TranscriptTurn
from game.engine.step import record_of, start_call, step

BASE = """\
id: {id}
title: Test persona
difficulty: 1
account:
  debtor_name: Ann Lee
  title: Ms.
  amount: 480
  days_past_due: 20
  creditor: Harbor Bank
  call_date: 2026-12-01
persona:
  archetype: {archetype}
{extra}
"""


def make(tmp_path: Path, archetype: str, extra: str = "") -> Scenario:
    path = tmp_path / f"{archetype}.yaml"
    path.write_text(BASE.format(id=f"test-{archetype.replace('_', '-')}", archetype=archetype, extra=extra))
    loaded = load_file(path)
    assert loaded.problems == []
    assert loaded.scenario is not None
    return loaded.scenario


def say(*lines: str) -> list[TranscriptTurn]:
    return [TranscriptTurn(say=line) for line in lines]


GOOD_CALL = say(
    "Good morning, this is Sam from Harbor Bank. May I speak with Ms. Lee?",
    "This is an attempt to collect a debt and any information obtained will be used for that purpose.",
    "I'm calling about your overdue balance of $480, Ms. Lee.",
    "Could you pay the $480 today by debit card?",
    "So that's $480 today by debit card, correct?",
    "Thank you, Ms. Lee. Have a good day.",
)


def test_the_phone_is_answered_at_time_zero_with_the_archetype_mood(tmp_path: Path) -> None:
    scenario = make(tmp_path, "cooperative")
    state, line = start_call(scenario, seed=3)
    assert (line.beat, line.start) == ("answer", 0.0)
    assert (state.mood.anger, state.mood.trust, state.mood.willingness) == (5, 55, 50)
    assert line.text in {"Hello?", "Yeah, hello?", "Hello, who's calling?"}


def test_a_polite_clear_call_gets_a_confirmed_promise_from_the_cooperative_persona(tmp_path: Path) -> None:
    record = replay(make(tmp_path, "cooperative"), GOOD_CALL, seed=1)
    assert record.outcome == "commitment"
    assert record.commitment is not None
    assert (record.commitment.amount, record.commitment.date, record.commitment.method) == (
        480.0,
        "2026-12-01",
        "debit card",
    )
    assert record.commitment.confirmed is True
    assert record.ended is True


def test_threats_make_the_angry_contractor_hang_up_without_a_promise() -> None:
    scenario = load_scenario("angry-contractor")
    record = replay(
        scenario,
        say(
            "Mr. Brennan? You owe us $1,250.",
            "Pay today or we'll come to your house and take your truck.",
            "Can you pay $1,250 today?",
        ),
        seed=2,
    )
    assert record.outcome == "hung_up"
    assert record.commitment is None
    assert record.turns[-1].beat == "hang_up"


def test_insults_never_get_a_promise_from_the_angry_contractor() -> None:
    scenario = load_scenario("angry-contractor")
    for seed in range(5):
        record = replay(
            scenario,
            say(
                "Listen, you deadbeat, you owe $1,250.",
                "I understand this is hard, Mr. Brennan.",
                "I'm sorry. Can you pay $1,250 by Friday by bank transfer?",
                "Can you pay $1,250 by Friday by bank transfer?",
                "When can you pay?",
            ),
            seed=seed,
        )
        assert record.commitment is None


def test_empathy_and_the_name_calm_the_angry_contractor() -> None:
    scenario = load_scenario("angry-contractor")
    state, _ = start_call(scenario, 0)
    start_anger = state.mood.anger
    turn = TraineeTurn(text="I understand how frustrating this is, Mr. Brennan.", start=2.0, end=4.0)
    state, reply, _ = step(scenario, state, turn)
    assert state.mood.anger < start_anger
    assert reply is not None and reply.beat == "empathy_response"


def test_shouting_inflames_the_angry_contractor() -> None:
    scenario = load_scenario("angry-contractor")
    state, _ = start_call(scenario, 0)
    state, reply, _ = step(scenario, state, TraineeTurn(text="YOU NEED TO PAY THIS NOW!!", start=2, end=3))
    assert reply is not None and reply.beat == "shouted_at"
    assert state.mood.anger > 65


def test_the_same_transcript_and_seed_give_byte_identical_records() -> None:
    scenario = load_scenario("angry-contractor")
    turns = say("Good morning, Mr. Brennan.", "I'm calling about the $1,250 balance.", "Can you pay by Friday?")
    first = json.dumps(replay(scenario, turns, seed=7).as_dict())
    second = json.dumps(replay(scenario, turns, seed=7).as_dict())
    assert first == second


def test_the_excuse_holds_until_its_counter_is_used() -> None:
    scenario = load_scenario("angry-contractor")
    record = replay(
        scenario,
        say(
            "Hello Mr. Brennan, this is Anna from Northwind Supply.",
            "I understand it's been a frustrating season, Mr. Brennan.",
            "Can you pay the $1,250 by Friday?",
            "Can you pay the $1,250 by Friday?",
            "When exactly does your client's payment arrive?",
        ),
        seed=1,
    )
    beats = [t.beat for t in record.turns if t.speaker == "debtor"]
    assert "excuse:client_late" in beats
    assert beats[beats.index("excuse:client_late") + 1] == "excuse_press"
    assert beats[-1] == "excuse_countered"
    assert "excuse_countered:client_late" in record.events


STALLER = """\
  after_ask: {behaviour: quiet, quiet_seconds: 3, offer_amount: 200}
  commitment: {kind: partial, days: 5, latest_days: 10}
"""


def test_a_staller_goes_quiet_after_the_ask_and_fills_a_long_silence_with_an_offer(tmp_path: Path) -> None:
    scenario = make(tmp_path, "stalling", STALLER)
    turns = [
        *say("Hi Ms. Lee, this is Sam from Harbor Bank.", "Your balance is $480.", "Can you pay $480 by Friday?"),
        TranscriptTurn(wait=4),
    ]
    record = replay(scenario, turns, seed=1)
    beats = [t.beat for t in record.turns if t.speaker == "debtor"]
    assert beats[-2:] == ["stall_quiet", "silence_offer"]
    assert record.commitment is not None and record.commitment.amount == 200.0
    assert "silence_worked" in record.events


def test_breaking_the_silence_with_a_lower_amount_bargains_against_yourself(tmp_path: Path) -> None:
    scenario = make(tmp_path, "stalling", STALLER)
    turns = say(
        "Hi Ms. Lee, this is Sam from Harbor Bank.",
        "Your balance is $480.",
        "Can you pay $480 by Friday?",
        "Or maybe just $50 for now?",
    )
    record = replay(scenario, turns, seed=1)
    assert "silence_broken" in record.events
    assert record.commitment is not None and record.commitment.amount == 50.0


def test_a_deadbeat_moves_only_after_a_lawful_consequence_and_a_plan(tmp_path: Path) -> None:
    scenario = make(tmp_path, "deadbeat")
    asks = say("Ms. Lee, your balance is $480.", "Can you pay $480 by Friday?", "Can you pay $480 by Friday?")
    assert replay(scenario, asks, seed=1).commitment is None
    full = asks + say(
        "If the account stays unpaid, it will be reported to the credit bureaus.",
        "We could split the $480 into three payments of $160.",
        "Can you make the first payment of $160 by Friday?",
    )
    record = replay(scenario, full, seed=1)
    assert record.commitment is not None
    assert record.commitment.kind == "instalments"
    assert record.commitment.amount == 160.0


def test_a_gatekeeper_hearing_about_the_debt_is_a_disclosure(tmp_path: Path) -> None:
    scenario = make(tmp_path, "gatekeeper")
    record = replay(scenario, say("Hi, may I speak with Ms. Lee?", "She owes us $480 on her account."), seed=1)
    assert "third_party_disclosure" in record.events
    assert record.turns[-1].beat == "gatekeeper_disclosure"


def test_a_disputer_disputes_when_asked_to_pay(tmp_path: Path) -> None:
    scenario = make(tmp_path, "disputer")
    record = replay(scenario, say("Ms. Lee?", "Can you pay the $480 today?", "Can you pay the $480 today?"), seed=1)
    assert "debt_disputed" in record.events
    assert record.commitment is None


def test_the_trainee_hanging_up_ends_the_call(tmp_path: Path) -> None:
    scenario = make(tmp_path, "cooperative")
    record = replay(scenario, [*say("Hello, Ms. Lee?"), TranscriptTurn(hangup=True), *say("Are you there?")])
    assert (record.outcome, record.ended) == ("trainee_hung_up", True)
    assert record.turns[-1].hangup is True


def test_a_line_said_over_the_debtor_is_an_interruption() -> None:
    scenario = load_scenario("angry-contractor")
    turns = [*say("Good morning, Mr. Brennan."), TranscriptTurn(say="Sorry, go on.", interrupt=True)]
    record = replay(scenario, turns, seed=1)
    last_trainee = [t for t in record.turns if t.speaker == "trainee"][-1]
    assert last_trainee.interrupt is True
    assert record.turns[-1].beat == "interrupted"


def test_placeholders_are_filled_and_variants_do_not_repeat_while_fresh_ones_remain(tmp_path: Path) -> None:
    scenario = make(tmp_path, "cooperative")
    record = replay(scenario, say("Hm?", "Hm?", "Hm?"), seed=4)
    fillers = [t.text for t in record.turns if t.beat == "filler"]
    assert len(fillers) == 3 and len(set(fillers)) == 3
    assert all("{" not in t.text for t in record.turns)


def test_record_of_a_call_in_progress_is_not_ended(tmp_path: Path) -> None:
    scenario = make(tmp_path, "cooperative")
    state, _ = start_call(scenario, 0)
    state, _, _ = step(scenario, state, TraineeTurn(text="Hello, Ms. Lee?", start=1, end=2))
    record = record_of(state)
    assert (record.ended, record.outcome, len(record.turns)) == (False, "no_commitment", 3)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_debtor_hangs_up_after_the_turn_limit(tmp_path: Path, seed: int) -> None:
    scenario = make(tmp_path, "cooperative", "  hang_up: {anger_at_least: 90, max_turns: 4}")
    record = replay(scenario, say(*["Hm?"] * 8), seed=seed)
    assert record.outcome == "hung_up"
    assert sum(1 for t in record.turns if t.speaker == "trainee") == 4
