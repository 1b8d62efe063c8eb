"""Checks a schema cannot see: placeholders, unreachable pools, excuses without counters, promises
that can never happen, reaction keys that mean nothing. Each returns located problems."""

from __future__ import annotations

from collections.abc import Iterator

from game.engine.lines import PLACEHOLDERS, placeholders_in
from game.engine.scenario.checking import suggest
from game.engine.scenario.defaults import archetype_defaults, traits_of
from game.engine.scenario.located_yaml import LocatedDoc, Problem
from game.engine.scenario.models import Scenario, TranscriptTurn
from game.engine.stages import ACTS, beat_can_occur_in
from game.engine.transcript import turn_problems

SIGNALS = ("name_used", "shouting", "interrupted", "silence", "repeated")


def archetype_problems(doc: LocatedDoc) -> list[Problem]:
    """An archetype the defaults do not define; checked on the raw file, so that it is reported
    beside the schema's problems as well as alone."""
    persona = doc.data.get("persona") if isinstance(doc.data, dict) else None
    name = persona.get("archetype") if isinstance(persona, dict) else None
    known = tuple(archetype_defaults())
    if not isinstance(name, str) or name in known:
        return []
    hint = suggest(name, known) or "; known: " + ", ".join(known)
    return [doc.problem(("persona", "archetype"), f"unknown archetype {name!r}{hint}")]


def _archetype(scenario: Scenario, doc: LocatedDoc) -> Iterator[Problem]:
    yield from archetype_problems(doc)


def _placeholders(scenario: Scenario, doc: LocatedDoc) -> Iterator[Problem]:
    def check(text: str, key: tuple[int | str, ...]) -> Iterator[Problem]:
        for name in placeholders_in(text):
            if name not in PLACEHOLDERS:
                hint = suggest(name, PLACEHOLDERS) or "; known: " + ", ".join(PLACEHOLDERS)
                yield doc.problem(key, f"unknown placeholder {{{name}}}{hint}")

    for i, pool in enumerate(scenario.lines):
        for j, text in enumerate(pool.say):
            yield from check(text, ("lines", i, "say", j))
    for i, excuse in enumerate(scenario.excuses):
        for field in ("say", "countered"):
            for j, text in enumerate(getattr(excuse, field)):
                yield from check(text, ("excuses", i, field, j))


def _reachability(scenario: Scenario, doc: LocatedDoc) -> Iterator[Problem]:
    base = archetype_defaults().get(scenario.persona.archetype)
    if base is None:
        return
    traits = traits_of(scenario)
    own = scenario.persona.after_ask
    after_ask = own if own is not None and "behaviour" in own.model_fields_set else base.after_ask
    quiet = after_ask.behaviour == "quiet"
    for i, pool in enumerate(scenario.lines):
        key = ("lines", i, "on")
        if pool.on == "excuse":
            yield doc.problem(key, "excuse lines belong under 'excuses:' (each with its counter), not in a pool")
        elif pool.on in ("stall_quiet", "silence_offer") and not quiet:
            yield doc.problem(
                key,
                f"the pool for {pool.on!r} is never heard: this persona answers at once"
                " (set after_ask.behaviour: quiet)",
            )
        elif pool.on.startswith("gatekeeper_") and not traits.third_party:
            yield doc.problem(key, f"the pool for {pool.on!r} is only heard from a third party (traits.third_party)")
        elif pool.on == "dispute" and traits.disputes == "never":
            yield doc.problem(key, "the pool for 'dispute' is only heard when the persona disputes (traits.disputes)")
        elif pool.on == "balance_seized" and traits.wrong_amount != "seize":
            yield doc.problem(key, "the pool for 'balance_seized' is only heard with traits.wrong_amount: seize")
        elif pool.on == "balance_corrected" and traits.wrong_amount != "correct":
            yield doc.problem(key, "the pool for 'balance_corrected' is only heard with traits.wrong_amount: correct")
        elif pool.on == "abuse" and traits.abuses_above is None:
            yield doc.problem(key, "the pool for 'abuse' is never heard: set traits.abuses_above")
        stages = [pool.stage] if isinstance(pool.stage, str) else list(pool.stage or [])
        for stage in stages:
            if not beat_can_occur_in(pool.on, stage):
                yield doc.problem(("lines", i, "stage"), f"{pool.on!r} is never heard in stage {stage!r}")


def _excuses(scenario: Scenario, doc: LocatedDoc) -> Iterator[Problem]:
    seen: set[str] = set()
    for i, excuse in enumerate(scenario.excuses):
        if not excuse.counter:
            yield doc.problem(
                ("excuses", i, "id"),
                f"the excuse {excuse.id!r} has no counter: name the acts that defeat it"
                " (e.g. counter: [ask_excuse_details])",
            )
        if excuse.id in seen:
            yield doc.problem(("excuses", i, "id"), f"the excuse id {excuse.id!r} is used twice")
        seen.add(excuse.id)


def _promises(scenario: Scenario, doc: LocatedDoc) -> Iterator[Problem]:
    persona = scenario.persona
    if not traits_of(scenario).promises:
        return
    rule = persona.commit_when
    terms = persona.commitment
    amount = scenario.account.amount
    if terms and terms.amount and terms.amount > amount:
        yield doc.problem(
            ("persona", "commitment", "amount"),
            f"the promised amount {terms.amount:g} is more than the balance {amount:g}",
        )
    if terms and terms.days > terms.latest_days:
        yield doc.problem(("persona", "commitment", "days"), "days is later than latest_days: no date could be agreed")
    for act in rule.requires if rule else ():
        if act in ("threat", "false_claim", "insult", "other"):
            yield doc.problem(("persona", "commit_when", "requires"), f"a promise cannot require {act!r}")


def _reactions(scenario: Scenario, doc: LocatedDoc) -> Iterator[Problem]:
    known = (*ACTS, *SIGNALS)
    for name in scenario.persona.reactions:
        if name not in known:
            yield doc.problem(
                ("persona", "reactions", name),
                f"unknown reaction {name!r}{suggest(name, known) or '; use a dialogue act or a signal'}",
                of_key=True,
            )


def _scripted_turns(scenario: Scenario, doc: LocatedDoc) -> Iterator[Problem]:
    sides: list[tuple[tuple[int | str, ...], list[TranscriptTurn]]] = [
        (("model_call",), scenario.model_call or []),
        (("poor_call",), scenario.poor_call or []),
    ]
    sides += [(("tests", i, "turns"), test.turns) for i, test in enumerate(scenario.tests)]
    for prefix, turns in sides:
        where = {i: doc.where((*prefix, i)) for i in range(len(turns))}
        yield from turn_problems(turns, doc.path, where)


CHECKS = (_archetype, _placeholders, _reachability, _excuses, _promises, _reactions, _scripted_turns)


def lint(scenario: Scenario, doc: LocatedDoc) -> list[Problem]:
    """Every semantic problem in a scenario that passed the schema."""
    return sorted({p for check in CHECKS for p in check(scenario, doc)})
