"""The drill format as strict pydantic models.

A drill is what a team lead assigns: a fixed set of calls, the rubric they are scored with and the
marks that count as a pass. Every field carries a plain-English description (editor hover text and
the authors' guide), unknown keys are errors and values are never coerced between types, exactly as
for scenarios, so both kinds of file fail the same way.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError

# The principle keys a scorecard can carry (PRINCIPLES.md): the five every scorecard has, then the
# ones scored where a scenario calls for them. Pass marks may name any of them.
PRINCIPLES: tuple[str, ...] = (
    "calm_tone",
    "repeat_amount",
    "commitment",
    "stay_quiet",
    "politeness",
    "right_party",
    "excuse_handling",
    "empathy",
    "focus",
    "abuse_handling",
    "relationship",
)

_ID = re.compile(r"[a-z0-9][a-z0-9-]*")


def _is_id(value: str) -> str:
    """Say what an id looks like, rather than showing authors a regular expression."""
    if not _ID.fullmatch(value):
        message = "{value} is not an id: use lowercase letters, digits and dashes, e.g. angry-contractor"
        raise PydanticCustomError("id_format", message, {"value": repr(value)})
    return value


Id = Annotated[str, Field(max_length=80), AfterValidator(_is_id)]
Mark = Annotated[int, Field(ge=0, le=100)]


class Strict(BaseModel):
    """Base: unknown keys are errors; values are not coerced between types."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Draw(Strict):
    count: int = Field(ge=1, le=50, description="How many calls to draw from the scenarios listed.")
    seed: int = Field(description="The seed of the draw: the same seed gives every trainee the same calls.")


class PassMarks(Strict):
    total: Mark = Field(70, description="The lowest total score (0-100) that passes a call.")
    principles: dict[str, Mark] = Field(
        default_factory=dict,
        description="The lowest score per principle that passes a call, e.g. {calm_tone: 80}.",
    )
    no_compliance_findings: bool = Field(
        True, description="A call with any compliance finding (a threat, a false claim, …) does not pass."
    )


class Drill(Strict):
    name: Id = Field(
        description="The drill's name, lowercase with dashes; the same as the file name without .yaml.",
    )
    title: str = Field(
        min_length=1, max_length=120, description="The title trainees see, e.g. New hire basics."
    )
    description: str = Field(
        "", max_length=2000, description="What the drill trains, shown before it starts."
    )
    scenarios: list[Id] = Field(
        min_length=1,
        description="Scenario ids, taken in this order; with draw, the pool the calls are drawn from.",
    )
    draw: Draw | None = Field(
        None,
        description="Draw this many calls from the scenarios with a fixed seed instead of taking them all.",
    )
    rubric: str | None = Field(
        None,
        pattern=r"^[a-z0-9][a-z0-9_-]*$",
        description=(
            "The scoring rubric (scoring/rubrics/NAME.yaml) every call is scored with. Absent: each call is "
            "scored with its own scenario's (its jurisdiction's), so a drill may mix English and Chinese calls."
        ),
    )
    seed: int = Field(1, description="The seed of every call, so every trainee hears the same lines.")
    pass_marks: PassMarks = Field(default_factory=PassMarks, description="What a call must score to pass.")
    attempts: int = Field(
        1,
        ge=1,
        le=10,
        description="Tries per call: a call that does not pass may be taken again until it passes.",
    )
    input: Literal["typed", "spoken"] = Field("typed", description="Whether the trainee types or speaks.")
    time_limit: int | None = Field(
        None, ge=30, le=3600, description="Seconds a call may last before it ends; no limit when absent."
    )
