"""abuse_handling: when the debtor curses, stay calm and offer two lawful ways forward.

The source: with the few (under 5%) who curse, calmly give them two ways to settle - "talk to our
lawyer, or to my boss". Naming a lawyer implies legal action the collector may not intend, so the
lawful version is taught: "my supervisor, or we continue in writing". Scored on abusive personas once
they are abusive (the abuse beat, or any line in anger): no retaliation (insults, profanity, hostility
or shouting in reply), the two options offered, and offered in their lawful form.
"""

from __future__ import annotations

from game.engine.scenario.defaults import traits_of
from game.engine.scenario.models import Scenario
from scoring.card import Mark
from scoring.facts import CallFacts, Said
from scoring.principles.base import Assessment

KEY = "abuse_handling"


def applies(scenario: Scenario) -> bool:
    return traits_of(scenario).abuses_above is not None


def _abusive(said: Said) -> bool:
    """A debtor line in abuse: the abuse beat, or any line said in anger (this persona curses)."""
    mood = said.turn.mood
    return not said.trainee and (said.beat == "abuse" or (mood is not None and mood.label == "angry"))


def assess(facts: CallFacts) -> Assessment:
    abuse = {s.index for s in facts.said if _abusive(s)}
    if not abuse:
        return Assessment((), counted=False)
    marks: list[Mark] = []
    for said in facts.trainee:
        before = facts.previous_debtor(said)
        cues = said.cues
        heated = (
            said.insulting or cues.profanity or cues.hostile or cues.shouting or said.has("insult", "threat")
        )
        if before is not None and before.index in abuse and heated:
            marks.append(Mark(f"{KEY}.retaliated", said.index, -40))
    options = [s for s in facts.trainee if s.has("offer_options")]
    if not options and facts.final:
        marks.append(Mark(f"{KEY}.no_options", None, -40))
    for said in options:
        if said.cues.legal_option:
            marks.append(Mark(f"{KEY}.legal_option", said.index, -20, {"words": said.cues.legal_option[0]}))
    marks.sort(key=lambda m: (m.turn is None, m.turn or 0))
    return Assessment(tuple(marks))
