"""When to call: the debtor's local time, the chance they answer, their mood, and the lawful hours and frequency.

选对时间 and 选对日子 (the first fifteen minutes of the working day, not at lunch, some weekdays better,
three days before a payday) are the ``Lore`` defaults; the law is a table per jurisdiction. A call at a
forbidden hour, or one over the frequency limit, is a finding before a word is said.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from game.cases.models import WEEKDAYS, Case, FrequencyLimit, Jurisdiction, Weekday
from game.engine.scenario.models import MoodDelta


@dataclass(frozen=True)
class Finding:
    """One case finding: the rule, the call it is about (0-based, None for the case), the law and the evidence."""

    rule: str
    call: int | None
    kind: str  # compliance, note or follow_up
    law: str
    evidence: str

    def as_dict(self) -> dict[str, object]:
        return {"rule": self.rule, "call": self.call, "kind": self.kind, "law": self.law, "evidence": self.evidence}


@dataclass(frozen=True)
class Hours:
    """Lawful calling hours in the debtor's local time, and where the rule comes from."""

    earliest: dt.time
    latest: dt.time
    law: str


LAWFUL_HOURS: dict[Jurisdiction, Hours | None] = {
    "US": Hours(dt.time(8), dt.time(21), "FDCPA §1692c(a)(1): no calls before 8 am or after 9 pm, debtor's local time"),
    "UK": Hours(dt.time(8), dt.time(21), "FCA CONC 7.9: no contact at unreasonable times (8 am to 9 pm by custom)"),
    "CN": Hours(dt.time(8), dt.time(21), "2018 催收自律公约: no calls at rest hours (before 8:00 or after 21:00)"),
    "none": None,
}
# Only Regulation F names a number. CONC and the Chinese convention forbid unreasonable or harassing
# frequency without one; their defaults here are a case's starting point (``frequency:`` overrides them).
FREQUENCY: dict[Jurisdiction, tuple[FrequencyLimit, str] | None] = {
    "US": (FrequencyLimit(calls=7, days=7), "Regulation F §1006.14(b)(2): more than 7 calls in 7 days is harassing"),
    "UK": (
        FrequencyLimit(calls=7, days=7),
        "FCA CONC 7.9: contact at an unreasonable frequency (no number set; Regulation F's 7 in 7 days by default)",
    ),
    "CN": (
        FrequencyLimit(calls=3, days=1),
        "2018 催收自律公约: no harassing call frequency (no number set; 3 calls a day by default)",
    ),
    "none": None,
}


def parse_local(text: str) -> dt.datetime:
    """A "YYYY-MM-DD HH:MM" string (already checked against its pattern) as a naive datetime."""
    return dt.datetime.strptime(text, "%Y-%m-%d %H:%M")


def offset(text: str) -> dt.timedelta:
    sign = -1 if text.startswith("-") else 1
    hours, minutes = text[1:].split(":")
    return sign * dt.timedelta(hours=int(hours), minutes=int(minutes))


def debtor_time(case: Case, caller_local: dt.datetime) -> dt.datetime:
    """The debtor's wall-clock time when the caller's clock shows ``caller_local``."""
    return caller_local - offset(case.caller_utc_offset) + offset(case.debtor.utc_offset)


def _clock(text: str) -> dt.time:
    hours, minutes = text.split(":")
    return dt.time(int(hours), int(minutes))


def weekday(day: dt.date) -> Weekday:
    return WEEKDAYS[day.weekday()]


@dataclass(frozen=True)
class Moment:
    """What the debtor's clock means for a call: at work, at lunch, in the first minutes, before payday."""

    local: dt.datetime
    at_work: bool
    at_lunch: bool
    first_minutes: bool
    before_payday: bool

    def labels(self) -> list[str]:
        """Plain words for the briefing and the scorecard, e.g. ["first minutes at work", "before payday"]."""
        if self.first_minutes:
            found = ["first minutes at work"]
        elif self.at_lunch:
            found = ["lunch"]
        else:
            found = ["at work" if self.at_work else "off work"]
        return [*found, "before payday"] if self.before_payday else found


def _before_payday(case: Case, day: dt.date) -> bool:
    days = case.lore.before_payday_days
    for ahead in range(1, days + 1):
        later = day + dt.timedelta(days=ahead)
        if later.day in case.debtor.payday_days or weekday(later) in case.debtor.payday_weekdays:
            return True
    return False


def moment(case: Case, local: dt.datetime) -> Moment:
    works = case.debtor.works
    clock = local.time()
    at_work = at_lunch = first = False
    if works is not None and weekday(local.date()) in works.days:
        start, end = _clock(works.start), _clock(works.end)
        at_work = start <= clock < end
        at_lunch = at_work and _clock(works.lunch_start) <= clock < _clock(works.lunch_end)
        opening = dt.datetime.combine(local.date(), start)
        first = at_work and local < opening + dt.timedelta(minutes=case.lore.first_minutes)
    return Moment(local, at_work, at_lunch, first, _before_payday(case, local.date()))


def answer_chance(case: Case, when: Moment) -> float:
    """Percent chance the debtor picks up: the debtor's own figure, else the lore's by time of day."""
    if case.debtor.answers is not None:
        return case.debtor.answers
    if when.at_lunch:
        return case.lore.answer_at_lunch
    return case.lore.answer_at_work if when.at_work else case.lore.answer_off_work


def _add(a: MoodDelta, b: MoodDelta) -> MoodDelta:
    return MoodDelta(anger=a.anger + b.anger, trust=a.trust + b.trust, willingness=a.willingness + b.willingness)


def mood_change(case: Case, when: Moment) -> MoodDelta:
    """How the moment moves the debtor's starting mood (the lore, summed)."""
    lore = case.lore
    change = lore.weekday_mood.get(weekday(when.local.date()), MoodDelta())
    if when.first_minutes:
        change = _add(change, lore.first_minutes_mood)
    if when.at_lunch:
        change = _add(change, lore.lunch_mood)
    if when.before_payday:
        change = _add(change, lore.before_payday_mood)
    return change


def hour_finding(case: Case, index: int, local: dt.datetime) -> Finding | None:
    """A call outside the jurisdiction's lawful hours, in the debtor's local time."""
    hours = LAWFUL_HOURS[case.jurisdiction]
    if hours is None or hours.earliest <= local.time() <= hours.latest:
        return None
    evidence = f"called at {local:%H:%M} on {local:%a %Y-%m-%d}, the debtor's local time (UTC{case.debtor.utc_offset})"
    return Finding("call_at_forbidden_hour", index, "compliance", hours.law, evidence)


def frequency_finding(case: Case, index: int, utc: dt.datetime, earlier: Sequence[dt.datetime]) -> Finding | None:
    """A call that makes more calls within the window than the limit allows (``earlier``: placed calls, UTC)."""
    found = FREQUENCY[case.jurisdiction]
    if found is None:
        return None
    limit, law = found
    if case.frequency is not None:
        limit, law = case.frequency, f"{law} (this case's limit: {limit.calls} in {limit.days} days)"
    since = utc - dt.timedelta(days=limit.days)
    within = sorted(t for t in earlier if since < t <= utc)
    count = len(within) + 1
    if count <= limit.calls:
        return None
    caller = offset(case.caller_utc_offset)
    times = ", ".join(f"{t + caller:%a %m-%d %H:%M}" for t in [*within, utc])
    evidence = f"call {count} within {limit.days} days (caller's time: {times})"
    return Finding("call_frequency", index, "compliance", law, evidence)


AFTER_CONVERSATION_DAYS = 7
AFTER_CONVERSATION_LAW = (
    "Regulation F §1006.14(b)(2)(ii): a call within 7 days after a telephone conversation about the debt"
    " is presumed harassing (unless the debtor agreed to it, §1006.14(b)(3)(i))"
)


@dataclass(frozen=True)
class Conversation:
    """A telephone conversation with the debtor about the debt: the call's index and when (UTC)."""

    call: int
    utc: dt.datetime


def conversation_finding(
    case: Case, index: int, utc: dt.datetime, last: Conversation | None, consented: bool
) -> Finding | None:
    """Regulation F's second presumption: a call placed within 7 days after the last conversation (US only)."""
    if case.jurisdiction != "US" or last is None or consented:
        return None
    if utc - last.utc >= dt.timedelta(days=AFTER_CONVERSATION_DAYS):
        return None
    caller = offset(case.caller_utc_offset)
    days = (utc - last.utc).total_seconds() / 86400
    evidence = (
        f"called {utc + caller:%a %Y-%m-%d %H:%M}, {days:.1f} days after the conversation of call"
        f" {last.call + 1} ({last.utc + caller:%a %Y-%m-%d %H:%M}, caller's time)"
    )
    return Finding("call_within_7_days_of_conversation", index, "compliance", AFTER_CONVERSATION_LAW, evidence)
