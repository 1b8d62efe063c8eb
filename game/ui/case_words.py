"""The words the case screens show for the case engine's codes: moments, findings, outcomes, weekdays.

The case core speaks in codes (``lunch``, ``call_at_forbidden_hour``, ``promise``); the trainee reads
these plain, translated words instead. The rule's law and the evidence are shown as the core gives them.
"""

from __future__ import annotations

import datetime as dt

from game.i18n import N_, _

WEEKDAYS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
DAY_CODES = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}

MOMENTS = {
    "first minutes at work": N_("in the first minutes of the working day"),
    "lunch": N_("at lunch"),
    "at work": N_("at work"),
    "off work": N_("outside working hours"),
    "before payday": N_("just before payday"),
}

FINDINGS = {
    "call_at_forbidden_hour": N_("Outside the allowed hours"),
    "call_frequency": N_("Too many calls in too few days"),
    "call_within_7_days_of_conversation": N_("Within 7 days after a conversation"),
    "call_too_soon": N_("Too soon: the wait is not over"),
    "follow_up_too_early": N_("Before the promise falls due"),
    "follow_up_late": N_("Late to follow up the promise"),
    "follow_up_missing": N_("A promise never followed up"),
    "note_missing": N_("No note written"),
    "note_promise_not_made": N_("The note records a promise never made"),
    "note_promise_missing": N_("The note leaves out the promise"),
    "note_wrong_outcome": N_("The note's outcome is not what happened"),
    "note_wrong_amount": N_("The note's amount is wrong"),
    "note_wrong_date": N_("The note's date is wrong"),
    "note_wrong_method": N_("The note's payment method is wrong"),
    "note_no_follow_up": N_("The note has no next date"),
    "note_follow_up_date": N_("The next date misses the promise's date"),
}

OUTCOMES = {
    "promise": N_("Promise to pay"),
    "no_promise": N_("No promise"),
    "dispute": N_("Dispute"),
    "message_left": N_("Message left"),
    "hung_up": N_("Hung up"),
    "no_answer": N_("No answer"),
}

METHODS = {
    "bank transfer": N_("bank transfer"),
    "card": N_("card"),
    "cheque": N_("cheque"),
    "wire": N_("wire"),
    "cash": N_("cash"),
    "alipay": N_("Alipay"),
    "wechat pay": N_("WeChat Pay"),
}

ENDINGS = {
    "paid": N_("paid"),
    "open": N_("still open"),
    "on_plan": N_("on a payment plan"),
    "recovered": N_("recovered"),
    "legal_review": N_("sent for legal review"),
}


def word(table: dict[str, str], code: str) -> str:
    """The translated word for ``code``, or the code made readable when the table lacks it."""
    return _(table[code]) if code in table else code.replace("_", " ")


def day(value: dt.date) -> str:
    """ "Fri 2026-12-04"."""
    return f"{_(WEEKDAYS[value.weekday()])} {value:%Y-%m-%d}"


def when(value: dt.datetime) -> str:
    """ "Fri 2026-12-04 09:05"."""
    return f"{day(value.date())} {value:%H:%M}"


def days(codes: list[str]) -> str:
    return ", ".join(_(WEEKDAYS[DAY_CODES[c]]) for c in codes)
