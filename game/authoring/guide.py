"""The generated parts of the authors' guide, and the checks that keep its examples honest.

The guide's tables (fields, archetype defaults, beats, stages, placeholders, expectations,
jurisdictions) are written from the models and tables the game itself reads, between
``<!-- generated:NAME -->`` markers in ``scenarios/README.md``. ``python -m game.authoring.guide``
rewrites them; a test fails when they are stale. Every YAML example, in a table or in a fenced block,
is validated as a scenario or a fragment of one, so the guide cannot drift from the code.
"""

from __future__ import annotations

import copy
import re
import sys
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from game.authoring.schema import SECTION_HELP
from game.engine.lines import PLACEHOLDERS
from game.engine.scenario.checking import check_model
from game.engine.scenario.defaults import archetype_defaults, archetype_names, fallback_lines
from game.engine.scenario.library import SHIPPED_DIR
from game.engine.scenario.lint import lint
from game.engine.scenario.located_yaml import LocatedDoc, Problem, YamlError, parse_yaml
from game.engine.scenario.models import (
    Account,
    AfterAsk,
    CommitRule,
    CommitTerms,
    Excuse,
    Expectations,
    HangUpRule,
    Identity,
    LinePool,
    MoodDelta,
    MoodValues,
    Persona,
    Scenario,
    ScenarioTest,
    Traits,
    TranscriptTurn,
    Voice,
)
from game.engine.stages import BEATS, RULES, TRANSITIONS

GUIDE_PATH = SHIPPED_DIR / "README.md"

# (the path an author writes, the model found there), in the order the guide explains them.
SECTIONS: tuple[tuple[str, type[BaseModel]], ...] = (
    ("", Scenario),
    ("account", Account),
    ("account.identity", Identity),
    ("persona", Persona),
    ("persona.voice", Voice),
    ("persona.mood", MoodValues),
    ("persona.reactions.ACT", MoodDelta),
    ("persona.commit_when", CommitRule),
    ("persona.hang_up", HangUpRule),
    ("persona.after_ask", AfterAsk),
    ("persona.commitment", CommitTerms),
    ("persona.traits", Traits),
    ("excuses[]", Excuse),
    ("lines[]", LinePool),
    ("tests[]", ScenarioTest),
    ("tests[].expect", Expectations),
    ("turns[]", TranscriptTurn),
)

# Persona blocks that come from the archetype when left out.
ARCHETYPE_BLOCKS = ("mood", "reactions", "commit_when", "hang_up", "after_ask", "commitment", "traits")

# One example per field, as YAML; each is checked by placing it into a valid scenario.
EXAMPLES: dict[str, str] = {
    "id": "grumpy-baker",
    "title": "Grumpy baker",
    "language": "en",
    "difficulty": "3",
    "jurisdiction": "UK",
    "description": "A baker whose oven broke; fair, but tired of calls.",
    "goal": "plan",
    "caller": "creditor",
    "debt_type": "business",
    "account": "{debtor_name: Mike Brennan, amount: 1250, days_past_due: 45, creditor: Northwind Supply, "
    "call_date: 2026-12-01}",
    "persona": "{archetype: angry}",
    "excuses": '[{id: client_late, say: ["My client hasn\'t paid me."], counter: [ask_excuse_details]}]',
    "lines": '[{on: refuse, say: ["Not today."]}]',
    "phrases": '{empathize: ["I know the season has been hard"]}',
    "better": '{calm_tone: "I hear you, Mr. Brennan. Let\'s sort this out."}',
    "model_call": '[{say: "Good morning, may I speak with Mr. Brennan?"}, {wait: 4}]',
    "poor_call": '[{say: "You owe us money. Pay it."}, {hangup: true}]',
    "tests": '[{name: a threat ends the call, turns: [{say: "Pay or we come to your house."}], '
    "expect: {outcome: hung_up}}]",
    "account.debtor_name": "Mike Brennan",
    "account.title": "Mr.",
    "account.amount": "1250.00",
    "account.currency": "GBP",
    "account.days_past_due": "45",
    "account.creditor": "Northwind Supply",
    "account.call_date": "2026-12-01",
    "account.payday": "10",
    "account.notes": '["Invoice NW-4471, due October 17.", "Two reminder letters sent."]',
    "account.goal": '"Get a dated promise for at least half the balance."',
    "account.fees": '["late fee", "returned payment fee"]',
    "account.identity": '{date_of_birth: 1971-03-03, address: "14 Alder Lane, Dayton", last_digits: "4471"}',
    "account.identity.date_of_birth": "1971-03-03",
    "account.identity.address": '"14 Alder Lane, Dayton"',
    "account.identity.last_digits": '"4471"',
    "persona.archetype": "stalling",
    "persona.name": '"Linda, his secretary"',
    "persona.portrait": "contractor",
    "persona.voice": "{gender: female, rate: 160}",
    "persona.mood": "{anger: 40, trust: 30, willingness: 20}",
    "persona.reactions": "{empathize: {anger: -20, trust: 10}, shouting: {anger: 25}}",
    "persona.commit_when": "{willingness_at_least: 70, trust_at_least: 40, requires: [propose_plan]}",
    "persona.hang_up": "{anger_at_least: 90, on_acts: [threat, insult]}",
    "persona.after_ask": "{behaviour: quiet, quiet_seconds: 4}",
    "persona.commitment": "{kind: partial, amount: 600, days: 4, latest_days: 10, method: card}",
    "persona.traits": "{wrong_amount: seize, silence_patience: 20}",
    "persona.traits.promises": "false",
    "persona.traits.third_party": "true",
    "persona.traits.disputes": "when_told",
    "persona.traits.abuses_above": "60",
    "persona.traits.hardship": "true",
    "persona.traits.silence_patience": "20",
    "persona.traits.wrong_amount": "seize",
    "persona.traits.identity": "refuse",
    "persona.traits.asks_back": "who_is_calling",
    "persona.voice.gender": "female",
    "persona.voice.accent": "en-gb",
    "persona.voice.variant": "m3",
    "persona.voice.rate": "185",
    "persona.voice.pitch": "30",
    "persona.voice.volume": "0.9",
    "persona.voice.gap": "0.1",
    "persona.mood.anger": "65",
    "persona.mood.trust": "25",
    "persona.mood.willingness": "35",
    "persona.reactions.ACT.anger": "-15",
    "persona.reactions.ACT.trust": "10",
    "persona.reactions.ACT.willingness": "5",
    "persona.commit_when.willingness_at_least": "55",
    "persona.commit_when.trust_at_least": "30",
    "persona.commit_when.requires": "[consequence, propose_plan]",
    "persona.hang_up.anger_at_least": "90",
    "persona.hang_up.on_acts": "[threat]",
    "persona.hang_up.max_turns": "20",
    "persona.after_ask.behaviour": "quiet",
    "persona.after_ask.quiet_seconds": "4",
    "persona.after_ask.offer_amount": "400",
    "persona.commitment.kind": "instalments",
    "persona.commitment.amount": "600",
    "persona.commitment.instalments": "3",
    "persona.commitment.days": "4",
    "persona.commitment.latest_days": "10",
    "persona.commitment.min_amount": "300",
    "persona.commitment.method": "card",
    "excuses[].id": "cheque_sent",
    "excuses[].say": '["I sent a cheque last week.", "The cheque is in the mail."]',
    "excuses[].counter": "[ask_excuse_details]",
    "excuses[].countered": '["Well... I haven\'t posted it yet."]',
    "excuses[].real": "true",
    "excuses[].better": '"What\'s the cheque number, and the date you sent it?"',
    "lines[].on": "refuse",
    "lines[].mood": "[angry, annoyed]",
    "lines[].stage": "negotiation",
    "lines[].say": '["Not today.", "I can\'t pay {amount} just like that."]',
    "tests[].name": "a threat ends the call",
    "tests[].seed": "7",
    "tests[].turns": '[{say: "Pay now or else."}]',
    "tests[].expect": "{outcome: hung_up, compliance: [threat]}",
    "tests[].expect.outcome": "commitment",
    "tests[].expect.hangs_up_by_turn": "3",
    "tests[].expect.principles": '{calm_tone: ">= 80", politeness: "<= 40"}',
    "tests[].expect.compliance": "[threat]",
    "tests[].expect.total": '">= 70"',
    "tests[].expect.confirmed": "true",
    "tests[].expect.debtor_beats": "[balance_corrected, readback_corrected, confirm]",
    "turns[].say": '"Good morning, may I speak with Mr. Brennan?"',
    "turns[].wait": "4",
    "turns[].interrupt": "true",
    "turns[].audio": "clips/turn3.wav",
    "turns[].hangup": "true",
}

# A valid scenario that fragments are placed into.
BASE: dict[str, Any] = {
    "id": "guide-example",
    "title": "Guide example",
    "difficulty": 2,
    "account": {
        "debtor_name": "Mike Brennan",
        "title": "Mr.",
        "amount": 1250.0,
        "days_past_due": 45,
        "creditor": "Northwind Supply",
        "call_date": "2026-12-01",
    },
    "persona": {"archetype": "angry"},
}

# What a list item needs besides the field shown, so a one-field example makes a whole item.
_ITEM: dict[str, dict[str, Any]] = {
    "excuses[]": {
        "id": "cheque_sent",
        "say": ["The cheque is in the mail."],
        "counter": ["ask_excuse_details"],
    },
    "lines[]": {"on": "refuse", "say": ["Not today."]},
    "tests[]": {"name": "a call", "turns": [{"say": "Hello"}], "expect": {}},
    "persona.mood": {"anger": 50, "trust": 50, "willingness": 50},
}
# What must stand beside one field for its example to make sense.
_BESIDE: dict[str, dict[str, Any]] = {"turns[].interrupt": {"say": "Sorry, go on."}}


# ----------------------------------------------------------------------------------------------
# Describing types and defaults in words


def _unwrap(tp: Any) -> list[Any]:
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for arg in typing.get_args(tp) for t in _unwrap(arg) if t is not type(None)]
    return [tp]


def _bounds(info: FieldInfo | None) -> str:
    if info is None:
        return ""
    low = high = None
    above = False
    for item in info.metadata:
        if getattr(item, "ge", None) is not None:
            low = item.ge
        if getattr(item, "gt", None) is not None:
            low, above = item.gt, True
        if getattr(item, "le", None) is not None:
            high = item.le
    if low is not None and high is not None:
        return f" {low:g} to {high:g}"
    if low is not None:
        return f" above {low:g}" if above else f" from {low:g}"
    return ""


_SECTION_OF = {model: path for path, model in SECTIONS}
# Fields the models leave loose and this package checks: named by what they really hold.
_TYPE_OVERRIDE = {"tests[].expect": "block (see `tests[].expect`)"}


def _literal_words(options: tuple[Any, ...]) -> str:
    if set(options) <= set(BEATS):
        return "a beat (see the beats table)"
    if len(options) > 12:
        return "a dialogue act"
    return "one of " + ", ".join(f"`{o}`" for o in options)


def _items(tp: Any) -> str:
    """The plural a list's items are named by: text, dialogue acts, `excuses[]` blocks."""
    words = type_words(tp)
    if words == "a dialogue act":
        return "dialogue acts"
    if words.startswith("block (see "):
        return words.removeprefix("block (see ").removesuffix(")") + " blocks"
    return words


def type_words(tp: Any, info: FieldInfo | None = None) -> str:
    """How the guide names a field's type: text, number 0 to 100, list of dialogue acts, one of …"""
    parts = _unwrap(tp)
    if len(parts) == 2 and typing.get_origin(parts[1]) is list and typing.get_args(parts[1])[0] == parts[0]:
        return type_words(parts[0]) + " (or a list of them)"
    words = []
    for part in parts:
        origin = typing.get_origin(part)
        if origin is typing.Literal:
            words.append(_literal_words(typing.get_args(part)))
        elif origin is list:
            words.append("list of " + _items(typing.get_args(part)[0]))
        elif origin is dict:
            key, value = typing.get_args(part)
            keys = "dialogue act" if typing.get_origin(key) is typing.Literal else "name"
            words.append(f"mapping of {keys} to " + type_words(value))
        elif isinstance(part, type) and issubclass(part, BaseModel):
            words.append(f"block (see `{_SECTION_OF[part]}`)" if part in _SECTION_OF else "block")
        elif part is object:
            words.append("block")
        else:
            base = {str: "text", int: "whole number", float: "number", bool: "true/false"}.get(part, "date")
            words.append(base + (_bounds(info) if part in (int, float) else ""))
    return " or ".join(words)


def default_words(path: str, name: str, info: FieldInfo) -> str:
    """The default column: required, the archetype's, or the model's own default."""
    if path == "persona" and name in ARCHETYPE_BLOCKS:
        return "the archetype's"
    if info.is_required():
        return "required"
    value = info.get_default(call_default_factory=True)
    if isinstance(value, BaseModel):
        return "each key's own default"
    if value == "":
        return "empty"
    if value is None or value == [] or value == {}:
        return "none"
    if isinstance(value, bool):
        return "`true`" if value else "`false`"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"`{value}`"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def field_table(path: str, model: type[BaseModel]) -> str:
    """One section's table: field, type, default, meaning, example."""
    rows = ["| field | type | default | meaning | example |", "|---|---|---|---|---|"]
    for name, info in model.model_fields.items():
        key = f"{path}.{name}" if path else name
        meaning = info.description or _model_help(info.annotation)
        kind = _TYPE_OVERRIDE.get(key) or type_words(info.annotation, info)
        rows.append(
            f"| `{name}` | {_cell(kind)} | {default_words(path, name, info)} "
            f"| {_cell(meaning)} | `{_cell(EXAMPLES[key])}` |"
        )
    return "\n".join(rows)


def _model_help(tp: Any) -> str:
    for part in _unwrap(tp):
        if isinstance(part, type) and issubclass(part, BaseModel):
            return SECTION_HELP.get(part.__name__, "")
    return ""


def fields_section() -> str:
    parts = []
    for path, model in SECTIONS:
        title = path or "top level"
        parts.append(f"#### `{title}`\n\n{field_table(path, model)}")
    return "\n\n".join(parts)


def _value(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return ", ".join(map(str, value)) or "-"
    if value is None:
        return "-"
    return str(value)


def archetypes_section() -> str:
    """Every archetype block setting, one column per archetype."""
    defaults = archetype_defaults()
    names = archetype_names()
    head = "| setting | " + " | ".join(f"`{a}`" for a in names) + " |"
    rows = [head, "|---|" + "---|" * len(names)]
    for block in ("traits", "mood", "commit_when", "hang_up", "after_ask", "commitment"):
        model = getattr(defaults[names[0]], block)
        for name in type(model).model_fields:
            cells = [_value(getattr(getattr(defaults[a], block), name)) for a in names]
            rows.append(f"| `{block}.{name}` | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def reactions_section() -> str:
    """How each act or signal moves each archetype's mood, as anger/trust/willingness changes."""
    defaults = archetype_defaults()
    names = archetype_names()
    keys: list[str] = []
    for archetype in names:
        keys.extend(k for k in defaults[archetype].reactions if k not in keys)
    head = "| act or signal | " + " | ".join(f"`{a}`" for a in names) + " |"
    rows = [head, "|---|" + "---|" * len(names)]
    for key in keys:
        cells = []
        for archetype in names:
            delta = defaults[archetype].reactions.get(key)
            cells.append(_delta(delta) if delta else "")
        rows.append(f"| `{key}` | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def _delta(delta: MoodDelta) -> str:
    parts = [
        f"{letter}{value:+g}"
        for letter, value in (("a", delta.anger), ("t", delta.trust), ("w", delta.willingness))
        if value
    ]
    return " ".join(parts)


def beats_section() -> str:
    shared = {pool.on for pool in fallback_lines()}
    rows = ["| beat | the debtor answers when | heard in stages | shared lines |", "|---|---|---|---|"]
    for beat, (when, stages) in BEATS.items():
        where = "any" if "*" in stages else ", ".join(stages)
        has = "yes" if beat in shared else ("the excuse's own `say`" if beat == "excuse" else "no")
        rows.append(f"| `{beat}` | {when} | {where} | {has} |")
    return "\n".join(rows)


def rules_section() -> str:
    """The debtor's priorities: the rule table the engine reads, top to bottom."""
    rows = ["| # | when | the debtor's beat | and then |", "|---|---|---|---|"]
    for number, rule in enumerate(RULES, 1):
        beat = f"`{rule.beat}`" if rule.beat else "(no reply)"
        effect = f"`{rule.effect}`" if rule.effect else ""
        rows.append(f"| {number} | {rule.when} | {beat} | {effect} |")
    return "\n".join(rows)


def stages_section() -> str:
    rows = ["| in stage | when | the call moves to |", "|---|---|---|"]
    for (stage, trigger), after in TRANSITIONS.items():
        rows.append(f"| `{stage}` | `{trigger}` | `{after}` |")
    return "\n".join(rows)


def placeholders_section() -> str:
    rows = ["| placeholder | is replaced by |", "|---|---|"]
    rows += [f"| `{{{name}}}` | {meaning} |" for name, meaning in PLACEHOLDERS.items()]
    return "\n".join(rows)


def jurisdictions_section() -> str:
    from scoring.rubric import rubric_for

    rows = ["| `jurisdiction` | rubric | compliance rules checked |", "|---|---|---|"]
    for value in typing.get_args(Scenario.model_fields["jurisdiction"].annotation):
        rubric = rubric_for(value)
        rules = ", ".join(f"`{r}`" for r in rubric.compliance)
        rows.append(f"| `{value}` | {rubric.description} | {rules} |")
    return "\n".join(rows)


def better_section() -> str:
    """The keys a scenario's ``better`` lines may use: a principle, one moment of it, or a rule."""
    from scoring.coaching import bank
    from scoring.principles import KEYS

    shared: dict[str, list[str]] = {}
    own: dict[str, list[str]] = {}
    for key, entry in bank().items():
        principle, _, moment = key.partition(".")
        (shared if entry.scenario_line else own).setdefault(principle, []).append(f"`{moment}`")
    rows = [
        "| key | a line under this key is used for | other moments (key them `principle.moment`) |",
        "|---|---|---|",
    ]
    for principle in KEYS:
        rows.append(
            f"| `{principle}` | {', '.join(shared.get(principle, [])) or '-'} "
            f"| {', '.join(own.get(principle, [])) or '-'} |"
        )
    for rule in [*shared.get("compliance", []), *own.get("compliance", [])]:
        rows.append(f"| {rule} | the compliance finding {rule} | - |")
    return "\n".join(rows)


GENERATED = {
    "fields": fields_section,
    "archetypes": archetypes_section,
    "reactions": reactions_section,
    "beats": beats_section,
    "rules": rules_section,
    "stages": stages_section,
    "placeholders": placeholders_section,
    "jurisdictions": jurisdictions_section,
    "better": better_section,
}

_BLOCK = re.compile(r"(<!-- generated:(\w+) -->\n)(.*?)(<!-- /generated:\2 -->)", re.S)


def render_guide(text: str) -> str:
    """The guide with every generated block rewritten from the code."""

    def fill(match: re.Match[str]) -> str:
        name = match.group(2)
        if name not in GENERATED:
            raise KeyError(f"the guide names an unknown generated block {name!r}")
        return f"{match.group(1)}{GENERATED[name]()}\n{match.group(4)}"

    return _BLOCK.sub(fill, text)


# ----------------------------------------------------------------------------------------------
# Checking examples


def _merge(base: Any, over: Any) -> Any:
    if isinstance(base, dict) and isinstance(over, dict):
        out = dict(base)
        for key, value in over.items():
            out[key] = _merge(base.get(key), value) if key in base else value
        return out
    return over


def merged_fragment(data: dict[str, Any]) -> dict[str, Any]:
    """A fragment's keys placed into the guide's base scenario: what the fragment means on its own."""
    merged: dict[str, Any] = _merge(copy.deepcopy(BASE), data)
    return merged


def check_fragment(text: str, name: str = "<example>") -> list[Problem]:
    """Validate YAML that is a whole scenario or a part of one (its keys placed into a valid scenario).

    Positions point into ``text``; keys the fragment does not set fall back to its first line.
    """
    try:
        doc = parse_yaml(text, name)
    except YamlError as err:
        return [err.problem]
    if not isinstance(doc.data, dict):
        return [doc.problem((), "an example must be a mapping of scenario fields")]
    merged = LocatedDoc(
        path=name,
        data=merged_fragment(doc.data),
        positions=doc.positions,
        key_positions=doc.key_positions,
        implicit=doc.implicit,
    )
    model, problems = check_model(Scenario, merged)
    if model is None:
        return problems
    return lint(model, merged)


def _place(path: str, value_text: str) -> str:
    """A fragment that sets one field (``persona.voice.rate``, ``excuses[].id``) to an example value."""
    parts = path.split(".")
    marker = "__EXAMPLE__"
    tree: Any = {parts[-1]: marker, **_BESIDE.get(path, {})}
    for i in range(len(parts) - 2, -1, -1):
        around = _ITEM.get(".".join(parts[: i + 1]), {})
        inner = copy.deepcopy(around) | tree
        name = parts[i].removesuffix("[]")
        if name == "turns" and i == 0:
            name = "model_call"
        if parts[i].endswith("[]"):
            tree = {name: [inner]}
        elif name == "ACT":
            tree = {"empathize": inner}
        else:
            tree = {name: inner}
    text = yaml.safe_dump(tree, default_flow_style=False, sort_keys=False, width=1000)
    return text.replace(marker, value_text)


def check_example(path: str) -> list[Problem]:
    """Validate the guide's example for one field, placed where an author would write it."""
    return check_fragment(_place(path, EXAMPLES[path]), f"example for {path}")


def yaml_blocks(markdown: str) -> Iterator[tuple[int, str, str | None]]:
    """Each fenced ```yaml block: its first line number, its text, and an expected error if marked.

    A block right after ``<!-- invalid: words -->`` shows a mistake: it must fail with those words.
    """
    lines = markdown.splitlines()
    i = 0
    while i < len(lines):
        if lines[i].strip() == "```yaml":
            marker = re.match(r"<!-- invalid: (.+?) -->", lines[i - 1].strip()) if i else None
            start = i + 1
            end = next(j for j in range(start, len(lines)) if lines[j].strip() == "```")
            yield start + 1, "\n".join(lines[start:end]) + "\n", marker.group(1) if marker else None
            i = end
        i += 1


def write_guide(path: Path = GUIDE_PATH) -> bool:
    """Rewrite the guide's generated blocks; True when it changed."""
    text = path.read_text(encoding="utf-8")
    new = render_guide(text)
    if new == text:
        return False
    path.write_text(new, encoding="utf-8")
    return True


if __name__ == "__main__":
    changed = write_guide()
    print(f"{GUIDE_PATH.name} {'rewritten' if changed else 'already current'}", file=sys.stderr)
