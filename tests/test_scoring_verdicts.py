"""Verdicts a QA lead would sign: a pass means the call's job was done, principles score what the call
showed, and the coach never contradicts itself. Every call here is played by the real engine against
the shipped scenarios."""

from __future__ import annotations

from functools import cache

import pytest
from rapidfuzz import fuzz

from game.engine.lines import money
from game.engine.replay import replay
from game.engine.scenario import load_all, load_scenario
from game.engine.scenario.models import Scenario, TranscriptTurn
from scoring import Scorecard, format_scorecard, load_rubric, score_call
from scoring.cues import normalise

CORE = ("angry-contractor", "stalling-shop-owner", "deadbeat-card-holder", "cooperative-retiree")
HELLO_GOODBYE = ({"say": "Hello."}, {"wait": 5}, {"say": "Goodbye."}, {"hangup": True})
POLITE_NEVER_ASKS = (
    {"say": "Good morning, this is Anna calling from the accounts team. Am I speaking with the account holder?"},
    {
        "say": "Thank you. This is an attempt to collect a debt and any information obtained will be used for"
        " that purpose. I'm calling about your account."
    },
    {"say": "I understand, thank you for telling me."},
    {"say": "I appreciate your time today. Thank you so much."},
    {"say": "Have a lovely day, goodbye."},
    {"hangup": True},
)


def turns(*items: dict[str, object]) -> list[TranscriptTurn]:
    return [TranscriptTurn.model_validate(t) for t in items]


def play(scenario: Scenario, transcript: list[TranscriptTurn]) -> Scorecard:
    return score_call(replay(scenario, transcript, seed=1), scenario)


@cache
def model_cards() -> tuple[tuple[str, Scorecard], ...]:
    out = []
    for loaded in load_all():
        scenario = loaded.scenario
        assert scenario is not None, loaded.problems
        if scenario.model_call is not None:
            out.append((scenario.id, play(scenario, list(scenario.model_call))))
    return tuple(out)


def wrong_balance(scenario: Scenario) -> list[TranscriptTurn]:
    """The model call with the balance misread tenfold wherever it is said ($1,864 for $186.40)."""
    right = money(scenario.account.amount, scenario.account.currency)
    wrong = money(scenario.account.amount * 10, scenario.account.currency)
    model = scenario.model_call or []
    return [t.model_copy(update={"say": t.say.replace(right, wrong)}) if t.say else t for t in model]


@pytest.mark.parametrize("scenario_id", CORE)
def test_hello_and_goodbye_fails_and_shows_nothing_it_did_not_do(scenario_id: str) -> None:
    card = play(load_scenario(scenario_id), turns(*HELLO_GOODBYE))
    assert (card.passed, card.stars) == (False, 0)
    assert card.verdict.startswith("Not passed: the call's goal")
    assert card.principle("repeat_amount").score <= 20
    assert card.principle("stay_quiet").score <= 50


@pytest.mark.parametrize("scenario_id", CORE)
def test_a_polite_call_that_never_asks_fails(scenario_id: str) -> None:
    card = play(load_scenario(scenario_id), turns(*POLITE_NEVER_ASKS))
    assert (card.passed, card.stars, card.goal.reached) == (False, 0, False)
    assert card.principle("repeat_amount").score <= 20


@pytest.mark.parametrize("scenario_id", CORE)
def test_a_call_that_confirms_a_wrong_balance_fails_on_a_finding(scenario_id: str) -> None:
    scenario = load_scenario(scenario_id)
    card = play(scenario, wrong_balance(scenario))
    assert (card.passed, card.stars, card.auto_fail) == (False, 0, True)
    assert "misstated_balance" in {f.rule for f in card.compliance}
    assert card.verdict.startswith("Auto-fail: misstated balance")


def test_every_shipped_model_call_passes_at_the_top_with_no_corrective_note() -> None:
    for scenario_id, card in model_cards():
        corrective = [(n.topic, n.text) for p in card.principles for n in p.notes if n.points < 0]
        assert (scenario_id, card.passed, card.goal.reached, corrective) == (scenario_id, True, True, [])
        assert (scenario_id, card.total >= 95) == (scenario_id, True)


def test_a_card_never_reads_a_high_total_and_fail_without_saying_why() -> None:
    scenario = load_scenario("angry-contractor")
    model = list(scenario.model_call or [])
    threatening = [*model[:2], TranscriptTurn(say="Pay today or we'll come to your house."), *model[2:]]
    card = play(scenario, threatening)
    first_line = format_scorecard(card).splitlines()[0]
    assert card.passed is False
    assert first_line.startswith("Auto-fail: threat on turn")


def test_the_law_applies_whatever_the_drill_rubric_says() -> None:
    """The default rubric lists no disclosure rule; the law adds it for an agency on a consumer debt only."""
    scenario = load_scenario("angry-contractor")
    silent = [t for t in scenario.model_call or [] if not (t.say and "attempt to collect a debt" in t.say)]
    card = score_call(replay(scenario, silent, seed=1), scenario, load_rubric("default"))
    assert "missing_mini_miranda" in {f.rule for f in card.compliance}
    creditor = scenario.model_copy(update={"caller": "creditor", "debt_type": "business"})
    card = score_call(replay(creditor, silent, seed=1), creditor, load_rubric("default"))
    assert "missing_mini_miranda" not in {f.rule for f in card.compliance}


def test_the_coach_never_repeats_a_card_and_every_pinned_note_quotes_its_line() -> None:
    for scenario in (load_scenario(s) for s in CORE):
        for transcript in (turns(*HELLO_GOODBYE), turns(*POLITE_NEVER_ASKS), wrong_balance(scenario)):
            card = play(scenario, transcript)
            seen = [(n.topic, n.turn) for n in card.top_notes]
            assert len(seen) == len(set(seen))
            cards = [(n.note, n.turn) for n in card.top_notes]
            assert len(cards) == len(set(cards))
            for note in (n for p in card.principles for n in p.notes):
                if note.turn is not None:
                    assert note.text
                if note.better and note.text:
                    assert fuzz.ratio(normalise(note.better), normalise(note.text)) < 85


def test_a_last_line_that_thanks_is_a_courteous_close_when_the_debtor_says_goodbye_first() -> None:
    from game.engine.scenario import load_scenario
    from game.engine.scenario.models import TranscriptTurn
    from game.session import CallSession
    from game.session.call import play_script

    session = CallSession(load_scenario("scenarios/en/gatekeeper-assistant.yaml"), 0)
    play_script(
        session,
        [
            TranscriptTurn(say="Good morning, this is Dana. May I speak with Mr. Okafor, please?"),
            TranscriptTurn(say="Could you ask him to call Dana back at 555-0100? Thank you."),
        ],
    )
    card = session.finish()
    topics = [n.topic for p in card.principles for n in p.notes]
    assert "politeness.no_close" not in topics, topics
    assert "politeness.no_thanks" not in topics
