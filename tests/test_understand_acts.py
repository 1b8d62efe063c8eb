"""Dialogue acts: scored on hand-labelled trainee lines, plus the behaviours the engine relies on."""

from __future__ import annotations

import datetime as dt

import pytest

from game.engine.stages import ACTS
from game.engine.understand import Context, LexiconError, prepare, understand
from game.engine.understand.lexicon import compile_lexicon
from scoring.cues import read

CONTEXT = Context(
    call_date=dt.date(2026, 6, 9),
    debtor_names=("Mike Brennan", "Mr. Brennan"),
    creditor="Northwind Bank",
    balance=1250.0,
)


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        (
            "Good morning, this is Anna from Northwind Bank. Am I speaking with Mike Brennan?",
            ("greet", "identify_self", "verify_identity"),
        ),
        (
            "The balance is $1,250, can you take care of that today?",
            ("state_amount", "request_payment", "urgency"),
        ),
        (
            "so thats two hundred dollars on friday by bank transfer correct",
            ("state_amount", "confirm_commitment"),
        ),
        ("Can you pay $200 by Friday?", ("state_amount", "ask_commitment")),
        ("we'll come to your house", ("threat",)),
        ("Late payments are reported to the credit bureau.", ("consequence",)),
        ("You'll be arrested.", ("false_claim",)),
        ("Listen, you deadbeat.", ("insult",)),
        ("You can speak with our attorney or my manager.", ("offer_options",)),
        ("Let me pull up your file.", ("other",)),
    ],
)
def test_contract_examples_get_their_acts(text: str, acts: tuple[str, ...]) -> None:
    assert acts == understand(text, CONTEXT).acts


def test_acts_come_in_contract_order() -> None:
    acts = understand("Thanks Mike, have a good day. Hello!", CONTEXT).acts
    assert list(acts) == sorted(acts, key=ACTS.index)


def test_other_only_when_nothing_else_applies() -> None:
    assert understand("Hmm.", CONTEXT).acts == ("other",)
    assert "other" not in understand("Hello, one moment please.", CONTEXT).acts


def test_empty_line_is_other_with_no_entities() -> None:
    result = understand("   ", CONTEXT)
    assert result.acts == ("other",)
    assert result.entities.amounts == ()


def test_a_debtor_called_dick_is_not_an_insult() -> None:
    context = Context(call_date=dt.date(2026, 6, 9), debtor_names=("Dick Smith", "Mr. Smith"))
    assert "insult" not in understand("May I speak to Dick please?", context).acts


def test_scenario_phrases_teach_a_paraphrase() -> None:
    line = "would the usual standing arrangement suit you again this time"
    assert "propose_plan" not in understand(line, CONTEXT).acts
    taught = Context(
        call_date=CONTEXT.call_date,
        extra_phrases={"propose_plan": ["would the usual standing arrangement suit you"]},
    )
    assert "propose_plan" in understand(line, taught).acts


def test_the_same_line_always_reads_the_same() -> None:
    line = "Hi Mike, can you pay the $1,250 today by card?"
    assert understand(line, CONTEXT) == understand(line, CONTEXT)


def test_prepare_loads_everything_a_call_needs_without_a_line() -> None:
    prepare("en")
    assert understand("by December 15", CONTEXT).entities.dates == ("2026-12-15",)


def test_a_language_without_a_lexicon_is_refused_clearly() -> None:
    with pytest.raises(LexiconError, match="no dialogue-act lexicon for language 'xx'"):
        understand("hello", Context(call_date=CONTEXT.call_date, language="xx"))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"acts": {"small_talk": {"patterns": ["hi"]}}}, "unknown acts"),
        ({"acts": {"greet": {"patterns": ["{{salutation}}"]}}}, "unknown macro"),
        ({"acts": {"greet": {"patterns": ["(hi"]}}}, "bad pattern"),
        ({"acts": {"greet": {"patterns": [{"re": "hi", "when": "weather"}]}}}, "a pattern is a string"),
    ],
)
def test_a_malformed_lexicon_is_reported_with_its_file(data: dict[str, object], message: str) -> None:
    with pytest.raises(LexiconError, match=rf"lexicon_test\.yaml: .*{message}"):
        compile_lexicon(data, "lexicon_test.yaml")


PIKE = Context(
    call_date=dt.date(2026, 12, 10),
    debtor_names=("Gordon Pike", "Mr. Pike"),
    creditor="Cobalt Property Services",
    balance=6300.0,
)
BRENNAN = Context(
    call_date=dt.date(2026, 12, 10),
    debtor_names=("Mike Brennan", "Mr. Brennan"),
    creditor="Northwind Bank",
    balance=1250.0,
)


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        ("Pay today or we'll come take your van.", ("request_payment", "urgency", "threat")),
        ("We'll come down to your store and take the stock off your shelves.", ("threat",)),
        ("We'll come and rip every machine out of your gym tomorrow.", ("threat",)),
        ("I'LL PUT A LIEN ON YOUR BUILDINGS!!", ("threat",)),
        ("You'd better pay or else.", ("request_payment", "threat")),
        ("We know where you live.", ("threat",)),
        ("We'll send someone round.", ("threat",)),
        ("I'll make your life hell.", ("threat",)),
        ("we will take you to court tomorrow if you dont pay", ("threat",)),
        ("PAY THE BILL TODAY OR WE'LL SEND SOMEONE TO YOUR BUILDINGS!!", ("request_payment", "urgency", "threat")),
        ("Watch your back.", ("threat",)),
        ("You'll regret this.", ("threat",)),
    ],
)
def test_threats_are_heard_however_they_are_worded(text: str, acts: tuple[str, ...]) -> None:
    assert acts == understand(text, PIKE).acts


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        ("The account may be referred to our legal department.", ("consequence",)),
        ("If the account stays unpaid, the vehicle may be repossessed.", ("consequence",)),
        ("We won't take you to court.", ("consequence",)),
        ("We'll take your payment now.", ("urgency",)),
        ("I'll take the stock count later.", ("other",)),
        ("We'll send you a letter.", ("other",)),
    ],
)
def test_lawful_consequences_and_ordinary_promises_are_not_threats(text: str, acts: tuple[str, ...]) -> None:
    assert acts == understand(text, PIKE).acts


@pytest.mark.parametrize(
    "text",
    [
        "I can hear how frustrating this has been, Mr. Pike.",
        "That shouldn't have happened, Mr. Pike, and I'm sorry it did.",
        "I'm sorry the machines were down. That must have cost you members.",
        "I hear you, that must have hurt your business.",
    ],
)
def test_empathy_about_what_went_wrong_is_empathy_and_nothing_else(text: str) -> None:
    assert understand(text, PIKE).acts == ("empathize",)


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        ("When does your client's payment arrive?", ("ask_excuse_details",)),
        ("When do the tenants' rents usually come in?", ("ask_excuse_details",)),
        ("What's been holding up the payment?", ("probe",)),
    ],
)
def test_the_date_behind_an_excuse_is_a_detail_and_the_reason_a_probe(text: str, acts: tuple[str, ...]) -> None:
    assert acts == understand(text, PIKE).acts


def test_how_long_overdue_is_the_purpose_not_urgency() -> None:
    assert understand("…and it's now 62 days past due.", PIKE).acts == ("state_purpose",)


def test_a_curt_opening_still_says_who_calls_and_why() -> None:
    assert understand("Brennan? Northwind. You owe us money.", BRENNAN).acts == ("identify_self", "state_purpose")


def test_sarcastic_condescension_is_an_insult() -> None:
    assert understand("Do you think I was born yesterday?", PIKE).acts == ("insult",)


def test_a_call_back_message_is_not_a_read_back() -> None:
    heard = understand("Could you ask him to call Sam at 555-0100?", BRENNAN)
    assert heard.acts == ("other",)
    assert heard.entities.amounts == ()


# Lines the scorer's own word lists (scoring/cues.py) flag; the classifier must hear them too, so the
# persona reacts to what the scorecard later marks.
@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("We'll pay a visit to your family.", "threat"),
        ("We'll contact your relatives.", "threat"),
        ("We'll publish your name.", "threat"),
        ("We'll put your name on a list.", "threat"),
        ("We're coming after you.", "threat"),
        ("We'll find you.", "threat"),
        ("We'll send some people.", "threat"),
        ("We'll send the bailiffs.", "threat"),
        ("We'll teach you a lesson.", "threat"),
        ("You'd better pay.", "threat"),
        ("We'll come and tow your truck.", "threat"),
        ("We'll sue you.", "threat"),
        ("We'll file a lawsuit.", "threat"),
        ("We'll start court action against you.", "threat"),
        ("We'll seize your assets.", "threat"),
        ("We'll place a lien on the property.", "threat"),
        ("Enforcement agents will visit you.", "threat"),
        ("I am a barrister.", "false_claim"),
        ("I'm the company attorney.", "false_claim"),
        ("This is Deputy Hall.", "false_claim"),
        ("I'm calling on behalf of the state.", "false_claim"),
        ("You cheat.", "insult"),
        ("You dimwit.", "insult"),
        ("Listen, mister.", "insult"),
        ("Let me explain this slowly.", "insult"),
        ("It's not rocket science.", "insult"),
        ("Do you understand?", "insult"),
        ("I already told you.", "insult"),
        ("Everyone else pays.", "insult"),
        ("Okay, young lady.", "insult"),
        ("You ass.", "insult"),
        ("f**k you", "insult"),
        ("wtf", "insult"),
    ],
)
def test_what_the_scorer_flags_the_classifier_hears(text: str, act: str) -> None:
    cues = read(text)
    flagged = {
        "threat": cues.threat,
        "false_claim": cues.false_claim,
        "insult": cues.insult + cues.profanity + cues.condescension,
    }[act]
    assert (act in understand(text, PIKE).acts) >= bool(flagged)
