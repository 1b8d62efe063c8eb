"""The call vocabulary: what a call makes likely to be said, taken from its scenario.

Recognition is biased towards it (names, amounts, creditor, phrases); it is hashable, so a loaded
recogniser and its language model can be kept per call.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.engine.scenario.models import Scenario


@dataclass(frozen=True)
class CallVocabulary:
    """What this call makes likely: who, how much, for whom, and sentences a trainee might say."""

    names: tuple[str, ...] = ()
    title: str = ""
    amounts: tuple[float, ...] = ()
    currency: str = "USD"
    creditor: str = ""
    phrases: tuple[str, ...] = ()
    other_names: tuple[str, ...] = ()

    @property
    def surnames(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(name.split()[-1] for name in self.names if name.split()))


def vocabulary_for(scenario: Scenario) -> CallVocabulary:
    """The call vocabulary of a scenario: account names and amounts, promise amounts, model lines."""
    account, persona = scenario.account, scenario.persona
    amounts = [account.amount]
    terms = persona.commitment
    if terms is not None:
        amounts += [a for a in (terms.amount, terms.min_amount) if a]
        if terms.kind == "instalments" and terms.instalments > 1:
            amounts.append(round(account.amount / terms.instalments, 2))
    if persona.after_ask is not None and persona.after_ask.offer_amount:
        amounts.append(persona.after_ask.offer_amount)
    names = [account.debtor_name]
    if persona.name:
        names += re.findall(r"\b[A-Z][a-z]+\b", persona.name.split(",")[0])
    phrases = [line for lines in scenario.phrases.values() for line in lines]
    phrases += [turn.say for turn in scenario.model_call or () if turn.say]
    known = {w for name in [*names, account.creditor] for w in name.split()}
    others = [n for p in phrases for n in proper_names(p) if not set(n.split()) & known]
    return CallVocabulary(
        names=tuple(dict.fromkeys(names)),
        title=account.title,
        amounts=tuple(dict.fromkeys(amounts)),
        currency=account.currency,
        creditor=account.creditor,
        phrases=tuple(phrases),
        other_names=tuple(dict.fromkeys(others)),
    )


_NOT_NAMES = frozenset(
    (  # noqa: SIM905 - word lists read better as sentences
        "I Mr Mrs Ms Miss Dr Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February"
        " March April May June July August September October November December"
    ).split()
)


def proper_names(sentence: str) -> list[str]:
    """Runs of two or more capitalised words inside a sentence ("this is Jordan Ellis calling"): the
    people and companies a scenario's model lines mention."""
    names: list[str] = []
    run: list[str] = []
    for i, token in enumerate([*sentence.split(), "."]):
        word = token.strip(".,!?;:\"'()")
        starts_sentence = i == 0 or sentence.split()[i - 1][-1:] in ".?!"
        if word[:1].isupper() and word.isalpha() and word not in _NOT_NAMES and not starts_sentence:
            run.append(word)
            if token[-1:] not in ",.?!;:":
                continue
        if len(run) >= 2:
            names.append(" ".join(run))
        run = []
    return names
