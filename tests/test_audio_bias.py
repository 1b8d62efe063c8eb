"""Biasing recognised text towards the call: names and amounts repaired, clean numbers left alone."""

from __future__ import annotations

import pytest

from game.audio.bias import finish, repair, written_money
from game.audio.numbers import number_words, spoken_amount_forms, spoken_bare_forms, written_amount
from game.audio.phonetics import phone_distance, said_words, text_phones
from game.audio.phrases import lm_sentences
from game.audio.vocabulary import CallVocabulary, proper_names, vocabulary_for
from game.engine.scenario.models import Scenario
from tests.audio_fixtures import alvarez_scenario

CALL = CallVocabulary(names=("Carlos Alvarez",), title="Mr.", amounts=(480.0, 240.0), creditor="Northwind Bank")
CENTS_CALL = CallVocabulary(
    names=("Margaret Ellison",), title="Mrs.", amounts=(186.4,), creditor="Brightwater Home Medical"
)


def test_number_words_and_spoken_forms() -> None:
    assert number_words(480) == "four hundred eighty"
    assert number_words(1250, "and") == "one thousand two hundred and fifty"
    assert "dollar four hundred eighty" in spoken_amount_forms(480)
    assert "four eighty dollars" in spoken_amount_forms(480)
    assert "dollar one hundred eighty six point four zero" in spoken_amount_forms(186.4)
    assert "one hundred eighty six dollars and forty cents" in spoken_amount_forms(186.4)
    assert "one eighty six forty" in spoken_bare_forms(186.4)
    assert [written_amount(a) for a in (480, 1250, 186.4)] == ["$480", "$1,250", "$186.40"]
    assert written_amount(300, "GBP") == "£300"


def test_phones_compare_sounds_not_spellings() -> None:
    near = phone_distance(text_phones("four hundred baby"), text_phones("four hundred eighty"))
    far = phone_distance(text_phones("thank you very much"), text_phones("four hundred eighty"))
    assert near < 0.15 < 0.5 < far
    assert text_phones("North Wind") == text_phones("Northwind")
    assert said_words("That's $480, Mr. Alvarez.") == [
        "that's", "four", "hundred", "eighty", "dollars", "mister", "alvarez",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("heard", "written"),
    [
        ("The balance is four hundred eighty dollars.", "The balance is $480."),
        ("dollar four hundred and eighty today", "$480 today"),
        ("one hundred eighty-six dollars and forty cents", "$186.40"),
        ("dollar one hundred eighty six point four zero", "$186.40"),
        ("two payments of 240 dollars, thanks", "two payments of $240, thanks"),
        ("I'll call at 3 pm.", "I'll call at 3 pm."),
        ("two payments", "two payments"),
        ("I can pay a thousand dollars.", "I can pay $1,000."),
        ("a hundred and twenty five dollars by Friday", "$125 by Friday"),
        ("I can do a thousand.", "I can do a thousand."),
        ("a week from now", "a week from now"),
    ],
)
def test_money_is_written_as_a_transcript_writes_it(heard: str, written: str) -> None:
    assert written_money(heard) == written


@pytest.mark.parametrize(
    ("heard", "repaired"),
    [
        ("And my speaking with Mr. Elmer.", "And my speaking with Mr. Alvarez."),
        ("I'm calling about your account with North Wind Bank.", "I'm calling about your account with Northwind Bank."),
        ("So let's dollar four hundred baby on Friday", "So let's $480 on Friday"),
        ("Can you take care of the dollar for 100 every today?", "Can you take care of the $480 today?"),
        ("payment of dollar for $180 this week", "payment of $480 this week"),
        ("We could split it into two payments of dollar to $140.", "We could split it into two payments of $240."),
    ],
)
def test_garbled_names_and_amounts_are_repaired(heard: str, repaired: str) -> None:
    assert finish(heard, CALL) == repaired


@pytest.mark.parametrize(
    "heard",
    [
        "The balance is 488 dollars.",  # heard cleanly, though wrong: the trainee must hear it back
        "I can pay $400 today.",
        "The balance is dollar four hundred.",
        "Thank you, Mr. Smith.",  # another name, not a garbled one
        "Can you confirm your address for me, please?",  # "for me" is no amount
        "Thank you for your time, have a good day.",
    ],
)
def test_clean_words_and_numbers_are_left_as_heard(heard: str) -> None:
    assert repair(heard, CALL) == heard


def test_cents_amounts_are_repaired() -> None:
    assert finish("So that's $186 point four year old today", CENTS_CALL) == "So that's $186.40 year old today"
    assert finish("Thank you so much, Mrs. Thaleson, and a lovely day!", CENTS_CALL).count("Mrs. Ellison,") == 1


def test_a_second_opinion_loosens_amount_matching() -> None:
    heard = "When can you pay the daughter for hungry baby?"
    assert finish(heard, CALL) == heard
    assert finish(heard, CALL, confirmed=(480.0,)) == "When can you pay the daughter $480?"
    digits_amid_noise = "When can you pay the Nolfo 100 an 80?"
    assert finish(digits_amid_noise, CALL) == digits_amid_noise
    assert finish(digits_amid_noise, CALL, confirmed=(480.0,)) == "When can you pay the Nolfo $480?"


def scenario() -> Scenario:
    return alvarez_scenario(
        {"commitment": {"kind": "instalments", "instalments": 2, "days": 3, "min_amount": 200.0}},
        model_call=[{"say": "Good morning, this is Anna Berg from Northwind Bank. Is this Mr. Alvarez?"}],
    )


def test_vocabulary_of_a_scenario() -> None:
    vocabulary = vocabulary_for(scenario())
    assert vocabulary.names == ("Carlos Alvarez",)
    assert vocabulary.surnames == ("Alvarez",)
    assert vocabulary.amounts == (480.0, 200.0, 240.0)
    assert vocabulary.creditor == "Northwind Bank"
    assert vocabulary.other_names == ("Anna Berg",)
    assert proper_names("Hi, this is Jordan Ellis from Brightwater Home Medical.") == [
        "Jordan Ellis",
        "Brightwater Home Medical",
    ]


def test_language_model_sentences_carry_the_call() -> None:
    sentences = lm_sentences(CALL)
    assert "the balance is four hundred eighty dollars" in sentences
    assert "the balance is dollar four hundred eighty" in sentences
    assert "good morning may i speak with mister alvarez" in sentences
    assert all(s == s.lower() and "$" not in s for s in sentences)


BALANCE_CALL = CallVocabulary(names=("Dana Whitfield",), title="Ms.", amounts=(1250.0,), creditor="Harbor Credit Union")


@pytest.mark.parametrize(
    "heard",
    [
        "How about one thousand five hundred by Friday?",
        "How about 1,500 by Friday?",
        "We received one hundred and fifty on November third.",
        "That leaves un-hundred-eighty dollars.",
        "The balance is one thousand two hundred fifty point four zero.",
        "The branch is ten meters from the station.",
        "You have 45 days to dispute the debt.",
        "Your account number ends in four seven two nine.",
        "I can do four payments of two hundred.",
        "A payment of seventy-five dollars and fifty cents each week would work.",
    ],
)
def test_a_clearly_heard_number_is_never_rewritten_to_the_balance(heard: str) -> None:
    plain = finish(heard, None)
    assert plain == heard or "$75.50" in plain
    assert finish(heard, BALANCE_CALL) == plain
    assert finish(heard, BALANCE_CALL, confirmed=(1250.0,)) == plain


def test_amounts_keep_their_cents() -> None:
    said = "The balance is one thousand two hundred fifty dollars and forty cents."
    assert finish(said, BALANCE_CALL) == "The balance is $1,250.40."


def test_a_homophone_before_a_number_must_fit_the_amount() -> None:
    assert finish("The balance on your account is for $180.", CENTS_CALL) == "The balance on your account is for $180."
    assert finish("The balance on your account is for $180.", CALL) == "The balance on your account is $480."


def test_a_garbled_balance_is_still_repaired() -> None:
    heard = "The balance is not at one thousand to hundred fifty."
    assert finish(heard, BALANCE_CALL) == "The balance is not at $1,250."


@pytest.mark.parametrize(
    ("heard", "written"),
    [
        ("I can do four payments of dollar to hundred.", "I can do four payments of $200."),
        ("Could you pay a free hundred today?", "Could you pay a three hundred today?"),
        ("Could you pay to hundreds dollars today?", "Could you pay $200 today?"),
        ("We saw hundreds of people.", "We saw hundreds of people."),
        ("one thousand, two hundred and fifty dollars", "$1,250"),
        ("I'll go to Denver, two hundred miles away.", "I'll go to Denver, two hundred miles away."),
        ("Thank you for your time.", "Thank you for your time."),
    ],
)
def test_number_words_are_put_back_together(heard: str, written: str) -> None:
    assert finish(heard, None) == written
