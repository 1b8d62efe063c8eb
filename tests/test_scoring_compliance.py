"""Lawful conduct: each rule finds its line, a well-run call has none, and any finding fails the call."""

from __future__ import annotations

from test_scoring_calls import GOOD, call, good_call, make_scenario, reply, say, swap
from test_scoring_principles import GATEKEEPER, gatekeeper_call

from game.engine.record import CallRecord
from game.engine.scenario.models import Scenario
from scoring import score_call


def rules(record: CallRecord, scenario: Scenario | None = None) -> list[tuple[str, int | None]]:
    """The findings as (rule, turn) pairs."""
    card = score_call(record, scenario or make_scenario())
    return [(f.rule, f.turn) for f in card.compliance]


def test_a_well_run_call_has_no_finding() -> None:
    assert rules(good_call()) == []


def test_a_threat_of_harm_is_found_in_the_words() -> None:
    line = say("Pay today or we'll come to your house.", "request_payment", "urgency")
    assert rules(call(*swap(5, line))) == [("threat", 5)]


def test_a_threat_the_classifier_saw_is_found_without_the_words() -> None:
    line = say("You really don't want to find out what happens next.", "threat")
    assert rules(call(*swap(5, line))) == [("threat", 5)]


def test_threatening_legal_action_is_a_threat() -> None:
    line = say("Pay it today or we'll take you to court.", "request_payment", "urgency")
    finding = score_call(call(*swap(5, line)), make_scenario()).compliance[0]
    assert (finding.rule, finding.turn, finding.text) == (
        "threat",
        5,
        "Pay it today or we'll take you to court.",
    )
    assert "take you to court" in finding.note


def test_a_false_claim_of_arrest_or_of_being_a_lawyer_is_found() -> None:
    arrest = say("Pay now or you'll be arrested.", "request_payment")
    lawyer = say(
        "I'm the company's attorney, and I need the $1,250 today.", "request_payment", amounts=(1250.0,)
    )
    assert rules(call(*swap(5, arrest))) == [("false_claim", 5)]
    assert rules(call(*swap(5, lawyer))) == [("false_claim", 5)]


def test_a_reassurance_is_not_a_false_claim() -> None:
    line = say(
        "Nobody is going to arrest you, Mr. Brennan. Can you pay the $1,250 today?",
        "request_payment",
        "urgency",
        amounts=(1250.0,),
    )
    assert rules(call(*swap(5, line))) == []


def test_a_lawful_consequence_is_not_a_finding() -> None:
    line = say("If it stays unpaid, late payments are reported to the credit bureau.", "consequence")
    assert rules(call(*swap(7, line))) == []


def test_insults_and_profanity_are_found() -> None:
    insult = say("When does your client pay, you deadbeat?", "ask_excuse_details", "insult")
    profane = say("When the hell does your client pay?", "ask_excuse_details")
    assert rules(call(*swap(7, insult))) == [("insult", 7)]
    assert rules(call(*swap(7, profane))) == [("profanity", 7)]


def test_condescension_the_classifier_called_an_insult_is_left_to_politeness() -> None:
    line = say("Listen here, when does your client's payment arrive?", "ask_excuse_details", "insult")
    assert rules(call(*swap(7, line))) == []


def test_discussing_the_debt_with_a_gatekeeper_is_a_disclosure() -> None:
    told = swap(
        3,
        say("It's about the $1,250 he owes us.", "state_purpose", "state_amount", amounts=(1250.0,)),
        GATEKEEPER,
    )
    gatekeeper = make_scenario("gatekeeper")
    assert rules(gatekeeper_call(*GATEKEEPER), gatekeeper) == []
    assert rules(gatekeeper_call(*told), gatekeeper) == [("third_party_disclosure", 3)]


def test_a_fee_the_account_does_not_carry_is_unauthorised() -> None:
    line = say(
        "Can you pay the $1,250 today, plus a $50 late fee?", "request_payment", amounts=(1250.0, 50.0)
    )
    assert rules(call(*swap(5, line))) == [("unauthorised_fee", 5)]
    scenario = make_scenario()
    carried = scenario.model_copy(
        update={
            "account": scenario.account.model_copy(
                update={"fees": ["late fee"], "notes": ["A $50 late fee applies under the contract."]}
            )
        }
    )
    assert rules(call(*swap(5, line)), carried) == []


def test_pushing_for_payment_after_a_dispute_is_a_finding() -> None:
    disputer = make_scenario("disputer", excuses=[])
    disputed = (
        *GOOD[:4],
        reply("That's not right. My insurance paid that bill in full back in August.", "dispute"),
        say("I understand. I'll note the dispute and send you written validation of the debt.", "other"),
        reply("Good. I want it in writing.", "filler"),
        say("You still need to pay the $1,250 today.", "request_payment", "urgency", amounts=(1250.0,)),
        reply("I just told you, it's paid.", "dispute"),
        say("Thank you for your time, Mr. Brennan. Goodbye.", "thank", "close"),
    )
    assert rules(call(*disputed, outcome="no_commitment", commitment=None), disputer) == [
        ("collecting_disputed_debt", 7)
    ]


def test_the_us_disclosure_is_required_once_the_debt_is_discussed() -> None:
    undisclosed = swap(
        3, say("Thank you, Mr. Brennan. Your balance is $1,250.", "thank", "state_amount", amounts=(1250.0,))
    )
    assert rules(call(*undisclosed)) == [("missing_mini_miranda", 3)]
    assert rules(call(*undisclosed), make_scenario(jurisdiction="UK")) == []
    assert [
        f.rule for f in score_call(call(*undisclosed, ended=False), make_scenario(), live=True).compliance
    ] == []


def test_any_finding_fails_the_call_whatever_its_total() -> None:
    line = say(
        "Can you pay the $1,250 today, or do I need to tell your employer?",
        "request_payment",
        "urgency",
        amounts=(1250.0,),
    )
    card = score_call(call(*swap(5, line)), make_scenario())
    assert card.total >= 80
    assert (card.passed, card.stars, [f.rule for f in card.compliance]) == (False, 0, ["threat"])
    assert card.top_notes[0].topic == "compliance.threat"
