"""Hand-built calls for the scoring tests, and the baseline they stand on: a well-run call scores
full marks with no finding, and scoring is deterministic.

The other ``test_scoring_*`` modules import the builders from here and change one turn at a time.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from typing import Any

from game.engine.record import CallRecord, Commitment, Entities, Mood, Outcome, Prosody, Turn
from game.engine.scenario.models import Scenario
from scoring import score_call

BALANCE = 1250.0
PROMISE = Commitment(1250.0, "2026-12-04", "bank transfer", confirmed=True)
CALM = Mood(30, 40, 50)
ANGRY = Mood(80, 20, 20)


def make_scenario(archetype: str = "angry", jurisdiction: str = "US", **extra: Any) -> Scenario:
    """A contractor who owes $1,250, as a scenario built in code (no scenario file is read)."""
    data: dict[str, Any] = {
        "id": "test-contractor",
        "title": "Test contractor",
        "difficulty": 2,
        "jurisdiction": jurisdiction,
        "account": {
            "debtor_name": "Mike Brennan",
            "title": "Mr.",
            "amount": BALANCE,
            "currency": "USD",
            "days_past_due": 45,
            "creditor": "Northwind Supply",
            "call_date": dt.date(2026, 12, 1),
        },
        "persona": {"archetype": archetype},
        "excuses": [
            {
                "id": "client_late",
                "say": ["My own client hasn't paid me for the Henderson job."],
                "counter": ["ask_excuse_details", "propose_plan"],
                "better": "When does your client's payment arrive, Mr. Brennan?",
            }
        ],
    }
    data.update(extra)
    return Scenario.model_validate(data)


def say(
    text: str,
    *acts: str,
    amounts: tuple[float, ...] = (),
    dates: tuple[str, ...] = (),
    method: str | None = None,
    interrupt: bool = False,
    prosody: Prosody | None = None,
) -> Turn:
    """A trainee line with the acts and entities the classifier would give it."""
    entities = Entities(amounts=amounts, dates=dates, method=method)
    return Turn("trainee", text, 0.0, 0.0, acts=acts, entities=entities, interrupt=interrupt, prosody=prosody)


def wait(seconds: float) -> Turn:
    """The trainee stays silent."""
    return Turn("trainee", "", 0.0, seconds, silence=seconds)


def reply(text: str, beat: str, mood: Mood = CALM) -> Turn:
    """A debtor line."""
    return Turn("debtor", text, 0.0, 0.0, beat=beat, mood=mood)


def call(
    *turns: Turn,
    outcome: Outcome = "commitment",
    commitment: Commitment | None = PROMISE,
    ended: bool = True,
) -> CallRecord:
    """A record of the turns, timed one after another (a silence lasts its seconds)."""
    timed = []
    clock = 0.0
    for turn in turns:
        length = turn.end - turn.start if turn.silence else 3.0
        timed.append(replace(turn, start=clock, end=clock + length))
        clock += length + 0.5
    return CallRecord("test-contractor", 0, tuple(timed), outcome, commitment, ended)


GOOD: tuple[Turn, ...] = (
    reply("Brennan Roofing, what do you want? Make it quick, I'm up on a roof right now.", "answer", ANGRY),
    say(
        "Good morning, this is Anna from Northwind Supply. Am I speaking with Mr. Brennan?",
        "greet",
        "identify_self",
        "verify_identity",
    ),
    reply("Yeah, it's me, Mike Brennan. Who wants to know, and what is this about?", "identity_confirm"),
    say(
        "Thank you, Mr. Brennan. This is an attempt to collect a debt. Your balance is $1,250.",
        "thank",
        "mini_miranda",
        "state_purpose",
        "state_amount",
        amounts=(1250.0,),
    ),
    reply(
        "Oh, here we go. The bill. I know about the bill, I've got your letters right here on my desk.",
        "purpose_reaction",
    ),
    say("Can you pay the $1,250 today, Mr. Brennan?", "request_payment", "urgency", amounts=(1250.0,)),
    reply(
        "My own client hasn't paid me for the Henderson job. How am I supposed to pay you before that?",
        "excuse:client_late",
    ),
    say("When does your client's payment arrive, Mr. Brennan?", "ask_excuse_details"),
    reply(
        "The Henderson job pays out on the third. Alright, I can work with that, I suppose.",
        "excuse_countered",
    ),
    say(
        "Then could you pay the $1,250 on Friday, December 4, by bank transfer?",
        "ask_commitment",
        amounts=(1250.0,),
        dates=("2026-12-04",),
        method="bank transfer",
    ),
    reply("Fine. I'll send $1,250 by bank transfer on Friday, December 4. Happy now?", "commit"),
    say(
        "So that's $1,250 on Friday, December 4, by bank transfer, correct? Thank you, Mr. Brennan.",
        "confirm_commitment",
        "thank",
        amounts=(1250.0,),
        dates=("2026-12-04",),
        method="bank transfer",
    ),
    reply("Yes. That's what I said. Write it down so nobody calls me again about it.", "confirm"),
    say("I have. Have a good day.", "close"),
    reply("Yeah. Thanks for being decent about it. Bye.", "goodbye"),
)


def good_call(**changes: Any) -> CallRecord:
    return call(*GOOD, **changes)


def swap(index: int, turn: Turn, turns: tuple[Turn, ...] = GOOD) -> tuple[Turn, ...]:
    """The turns with one replaced."""
    return (*turns[:index], turn, *turns[index + 1 :])


def principle(record: CallRecord, key: str, scenario: Scenario | None = None, **kw: Any) -> int:
    """One principle's score."""
    card = score_call(record, scenario or make_scenario(), **kw)
    return card.principle(key).score


def topics(record: CallRecord, key: str, scenario: Scenario | None = None) -> list[str]:
    """The topics of one principle's notes, in order."""
    card = score_call(record, scenario or make_scenario())
    return [n.topic for n in card.principle(key).notes]


def test_a_well_run_call_scores_full_marks_with_no_finding() -> None:
    card = score_call(good_call(), make_scenario())
    expected = {
        "calm_tone": 100,
        "repeat_amount": 100,
        "commitment": 100,
        "stay_quiet": 100,
        "politeness": 100,
        "excuse_handling": 100,
    }
    assert expected == {p.key: p.score for p in card.principles}
    assert list(card.compliance) == []
    assert (card.total, card.stars, card.passed) == (100, 3, True)
    assert card.top_notes == ()


def test_the_same_record_gives_the_same_card_byte_for_byte() -> None:
    record = call(
        *swap(5, say("PAY THE $1,520 TODAY!!", "request_payment", amounts=(1520.0,), interrupt=True))
    )
    first = json.dumps(score_call(record, make_scenario()).as_dict())
    again = json.dumps(score_call(record, make_scenario()).as_dict())
    assert first == again


def test_the_card_has_the_contract_shape() -> None:
    card = score_call(good_call(), make_scenario()).as_dict()
    assert list(card)[:6] == ["scenario", "outcome", "commitment", "principles", "compliance", "total"]
    assert list(card)[-1] == "turns"
    assert {k: card["commitment"][k] for k in ("amount", "date", "method", "confirmed")} == {
        "amount": 1250.0,
        "date": "2026-12-04",
        "method": "bank transfer",
        "confirmed": True,
    }
    assert list(card["principles"]) == [
        "calm_tone",
        "repeat_amount",
        "commitment",
        "stay_quiet",
        "politeness",
        "excuse_handling",
    ]
    assert {"score", "notes"} <= set(card["principles"]["calm_tone"])
    assert {"speaker": "debtor", "text": GOOD[0].text, "beat": "answer"} == card["turns"][0]
    assert {
        "speaker": "trainee",
        "text": GOOD[1].text,
        "acts": ["greet", "identify_self", "verify_identity"],
    } == (card["turns"][1])
    assert all(isinstance(p["score"], int) for p in card["principles"].values())


def test_a_note_points_at_the_turn_and_quotes_the_trainee() -> None:
    line = say("CALM DOWN, MR. BRENNAN!!", "other")
    card = score_call(call(*swap(7, line)), make_scenario()).as_dict()
    note = card["principles"]["calm_tone"]["notes"][0]
    assert (note["turn"], note["text"], note["topic"], note["points"]) == (
        7,
        "CALM DOWN, MR. BRENNAN!!",
        "calm_tone.shouting",
        -20,
    )
    assert card["turns"][note["turn"]]["speaker"] == "trainee"
    assert [n["topic"] for n in card["turns"][7]["notes"]] == [
        "calm_tone.shouting",
        "calm_tone.hostile",
        "politeness.dismissive",
        "excuse_handling.not_countered",
    ]
