"""The words the window uses for the scorer's keys: principles, lawful-conduct rules, outcomes, turns."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date

from game.engine.lines import money, spoken_date, spoken_method
from game.i18n import N_, _, current_language
from scoring import Scorecard

PRINCIPLE_NAMES = {
    "calm_tone": N_("Calm tone"),
    "repeat_amount": N_("Repeat the amount"),
    "commitment": N_("Get a commitment"),
    "stay_quiet": N_("Know when to be quiet"),
    "politeness": N_("Politeness"),
    "right_party": N_("Right party"),
    "excuse_handling": N_("Handling excuses"),
    "empathy": N_("Empathy"),
    "focus": N_("Focus"),
    "abuse_handling": N_("Handling abuse"),
    "relationship": N_("Relationship"),
}
RULE_NAMES = {
    "threat": N_("Threat"),
    "false_claim": N_("False claim"),
    "insult": N_("Insult"),
    "profanity": N_("Profanity"),
    "third_party_disclosure": N_("Debt told to a third party"),
    "unauthorised_fee": N_("Unauthorised fee"),
    "collecting_disputed_debt": N_("Collecting a disputed debt"),
    "missing_mini_miranda": N_("Missing debt-collection disclosure"),
    "shaming": N_("Shaming"),
    "contacts_harassment": N_("Contacting the debtor's contacts"),
    "impersonation": N_("Posing as an official"),
    "rest_hours": N_("Call at rest hours"),
    "harassing_frequency": N_("Harassing call frequency"),
}
ARCHETYPE_NAMES = {
    "angry": N_("angry"),
    "stalling": N_("stalling"),
    "deadbeat": N_("deadbeat"),
    "cooperative": N_("cooperative"),
    "hardship": N_("hardship"),
    "cheque_in_mail": N_("cheque in mail"),
    "gatekeeper": N_("gatekeeper"),
    "abusive": N_("abusive"),
    "disputer": N_("disputer"),
}


def principle_name(key: str) -> str:
    return _(PRINCIPLE_NAMES[key]) if key in PRINCIPLE_NAMES else key.replace("_", " ").capitalize()


def rule_name(key: str) -> str:
    return _(RULE_NAMES[key]) if key in RULE_NAMES else key.replace("_", " ").capitalize()


def archetype_label(archetype: str) -> str:
    return _(ARCHETYPE_NAMES[archetype]) if archetype in ARCHETYPE_NAMES else archetype.replace("_", " ")


def long_date(day: dt.date) -> str:
    """A date written out as the window's language writes it: "01 December 2026", "2026年12月1日"."""
    language = current_language()
    return f"{day:%d %B %Y}" if language == "en" else format_date(day, format="long", locale=language)


def addressed(title: str, name: str) -> str:
    """A name with its form of address: "Ms Dana Reyes", and in Chinese after it: "陈丽女士"."""
    if title and "\u4e00" <= title[0] <= "\u9fff":
        return f"{name}{title}"
    return f"{title} {name}".strip()


def turn_number(index: int) -> int:
    """The scorer counts turns from 0 (the debtor's hello); people count from 1."""
    return index + 1


def where(turn: int | None) -> str:
    """A note's place in the call, as a heading: "TURN 3" or "WHOLE CALL"."""
    return _("TURN {n}").format(n=turn_number(turn)) if turn is not None else _("WHOLE CALL")


def outcome_line(card: Scorecard, speaker: str) -> tuple[str, str]:
    """A headline and a detail line for the call's outcome."""
    commitment = card.commitment
    if card.outcome == "commitment" and commitment is not None:
        language = current_language()
        values = {
            "amount": money(commitment.amount, card.currency),
            "date": spoken_date(commitment.date, language),
            "method": spoken_method(commitment.method, language),
        }
        if commitment.confirmed:
            detail = _("{amount} on {date} by {method}, read back and confirmed").format(**values)
        else:
            detail = _("{amount} on {date} by {method}, not read back").format(**values)
        return _("Promise to pay"), detail
    if card.outcome == "hung_up":
        return _("{speaker} hung up").format(speaker=speaker), _("The call ended before a promise to pay.")
    if card.outcome == "trainee_hung_up":
        return _("You ended the call"), _("No promise to pay was made.")
    return _("No promise yet"), _("The call ended without a promise to pay.")
