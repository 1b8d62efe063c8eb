"""The words the window uses for the scorer's keys: principles, lawful-conduct rules, outcomes, turns."""

from __future__ import annotations

from game.engine.lines import money, spoken_date
from scoring import Scorecard

PRINCIPLE_NAMES = {
    "calm_tone": "Calm tone",
    "repeat_amount": "Repeat the amount",
    "commitment": "Get a commitment",
    "stay_quiet": "Know when to be quiet",
    "politeness": "Politeness",
    "right_party": "Right party",
    "excuse_handling": "Handling excuses",
    "empathy": "Empathy",
    "focus": "Focus",
    "abuse_handling": "Handling abuse",
    "relationship": "Relationship",
}
RULE_NAMES = {
    "threat": "Threat",
    "false_claim": "False claim",
    "insult": "Insult",
    "profanity": "Profanity",
    "third_party_disclosure": "Debt told to a third party",
    "unauthorised_fee": "Unauthorised fee",
    "collecting_disputed_debt": "Collecting a disputed debt",
    "missing_mini_miranda": "Missing debt-collection disclosure",
}


def principle_name(key: str) -> str:
    return PRINCIPLE_NAMES.get(key, key.replace("_", " ").capitalize())


def rule_name(key: str) -> str:
    return RULE_NAMES.get(key, key.replace("_", " ").capitalize())


def archetype_label(archetype: str) -> str:
    return archetype.replace("_", " ")


def turn_number(index: int) -> int:
    """The scorer counts turns from 0 (the debtor's hello); people count from 1."""
    return index + 1


def where(turn: int | None) -> str:
    """A note's place in the call, as a heading: "TURN 3" or "WHOLE CALL"."""
    return f"TURN {turn_number(turn)}" if turn is not None else "WHOLE CALL"


def plural(count: int, one: str, many: str | None = None) -> str:
    """"1 line", "2 lines"."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


def outcome_line(card: Scorecard, speaker: str) -> tuple[str, str]:
    """A headline and a detail line for the call's outcome."""
    commitment = card.commitment
    if card.outcome == "commitment" and commitment is not None:
        amount = money(commitment.amount, card.currency)
        detail = f"{amount} on {spoken_date(commitment.date)} by {commitment.method}"
        detail += ", read back and confirmed" if commitment.confirmed else ", not read back"
        return "Promise to pay", detail
    return {
        "hung_up": (f"{speaker} hung up", "The call ended before a promise to pay."),
        "trainee_hung_up": ("You ended the call", "No promise to pay was made."),
    }.get(card.outcome, ("No promise yet", "The call ended without a promise to pay."))
