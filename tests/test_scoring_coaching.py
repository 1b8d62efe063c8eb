"""Coaching, live scoring, the terminal card and the benchmark."""

from __future__ import annotations

import re
from pathlib import Path

from test_scoring_calls import GOOD, call, good_call, make_scenario, say, swap

import scoring.principles
from game.engine.record import Commitment, Turn
from scoring import format_scorecard, live_chips, score_call
from scoring.bench import bench_score_call
from scoring.coaching import bank
from scoring.compliance import RULES

MISTAKES = (
    (
        1,
        say(
            "Brennan? PAY THE $1,520 TODAY!!", "request_payment", "urgency", amounts=(1520.0,), interrupt=True
        ),
    ),
    (3, say("Listen here, you owe us money, you deadbeat.", "state_purpose", "insult")),
    (5, say("Calm down. Or maybe just $200?", "request_payment", amounts=(200.0,))),
    (7, say("That's not true. Whatever.", "other")),
)


def mistaken() -> tuple[Turn, ...]:
    """The well-run call with four turns gone wrong."""
    turns = GOOD
    for index, turn in MISTAKES:
        turns = swap(index, turn, turns)
    return turns


def test_every_note_kind_has_a_bank_entry_and_fills_its_placeholders() -> None:
    package = Path(scoring.principles.__file__).parent
    topics = {
        f"{path.stem}.{name}"
        for path in package.glob("*.py")
        for name in re.findall(r'f"\{KEY\}\.(\w+)"', path.read_text(encoding="utf-8"))
    }
    topics |= {f"compliance.{rule}" for rule in RULES}
    assert topics == set(bank())
    card = score_call(call(*mistaken(), outcome="hung_up", commitment=None), make_scenario())
    for note in [*card.top_notes, *(n for p in card.principles for n in p.notes)]:
        assert "{" not in note.note and "{" not in (note.better or "")


def test_the_top_notes_are_few_compliance_first_then_the_principles_that_lost_most() -> None:
    card = score_call(call(*mistaken(), outcome="hung_up", commitment=None), make_scenario())
    assert [n.topic for n in card.top_notes] == [
        "compliance.insult",
        "compliance.misstated_balance",
        "calm_tone.shouting",
        "politeness.no_greeting",
        "right_party.unverified",
    ]
    wrong = card.top_notes[1]
    assert (wrong.turn, wrong.text) == (1, "Brennan? PAY THE $1,520 TODAY!!")
    assert "You gave $1,520 as the amount; the account says $1,250." in wrong.note
    # The principle's own note on that turn says the same thing, so it stays in the turn-by-turn view.
    assert "repeat_amount.wrong" in [n.topic for n in card.principle("repeat_amount").notes]


def test_the_authors_line_is_preferred_for_its_moment() -> None:
    authored = make_scenario(
        better={
            "calm_tone": "I hear you, Mr. Brennan.",
            "commitment.no_date": "Which day this week works, Mr. Brennan?",
        }
    )
    shouted = call(*swap(7, say("WHEN DOES YOUR CLIENT PAY?", "ask_excuse_details")))
    assert score_call(shouted, authored).principle("calm_tone").notes[0].better == "I hear you, Mr. Brennan."
    assert (
        score_call(shouted, make_scenario()).principle("calm_tone").notes[0].better
        != "I understand, Mr. Brennan. Here is what we can do."
    )
    vague = swap(5, say("Can you pay the $1,250?", "request_payment", amounts=(1250.0,)))
    vague = swap(9, say("Then could you pay the $1,250?", "ask_commitment", amounts=(1250.0,)), vague)
    assert (
        score_call(call(*vague), authored).principle("commitment").notes[0].better
        == "Which day this week works, Mr. Brennan?"
    )


def test_an_unmet_excuse_is_coached_with_its_own_counter() -> None:
    ignored = swap(7, say("I see.", "other"))
    note = score_call(call(*ignored), make_scenario()).principle("excuse_handling").notes[0]
    assert (note.turn, note.topic) == (7, "excuse_handling.not_countered")
    assert note.better == "When does your client's payment arrive, Mr. Brennan?"
    assert "My own client hasn't paid me" in note.note


def test_live_scoring_counts_only_what_has_happened() -> None:
    so_far = call(*GOOD[:4], ended=False, outcome="no_commitment", commitment=None)
    live = score_call(so_far, make_scenario(), live=True)
    assert all(p.score == 100 for p in live.principles)
    final = score_call(so_far, make_scenario())
    assert {"commitment.no_ask", "commitment.no_promise"} <= {
        n.topic for n in final.principle("commitment").notes
    }


def test_live_scoring_still_counts_mistakes() -> None:
    so_far = call(
        *swap(3, say("Listen here, you owe $1,250.", "state_amount", amounts=(1250.0,)), GOOD[:4]),
        ended=False,
        outcome="no_commitment",
        commitment=None,
    )
    assert score_call(so_far, make_scenario(), live=True).principle("politeness").score == 85


def test_the_hud_chips_follow_the_call() -> None:
    scenario = make_scenario()
    early = live_chips(call(*GOOD[:4], ended=False, outcome="no_commitment", commitment=None), scenario)
    assert early == {
        "greeted": True,
        "introduced": True,
        "name_used": True,
        "amount_stated": True,
        "commitment_asked": False,
        "date_asked": False,
        "commitment_made": False,
        "commitment_confirmed": False,
        "disclosure_given": True,
        "calm": True,
        "no_interruptions": True,
        "compliant": True,
    }
    done = live_chips(good_call(), scenario)
    assert all(done.values())


def test_the_hud_chips_on_a_gatekeeper_call_are_about_not_disclosing() -> None:
    from test_scoring_principles import GATEKEEPER, gatekeeper_call

    chips = live_chips(gatekeeper_call(*GATEKEEPER), make_scenario("gatekeeper"))
    assert list(chips) == [
        "greeted",
        "introduced",
        "name_used",
        "asked_for_debtor",
        "message_left",
        "nothing_disclosed",
        "calm",
        "no_interruptions",
        "compliant",
    ]
    assert all(chips.values())


def test_the_terminal_card_shows_the_table_the_outcome_and_the_notes() -> None:
    text = format_scorecard(
        score_call(call(*mistaken(), outcome="hung_up", commitment=None), make_scenario())
    )
    verdict, rest = text.split("\nTest contractor (test-contractor)\n", 1)
    assert " ".join(verdict.splitlines()) == (
        "Auto-fail: insult on turn 3 (and 2 more). Any compliance finding fails the call."
    )
    assert all(len(line) <= 78 for line in verdict.splitlines())  # wrapped to the card's width
    lines = text.splitlines()
    head = rest.splitlines()
    assert head[0].startswith("Principles ") and "[---]  AUTO-FAIL  (rubric: us)" in head[0]
    assert head[1] == "Goal: a confirmed promise to pay - not reached"
    assert head[2] == "Outcome: the debtor hung up"
    assert "Calm tone            25  #####..............." in lines
    assert "Excuse handling      65  #############......." in lines
    assert "Compliance: 3 findings - the call fails whatever its total" in lines
    assert '  1. Turn 3, insult (compliance): "Listen here, you owe us money, you' in lines
    assert '     deadbeat."' in lines
    assert any(line.strip().startswith('Better: "') for line in lines)
    good = format_scorecard(score_call(good_call(), make_scenario()))
    assert "Outcome: a promise to pay - $1,250 on 2026-12-04 by bank transfer (confirmed)" in good
    assert "Compliance: no findings" in good and "Top notes" not in good


def test_the_benchmark_reports_full_and_live_for_forty_turns() -> None:
    figures = bench_score_call(runs=3)
    assert list(figures) == ["full", "live", "turns"]
    assert figures["turns"] == 40


def test_every_better_line_is_a_line_to_say_and_a_read_back_names_amount_date_and_method() -> None:
    """A better line is said aloud: no stage directions (a blank such as "(your name)" is a slot to fill),
    no "that date" or "exactly as you said" in place of the items."""
    vague = re.compile(r"that date|that method|agreed (?:date|method)|exactly as you said|same words", re.IGNORECASE)
    for key, entry in bank().items():
        if entry.better is None:
            continue
        directions = re.sub(r"\((?:your name|your number)\)", "", entry.better)
        assert "(" not in directions and not vague.search(entry.better), key
    items = {"{promised}", "{promised_date}", "{promised_method}"}
    for key in ("commitment.not_confirmed", "commitment.readback_wrong", "commitment.readback_incomplete",
                "repeat_amount.not_at_confirmation"):  # fmt: skip
        assert items <= set(re.findall(r"\{\w+\}", bank()[key].better or "")), key


def test_the_read_back_better_line_carries_the_promise_from_the_call() -> None:
    unconfirmed = swap(11, say("Great, I'll note it down. Thank you, Mr. Brennan.", "thank"))
    promise = Commitment(400.0, "2026-12-18", "debit card", confirmed=False)
    card = score_call(call(*unconfirmed, commitment=promise), make_scenario())
    note = next(n for n in card.principle("commitment").notes if n.topic == "commitment.not_confirmed")
    assert note.better == "Just to confirm, Mr. Brennan: $400 on Friday, December 18, by debit card, correct?"
