"""The call's stages, its transitions and the debtor's beats, kept as data in one place.

A *stage* is where the call stands (opening, identity, purpose, negotiation, commitment, close,
ended). A *beat* is what the debtor is reacting to in one reply; scenario line pools are keyed by
beat, optionally narrowed by stage and mood. The validator, the authors' guide and the engine all read
these tables, so a new beat or transition is added here once.
"""

from __future__ import annotations

from dataclasses import dataclass
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
    "silence": ("the trainee says nothing (not after an ask): the debtor asks once if anyone is there", ("*",)),
    "silence_wait": ("the trainee stays silent again after the debtor asked: it says it waits, once", ("*",)),
    "silence_leave": ("dead air beyond the persona's patience, or after it waited: the debtor hangs up", ("*",)),
    "commit": ("the debtor promises a payment", ("*",)),
    "commit_counter": ("the debtor promises, on its own date: the one asked is out of its reach", ("*",)),
    "confirm": ("the trainee reads the promise back right: amount, date and method", ("commitment", "close")),
    "readback_corrected": ("a read-back gets an item wrong; the debtor corrects it ({corrections})", ("*",)),
    "readback_partial": ("a right read-back leaves items out; the debtor states what was agreed ({agreed})", ("*",)),
    "open_amount": ("a read-back names no amount, and none was ever said: the debtor asks how much", ("*",)),
    "open_date": ("a read-back names no date, and none was ever said: the debtor asks when", ("*",)),
    "open_method": ("a read-back names no way to pay, and none was ever said: the debtor asks how", ("*",)),
    "terms_settled": ("the caller names an item of the promise nobody said; the debtor takes it ({agreed})", ("*",)),
    "not_agreed": ("the trainee reads back a promise the debtor never made", ("*",)),
    "already_promised": ("asked to pay again after promising, the debtor repeats its promise", ("*",)),
    "balance_answer": ("asked about the remaining balance, the debtor names it ({remaining})", ("*",)),
    "balance_corrected": ("the trainee states a wrong balance; the debtor corrects it", ("*",)),
    "balance_seized": ("the trainee states a wrong balance; the debtor seizes on it ({stated_amount})", ("*",)),
    "creditor_challenged": ("the caller names a company that is not the creditor ({other_company})", ("*",)),
    "who_is_calling": ("asked an identity detail by a caller who has not said who they are", ("*",)),
    "identity_answer": ("asked to confirm a detail, the debtor gives it ({identity_detail})", ("*",)),
    "identity_corrected": ("the trainee states a detail wrongly; the debtor gives the right one", ("*",)),
    "identity_refused": ("asked to confirm a detail, the debtor declines", ("*",)),
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
    "restate": ("the debtor repeats itself in other words: frames around an earlier line ({line})", ("*",)),
    "wrap_up": ("the debtor has nothing new to say and ends the call", ("*",)),
}

# Beats whose lines may come back in other words (a ``restate`` frame) once every variant is spoken:
# all but the phone answered, dead air, and the beats that end the call.
RESTATABLE: Final = frozenset(BEATS) - {
    "answer",
    "silence",
    "silence_wait",
    "silence_leave",
    "hang_up",
    "goodbye",
    "wrap_up",
    "restate",
}
# Beats with which the debtor ends the call (wrap_up ends it too, as a goodbye once a promise stands).
HANG_UP_BEATS: Final = frozenset({"hang_up", "silence_leave", "wrap_up"})


@dataclass(frozen=True)
class Rule:
    """One row of the debtor's priorities: when ``guard`` holds, it answers with ``beat`` and
    ``effect`` changes the call. The engine names a function per guard and effect."""

    guard: str
    beat: str
    effect: str
    when: str


# The debtor's next beat: the first rule whose guard holds, read top to bottom. A hang-up beats
# everything, a wrong balance is noticed at once (in a rude line too, whose rudeness sets the mood of
# the reply), other abuse is answered before content, the debtor notices what was said wrong before
# it answers the ask, an open excuse must be met before an ask can land, and a promise needs the
# mood and the acts its persona asks for. Guards read traits, never an archetype's name.
RULES: Final[tuple[Rule, ...]] = (
    Rule("trainee_hangs_up", "", "end_by_trainee", "the trainee hangs up"),
    Rule("hang_up_due", "hang_up", "end_by_debtor", "anger at the hang-up level, a hang-up act, or too many turns"),
    Rule("threatened", "threatened", "abused", "a threat or a false claim"),
    Rule(
        "wrong_balance_corrected",
        "balance_corrected",
        "doubt",
        "a wrong balance, rudely said or not; trait wrong_amount: correct",
    ),
    Rule("wrong_balance_seized", "balance_seized", "seize", "a wrong balance, rudely said or not; wrong_amount: seize"),
    Rule("insulted", "insulted", "abused", "an insult"),
    Rule(
        "dead_air_spent",
        "silence_leave",
        "end_by_debtor",
        "silence beyond the persona's silence_patience, or on after it asked and said it waits",
    ),
    Rule("third_party_hears_debt", "gatekeeper_disclosure", "disclosed", "third party: the debt is mentioned"),
    Rule("third_party_farewell", "goodbye", "end_goodbye", "third party: the caller closes"),
    Rule("third_party_asked_for_debtor", "gatekeeper_block", "", "third party: asked for the debtor, or first turn"),
    Rule("third_party", "gatekeeper_message", "", "third party: anything else said"),
    Rule("talked_over_while_heated", "interrupted", "", "interrupted while anger is 30 or more"),
    Rule("shouted_at", "shouted_at", "", "the caller shouts"),
    Rule("quiet_worked", "silence_offer", "offer_into_silence", "quiet after an ask, long enough"),
    Rule("quiet_too_short", "stall_quiet", "", "quiet after an ask, not yet long enough"),
    Rule("silent_first", "silence", "ask_if_there", "silence; the debtor has not yet asked"),
    Rule("silent_again", "silence_wait", "wait_once", "silence after the debtor asked: it says it waits, once"),
    Rule("silence_broken_with_offer", "commit", "promise_offered", "the caller breaks a quiet with a lower amount"),
    Rule("wrong_creditor", "creditor_challenged", "doubt", "the caller names another company"),
    Rule("read_back_wrong", "readback_corrected", "note_read_back", "a read-back with an item unlike the promise"),
    Rule("read_back_right", "confirm", "confirm_promise", "amount, date and method all read back as promised"),
    Rule(
        "read_back_open",
        "open_method",
        "ask_open_item",
        "a read-back leaves out an item nobody said (`open_amount`,"
        " `open_date` or `open_method`: the debtor asks about it)",
    ),
    Rule("read_back_partial", "readback_partial", "note_read_back", "a read-back, right so far, with items left out"),
    Rule("read_back_unpromised", "not_agreed", "", "a read-back with no promise made"),
    Rule("terms_named", "terms_settled", "settle_terms", "after a promise, the caller names an item nobody had said"),
    Rule("identity_asked_anonymously", "who_is_calling", "", "identity question, caller unnamed; asks_back"),
    Rule("identity_withheld", "identity_refused", "", "identity question; trait identity: refuse, or no detail"),
    Rule("identity_stated_wrong", "identity_corrected", "", "the caller states the detail wrongly"),
    Rule("identity_asked", "identity_answer", "", "identity question"),
    Rule("excuse_met", "excuse_countered", "defeat_excuse", "the standing excuse met with one of its counters"),
    Rule("closing", "goodbye", "end_goodbye", "the caller closes after a promise or two turns"),
    Rule("asked_disputer", "dispute", "dispute", "an ask; trait disputes: when_asked or when_told"),
    Rule("asked_remaining_after_promise", "balance_answer", "", "the remaining balance asked after a promise"),
    Rule("asked_after_promise", "already_promised", "", "an ask after a promise"),
    Rule("asked_with_excuse_standing", "excuse_press", "", "an ask while an excuse stands"),
    Rule("asked_quiet_persona", "stall_quiet", "await_after_ask", "the first ask to a quiet persona"),
    Rule(
        "asked_and_ready",
        "commit",
        "promise",
        "an ask, the mood and acts of commit_when met (`commit_counter` when the date asked is out of reach)",
    ),
    Rule("asked_with_excuse_left", "excuse", "raise_excuse", "an ask with an excuse not yet raised"),
    Rule("asked_about_plan", "plan_response", "", "a plan proposed"),
    Rule("asked", "refuse", "", "any other ask"),
    Rule("probed_with_excuse_left", "excuse", "raise_excuse", "a question about the reason; an excuse left"),
    Rule("probed", "probe_answer", "", "a question about the reason"),
    Rule("empathized", "empathy_response", "", "empathy"),
    Rule("offered_options", "options_response", "", "the two ways forward"),
    Rule("told_consequence", "consequence_response", "", "a lawful consequence"),
    Rule("told_disputer", "dispute", "dispute", "purpose or amount told; trait disputes: when_told"),
    Rule("told", "purpose_reaction", "", "purpose, amount or mini-Miranda told"),
    Rule("asked_for_debtor", "identity_confirm", "", "the caller asks for the debtor"),
    Rule("greeted", "greeting", "", "a greeting or introduction"),
    Rule("thanked_after_promise", "goodbye", "end_goodbye", "thanks or a close after a promise"),
    Rule("heated_abuser", "abuse", "", "anger above the trait abuses_above"),
    Rule("anything", "filler", "", "anything else"),
)

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
