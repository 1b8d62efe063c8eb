"""The principles on real engine replays: a well-run call against the same call broken in one way, on
the angry, stalling, deadbeat and cooperative personas, and every shipped scenario's model call.

Transcript lines mark their date words in brackets: kept (brackets dropped) in the well-run call,
removed in the call that never asks for a date.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

import pytest

from game.engine.lines import base_values, fill
from game.engine.record import CallRecord
from game.engine.replay import replay
from game.engine.scenario import load_all, load_scenario
from game.engine.scenario.models import Scenario, TranscriptTurn
from scoring import Scorecard, live_chips, score_call

Line = dict[str, object]
DISCLOSURE = (
    "This is an attempt to collect a debt, and any information obtained will be used for that purpose."
)

# scenario id -> (the balance as said, a wrong amount, the trainee's side; a number is a wait in seconds)
CALLS: dict[str, tuple[str, str, tuple[str | float, ...]]] = {
    "angry-contractor": (
        "$1,250",
        "$1,520",
        (
            "Good morning, this is Jordan Ellis from Northwind Supply. Am I speaking with Mr. Mike Brennan?",
            f"Thank you, Mr. Brennan. {DISCLOSURE} The balance on invoice NW-4471 is $1,250.",
            "I know the season has been hard on contractors, Mr. Brennan, and I appreciate your time.",
            "Can you pay the $1,250[ today] by bank transfer, Mr. Brennan?",
            "I understand, Mr. Brennan. When does your client's payment arrive?",
            "Thank you. Can you make the $1,250 payment[ on Friday, December 4,] by bank transfer?",
            "So that's $1,250 on Friday, December 4, by bank transfer. Is that correct?",
            "Thank you, Mr. Brennan. I appreciate you working with me. Have a good day.",
        ),
    ),
    "stalling-shop-owner": (
        "$2,375",
        "$2,735",
        (
            "Good morning, this is Jordan from Lakeshore Tool Distributors. Am I speaking with Mr. Pruitt?",
            f"Thank you, Mr. Pruitt. {DISCLOSURE} The balance on invoice LT-88214 is $2,375.",
            "Mr. Pruitt, can you pay the $2,375[ today] by bank transfer?",
            4.0,
            "So that's $1,000 by bank transfer on Monday, December 7. Is that correct?",
            "Thank you, Mr. Pruitt. I'll call you on December 8 about the remaining $1,375. Have a good day.",
        ),
    ),
    "deadbeat-card-holder": (
        "$3,480",
        "$4,380",
        (
            "Good morning, this is Jordan from Bramblewood Credit Union. Am I speaking with Mr. Whitaker?",
            f"Thank you, Mr. Whitaker. {DISCLOSURE} Your credit card balance is $3,480.",
            "Can you pay the $3,480[ today], Mr. Whitaker?",
            "I understand you have other bills, Mr. Whitaker. At 150 days the account is charged off and "
            "reported to the credit bureaus.",
            "We can split the $3,480 into three payments of $1,160. Can you make the first one"
            "[ this Friday, December 11,] by debit card?",
            "So that's $1,160 on Friday, December 11, by debit card, then two more. Is that correct?",
            "Thank you, Mr. Whitaker. Have a good day.",
        ),
    ),
    "cooperative-retiree": (
        "$186.40",
        "$168.40",
        (
            "Good morning, this is Jordan from Brightwater Home Medical. May I speak with Mrs. Ellison?",
            f"Thank you, Mrs. Ellison. {DISCLOSURE} There's a balance of $186.40 on your stair lift account.",
            "Would you be able to pay the $186.40[ today] by debit card, Mrs. Ellison?",
            "So that's $186.40 today, December 2, by debit card. Is that correct?",
            "Thank you so much, Mrs. Ellison. Have a lovely day.",
        ),
    ),
}
ASK = re.compile(r"can you|could you|would you", re.IGNORECASE)


def _text(line: Line) -> str:
    return str(line.get("say", ""))


def _with(line: Line, text: str) -> Line:
    return {**line, "say": text}


def _lines(side: tuple[str | float, ...], dates: bool) -> list[Line]:
    """The side as transcript turns, with the bracketed date words kept or dropped."""
    keep = r"\1" if dates else ""
    return [{"wait": x} if isinstance(x, float) else {"say": re.sub(r"\[([^]]*)\]", keep, x)} for x in side]


def well(side: tuple[str | float, ...], _: str, __: str) -> list[Line]:
    return _lines(side, dates=True)


def no_date(side: tuple[str | float, ...], _: str, __: str) -> list[Line]:
    return _lines(side, dates=False)


def no_amount(side: tuple[str | float, ...], balance: str, _: str) -> list[Line]:
    return [
        _with(x, _text(x).replace(f"the {balance}", "the balance").replace(balance, "the balance"))
        if "say" in x
        else x
        for x in well(side, balance, _)
    ]


def wrong_amount(side: tuple[str | float, ...], balance: str, wrong: str) -> list[Line]:
    return [
        _with(x, _text(x).replace(balance, wrong)) if "say" in x else x for x in well(side, balance, wrong)
    ]


def rude(side: tuple[str | float, ...], balance: str, wrong: str) -> list[Line]:
    said = well(side, balance, wrong)
    return [*said[:2], {"say": "Listen, people like you are all the same, you deadbeat."}, *said[2:]]


def shouting(side: tuple[str | float, ...], balance: str, wrong: str) -> list[Line]:
    said = well(side, balance, wrong)
    ask = next(i for i, x in enumerate(said) if ASK.search(_text(x)))
    return [*said[:ask], _with(said[ask], _text(said[ask]).upper().rstrip("?") + "?!!"), *said[ask + 1 :]]


def talks_over(side: tuple[str | float, ...], balance: str, wrong: str) -> list[Line]:
    said = [{**x, "interrupt": True} if i == 1 else x for i, x in enumerate(well(side, balance, wrong))]
    ask = next(i for i, x in enumerate(said) if ASK.search(_text(x)))
    rest = [x for x in said[ask + 1 :] if "wait" not in x]
    return [*said[: ask + 1], {"say": "Or maybe just $100 for now? Anything, really."}, *rest]


def threat(side: tuple[str | float, ...], balance: str, wrong: str) -> list[Line]:
    said = well(side, balance, wrong)
    return [*said[:2], {"say": "Pay today, or we'll come to your house."}, *said[2:]]


def false_claim(side: tuple[str | float, ...], balance: str, wrong: str) -> list[Line]:
    said = well(side, balance, wrong)
    return [*said[:2], {"say": "People get arrested for not paying this, you know."}, *said[2:]]


Variant = Callable[[tuple[str | float, ...], str, str], list[Line]]


@cache
def play(scenario_id: str, variant: Variant) -> tuple[CallRecord, Scorecard]:
    """Replay one variant of a persona's call (once per test run: records and cards are frozen)."""
    scenario = load_scenario(scenario_id)
    balance, wrong, lines = CALLS[scenario_id]
    turns = [TranscriptTurn.model_validate(x) for x in variant(lines, balance, wrong)]
    record = replay(scenario, turns, seed=1)
    return record, score_call(record, scenario)


BREAKS: list[tuple[Variant, str, str]] = [
    (no_amount, "repeat_amount", "repeat_amount.missing"),
    (wrong_amount, "repeat_amount", "repeat_amount.wrong"),
    (rude, "politeness", "politeness.insult"),
    (shouting, "calm_tone", "calm_tone.shouting"),
    (talks_over, "stay_quiet", "stay_quiet.interrupt"),
    (no_date, "commitment", "commitment.no_date"),
]


@pytest.mark.parametrize("scenario_id", sorted(CALLS))
def test_the_well_run_call_gets_a_confirmed_promise_and_no_finding(scenario_id: str) -> None:
    record, card = play(scenario_id, well)
    assert (record.outcome, record.commitment is not None and record.commitment.confirmed) == (
        "commitment",
        True,
    )
    assert [f.rule for f in card.compliance] == []
    assert card.passed is True


@pytest.mark.parametrize("scenario_id", sorted(CALLS))
@pytest.mark.parametrize(("variant", "key", "topic"), BREAKS, ids=[b[0].__name__ for b in BREAKS])
def test_a_call_broken_one_way_scores_lower_on_that_principle(
    scenario_id: str, variant: Variant, key: str, topic: str
) -> None:
    _, good = play(scenario_id, well)
    _, broken = play(scenario_id, variant)
    assert topic in [n.topic for n in broken.principle(key).notes]
    assert topic not in [n.topic for n in good.principle(key).notes]
    assert broken.principle(key).score < good.principle(key).score


@pytest.mark.parametrize("scenario_id", sorted(CALLS))
@pytest.mark.parametrize(("variant", "rule"), [(threat, "threat"), (false_claim, "false_claim")])
def test_threats_and_false_claims_are_compliance_findings(
    scenario_id: str, variant: Variant, rule: str
) -> None:
    _, card = play(scenario_id, variant)
    assert rule in [f.rule for f in card.compliance]
    assert (card.passed, card.stars) == (False, 0)


def test_waiting_after_the_ask_scores_up_on_the_stalling_persona() -> None:
    record, card = play("stalling-shop-owner", well)
    assert [t.beat for t in record.turns if t.speaker == "debtor"][3:5] == ["stall_quiet", "silence_offer"]
    assert [n.topic for n in card.principle("stay_quiet").notes] == ["stay_quiet.pause"]
    _, filled = play("stalling-shop-owner", talks_over)
    topics = [n.topic for n in filled.principle("stay_quiet").notes]
    assert ("stay_quiet.filled_silence" in topics, "stay_quiet.bargained" in topics) == (True, True)


def test_every_shipped_model_call_is_lawful_and_scores_well() -> None:
    for loaded in load_all():
        scenario = loaded.scenario
        assert scenario is not None, loaded.problems
        if scenario.model_call is None:
            continue
        card = score_call(replay(scenario, scenario.model_call, seed=1), scenario)
        assert (scenario.id, [f.rule for f in card.compliance]) == (scenario.id, [])
        assert (scenario.id, card.total >= 85) == (scenario.id, True)


def test_a_replayed_call_scores_the_same_byte_for_byte() -> None:
    import json

    first = json.dumps(play.__wrapped__("angry-contractor", talks_over)[1].as_dict())
    again = json.dumps(play.__wrapped__("angry-contractor", talks_over)[1].as_dict())
    assert first == again


# The extra principles on the shipped scenario of each archetype that calls for them: its model call
# against the same call with one turn swapped ({placeholders} are the scenario's own).
SWAPS = [
    (
        "gatekeeper",
        1,
        "It's about the {amount} {title} {last_name} owes us. Could you ask him to call me back?",
        "right_party",
        "right_party.disclosed",
    ),
    (
        "cheque_in_mail",
        3,
        "Could you pay the {amount} today, then?",
        "excuse_handling",
        "excuse_handling.pressed",
    ),
    (
        "hardship",
        3,
        "That's not my problem. Can you pay the {amount} today?",
        "empathy",
        "empathy.no_acknowledgement",
    ),
    ("abusive", 2, "Watch your mouth, you deadbeat!", "abuse_handling", "abuse_handling.retaliated"),
    (
        "abusive",
        2,
        "You can talk to our lawyer, or to my manager.",
        "abuse_handling",
        "abuse_handling.legal_option",
    ),
]


def shipped(archetype: str) -> Scenario:
    """The first shipped scenario of an archetype."""
    found = [
        x.scenario for x in load_all() if x.scenario is not None and x.scenario.persona.archetype == archetype
    ]
    return min(found, key=lambda scenario: scenario.id)


@pytest.mark.parametrize(("archetype", "index", "line", "key", "topic"), SWAPS, ids=[s[4] for s in SWAPS])
def test_the_model_call_outscores_it_with_one_turn_swapped(
    archetype: str, index: int, line: str, key: str, topic: str
) -> None:
    scenario = shipped(archetype)
    model = list(scenario.model_call or [])
    swapped = [*model[:index], TranscriptTurn(say=fill(line, base_values(scenario))), *model[index + 1 :]]
    good = score_call(replay(scenario, model, seed=1), scenario).principle(key)
    broken = score_call(replay(scenario, swapped, seed=1), scenario).principle(key)
    assert ([n.topic for n in good.notes], good.score) == ([], 100)
    assert topic in [n.topic for n in broken.notes]
    assert broken.score < good.score
    assert broken.weight > 0


def test_live_scoring_follows_a_replayed_call_in_progress() -> None:
    scenario = load_scenario("angry-contractor")
    balance, wrong, side = CALLS["angry-contractor"]
    opening = [TranscriptTurn.model_validate(x) for x in well(side, balance, wrong)[:2]]
    record = replay(scenario, opening, seed=1)
    assert record.ended is False
    chips = live_chips(record, scenario)
    done = [name for name, met in chips.items() if met]
    assert done == [
        "greeted",
        "introduced",
        "name_used",
        "amount_stated",
        "disclosure_given",
        "calm",
        "no_interruptions",
        "compliant",
    ]
    card = score_call(record, scenario, live=True)
    assert [p.score for p in card.principles] == [100] * len(card.principles)
    assert card.live is True
