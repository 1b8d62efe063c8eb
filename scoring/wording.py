"""The words a Chinese call's scorecard uses for the scorer's keys and sentences.

English wording lives in the code that builds the card (the source language, as the message catalogues
have it); a Chinese call takes its principle and rule names, verdicts and terminal headings from
``wording_zh.yaml``, chosen by the scenario's language, so scoring stays pure: the language comes in
with the call, never from the environment.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True)
class Wording:
    """One language's scorecard words, by section (``principles``, ``rules``, ``verdicts``, ``card`` ...)."""

    sections: Mapping[str, Mapping[str, str]]
    silent: str
    silent_call: str

    def word(self, section: str, key: str) -> str:
        """The word for ``key`` in ``section``, else the key itself made readable."""
        return self.sections[section].get(key, key.replace("_", " "))

    def say(self, section: str, key: str, **values: object) -> str:
        """A sentence of ``section`` with its named placeholders filled."""
        return self.sections[section][key].format(**values)


@lru_cache(maxsize=1)
def chinese() -> Wording:
    """The Chinese wording, read once on first use."""
    text = resources.files("scoring").joinpath("wording_zh.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    sections = {k: {str(a): str(b) for a, b in v.items()} for k, v in data.items() if isinstance(v, dict)}
    return Wording(sections, str(data["silent"]), str(data["silent_call"]))


def wording(language: str) -> Wording | None:
    """The wording for a call in ``language``; None for English, whose words are in the code."""
    return chinese() if language == "zh" else None
