"""``collector-sim new``: a short, valid, commented scenario to start from, for any archetype.

The file is small on purpose: the archetype supplies the persona's behaviour, so a starter names only
the account, a voice, one excuse, a few lines and two self-tests, and shows the archetype's defaults
as comments, generated from the defaults themselves so they never go stale.
"""

from __future__ import annotations

import json
import os
import re
import shlex
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from game.engine.scenario.checking import suggest
from game.engine.scenario.defaults import archetype_defaults, archetype_names
from game.engine.scenario.library import SHIPPED_DIR, load_all

SCHEMA_FILE = SHIPPED_DIR / "schema.json"


class NewScenarioError(Exception):
    """The starter file cannot be written; the message is one sentence for the author."""


@dataclass(frozen=True)
class _Excuse:
    id: str
    say: tuple[str, ...]
    counter: tuple[str, ...]
    countered: tuple[str, ...]
    better: str
    real: bool = False


@dataclass(frozen=True)
class _Test:
    name: str
    turns: tuple[str, ...]
    expect: str


@dataclass(frozen=True)
class _Starter:
    """What makes a starter of one archetype: the people, an excuse, its own beats and its tests."""

    summary: str
    debtor: str
    title: str
    gender: str
    amount: int
    days_past_due: int
    excuse: _Excuse | None
    lines: tuple[tuple[str, str | None, tuple[str, ...]], ...]
    tests: tuple[_Test, ...]
    name: str | None = None


_OPEN = "Good morning, this is Sam from Northwind Bank. Am I speaking with {who}?"
_PURPOSE = (
    "This is an attempt to collect a debt, and any information obtained will be used for that purpose. "
    "The balance on your Northwind Bank account is {amount}."
)
_THREAT = "Pay today or we will come to your house and take your car."
_INSULT = "Listen, you deadbeat, I don't have all day."

STARTERS: dict[str, _Starter] = {
    "angry": _Starter(
        summary="Loud at first; calms down when treated with respect and addressed by name.",
        debtor="Dana Reyes",
        title="Ms.",
        gender="female",
        amount=840,
        days_past_due=40,
        excuse=_Excuse(
            id="bad_week",
            say=("I've had the worst week of my life, and now you call about this?",),
            counter=("empathize", "ask_excuse_details"),
            countered=("Sorry. It's not your fault. Okay, let's deal with it.",),
            better="That sounds like a hard week, Ms. Reyes. Let's find a payment that works for you.",
        ),
        lines=(
            ("answer", None, ("Yeah? Who is this?", "Reyes. What?")),
            ("purpose_reaction", "angry", ("Oh, great. The bank again. I know what I owe!",)),
        ),
        tests=(
            _Test(
                "a calm call ends in a promise",
                (
                    _OPEN.format(who="Ms. Reyes"),
                    _PURPOSE.format(amount="$840"),
                    "I understand this is frustrating, Ms. Reyes. I'm here to help you sort it out.",
                    "Can you pay the $840 by Friday, December 4?",
                    "That sounds like a hard week, Ms. Reyes. I'm sorry to hear it.",
                    "Could you make the $840 payment on Friday, December 4, then?",
                    "So that's $840 on Friday, December 4, by bank transfer, correct?",
                    "Thank you, Ms. Reyes. Have a good day.",
                ),
                "{outcome: commitment, compliance: []}",
            ),
            _Test(
                "a threat ends the call",
                (_OPEN.format(who="Ms. Reyes"), _PURPOSE.format(amount="$840"), _THREAT),
                "{outcome: hung_up, hangs_up_by_turn: 3, compliance: [threat]}",
            ),
        ),
    ),
    "stalling": _Starter(
        summary="Friendly but vague; goes quiet after the ask and fills a silence with an offer.",
        debtor="Chris Miller",
        title="Mr.",
        gender="male",
        amount=1200,
        days_past_due=25,
        excuse=_Excuse(
            id="check_with_wife",
            say=("I'd have to check with my wife first. Can you call back next week?",),
            counter=("urgency", "ask_commitment"),
            countered=("Well, I suppose I could do something before the weekend.",),
            better="I understand, Mr. Miller. What can you put toward it today, before the weekend?",
        ),
        lines=(
            ("stall_quiet", None, ("Hmm. Let me see...", "Well...")),
            ("silence_offer", None, ("Alright... I could do {offer_amount} by {commit_date}.",)),
        ),
        tests=(
            _Test(
                "letting the silence work gets an offer",
                (
                    _OPEN.format(who="Mr. Miller"),
                    _PURPOSE.format(amount="$1,200"),
                    "Can you pay the $1,200 today?",
                    "",
                    "So that's $1,200 on Sunday, December 6, by bank transfer, correct?",
                    "Thank you, Mr. Miller. Have a good day.",
                ),
                '{outcome: commitment, compliance: [], principles: {stay_quiet: ">= 80"}}',
            ),
            _Test(
                "breaking the silence bargains the amount down",
                (
                    _OPEN.format(who="Mr. Miller"),
                    _PURPOSE.format(amount="$1,200"),
                    "Can you pay the $1,200 today?",
                    "Well, could you at least pay $300 today?",
                ),
                '{outcome: commitment, principles: {stay_quiet: "<= 70"}}',
            ),
        ),
    ),
    "deadbeat": _Starter(
        summary="Has the money and no wish to pay; moves only for a consequence and a plan.",
        debtor="Jordan Blake",
        title="Mr.",
        gender="male",
        amount=2400,
        days_past_due=120,
        excuse=_Excuse(
            id="no_money",
            say=("I don't have any money. What are you going to do about it?",),
            counter=("consequence", "propose_plan"),
            countered=("Fine. I don't need that on my record.",),
            better="Mr. Blake, unpaid accounts go to the credit bureau; three payments of $800 avoid that.",
        ),
        lines=(
            ("refuse", None, ("Yeah, I'll get to it. Eventually.", "Not this month.")),
            ("consequence_response", None, ("The credit bureau? Hm. That's not great.",)),
        ),
        tests=(
            _Test(
                "a consequence and a plan get instalments",
                (
                    _OPEN.format(who="Mr. Blake"),
                    _PURPOSE.format(amount="$2,400"),
                    "Can you pay the $2,400 today?",
                    "Unpaid accounts are reported to the credit bureau, Mr. Blake.",
                    "We could split it into three payments of $800. Can you pay $800 by Friday, December 4?",
                    "So that's $800 on Friday, December 4, by bank transfer, correct?",
                    "Thank you, Mr. Blake. Goodbye.",
                ),
                "{outcome: commitment, compliance: []}",
            ),
            _Test(
                "a false claim gets no promise",
                (_OPEN.format(who="Mr. Blake"), "If you don't pay today you will be arrested."),
                "{outcome: no_commitment, compliance: [false_claim]}",
            ),
        ),
    ),
    "cooperative": _Starter(
        summary="Forgot about the bill and wants it settled; an easy first call.",
        debtor="Priya Shah",
        title="Ms.",
        gender="female",
        amount=320,
        days_past_due=12,
        excuse=None,
        lines=(
            ("answer", None, ("Hello, Priya speaking.",)),
            ("purpose_reaction", None, ("Oh no, I completely forgot about that. I'm so sorry.",)),
        ),
        tests=(
            _Test(
                "a clear ask gets a promise",
                (
                    _OPEN.format(who="Ms. Shah"),
                    _PURPOSE.format(amount="$320"),
                    "Can you pay the $320 by Wednesday, December 2?",
                    "So that's $320 on Wednesday by bank transfer, correct?",
                    "Thank you, Ms. Shah. Have a good day.",
                ),
                "{outcome: commitment, compliance: []}",
            ),
            _Test(
                "a threat is flagged",
                (_OPEN.format(who="Ms. Shah"), _PURPOSE.format(amount="$320"), _THREAT),
                "{outcome: no_commitment, compliance: [threat]}",
            ),
        ),
    ),
    "hardship": _Starter(
        summary="Lost a job and wants to pay but cannot pay it all; needs empathy and a plan.",
        debtor="Alex Kim",
        title="Mr.",
        gender="male",
        amount=3600,
        days_past_due=75,
        excuse=_Excuse(
            id="lost_job",
            say=("I lost my job last month. I just can't pay all of that.",),
            counter=("empathize", "propose_plan"),
            countered=("Thank you. Something smaller each month, I could manage.",),
            better="I'm sorry to hear that, Mr. Kim. Could four monthly payments of $900 work?",
            real=True,
        ),
        lines=(("probe_answer", None, ("I was laid off in October. I'm looking, but it's slow.",)),),
        tests=(
            _Test(
                "empathy and a plan get instalments",
                (
                    _OPEN.format(who="Mr. Kim"),
                    _PURPOSE.format(amount="$3,600"),
                    "What's keeping you from paying the balance?",
                    "I'm sorry to hear that, Mr. Kim. That must be hard.",
                    "We could split it into four payments of $900. Could you pay $900 by December 11?",
                    "So that's $900 on December 11 by bank transfer, correct?",
                    "Thank you, Mr. Kim. Take care.",
                ),
                "{outcome: commitment, compliance: []}",
            ),
            _Test(
                "pressure without a plan gets no promise",
                (
                    _OPEN.format(who="Mr. Kim"),
                    _PURPOSE.format(amount="$3,600"),
                    "You need to pay the $3,600 today.",
                    "You need to pay the $3,600 today.",
                ),
                '{outcome: no_commitment, compliance: [], principles: {empathy: "<= 40"}}',
            ),
        ),
    ),
    "cheque_in_mail": _Starter(
        summary="Says the cheque is in the mail; asking for its details brings the truth out.",
        debtor="Morgan Lee",
        title="Ms.",
        gender="female",
        amount=560,
        days_past_due=30,
        excuse=_Excuse(
            id="cheque_sent",
            say=("I already sent a cheque last week. It must be in the mail.",),
            counter=("ask_excuse_details",),
            countered=("Well... I haven't actually posted it yet. I could do a transfer instead.",),
            better="What's the cheque number, Ms. Lee, and the date you sent it?",
        ),
        lines=(),
        tests=(
            _Test(
                "asking for the cheque's details gets a transfer",
                (
                    _OPEN.format(who="Ms. Lee"),
                    _PURPOSE.format(amount="$560"),
                    "Can you pay the $560 today?",
                    "What's the cheque number and the date you sent it?",
                    "Can you pay the $560 by transfer by Wednesday, December 2?",
                    "So that's $560 on Wednesday by bank transfer, correct?",
                    "Thank you, Ms. Lee. Have a good day.",
                ),
                "{outcome: commitment, compliance: []}",
            ),
            _Test(
                "taking the excuse at its word gets no promise",
                (
                    _OPEN.format(who="Ms. Lee"),
                    _PURPOSE.format(amount="$560"),
                    "Can you pay the $560 today?",
                    "Okay.",
                ),
                '{outcome: no_commitment, principles: {excuse_handling: "<= 70"}}',
            ),
        ),
    ),
    "gatekeeper": _Starter(
        summary="A secretary answers; leave a message without saying what it is about.",
        debtor="Robert Hughes",
        title="Mr.",
        gender="female",
        amount=1900,
        days_past_due=50,
        excuse=None,
        name="Linda, his secretary",
        lines=(
            ("answer", None, ("Hughes Consulting, Linda speaking.",)),
            ("gatekeeper_block", None, ("Mr. Hughes is in a meeting. May I ask what this is regarding?",)),
        ),
        tests=(
            _Test(
                "a message without disclosure",
                (
                    "Good morning, this is Sam from Northwind Bank. May I speak with Mr. Robert Hughes?",
                    "Please let him know that Sam from Northwind Bank called. My number is 555-0100.",
                    "Thank you, Linda. Goodbye.",
                ),
                '{outcome: no_commitment, compliance: [], principles: {right_party: ">= 80"}}',
            ),
            _Test(
                "telling the secretary about the debt",
                (
                    "Good morning, may I speak with Mr. Robert Hughes?",
                    "He owes $1,900 to Northwind Bank and needs to pay it.",
                ),
                "{outcome: no_commitment, compliance: [third_party_disclosure], "
                'principles: {right_party: "<= 50"}}',
            ),
        ),
    ),
    "abusive": _Starter(
        summary="Curses from the first line; offer two ways forward and stay polite.",
        debtor="Terry Walsh",
        title="Mr.",
        gender="male",
        amount=980,
        days_past_due=60,
        excuse=None,
        lines=(("abuse", None, ("Stop calling me, you bloodsuckers!", "Get off my phone!")),),
        tests=(
            _Test(
                "two options and a plan get a promise",
                (
                    _OPEN.format(who="Mr. Walsh"),
                    _PURPOSE.format(amount="$980"),
                    "Mr. Walsh, you can speak with my manager, or we can settle this together now.",
                    "We could split it into two payments of $490. Can you pay $490 by Friday, December 4?",
                    "So that's $490 on Friday, December 4, by bank transfer, correct?",
                    "Thank you, Mr. Walsh. Goodbye.",
                ),
                "{outcome: commitment, compliance: []}",
            ),
            _Test(
                "cursing back ends the call",
                (_OPEN.format(who="Mr. Walsh"), _INSULT),
                "{outcome: hung_up, hangs_up_by_turn: 2, compliance: [insult]}",
            ),
        ),
    ),
    "disputer": _Starter(
        summary="Says the debt is not theirs; the right move is to explain how to dispute it.",
        debtor="Casey Morgan",
        title="Ms.",
        gender="female",
        amount=1450,
        days_past_due=35,
        excuse=None,
        lines=(("dispute", None, ("That's not my account. I want proof in writing.",)),),
        tests=(
            _Test(
                "explaining the dispute process",
                (
                    _OPEN.format(who="Ms. Morgan"),
                    _PURPOSE.format(amount="$1,450"),
                    "I understand, Ms. Morgan. You can dispute it in writing, or I can send you the details.",
                    "Thank you, Ms. Morgan. Have a good day.",
                ),
                "{outcome: no_commitment, compliance: []}",
            ),
            _Test(
                "pressing for payment gets no promise",
                (
                    _OPEN.format(who="Ms. Morgan"),
                    _PURPOSE.format(amount="$1,450"),
                    "You need to pay it today.",
                ),
                "{outcome: no_commitment, compliance: [collecting_disputed_debt]}",
            ),
        ),
    ),
}


def _flow_value(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, str):
        return value if re.fullmatch(r"[a-z_ ]+", value) else json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(_flow_value(v) for v in value) + "]"
    return str(value)


def flow(model: BaseModel) -> str:
    """A block in YAML flow style, every key set, so uncommenting it changes nothing until edited."""
    data = model.model_dump(exclude_none=True)
    return "{" + ", ".join(f"{k}: {_flow_value(v)}" for k, v in data.items()) + "}"


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def render(name: str, archetype: str, schema_ref: str, file: str) -> str:
    """The starter text for ``archetype``, its id made from ``name``, its commands naming ``file``."""
    starter = STARTERS[archetype]
    base = archetype_defaults()[archetype]
    slug = _slug(name)
    first, last = starter.debtor.split()[0], starter.debtor.split()[-1]
    calm = f"I hear you, {starter.title} {last}. Let's sort this out together."
    out = [
        f"# yaml-language-server: $schema={schema_ref}",
        f"# {'An' if archetype[0] in 'aeiou' else 'A'} {archetype} persona. {starter.summary}",
        "# Change what makes the persona yours; leave out what the archetype should decide.",
        f"#   check it:  collector-sim validate {file}",
        f"#   play it:   collector-sim console {file}",
        f"#   test it:   collector-sim test-scenarios {file}",
        "# The authors' guide, scenarios/README.md, explains every field.",
        f"id: {slug}",
        f"title: {_q(slug.replace('-', ' ').capitalize())}",
        "difficulty: 2",
        "jurisdiction: US",
        f"description: {_q(starter.summary)}",
        "account:",
        f"  debtor_name: {starter.debtor}",
        f"  title: {starter.title}",
        f"  amount: {starter.amount}",
        "  currency: USD",
        f"  days_past_due: {starter.days_past_due}",
        "  creditor: Northwind Bank",
        "  call_date: 2026-12-01",
        "  notes:  # what the trainee reads in the briefing",
        f"    - {_q(f'{first} has not answered two reminder letters.')}",
        "persona:",
        f"  archetype: {archetype}",
    ]
    if starter.name:
        out.append(f"  name: {_q(starter.name)}  # who answers the phone")
    out += [
        f"  voice: {{gender: {starter.gender}, rate: 170}}",
        f"  # The {archetype} defaults. To change one, uncomment its line: the block you write",
        "  # replaces the archetype's whole block (keys you leave out take the guide's defaults).",
        f"  # mood: {flow(base.mood)}",
        f"  # commit_when: {flow(base.commit_when)}",
        f"  # hang_up: {flow(base.hang_up)}",
        f"  # after_ask: {flow(base.after_ask)}",
        f"  # commitment: {flow(base.commitment)}",
        "  # reactions: {empathize: {anger: -15, trust: 10}}  # merged over the archetype's, act by act",
    ]
    if starter.excuse:
        e = starter.excuse
        out += [
            "excuses:  # raised one by one when asked to pay; each must be met with a counter act",
            f"  - id: {e.id}",
            "    say:",
            *(f"      - {_q(s)}" for s in e.say),
            f"    counter: [{', '.join(e.counter)}]",
            "    countered:",
            *(f"      - {_q(s)}" for s in e.countered),
            *(["    real: true"] if e.real else []),
            f"    better: {_q(e.better)}",
        ]
    if starter.lines:
        out.append("lines:  # your lines for a beat replace the shared ones for that beat")
    for beat, mood, says in starter.lines:
        out.append(f"  - on: {beat}")
        if mood:
            out.append(f"    mood: {mood}")
        out.append("    say:")
        out += [f"      - {_q(s)}" for s in says]
    out += [
        "better:  # coaching lines on the scorecard, per principle",
        f"  calm_tone: {_q(calm)}",
        "tests:  # run them with collector-sim test-scenarios; a good call and a bad one",
    ]
    for test in starter.tests:
        out += [f"  - name: {test.name}", "    turns:"]
        out += [f"      - {{say: {_q(t)}}}" if t else "      - {wait: 4}" for t in test.turns]
        out.append(f"    expect: {test.expect}")
    return "\n".join(out) + "\n"


def target(name: str, out: Path | None) -> Path:
    """Where NAME.yaml goes: the current folder, a folder given as PATH, or PATH if it ends in .yaml."""
    file = f"{name}.yaml"
    if out is None:
        return Path.cwd() / file
    if out.suffix in (".yaml", ".yml"):
        return out
    return out / file


def _schema_ref(path: Path) -> str:
    """The schema named relative to the file when they share the shipped folder, else by absolute path."""
    schema = SCHEMA_FILE.resolve()
    folder = path.parent.resolve()
    if folder.is_relative_to(SHIPPED_DIR.resolve()):
        return Path(os.path.relpath(schema, folder)).as_posix()
    return schema.as_posix()


def write_new(name: str, archetype: str, out: Path | None = None) -> Path:
    """Write a starter scenario named ``name`` for ``archetype``; never overwrites a file."""
    name = name.removesuffix(".yaml").removesuffix(".yml")
    names = archetype_names()
    if archetype not in names:
        hint = suggest(archetype, names) or "; choose one of " + ", ".join(names)
        raise NewScenarioError(f"there is no archetype {archetype!r}{hint}")
    if archetype not in STARTERS:
        raise NewScenarioError(f"there is no starter file for {archetype!r} yet; copy a shipped scenario instead")
    slug = _slug(name)
    if not slug:
        raise NewScenarioError(f"the name {name!r} has no letters or digits to make a scenario id from")
    taken = {i.scenario.id: i.path for i in load_all() if i.scenario is not None}
    if slug in taken:
        raise NewScenarioError(f"the id {slug!r} is already used by {taken[slug]}; choose another name")
    path = target(name, out)
    if path.exists():
        raise NewScenarioError(f"{path} already exists; choose another name or move that file away first")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as handle:
            handle.write(render(name, archetype, _schema_ref(path), shlex.quote(path.name)))
    except FileExistsError:
        raise NewScenarioError(
            f"{path} already exists; choose another name or move that file away first"
        ) from None
    except OSError as err:
        raise NewScenarioError(f"cannot write {path}: {err.strerror or err}") from None
    return path
