"""Personas that listen, tested below the classifier: each turn is given its acts, entities and asks
(``step(..., heard=...)``), so a lexicon change cannot break these tests. Real scenario files, real
archetype defaults and the real engine; only the reading of the trainee's words is given."""

from __future__ import annotations

import ast
import datetime as dt
import json
import random
import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml

from game.engine.lines import spoken_method
from game.engine.readback import heard_back, judge
from game.engine.record import Commitment, Entities, ReadBack, TraineeTurn, Understanding
from game.engine.scenario import Scenario, defaults, load_file, load_scenario
from game.engine.scenario.defaults import archetype_names, traits_of
from game.engine.scenario.located_yaml import read_yaml
from game.engine.stages import MOOD_LABELS, RULES
from game.engine.step import DebtorLine, record_of, start_call, step

CORE = ("angry-contractor", "stalling-shop-owner", "deadbeat-card-holder", "cooperative-retiree")
CORE_ZH = ("angry-ride-driver", "stalling-boutique-owner", "deadbeat-online-loan", "cooperative-night-nurse-zh")
ROOT = Path(__file__).resolve().parents[1]


def heard(
    *acts: str,
    amounts: tuple[float, ...] = (),
    dates: tuple[str, ...] = (),
    method: str | None = None,
    asks: tuple[str, ...] = (),
    company: str | None = None,
) -> Understanding:
    return Understanding(acts or ("other",), Entities(amounts, dates, (), method, company), asks)


class Call:
    """One call driven turn by turn with given understandings; times follow the debtor's lines."""

    def __init__(self, scenario: Scenario, seed: int = 1) -> None:
        self.scenario = scenario
        self.state, first = start_call(scenario, seed)
        self.lines: list[DebtorLine] = [first]

    def say(self, understanding: Understanding) -> DebtorLine | None:
        text = f"(trainee line {len(self.lines)})"  # distinct, so no line counts as said again
        start = self.state.debtor_speaking_until + 0.8
        turn = TraineeTurn(text=text, start=start, end=start + 2.0)
        return self._take(turn, understanding)

    def wait(self, seconds: float) -> DebtorLine | None:
        start = self.state.debtor_speaking_until
        return self._take(TraineeTurn(text="", start=start, end=start + seconds), Understanding(acts=()))

    def _take(self, turn: TraineeTurn, understanding: Understanding) -> DebtorLine | None:
        self.state, line, _ = step(self.scenario, self.state, turn, heard=understanding)
        if line is not None:
            self.lines.append(line)
        return line

    @property
    def spoken(self) -> list[str]:
        return [line.text for line in self.lines]


def opened(scenario: Scenario, seed: int = 1) -> Call:
    call = Call(scenario, seed)
    call.say(heard("greet", "identify_self", "verify_identity"))
    call.say(heard("state_purpose", "mini_miranda", "state_amount", amounts=(scenario.account.amount,)))
    return call


def easy(tmp_path: Path, scenario_id: str) -> Scenario:
    """A shipped persona made ready to promise at the first ask, with its excuses set aside."""
    data = shipped(scenario_id)
    data["persona"]["commit_when"] = {"willingness_at_least": 0, "trust_at_least": 0, "requires": []}
    data["persona"]["after_ask"] = {"behaviour": "answer"}
    data["excuses"] = []
    data["lines"] = [pool for pool in data.get("lines", []) if pool["on"] not in ("stall_quiet", "silence_offer")]
    path = tmp_path / f"{scenario_id}.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    loaded = load_file(path)
    assert loaded.problems == [] and loaded.scenario is not None
    return loaded.scenario


def shipped(scenario_id: str) -> dict[str, Any]:
    """A shipped scenario file's data, read as the game reads it (``on:`` stays a key, not true)."""
    path = ROOT / "scenarios" / "en" / f"{scenario_id}.yaml"
    if not path.is_file():
        path = next(p for p in (ROOT / "scenarios" / "zh").glob("*.yaml") if f"id: {scenario_id}\n" in p.read_text())
    data: dict[str, Any] = read_yaml(path).data
    return data


def promised(call: Call) -> Commitment:
    account = call.scenario.account
    line = call.say(heard("request_payment", amounts=(account.amount,)))
    assert line is not None and line.beat in ("commit", "commit_counter"), line
    assert call.state.commitment is not None
    return call.state.commitment


def _later(iso: str, days: int) -> str:
    return (dt.date.fromisoformat(iso) + dt.timedelta(days=days)).isoformat()


# ------------------------------------------------------------------------------------------------
# The read-back matcher


def test_a_read_back_is_confirmed_only_when_amount_date_and_method_all_match() -> None:
    promise = Commitment(600.0, "2026-12-18", "card")
    right = heard_back(promise, Entities(amounts=(1250.0, 600.0), dates=("2026-12-18",), method="debit card"))
    assert judge(promise, right).confirmed
    wrong = heard_back(promise, Entities(amounts=(600.0,), dates=("2026-12-15",), method="bank transfer"))
    assert judge(promise, wrong).wrong == ("date", "method")
    partial = heard_back(promise, Entities(amounts=(600.0,)))
    assert judge(promise, partial).missing == ("date", "method") and not judge(promise, partial).confirmed


def test_a_read_back_spread_over_two_lines_adds_up() -> None:
    promise = Commitment(600.0, "2026-12-18", "card", read_back=ReadBack(amount=600.0, date="2026-12-18"))
    assert judge(promise, heard_back(promise, Entities(method="card"))).confirmed


def test_the_commitment_keeps_promised_and_read_back_side_by_side_in_the_record() -> None:
    promise = Commitment(600.0, "2026-12-18", "card", read_back=ReadBack(600.0, "2026-12-15", "card"))
    out = promise.as_dict()
    assert {"amount", "date", "method", "confirmed"} <= set(out)
    assert out["promised"] == {"amount": 600.0, "date": "2026-12-18", "method": "card"}
    assert out["read_back"] == {"amount": 600.0, "date": "2026-12-15", "method": "card"}


# ------------------------------------------------------------------------------------------------
# Answering what was asked


@pytest.mark.parametrize("scenario_id", CORE + CORE_ZH)
def test_a_wrong_read_back_is_corrected_item_by_item_and_a_right_one_confirmed(
    tmp_path: Path, scenario_id: str
) -> None:
    call = opened(easy(tmp_path, scenario_id))
    promise = promised(call)
    wrong_method = "cheque" if promise.method != "cheque" else "card"
    bad = heard(
        "confirm_commitment",
        amounts=(promise.amount,),
        dates=(_later(promise.date, 3),),
        method=wrong_method,
        asks=("read_back",),
    )
    line = call.say(bad)
    assert line is not None and line.beat == "readback_corrected"
    day = dt.date.fromisoformat(promise.date)
    zh = call.scenario.language == "zh"
    assert (f"{day.month}月{day.day}号" if zh else f"{day:%B} {day.day}") in line.text
    assert spoken_method(promise.method, call.scenario.language) in line.text
    assert "right" not in line.text.lower() and "correct" not in line.text.lower()
    assert call.state.commitment is not None and not call.state.commitment.confirmed
    good = heard(
        "confirm_commitment",
        amounts=(promise.amount,),
        dates=(promise.date,),
        method=promise.method,
        asks=("read_back",),
    )
    line = call.say(good)
    assert line is not None and line.beat == "confirm"
    record = record_of(call.state)
    assert record.commitment is not None and record.commitment.confirmed


def test_a_read_back_of_a_promise_never_made_is_not_agreed_to() -> None:
    call = opened(load_scenario("cooperative-retiree"))
    line = call.say(heard("confirm_commitment", amounts=(186.4,), dates=("2026-12-04",), asks=("read_back",)))
    assert line is not None and line.beat == "not_agreed"


@pytest.mark.parametrize("scenario_id", CORE + CORE_ZH)
@pytest.mark.parametrize("rude", [(), ("insult",), ("request_payment", "urgency")])
def test_a_wrong_balance_is_noticed_in_the_next_debtor_line(scenario_id: str, rude: tuple[str, ...]) -> None:
    scenario = load_scenario(scenario_id)
    for wrong in (round(scenario.account.amount) + 137, round(scenario.account.amount * 0.8)):
        call = Call(scenario)
        call.say(heard("greet", "identify_self", "verify_identity"))
        said = heard("state_purpose", "state_amount", *rude, amounts=(wrong,))
        said = replace(said, entities=replace(said.entities, stated_balance=wrong))
        line = call.say(said)
        assert line is not None and line.beat in ("balance_corrected", "balance_seized"), call.spoken
        assert f"{wrong:,.0f}".replace(",", "" if scenario.language == "zh" else ",") in line.text
        assert call.state.commitment is None


def test_a_cooperative_debtor_corrects_a_wrong_balance_and_a_deadbeat_seizes_on_it() -> None:
    for scenario_id, beat in (("cooperative-retiree", "balance_corrected"), ("deadbeat-card-holder", "balance_seized")):
        scenario = load_scenario(scenario_id)
        call = Call(scenario)
        line = call.say(heard("state_amount", amounts=(scenario.account.amount * 2,)))
        assert line is not None and line.beat == beat


def test_a_wrong_creditor_is_challenged() -> None:
    call = Call(load_scenario("angry-contractor"))
    line = call.say(heard("greet", "identify_self", company="Eastside Bank"))
    assert line is not None and line.beat == "creditor_challenged" and "Eastside Bank" in line.text


def test_identity_details_come_from_the_account_and_a_stranger_is_asked_who_is_calling() -> None:
    scenario = load_scenario("angry-contractor")
    call = Call(scenario)
    line = call.say(heard("verify_identity", asks=("identity:dob",)))
    assert line is not None and line.beat == "who_is_calling"
    call.say(heard("identify_self"))
    line = call.say(heard("verify_identity", asks=("identity:dob",)))
    assert line is not None and line.beat == "identity_answer" and "March 3, 1971" in line.text
    line = call.say(heard("verify_identity", asks=("identity:address",)))
    assert line is not None and "14 Alder Lane" in line.text


def test_a_debtor_without_identity_details_on_file_declines(tmp_path: Path) -> None:
    source = shipped("cooperative-retiree")
    del source["account"]["identity"]
    path = tmp_path / "no-identity.yaml"
    path.write_text(yaml.safe_dump(source), encoding="utf-8")
    scenario = load_file(path).scenario
    assert scenario is not None
    line = Call(scenario).say(heard("verify_identity", asks=("identity:dob",)))
    assert line is not None and line.beat == "identity_refused"


def test_asked_for_the_remaining_balance_after_a_promise_the_debtor_names_an_amount(tmp_path: Path) -> None:
    scenario = easy(tmp_path, "deadbeat-card-holder")
    call = opened(scenario)
    promise = promised(call)
    remaining = scenario.account.amount - promise.amount
    line = call.say(heard("ask_commitment", amounts=(remaining,), asks=("balance", "date")))
    assert line is not None and line.beat == "balance_answer" and f"{remaining:,.0f}" in line.text
    again = call.say(heard("request_payment", asks=("yes_no",)))
    assert again is not None and again.beat == "already_promised" and "right" not in again.text.lower()


def test_a_date_asked_before_the_debtor_is_ready_is_honoured_once_it_promises() -> None:
    call = opened(load_scenario("angry-contractor"))
    call.say(heard("empathize"))
    line = call.say(heard("ask_commitment", amounts=(1250.0,), dates=("2026-12-09",)))
    assert line is not None and line.beat.startswith("excuse:")
    call.say(heard("ask_excuse_details"))
    line = call.say(heard("request_payment"))
    assert line is not None and line.beat == "commit" and "December 9" in line.text
    assert call.state.commitment is not None and call.state.commitment.date == "2026-12-09"


def test_a_date_out_of_reach_is_countered_aloud_with_the_debtors_own(tmp_path: Path) -> None:
    scenario = easy(tmp_path, "angry-contractor")
    call = opened(scenario)
    line = call.say(heard("ask_commitment", amounts=(1250.0,), dates=("2026-12-15",)))
    assert line is not None and line.beat == "commit_counter"
    assert call.state.commitment is not None and call.state.commitment.date == "2026-12-11"
    assert "December 15" in line.text and "December 11" in line.text


# ------------------------------------------------------------------------------------------------
# No loops


def _random_call(scenario: Scenario, seed: int) -> Call:
    rng = random.Random(seed)
    amount = scenario.account.amount
    menu = [
        heard("request_payment", asks=("yes_no",)),
        heard("ask_commitment", amounts=(amount,), asks=("date",)),
        heard("empathize"),
        heard("probe"),
        heard("other"),
        heard("state_amount", amounts=(amount,)),
        heard("propose_plan", amounts=(round(amount / 3, 2),)),
        heard("consequence"),
        heard("verify_identity", asks=("identity:dob",)),
        heard("confirm_commitment", amounts=(amount,), asks=("read_back",)),
    ]
    call = Call(scenario, seed)
    for _ in range(45):
        if call.state.ended:
            break
        if rng.random() < 0.15:
            call.wait(rng.choice((2.0, 4.0, 6.0)))
        else:
            call.say(rng.choice(menu))
    return call


@pytest.mark.parametrize("scenario_id", CORE + CORE_ZH)
def test_no_debtor_line_is_said_twice_in_a_call(scenario_id: str) -> None:
    scenario = load_scenario(scenario_id)
    for seed in range(25):
        spoken = _random_call(scenario, seed).spoken
        assert len(spoken) == len(set(spoken)), [t for t in spoken if spoken.count(t) > 1]


@pytest.mark.parametrize("scenario_id", CORE + CORE_ZH)
def test_the_same_question_over_and_over_ends_in_a_change_of_course_not_a_loop(scenario_id: str) -> None:
    call = Call(load_scenario(scenario_id))
    for _ in range(40):
        if call.state.ended:
            break
        call.say(heard("request_payment", asks=("yes_no",)))
    assert len(call.spoken) == len(set(call.spoken))
    assert call.state.ended


@pytest.mark.parametrize("scenario_id", CORE + CORE_ZH)
def test_a_minute_of_silence_ends_in_a_hang_up(scenario_id: str) -> None:
    for pieces in ((60.0,), (4.0,) * 15):
        call = Call(load_scenario(scenario_id))
        call.say(heard("greet", "verify_identity"))
        for seconds in pieces:
            if not call.state.ended:
                call.wait(seconds)
        record = record_of(call.state)
        assert record.ended and record.outcome == "hung_up", call.spoken
        beats = [line.beat for line in call.lines]
        assert beats.count("silence") <= 1 and beats.count("silence_wait") <= 1, call.spoken
        assert beats[-1] == "silence_leave"


def test_replays_with_the_new_beats_are_byte_identical() -> None:
    def run() -> str:
        scenario = load_scenario("stalling-shop-owner")
        call = _random_call(scenario, 11)
        return json.dumps(record_of(call.state).as_dict())

    assert run() == run()


# ------------------------------------------------------------------------------------------------
# Behaviour as data


def _python_files() -> Iterator[Path]:
    for folder in ("game", "scoring"):
        yield from (ROOT / folder).rglob("*.py")


def _mentions_archetype(node: ast.AST) -> bool:
    return (isinstance(node, ast.Attribute) and node.attr == "archetype") or (
        isinstance(node, ast.Name) and node.id == "archetype"
    )


def _strings(node: ast.AST) -> set[str]:
    return {n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)}


def _branches(tree: ast.AST, core: bool) -> Iterator[tuple[int, set[str]]]:
    """Comparisons and look-ups with string constants: every one that involves ``archetype``, and in
    the engine and the scorer every one at all."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            about = any(_mentions_archetype(n) for n in [node.left, *node.comparators])
            if about or core:
                yield node.lineno, _strings(node)
        elif isinstance(node, ast.Subscript) and core:
            yield node.lineno, _strings(node.slice)


def test_no_module_branches_on_an_archetype_name() -> None:
    """Behaviour differs by traits: no module compares anything with an archetype's name (the engine
    and the scorer do not even look one up). The starter templates of ``new`` and the menu's faces
    name archetypes as data, not as behaviour. "angry" is also a mood label, so it is left out."""
    names = set(archetype_names()) - set(MOOD_LABELS)
    found: list[str] = []
    for path in _python_files():
        where = path.relative_to(ROOT).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        core = where.startswith(("game/engine/", "scoring/"))
        found += [
            f"{where}:{line}: {sorted(hit)}" for line, strings in _branches(tree, core) if (hit := strings & names)
        ]
    assert found == []


def test_the_rule_table_names_a_known_guard_effect_and_beat_in_every_row() -> None:
    from game.engine.rules import EFFECTS, GUARDS
    from game.engine.stages import BEATS

    assert {r.guard for r in RULES} == set(GUARDS)
    assert {r.effect for r in RULES} == set(EFFECTS)
    assert all(r.beat in BEATS or r.beat == "" for r in RULES)
    assert RULES[-1].guard == "anything"


@pytest.fixture
def extra_archetype(tmp_path: Path) -> Iterator[Path]:
    """The shipped defaults plus one archetype written in YAML alone."""
    folder = tmp_path / "defaults"
    shutil.copytree(defaults.DEFAULTS_DIR, folder)
    with (folder / "archetypes.yaml").open("a", encoding="utf-8") as out:
        out.write(
            "sulker:\n"
            "  mood: {anger: 30, trust: 30, willingness: 40}\n"
            "  traits: {silence_patience: 8, wrong_amount: seize, identity: refuse, abuses_above: 50}\n"
            "  reactions:\n"
            "    insult: {anger: 60}\n"
            "    empathize: {willingness: 30, trust: 20}\n"
            "  commit_when: {willingness_at_least: 55, trust_at_least: 30, requires: [empathize]}\n"
            "  hang_up: {anger_at_least: 95}\n"
            "  after_ask: {behaviour: answer}\n"
            "  commitment: {kind: partial, days: 3, latest_days: 9, method: card}\n"
        )
    original = defaults.DEFAULTS_DIR
    defaults.DEFAULTS_DIR = folder
    defaults.archetype_defaults.cache_clear()
    defaults.fallback_lines.cache_clear()
    try:
        yield tmp_path
    finally:
        defaults.DEFAULTS_DIR = original
        defaults.archetype_defaults.cache_clear()
        defaults.fallback_lines.cache_clear()


def test_a_new_archetype_is_added_in_yaml_alone(extra_archetype: Path) -> None:
    assert "sulker" in archetype_names()
    path = extra_archetype / "sulker.yaml"
    path.write_text(
        "id: sulking-tenant\ntitle: Sulking tenant\ndifficulty: 2\n"
        "account: {debtor_name: Sam Reed, title: Mr., amount: 900, days_past_due: 30,"
        " creditor: Oak Lettings, call_date: 2026-12-01}\n"
        "persona: {archetype: sulker}\n",
        encoding="utf-8",
    )
    loaded = load_file(path)
    assert loaded.problems == [] and loaded.scenario is not None
    scenario = loaded.scenario
    assert traits_of(scenario).wrong_amount == "seize"
    call = Call(scenario)
    assert call.say(heard("state_amount", amounts=(1500.0,))).beat == "balance_seized"  # type: ignore[union-attr]
    assert call.say(heard("verify_identity", asks=("identity:dob",))).beat == "identity_refused"  # type: ignore[union-attr]
    assert call.say(heard("request_payment")).beat == "refuse"  # type: ignore[union-attr]
    call.say(heard("empathize"))
    line = call.say(heard("request_payment", amounts=(900.0,)))
    assert line is not None and line.beat == "commit" and "card" in line.text
    call.wait(10)
    assert record_of(call.state).ended


def test_an_unknown_archetype_is_a_located_error_with_a_guess(tmp_path: Path) -> None:
    path = tmp_path / "typo.yaml"
    path.write_text(
        "id: typo\ntitle: Typo\ndifficulty: 1\n"
        "account: {debtor_name: Sam Reed, amount: 900, days_past_due: 30, creditor: Oak, call_date: 2026-12-01}\n"
        "persona:\n  archetype: stallng\n",
        encoding="utf-8",
    )
    problems = [str(p) for p in load_file(path).problems]
    assert problems == [f"{path}:6:14: unknown archetype 'stallng'; did you mean 'stalling'?"]


def test_traits_are_overridden_per_scenario(tmp_path: Path) -> None:
    source = shipped("cooperative-retiree")
    source["persona"]["traits"] = {"wrong_amount": "seize"}
    path = tmp_path / "seizing-retiree.yaml"
    path.write_text(yaml.safe_dump(source), encoding="utf-8")
    scenario = load_file(path).scenario
    assert scenario is not None
    traits = traits_of(scenario)
    assert traits.wrong_amount == "seize" and traits.silence_patience == 45  # the rest from the archetype
    line = Call(scenario).say(heard("state_amount", amounts=(999.0,)))
    assert line is not None and line.beat == "balance_seized"


def test_a_caller_who_says_who_they_are_in_the_same_line_is_answered() -> None:
    line = Call(load_scenario("angry-contractor")).say(
        heard("identify_self", "verify_identity", asks=("identity:dob",))
    )
    assert line is not None and line.beat == "identity_answer"


# ------------------------------------------------------------------------------------------------
# Only what was said: a promise remembers which of its items someone spoke


def _offered_in_silence(scenario_id: str) -> tuple[Call, Commitment]:
    """A quiet persona asked with no way to pay named, who fills the silence with amount and date."""
    scenario = load_scenario(scenario_id)
    call = opened(scenario)
    call.say(heard("request_payment", amounts=(scenario.account.amount,)))
    line = call.wait(4.0)
    assert line is not None and line.beat == "silence_offer", call.spoken
    assert call.state.commitment is not None and call.state.agreed == {"amount", "date"}
    return call, call.state.commitment


@pytest.mark.parametrize(("scenario_id", "how"), [("stalling-shop-owner", "how"), ("stalling-boutique-owner", "怎么")])
def test_a_read_back_is_corrected_only_on_items_someone_said_and_an_open_one_is_asked_about(
    scenario_id: str, how: str
) -> None:
    call, promise = _offered_in_silence(scenario_id)
    own_method = call.scenario.persona.commitment.method  # type: ignore[union-attr]
    spoken_method = "微信" if call.scenario.language == "zh" else own_method
    wrong_amount = heard("confirm_commitment", amounts=(promise.amount + 200,), dates=(promise.date,), method="cheque")
    line = call.say(wrong_amount)
    assert line is not None and line.beat == "readback_corrected"
    assert f"{promise.amount:,.0f}".replace(",", "" if call.scenario.language == "zh" else ",") in line.text
    assert spoken_method not in line.text, line.text
    right_so_far = heard("confirm_commitment", amounts=(promise.amount,), dates=(promise.date,))
    line = call.say(right_so_far)
    assert line is not None and line.beat == "open_method" and how in line.text and spoken_method not in line.text
    line = call.say(heard("other", method="debit card"))
    assert line is not None and line.beat == "terms_settled"
    assert call.state.commitment is not None and call.state.commitment.method == "debit card"
    whole = heard("confirm_commitment", amounts=(promise.amount,), dates=(promise.date,), method="debit card")
    line = call.say(whole)
    assert line is not None and line.beat == "confirm"
    assert call.state.commitment is not None and call.state.commitment.confirmed


def test_a_read_back_naming_the_way_to_pay_nobody_had_said_settles_it() -> None:
    call, promise = _offered_in_silence("stalling-shop-owner")
    line = call.say(heard("confirm_commitment", amounts=(promise.amount,), dates=(promise.date,), method="cheque"))
    assert line is not None and line.beat == "confirm"
    assert call.state.commitment is not None and call.state.commitment.method == "cheque"


def test_after_a_promise_the_debtor_restates_only_what_was_said() -> None:
    call, _ = _offered_in_silence("stalling-shop-owner")
    line = call.say(heard("request_payment", asks=("yes_no",)))
    assert line is not None and line.beat == "already_promised"
    assert "$1,000" in line.text and "bank transfer" not in line.text


def test_no_promise_line_claims_the_caller_said_something() -> None:
    claims = ("like you said", "as you said", "you mentioned", "按你说的", "你说的那样")
    for path in sorted((ROOT / "scenarios").glob("*/*.yaml")):
        for pool in read_yaml(path).data.get("lines", []) if "cases" not in path.parts else []:
            if pool["on"] in ("commit", "commit_counter", "silence_offer", "confirm"):
                assert not [t for t in pool["say"] if any(c in t.lower() for c in claims)], path.name


@pytest.mark.parametrize("scenario_id", CORE_ZH)
@pytest.mark.parametrize("question", ["您的出生日期是哪一天？", "请问您身份证后四位是多少？", "您现在住在哪里？"])
def test_a_chinese_persona_with_no_details_deflects_an_identity_question(scenario_id: str, question: str) -> None:
    scenario = load_scenario(scenario_id)
    assert scenario.account.identity is None
    state, _ = start_call(scenario, 1)
    for text in ("您好，我是安信小额贷款的小李。", question):
        start = state.debtor_speaking_until + 0.8
        state, line, _ = step(scenario, state, TraineeTurn(text=text, start=start, end=start + 2.0))
    assert line is not None and line.beat in ("identity_refused", "who_is_calling"), line
    assert "{" not in line.text and not any(ch.isdigit() for ch in line.text)


def test_a_chinese_persona_with_details_on_file_answers_in_chinese(tmp_path: Path) -> None:
    data: dict[str, Any] = read_yaml(ROOT / "scenarios" / "zh" / "cooperative-night-nurse.yaml").data
    data["account"]["identity"] = {"date_of_birth": "1990-03-02", "last_digits": "4417"}
    path = tmp_path / "nurse.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    loaded = load_file(path)
    assert loaded.scenario is not None, loaded.problems
    call = Call(loaded.scenario)
    call.say(heard("identify_self"))
    line = call.say(heard("verify_identity", asks=("identity:dob",)))
    assert line is not None and line.beat == "identity_answer" and "1990年3月2号" in line.text


def test_a_line_nearly_said_before_counts_as_said() -> None:
    from game.engine.lines import choose

    said = frozenset({"Hello. What can I do for you?", "Sure, sure. What's up?", "喂？还在吗？"})
    for again in ("What can I do for you?", "Sure.", "Hey, how's it going? What can I do for you?", "还在吗？"):
        assert choose([[again]], {}, said, 1, 1, "greeting") is None, again
    for new in ("Yes.", "Who is this, and what's this about?", "你好，请问哪位？"):
        assert choose([[new]], {}, said, 1, 1, "greeting") == new


@pytest.mark.parametrize("scenario_id", CORE + CORE_ZH)
def test_no_debtor_line_is_said_nearly_twice_in_a_call(scenario_id: str) -> None:
    from game.engine.lines import _near, _sentences, lower_first

    scenario = load_scenario(scenario_id)
    for seed in range(10):
        texts = [line.text for line in _random_call(scenario, seed).lines]
        for i, text in enumerate(texts):
            if any(text.endswith(lower_first(t)) for t in texts[:i]):
                continue  # a restatement ("Like I said, ...") holds an earlier line on purpose
            assert not any(_near(_sentences(text), _sentences(t)) for t in texts[:i]), (text, texts[:i])
