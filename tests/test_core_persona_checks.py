"""Held-out-style checks on the eight core personas (four English, four Chinese), each trainee line
read by the real classifier: no debtor line twice in a call, a minute of silence ends in a hang-up
after at most one "are you there", a wrong balance is noticed in the debtor's very next line."""

from __future__ import annotations

import pytest

from game.engine.lines import money
from game.engine.record import TraineeTurn
from game.engine.scenario import Scenario, load_scenario
from game.engine.state import CallState
from game.engine.step import DebtorLine, record_of, start_call, step

CORE = (
    "angry-contractor", "stalling-shop-owner", "deadbeat-card-holder", "cooperative-retiree",
    "angry-ride-driver", "stalling-boutique-owner", "deadbeat-online-loan", "cooperative-night-nurse-zh",
)  # fmt: skip

OPENING = {
    "en": "Hello, this is Sam calling from {creditor}. Am I speaking with {debtor_name}?",
    "zh": "您好，我是{creditor}的小李，请问是{debtor_name}本人吗？",
}
WRONG_BALANCE = {"en": "The balance on the account is {wrong}.", "zh": "您的欠款是{wrong}。"}
CALL = {
    "en": [
        "Can you pay the balance today?",
        "I understand things are hard.",
        "What's going on that makes it difficult?",
        "Can you pay the balance today?",
        "If it stays unpaid it will be reported to the credit bureaus.",
        "We could split it into three payments.",
        "Can you pay the balance today?",
        "What day works for you?",
        "Can you pay the balance today?",
        "Okay.",
        "Okay.",
        "Can you pay the balance today?",
    ],
    "zh": [
        "您今天能把欠款还上吗？",
        "我理解您现在比较困难。",
        "是什么原因一直没还呢？",
        "您今天能把欠款还上吗？",
        "如果一直不还，会影响您的个人征信。",
        "我们可以分三期来还。",
        "您今天能把欠款还上吗？",
        "您哪天方便还？",
        "您今天能把欠款还上吗？",
        "好的。",
        "好的。",
        "您今天能把欠款还上吗？",
    ],
}


def _say(scenario: Scenario, state: CallState, text: str) -> tuple[CallState, DebtorLine | None]:
    start = state.debtor_speaking_until + 0.8
    state, line, _ = step(scenario, state, TraineeTurn(text=text, start=start, end=start + 2.5))
    return state, line


def _opened(scenario: Scenario) -> tuple[CallState, list[DebtorLine]]:
    state, first = start_call(scenario, 3)
    account = scenario.account
    state, line = _say(scenario, state, OPENING[scenario.language].format_map(account.model_dump()))
    return state, [first, *([line] if line else [])]


@pytest.mark.parametrize("scenario_id", CORE)
def test_no_debtor_line_is_said_twice_word_for_word(scenario_id: str) -> None:
    scenario = load_scenario(scenario_id)
    state, lines = _opened(scenario)
    for text in CALL[scenario.language]:
        if state.ended:
            break
        state, line = _say(scenario, state, text)
        lines += [line] if line else []
    spoken = [line.text for line in lines]
    assert len(spoken) == len(set(spoken)), spoken


@pytest.mark.parametrize("scenario_id", CORE)
@pytest.mark.parametrize("pieces", [(60.0,), (5.0,) * 12])
def test_a_minute_of_silence_ends_in_a_hang_up(scenario_id: str, pieces: tuple[float, ...]) -> None:
    scenario = load_scenario(scenario_id)
    state, lines = _opened(scenario)
    for seconds in pieces:
        if state.ended:
            break
        start = state.debtor_speaking_until
        state, line, _ = step(scenario, state, TraineeTurn(text="", start=start, end=start + seconds))
        lines += [line] if line else []
    assert record_of(state).outcome == "hung_up", [line.text for line in lines]
    beats = [line.beat for line in lines]
    assert beats.count("silence") <= 1 and beats.count("silence_wait") <= 1


@pytest.mark.parametrize("scenario_id", CORE)
@pytest.mark.parametrize("factor", [1.11, 0.8])
def test_a_wrong_balance_is_noticed_in_the_next_line(scenario_id: str, factor: float) -> None:
    scenario = load_scenario(scenario_id)
    state, _ = _opened(scenario)
    wrong = money(round(scenario.account.amount * factor), scenario.account.currency)
    state, line = _say(scenario, state, WRONG_BALANCE[scenario.language].format(wrong=wrong))
    assert line is not None and line.beat in ("balance_corrected", "balance_seized"), line
    assert state.commitment is None
