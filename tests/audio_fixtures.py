"""The small cooperative call the audio tests speak and bias against: Mr. Carlos Alvarez, $480."""

from __future__ import annotations

from typing import Any

from game.engine.scenario.models import Scenario

ACCOUNT = {
    "debtor_name": "Carlos Alvarez",
    "title": "Mr.",
    "amount": 480.0,
    "days_past_due": 30,
    "creditor": "Northwind Bank",
    "call_date": "2026-12-01",
}


def alvarez_scenario(persona: dict[str, Any] | None = None, **fields: Any) -> Scenario:
    """The call with a cooperative persona (plus ``persona`` settings) and any other scenario fields."""
    return Scenario.model_validate(
        {
            "id": "cooperative-test",
            "title": "Cooperative test",
            "difficulty": 1,
            "account": ACCOUNT,
            "persona": {"archetype": "cooperative", **(persona or {})},
            **fields,
        }
    )
