"""What a trainee line asks of the debtor, beside its acts: identity details, the balance, a date,
an amount, a method, a read-back or a yes/no answer."""

from __future__ import annotations

import datetime as dt

import pytest

from game.engine.understand import Context, understand

CONTEXT = Context(
    call_date=dt.date(2026, 12, 1),
    debtor_names=("Mike Brennan", "Brennan", "Mr. Brennan"),
    creditor="Northwind Supply",
    balance=1250.0,
)


@pytest.mark.parametrize(
    ("line", "ask"),
    [
        ("Could you confirm your date of birth for me?", "identity:dob"),
        ("Can you verify the address we have on file?", "identity:address"),
        ("What are the last four digits of your social?", "identity:last_digits"),
        ("And when can you pay the remaining $1,375?", "balance"),
        ("How much do I still owe?", "balance"),
        ("What day works best for you?", "date"),
        ("How much could you put down today?", "amount"),
        ("How would you like to pay, card or bank transfer?", "method"),
        ("So that's $600 on the 18th by card, correct?", "read_back"),
        ("Can you pay the balance today?", "yes_no"),
    ],
)
def test_a_line_reports_what_it_asks(line: str, ask: str) -> None:
    assert ask in understand(line, CONTEXT).asks


def test_a_statement_asks_nothing() -> None:
    assert understand("I'm calling about your account with Northwind Supply.", CONTEXT).asks == ()


def test_a_company_that_is_not_the_creditor_is_reported() -> None:
    other = understand("Good morning, this is Sam calling from Eastside Bank.", CONTEXT)
    assert other.entities.company == "Eastside Bank"
    ours = understand("Good morning, this is Sam calling from Northwind Supply.", CONTEXT)
    assert ours.entities.company is None
    # The next sentence is not part of the name, once the punctuation between them is gone.
    asking = understand("Good morning, this is Dana from Eastside Bank. Am I speaking with Carlos?", CONTEXT)
    assert asking.entities.company == "Eastside Bank"


@pytest.mark.parametrize(
    ("line", "balance"),
    [
        ("Your balance of $1,150 is overdue, can you pay it today?", 1150.0),
        ("You owe $1,387, can you pay $500 today?", 1387.0),
        ("It shows a past due amount of $1,387.00.", 1387.0),
        ("Can you pay $500 of the balance today?", None),
        ("Can you pay $500 today toward the outstanding balance?", None),
    ],
)
def test_an_amount_given_as_the_balance_is_told_from_a_payment(line: str, balance: float | None) -> None:
    assert understand(line, CONTEXT).entities.stated_balance == balance
