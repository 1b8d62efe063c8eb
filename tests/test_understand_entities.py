"""Entities of a trainee line: amounts, dates, the debtor's names and the payment method."""

from __future__ import annotations

import datetime as dt

import pytest

from game.engine.understand import Context, parse_amounts, parse_dates, understand

TUESDAY = dt.date(2026, 6, 9)


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        ("The balance is $1,250.", (1250.0,)),
        ("that comes to 1250.00", (1250.0,)),
        ("I can do 200 bucks", (200.0,)),
        ("It's USD 300 in total.", (300.0,)),
        ("the balance is twelve hundred fifty", (1250.0,)),
        ("one thousand two hundred and fifty dollars", (1250.0,)),
        ("twelve hundred and fifty dollars", (1250.0,)),
        ("can you do two hundred", (200.0,)),
        ("so thats two hundred dollars on friday by bank transfer correct", (200.0,)),
        ("I can do one fifty today", (150.0,)),
        ("the bill is three eighteen seventy five", (318.75,)),
        ("$325 and 50 cents", (325.5,)),
        ("it's £455 or €500", (455.0, 500.0)),
        ("two k by Friday", (2000.0,)),
        ("five grand", (5000.0,)),
        ("a hundred and fifty bucks", (150.0,)),
        ("three payments of $400", (400.0,)),
        ("we could split it into three payments of four hundred dollars", (400.0,)),
        ("$200 today and $200 on the 15th", (200.0,)),
    ],
)
def test_amounts_are_read_from_digits_and_words(text: str, amounts: tuple[float, ...]) -> None:
    assert amounts == parse_amounts(text)


@pytest.mark.parametrize(
    "text",
    [
        "call me back at 3 pm",
        "call me back at three thirty",
        "by the 15th",
        "on the 15",
        "December 15, 2026",
        "in two weeks",
        "split it into three payments",
        "we'll do it in 3 instalments",
        "the account is 45 days past due",
        "account number 44219",
        "my number is 555 0188",
        "call 1-800-555-0199",
        "that's 10% of the balance",
        "it's a few hundred dollars",
        "one of the options",
    ],
)
def test_times_dates_counts_and_references_are_not_amounts(text: str) -> None:
    assert parse_amounts(text) == ()


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("today", ("2026-06-09",)),
        ("by end of day", ("2026-06-09",)),
        ("tomorrow", ("2026-06-10",)),
        ("the day after tomorrow", ("2026-06-11",)),
        ("Friday", ("2026-06-12",)),
        ("this Friday", ("2026-06-12",)),
        ("next Friday", ("2026-06-19",)),
        ("next tuesday", ("2026-06-16",)),
        ("Tuesday", ("2026-06-16",)),
        ("by the 15th", ("2026-06-15",)),
        ("on the 5th", ("2026-07-05",)),
        ("the twentieth it is", ("2026-06-20",)),
        ("December 15", ("2026-12-15",)),
        ("june thirtieth", ("2026-06-30",)),
        ("15th of June", ("2026-06-15",)),
        ("12/15", ("2026-12-15",)),
        ("2026-06-18", ("2026-06-18",)),
        ("13/45 is not a date, 12/15 is", ("2026-12-15",)),
        ("Friday the 19th", ("2026-06-19",)),
        ("Friday, June 12", ("2026-06-12",)),
        ("end of the month", ("2026-06-30",)),
        ("end of next month", ("2026-07-31",)),
        ("the first of the month", ("2026-07-01",)),
        ("end of the week", ("2026-06-12",)),
        ("next week", ("2026-06-16",)),
        ("in two weeks", ("2026-06-23",)),
        ("in 10 days", ("2026-06-19",)),
        ("a week from today", ("2026-06-16",)),
        ("$200 today and $200 on the 26th", ("2026-06-09", "2026-06-26")),
    ],
)
def test_dates_resolve_against_the_call_date(text: str, dates: tuple[str, ...]) -> None:
    assert dates == parse_dates(text, TUESDAY)


@pytest.mark.parametrize(
    "text",
    [
        "the first payment",
        "first of all, thank you",
        "$650 on the 15th of each month",
        "may I speak with Mike",
        "can you make the first one",
    ],
)
def test_ordinals_and_recurring_days_are_not_dates(text: str) -> None:
    assert parse_dates(text, TUESDAY) == ()


def test_dates_depend_on_the_call_date_only() -> None:
    assert parse_dates("tomorrow", dt.date(2030, 12, 31)) == ("2031-01-01",)
    assert parse_dates("end of the month", dt.date(2030, 1, 2)) == ("2030-01-31",)


BRENNAN = Context(
    call_date=TUESDAY,
    debtor_names=("Mike Brennan", "Brennan", "Mr. Brennan"),
    creditor="Northwind Bank",
)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Am I speaking with Mike Brennan?", ("Mike Brennan",)),
        ("Good morning, Mr. Brennan.", ("Mr. Brennan",)),
        ("good morning mister brenan", ("Mr. Brennan",)),
        ("thanks mike", ("Mike Brennan",)),
        ("Brennan? This is Northwind.", ("Brennan",)),
        ("Good morning, is anyone there?", ()),
    ],
)
def test_debtor_names_are_matched_fuzzily(text: str, names: tuple[str, ...]) -> None:
    assert names == understand(text, BRENNAN).entities.names


def test_a_misheard_surname_after_a_title_still_counts() -> None:
    context = Context(call_date=TUESDAY, debtor_names=("Wei Zhang", "Mr. Zhang"))
    assert understand("i'm looking for mr jang", context).entities.names == ("Mr. Zhang",)


def test_a_titled_double_barrelled_surname_is_matched_whole() -> None:
    context = Context(call_date=TUESDAY, debtor_names=("Zoë O'Neil-Smith", "Ms. O'Neil-Smith"))
    assert understand("is this ms oneil smith", context).entities.names == ("Ms. O'Neil-Smith",)


def test_a_name_that_is_a_common_word_needs_a_title_or_a_capital() -> None:
    context = Context(call_date=TUESDAY, debtor_names=("Helen Price", "Ms. Price"))
    assert understand("the price is right", context).entities.names == ()
    assert understand("good morning ms price", context).entities.names == ("Ms. Price",)


@pytest.mark.parametrize(
    ("text", "method"),
    [
        ("by bank transfer", "bank transfer"),
        ("I'll transfer it tomorrow", "bank transfer"),
        ("by wire transfer", "wire"),
        ("with your card", "card"),
        ("on your credit card", "credit card"),
        ("by debit card", "debit card"),
        ("I'll post a cheque", "cheque"),
        ("by check", "cheque"),
        ("what's the check number", "cheque"),
        ("cash at the branch", "cash"),
        ("through our website", "online"),
        ("on the online portal", "online"),
        ("by direct debit", "direct debit"),
        ("by money order", "money order"),
        ("via PayPal", "paypal"),
        ("card or bank transfer?", "card"),
        ("let me check that for you", None),
        ("I'll transfer you to my supervisor", None),
        ("can you take care of this", None),
    ],
)
def test_payment_methods_are_named_canonically(text: str, method: str | None) -> None:
    assert method == understand(text, BRENNAN).entities.method


@pytest.mark.parametrize(
    "text",
    [
        "Could you ask him to call Sam at 555-0100?",
        "call me at 555 0100",
        "my number is (555) 010-0100",
        "The boiler is at 41 Alder Street.",
        "1200 Main Street",
        "cheque number 1042",
        "the cheque number is 1042",
        "cheque 1042",
        "invoice NW-4471",
        "I'll call you back at 3 pm",
        "at 10:30",
        "that's 10 per cent off",
        "we've called you 12 times",
        "four of my 20 members cancelled",
        "I have 45 employees",
    ],
)
def test_phone_numbers_addresses_references_times_and_counts_are_not_amounts(text: str) -> None:
    assert parse_amounts(text) == ()


def test_an_amount_beside_a_phone_number_or_a_street_is_still_read() -> None:
    assert parse_amounts("$1,250.50 by Friday, call 555-1234") == (1250.5,)
    assert parse_amounts("pay 200 on Main Street") == (200.0,)


THURSDAY_IN_DECEMBER = dt.date(2026, 12, 10)


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("Friday, December 18", ("2026-12-18",)),
        ("Can you pay on Friday, December 18, by bank transfer?", ("2026-12-18",)),
        ("next Friday, December 18", ("2026-12-18",)),
        ("today, December 10", ("2026-12-10",)),
        ("the 1st", ("2027-01-01",)),
        ("January 1st", ("2027-01-01",)),
        ("Friday", ("2026-12-11",)),
        ("I sent it on December 2nd", ("2026-12-02",)),
        ("I sent it on the 2nd", ("2026-12-02",)),
        ("it was due October 17", ("2026-10-17",)),
        ("can you pay by January 5?", ("2027-01-05",)),
        ("December 2, 2025", ("2025-12-02",)),
        ("what if you paid half on the 20th", ("2026-12-20",)),
        ("I mailed it December 2 and it should arrive by the 15th", ("2026-12-02", "2026-12-15")),
    ],
)
def test_dates_are_the_nearest_plausible_ones(text: str, dates: tuple[str, ...]) -> None:
    assert dates == parse_dates(text, THURSDAY_IN_DECEMBER)


@pytest.mark.parametrize("text", ["the first one", "can you make the first one on time"])
def test_the_first_one_is_not_a_date(text: str) -> None:
    assert parse_dates(text, THURSDAY_IN_DECEMBER) == ()
