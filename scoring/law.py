"""Which compliance rules the law applies to a call: by jurisdiction and by who calls for what debt.

The law is not a weight: a rubric may add house rules, never switch these off. The reference is the
coverage table in ``PRINCIPLES.md``. Everywhere, threats, false claims of authority or consequences,
abuse, obscene language, telling others about the debt, fees the agreement does not allow, a misstated
balance and pressure to borrow are findings, whoever calls (UDAAP and state law in the US, CONC 7 in the
UK, the 2018 convention in China). The US FDCPA adds the debt-collector disclosure (§1692e(11)) and the
stop on collecting a disputed debt (§1692g(b)), and covers only third-party collectors on consumer
debts; CONC 7.14 asks every UK firm to stop on a dispute, as the Chinese convention does.
"""

from __future__ import annotations

from typing import Final

from game.engine.scenario.models import Scenario

EVERYWHERE: Final = (
    "threat",
    "false_claim",
    "insult",
    "profanity",
    "third_party_disclosure",
    "unauthorised_fee",
    "misstated_balance",
    "pressure_to_borrow",
)


def fdcpa_covers(scenario: Scenario) -> bool:
    """A US call by a third-party collector about a consumer debt: the FDCPA's reach."""
    return scenario.jurisdiction == "US" and scenario.caller == "agency" and scenario.debt_type == "consumer"


def legal_rules(scenario: Scenario) -> tuple[str, ...]:
    """The rules the law applies to this call, whatever the rubric."""
    rules = list(EVERYWHERE)
    if scenario.jurisdiction != "US" or fdcpa_covers(scenario):
        rules.append("collecting_disputed_debt")
    if fdcpa_covers(scenario):
        rules.append("missing_mini_miranda")
    return tuple(rules)


def rules_for(scenario: Scenario, house: tuple[str, ...]) -> tuple[str, ...]:
    """The law's rules plus the rubric's house rules, each once."""
    return tuple(dict.fromkeys((*legal_rules(scenario), *house)))
