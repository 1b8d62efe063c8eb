"""The call's stages, its transitions and the debtor's beats, kept as data in one place.

A *stage* is where the call stands (opening, identity, purpose, negotiation, commitment, close,
ended). A *beat* is what the debtor is reacting to in one reply; scenario line pools are keyed by
beat, optionally narrowed by stage and mood. The validator, the authors' guide and the engine all read
these tables, so a new beat or transition is added here once.
"""

from __future__ import annotations

from typing import Final

STAGES: Final = ("opening", "identity", "purpose", "negotiation", "commitment", "close", "ended")

ACTS: Final = (
    "greet",
    "identify_self",
    "verify_identity",
    "state_purpose",
    "mini_miranda",
    "state_amount",
    "request_payment",
    "ask_commitment",
    "propose_plan",
    "confirm_commitment",
    "empathize",
    "probe",
    "ask_excuse_details",
    "offer_options",
    "urgency",
    "consequence",
    "thank",
    "close",
    "threat",
    "false_claim",
    "insult",
    "other",
)

# (stage, trigger) -> next stage. Triggers are dialogue acts or engine events. Anything not listed
# leaves the stage as it is; "ended" is final.
TRANSITIONS: Final[dict[tuple[str, str], str]] = {
    ("opening", "verify_identity"): "identity",
    ("opening", "state_purpose"): "purpose",
    ("opening", "state_amount"): "purpose",
    ("opening", "request_payment"): "negotiation",
    ("identity", "state_purpose"): "purpose",
    ("identity", "state_amount"): "purpose",
    ("identity", "mini_miranda"): "purpose",
    ("identity", "request_payment"): "negotiation",
    ("identity", "ask_commitment"): "negotiation",
    ("purpose", "request_payment"): "negotiation",
    ("purpose", "ask_commitment"): "negotiation",
    ("purpose", "propose_plan"): "negotiation",
    ("purpose", "probe"): "negotiation",
    ("negotiation", "commitment_made"): "commitment",
    ("purpose", "commitment_made"): "commitment",
    ("identity", "commitment_made"): "commitment",
    ("commitment", "confirm_commitment"): "close",
    ("commitment", "commitment_confirmed"): "close",
    ("negotiation", "close"): "close",
    ("commitment", "close"): "close",
}

FINAL_EVENTS: Final = ("debtor_hung_up", "trainee_hung_up", "goodbye")

# beat -> (what it answers, stages where it can be heard). "*" means any stage before "ended".
BEATS: Final[dict[str, tuple[str, tuple[str, ...]]]] = {
    "answer": ("the debtor picks up the phone", ("opening",)),
    "greeting": ("the trainee greets or introduces themself", ("opening", "identity")),
    "identity_confirm": ("the trainee asks for the debtor by name", ("opening", "identity")),
    "gatekeeper_block": ("a gatekeeper answers a request to speak with the debtor", ("*",)),
    "gatekeeper_message": ("a gatekeeper takes a call-back message", ("*",)),
    "gatekeeper_disclosure": ("a gatekeeper hears the debt discussed", ("*",)),
    "purpose_reaction": ("the trainee says why they call or states the amount", ("*",)),
    "excuse": ("the debtor offers its next excuse", ("*",)),
    "excuse_press": ("an excuse is still standing and the trainee pushes past it", ("*",)),
    "excuse_countered": ("the trainee met the excuse with its counter", ("*",)),
    "refuse": ("asked to pay, the debtor is not yet willing", ("*",)),
    "stall_quiet": ("after the ask, the debtor goes quiet", ("*",)),
    "silence_offer": ("the trainee let the silence work; the debtor fills it with an offer", ("*",)),
    "silence": ("the trainee says nothing (not after an ask)", ("*",)),
    "commit": ("the debtor promises a payment", ("*",)),
    "confirm": ("the trainee reads the promise back", ("commitment", "close")),
    "empathy_response": ("the trainee acknowledges the debtor's situation", ("*",)),
    "probe_answer": ("the trainee asks about the reason", ("*",)),
    "plan_response": ("the trainee offers instalments or a smaller first payment", ("*",)),
    "consequence_response": ("the trainee states a lawful consequence", ("*",)),
    "options_response": ("the trainee offers the two ways forward", ("*",)),
    "dispute": ("the debtor disputes the debt", ("*",)),
    "insulted": ("the trainee insulted or condescended", ("*",)),
    "threatened": ("the trainee threatened or made a false claim", ("*",)),
    "interrupted": ("the trainee talked over the debtor", ("*",)),
    "shouted_at": ("the trainee shouted", ("*",)),
    "abuse": ("the debtor curses at the trainee", ("*",)),
    "hang_up": ("the debtor ends the call", ("*",)),
    "goodbye": ("the trainee closes the call", ("*",)),
    "filler": ("anything else", ("*",)),
}

MOOD_LABELS: Final = ("calm", "annoyed", "angry", "pleased")


def next_stage(stage: str, trigger: str) -> str:
    """The stage after ``trigger`` (an act or an event) happens in ``stage``."""
    if stage == "ended" or trigger in FINAL_EVENTS:
        return "ended"
    return TRANSITIONS.get((stage, trigger), stage)


def beat_can_occur_in(beat: str, stage: str) -> bool:
    """Whether a line pool for ``beat`` narrowed to ``stage`` can ever be heard."""
    stages = BEATS[beat][1]
    return stage != "ended" and ("*" in stages or stage in stages)
