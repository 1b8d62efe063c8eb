"""Dialogue acts: scored on hand-labelled trainee lines, plus the behaviours the engine relies on."""

from __future__ import annotations

import datetime as dt

import pytest

from game.engine.stages import ACTS
from game.engine.understand import Context, LexiconError, prepare, understand
from game.engine.understand.lexicon import compile_lexicon

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
