"""The scorer: a call record and its scenario in, a scorecard out. Pure: no clock, no I/O but the
rubric and phrase-bank files, each read once.

The same functions score a call in progress (``live=True``): then only what has happened counts
(mistakes made, things done), never what has not happened yet, and ``live_chips`` gives the HUD its
yes/no checklist.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from game.engine.record import CallRecord
from game.engine.scenario.models import Scenario
from game.i18n import N_, translations
from scoring import compliance
from scoring.card import Finding, Note, PrincipleScore, Scorecard, TurnView
from scoring.coaching import as_note, finding_for, note_for, top_notes
from scoring.facts import ASKS, CallFacts, read_call, same_amount
from scoring.goal import Goal, judge
from scoring.labels import label
from scoring.law import rules_for
from scoring.principles import PRINCIPLES, calm_tone
from scoring.principles.base import score_of
from scoring.rubric import Rubric, rubric_for

SILENT_CALL = Note(
    topic="call.silent",
    turn=None,
    text="",
    note=N_("Nothing was said on this call, so none of the craft could be shown. Open with a greeting and your name."),
    better=None,
    points=-100,
)


def _principles(facts: CallFacts, rubric: Rubric) -> tuple[PrincipleScore, ...]:
    scores = []
    silent = replace(SILENT_CALL, note=translations(facts.scenario.language).gettext(SILENT_CALL.note))
    for principle in PRINCIPLES:
        if not principle.applies(facts.scenario):
            continue
        found = principle.assess(facts)
        if not found.shown:
            continue
        if facts.final and not facts.trainee:
            # A finished call with no word from the trainee earns nothing: absence of faults is not skill.
            scores.append(PrincipleScore(principle.key, 0, (silent,), rubric.weights[principle.key]))
            continue
        notes = tuple(note_for(m, principle.key, facts) for m in found.marks)
        weight = rubric.weights[principle.key] if found.counted else 0.0
        scores.append(PrincipleScore(principle.key, score_of(found.marks), notes, weight))
    return tuple(scores)


def _total(scores: tuple[PrincipleScore, ...]) -> int:
    weight = sum(s.weight for s in scores)
    if weight <= 0:
        return 0
    return int(sum(s.score * s.weight for s in scores) / weight + 0.5)


def _turns(facts: CallFacts, notes: list[Note]) -> tuple[TurnView, ...]:
    at: dict[int, list[Note]] = defaultdict(list)
    for note in notes:
        if note.turn is not None:
            at[note.turn].append(note)
    return tuple(
        TurnView(
            speaker=s.turn.speaker,
            text=s.turn.text,
            acts=s.turn.acts,
            beat=s.turn.beat,
            silence=s.turn.silence,
            interrupt=s.turn.interrupt,
            notes=tuple(at.get(s.index, ())),
        )
        for s in facts.said
    )


def _stars(rubric: Rubric, total: int, goal: Goal, findings: tuple[Finding, ...]) -> int:
    """Stars for the total: none with a finding or without the goal (or a lawful reason it was not
    reached); the third only with the goal itself."""
    if findings or not goal.excused:
        return 0
    stars = rubric.stars_for(total)
    return stars if goal.reached else min(stars, 2)


def _score(scores: tuple[PrincipleScore, ...], key: str) -> int:
    return next((s.score for s in scores if s.key == key), 100)


def _verdict(language: str, live: bool, findings: tuple[Finding, ...], goal: Goal, total: int, pass_mark: int) -> str:
    """The card's first line: passed or not, and why, in words a trainee and a QA lead read alike, in the
    call's language (English is the source; other languages come from the catalogues)."""
    _ = translations(language).gettext
    if findings:
        severity = list(compliance.RULES)
        first = min(findings, key=lambda f: severity.index(f.rule))
        more = _(" (and {count} more)").format(count=len(findings) - 1) if len(findings) > 1 else ""
        rule = label(first.rule, _)
        if first.turn is None:
            return _("Auto-fail: {rule}{more}. Any compliance finding fails the call.").format(rule=rule, more=more)
        return _("Auto-fail: {rule} on turn {turn}{more}. Any compliance finding fails the call.").format(
            rule=rule, turn=first.turn, more=more
        )
    if live:
        return _("Call in progress.")
    if not goal.excused:
        return _("Not passed: the call's goal, {goal}, was not reached.").format(goal=_(goal.text))
    if total < pass_mark:
        return _("Not passed: the total {total} is under the pass mark {pass_mark}.").format(
            total=total, pass_mark=pass_mark
        )
    if goal.reached:
        return _("Passed: {goal}, with a total of {total}.").format(goal=_(goal.text), total=total)
    if goal.reason:
        reason = _(goal.reason)
        return _("Passed: {reason}").format(reason=reason[0].lower() + reason[1:])
    return _("Passed.")


def score_call(
    record: CallRecord, scenario: Scenario, rubric: Rubric | None = None, *, live: bool = False
) -> Scorecard:
    """The scorecard of a call (``live``: of a call still in progress, judged on what happened so far).

    The rubric defaults to the one for the scenario's jurisdiction.
    """
    rubric = rubric or rubric_for(scenario.jurisdiction)
    facts = read_call(record, scenario, live=live)
    scores = _principles(facts, rubric)
    rules = rules_for(scenario, rubric.compliance)
    findings = tuple(finding_for(m, facts) for m in compliance.check(facts, rules, rubric.house_profanity))
    total = _total(scores)
    goal = judge(facts, lawful=not findings, calm=_score(scores, "calm_tone"), polite=_score(scores, "politeness"))
    every_note = [as_note(f) for f in findings] + [n for s in scores for n in s.notes]
    return Scorecard(
        scenario=record.scenario_id,
        title=scenario.title,
        currency=scenario.account.currency,
        outcome=record.outcome,
        commitment=record.commitment,
        principles=scores,
        compliance=findings,
        total=total,
        stars=0 if live else _stars(rubric, total, goal, findings),
        passed=not live and not findings and goal.excused and total >= rubric.pass_mark,
        goal=goal,
        verdict=_verdict(scenario.language, live, findings, goal, total, rubric.pass_mark),
        language=scenario.language,
        rubric=rubric.name,
        live=live,
        top_notes=top_notes(findings, scores),
        turns=_turns(facts, every_note),
    )


def live_chips(record: CallRecord, scenario: Scenario, rubric: Rubric | None = None) -> dict[str, bool]:
    """The HUD's checklist for a call in progress: which parts of a good call are done so far.

    With a gatekeeper the chips are about reaching the debtor without disclosing the debt; in the US
    the disclosure has its own chip.
    """
    facts = read_call(record, scenario, live=True)
    spoken = facts.trainee
    chips = {
        "greeted": any(s.has("greet") for s in spoken),
        "introduced": any(s.has("identify_self") for s in spoken),
        "name_used": any(s.named for s in spoken),
    }
    if facts.third_party:
        chips["asked_for_debtor"] = any(s.has("verify_identity") or s.named for s in spoken)
        chips["message_left"] = any(s.cues.callback for s in spoken)
        chips["nothing_disclosed"] = not any(facts.discloses(s) for s in spoken)
    else:
        asks = [s for s in spoken if s.has(*ASKS)]
        commitment = record.commitment
        chips["amount_stated"] = any(same_amount(a, facts.balance) for s in spoken for a in s.amounts)
        chips["commitment_asked"] = bool(asks)
        chips["date_asked"] = any(s.cues.date for s in asks)
        chips["commitment_made"] = commitment is not None
        chips["commitment_confirmed"] = commitment is not None and commitment.confirmed
        if "missing_mini_miranda" in rules_for(scenario, ()):
            chips["disclosure_given"] = any(s.has("mini_miranda") for s in spoken)
    chips["calm"] = not calm_tone.assess(facts).marks
    chips["no_interruptions"] = not any(s.turn.interrupt for s in spoken)
    rubric = rubric or rubric_for(scenario.jurisdiction)
    rules = rules_for(scenario, rubric.compliance)
    chips["compliant"] = not compliance.check(facts, rules, rubric.house_profanity)
    return chips
