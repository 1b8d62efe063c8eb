"""What the scorecard calls the scorer's keys: outcomes, principles, rules, read-back items.

The names are English message ids marked for the catalogues; whoever shows one translates it in the
call's language (``label(key, gettext)``), so the terminal card, the verdict and the report agree.
"""

from __future__ import annotations

from collections.abc import Callable

from game.i18n import N_

OUTCOMES = {
    "commitment": N_("a promise to pay"),
    "hung_up": N_("the debtor hung up"),
    "no_commitment": N_("no promise to pay"),
    "trainee_hung_up": N_("you ended the call"),
}
# What the card calls each principle and compliance rule; a key not here reads as its words.
LABELS = {
    "abuse_handling": N_("Abuse handling"),
    "calm_tone": N_("Calm tone"),
    "commitment": N_("Commitment"),
    "empathy": N_("Empathy"),
    "excuse_handling": N_("Excuse handling"),
    "politeness": N_("Politeness"),
    "repeat_amount": N_("Repeat amount"),
    "right_party": N_("Right party"),
    "stay_quiet": N_("Stay quiet"),
    "threat": N_("threat"),
    "false_claim": N_("false claim"),
    "insult": N_("insult"),
    "profanity": N_("profanity"),
    "third_party_disclosure": N_("third party disclosure"),
    "unauthorised_fee": N_("unauthorised fee"),
    "misstated_balance": N_("misstated balance"),
    "pressure_to_borrow": N_("pressure to borrow"),
    "collecting_disputed_debt": N_("collecting a disputed debt"),
    "missing_mini_miranda": N_("missing mini-Miranda"),
}
# The parts of a promise a read-back can get wrong or leave out, as a note names them.
ITEMS = {"amount": N_("amount"), "date": N_("date"), "method": N_("method")}


def label(key: str, gettext: Callable[[str], str]) -> str:
    """A principle's or rule's name in the caller's language; a key not in the table reads as its words."""
    known = LABELS.get(key)
    return gettext(known) if known else key.replace("_", " ")


def items(named: str, gettext: Callable[[str], str]) -> str:
    """"amount and date" in the caller's language (the scorer joins the items it names with " and ")."""
    words = [gettext(ITEMS.get(word, word)) for word in named.split(" and ")]
    if len(words) == 1:
        return words[0]
    return gettext(N_("{items} and {last}")).format(items=", ".join(words[:-1]), last=words[-1])
