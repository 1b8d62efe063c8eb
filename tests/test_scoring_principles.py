"""Each principle in both directions on hand-built calls: one turn that raises it, one that lowers it."""

from __future__ import annotations

from dataclasses import replace

from test_scoring_calls import (
    ANGRY,
    GOOD,
    PROMISE,
    call,
    good_call,
    make_scenario,
    principle,
    reply,
    say,
    swap,
    topics,
    wait,
)

from game.engine.record import CallRecord, Commitment, Prosody, Turn
from scoring import score_call


def voiced(loudness: float) -> Prosody:
    return Prosody(loudness_dbfs=loudness, pitch_mean_hz=120.0, pitch_spread_hz=20.0, words_per_minute=150.0)


def with_voice(loud_turn_db: float) -> tuple[Turn, ...]:
    """The well-run call spoken: three turns at a calm -20 dBFS, turn 7 at the level given."""
    turns = GOOD
    for index in (1, 3, 5):
        turns = swap(index, replace(turns[index], prosody=voiced(-20.0)), turns)
    return swap(7, replace(turns[7], prosody=voiced(loud_turn_db)), turns)


# calm_tone


def test_calm_tone_drops_for_dismissive_wording() -> None:
    line = say("Calm down. When does your client's payment arrive?", "ask_excuse_details")
    assert principle(call(*swap(7, line)), "calm_tone") == 85


def test_calm_tone_drops_more_for_shouting_back_at_an_angry_debtor() -> None:
    line = say("GOOD MORNING. AM I SPEAKING WITH MR. BRENNAN?", "greet", "verify_identity")
    record = call(*swap(1, line))
    assert topics(record, "calm_tone") == ["calm_tone.shouting", "calm_tone.escalated"]
    assert principle(record, "calm_tone") == 70


def test_calm_tone_rises_when_a_hostile_line_is_said_calmly() -> None:
    hostile = swap(5, say("Whatever. Can you pay the $1,250 today?", "request_payment", amounts=(1250.0,)))
    hostile = swap(
        7, say("Calm down. When does your client's payment arrive?", "ask_excuse_details"), hostile
    )
    calmer = swap(7, GOOD[7], hostile)
    assert (principle(call(*hostile), "calm_tone"), principle(call(*calmer), "calm_tone")) == (70, 85)


def test_calm_tone_reads_a_voice_louder_than_the_trainees_own_baseline() -> None:
    assert principle(call(*with_voice(-8.0)), "calm_tone") == 88
    assert principle(call(*with_voice(-19.0)), "calm_tone") == 100


# repeat_amount


NO_AMOUNT = swap(
    3,
    say(
        "Thank you, Mr. Brennan. This is an attempt to collect a debt about your account.",
        "thank",
        "mini_miranda",
        "state_purpose",
    ),
)
NO_AMOUNT = swap(5, say("Can you pay it today, Mr. Brennan?", "request_payment", "urgency"), NO_AMOUNT)
NO_AMOUNT = swap(
    9,
    say(
        "Then could you pay it on Friday, December 4, by bank transfer?",
        "ask_commitment",
        dates=("2026-12-04",),
        method="bank transfer",
    ),
    NO_AMOUNT,
)
NO_AMOUNT = swap(
    11,
    say(
        "So that's Friday, December 4, by bank transfer, correct? Thank you, Mr. Brennan.",
        "confirm_commitment",
        "thank",
        dates=("2026-12-04",),
        method="bank transfer",
    ),
    NO_AMOUNT,
)


def test_repeat_amount_drops_when_the_balance_is_never_said() -> None:
    record = call(*NO_AMOUNT)
    assert topics(record, "repeat_amount") == ["repeat_amount.missing", "repeat_amount.not_at_confirmation"]
    assert principle(record, "repeat_amount") == 10  # an amount never stated scores at most 20


def test_repeat_amount_a_wrong_amount_costs_more_than_a_missing_one() -> None:
    wrong = swap(
        3,
        say(
            "Thank you, Mr. Brennan. This is an attempt to collect a debt. Your balance is $1,520.",
            "thank",
            "mini_miranda",
            "state_amount",
            amounts=(1520.0,),
        ),
        NO_AMOUNT,
    )
    assert (principle(call(*wrong), "repeat_amount"), principle(call(*NO_AMOUNT), "repeat_amount")) == (
        0,
        10,
    )


def test_repeat_amount_a_wrong_amount_beside_the_right_one_still_costs() -> None:
    wrong = swap(
        3,
        say(
            "This is an attempt to collect a debt. You owe $1,520.",
            "mini_miranda",
            "state_amount",
            amounts=(1520.0,),
        ),
    )
    assert topics(call(*wrong), "repeat_amount") == ["repeat_amount.wrong"]
    assert principle(call(*wrong), "repeat_amount") == 65


def test_repeat_amount_rises_when_the_read_back_restates_it() -> None:
    silent = swap(
        11,
        say(
            "So that's Friday, December 4, by bank transfer, correct? Thank you, Mr. Brennan.",
            "confirm_commitment",
            "thank",
            dates=("2026-12-04",),
            method="bank transfer",
        ),
    )
    assert (principle(call(*silent), "repeat_amount"), principle(good_call(), "repeat_amount")) == (90, 100)


def test_repeat_amount_rises_when_restated_after_the_objection() -> None:
    before_only = swap(9, NO_AMOUNT[9], NO_AMOUNT)
    before_only = swap(3, GOOD[3], before_only)
    before_only = swap(11, NO_AMOUNT[11], before_only)
    after_too = swap(9, GOOD[9], before_only)
    assert topics(call(*before_only), "repeat_amount") == [
        "repeat_amount.not_after_objection",
        "repeat_amount.not_at_confirmation",
    ]
    assert (principle(call(*before_only), "repeat_amount"), principle(call(*after_too), "repeat_amount")) == (
        75,
        90,
    )


def test_repeat_amount_the_same_sentence_again_and_again_is_nagging() -> None:
    nagging = swap(7, GOOD[5])
    nagging = swap(9, GOOD[5], nagging)
    assert topics(call(*nagging), "repeat_amount") == ["repeat_amount.nagging"]
    assert principle(call(*nagging), "repeat_amount") == 90


def test_repeat_amount_a_rounded_balance_is_not_exact() -> None:
    scenario = make_scenario()
    cents = scenario.model_copy(update={"account": scenario.account.model_copy(update={"amount": 1250.40})})
    assert topics(good_call(), "repeat_amount", cents) == ["repeat_amount.inexact"]
    assert principle(good_call(), "repeat_amount", cents) == 90


def test_repeat_amount_a_smaller_plan_amount_is_not_a_wrong_amount() -> None:
    plan = swap(
        7,
        say("We could split the $1,250 into two payments of $625.", "propose_plan", amounts=(1250.0, 625.0)),
    )
    assert principle(call(*plan), "repeat_amount") == 100


# commitment


def test_commitment_drops_when_no_date_is_ever_asked_for() -> None:
    vague = swap(5, say("Can you pay the $1,250, Mr. Brennan?", "request_payment", amounts=(1250.0,)))
    vague = swap(
        9,
        say(
            "Then could you pay the $1,250 by bank transfer?",
            "ask_commitment",
            amounts=(1250.0,),
            method="bank transfer",
        ),
        vague,
    )
    assert topics(call(*vague), "commitment") == ["commitment.no_date", "commitment.no_urgency"]
    assert (principle(call(*vague), "commitment"), principle(good_call(), "commitment")) == (70, 100)


def test_commitment_drops_without_any_ask() -> None:
    no_ask = swap(5, say("I see, Mr. Brennan.", "other"))
    no_ask = swap(9, say("I see.", "other"), no_ask)
    assert principle(call(*no_ask), "commitment") == 55


def test_commitment_drops_without_a_promise() -> None:
    assert principle(good_call(outcome="no_commitment", commitment=None), "commitment") == 65


def test_commitment_rises_when_the_promise_is_read_back() -> None:
    unread = swap(11, say("Thank you, Mr. Brennan.", "thank"))
    open_promise = Commitment(1250.0, "2026-12-04", "bank transfer", confirmed=False)
    assert (
        principle(call(*unread, commitment=open_promise), "commitment"),
        principle(good_call(), "commitment"),
    ) == (85, 100)


def test_commitment_a_read_back_without_date_and_method_is_incomplete() -> None:
    partial = swap(
        11, say("So that's $1,250, correct? Thank you.", "confirm_commitment", "thank", amounts=(1250.0,))
    )
    assert topics(call(*partial), "commitment") == ["commitment.readback_incomplete"]
    assert principle(call(*partial), "commitment") == 92


# stay_quiet


STALL = (
    *GOOD[:6],
    reply("...", "stall_quiet"),
    wait(4),
    reply(
        "Well... I could do $1,000 on Monday, by bank transfer. That's the best I've got.", "silence_offer"
    ),
    say(
        "So that's $1,000 on Monday, December 7, by bank transfer, correct? Thank you, Mr. Brennan.",
        "confirm_commitment",
        "thank",
        amounts=(1000.0,),
        dates=("2026-12-07",),
        method="bank transfer",
    ),
    reply("Yes, that's right. Monday. I'll do it first thing in the morning, you have my word.", "confirm"),
    say("Thank you. Have a good day.", "thank", "close"),
    reply("You too. Bye.", "goodbye"),
)
OFFER = Commitment(1000.0, "2026-12-07", "bank transfer", kind="partial", confirmed=True)


def test_stay_quiet_drops_for_talking_over_the_debtor() -> None:
    interrupting = swap(
        7, say("When does your client's payment arrive, Mr. Brennan?", "ask_excuse_details", interrupt=True)
    )
    assert principle(call(*interrupting), "stay_quiet") == 85


def test_stay_quiet_rises_for_a_pause_after_the_ask() -> None:
    interrupted = swap(
        3,
        say(
            "This is an attempt to collect a debt. Your balance is $1,250, Mr. Brennan.",
            "mini_miranda",
            "state_amount",
            amounts=(1250.0,),
            interrupt=True,
        ),
        STALL,
    )
    filled = swap(7, say("Mr. Brennan? Are you there?", "other"), interrupted)
    record = call(*interrupted, commitment=OFFER)
    assert topics(record, "stay_quiet") == ["stay_quiet.interrupt", "stay_quiet.pause"]
    assert (principle(record, "stay_quiet"), principle(call(*filled, commitment=OFFER), "stay_quiet")) == (
        95,
        65,
    )


def test_stay_quiet_does_not_praise_dead_air_after_the_debtors_own_question() -> None:
    dead_air = (*STALL[:7], wait(1), reply("Hello? Are you still there?", "silence"), wait(5), *STALL[8:])
    assert "stay_quiet.pause" in topics(call(*STALL, commitment=OFFER), "stay_quiet")
    assert "stay_quiet.pause" not in topics(call(*dead_air, commitment=OFFER), "stay_quiet")


def test_stay_quiet_drops_most_for_bargaining_against_yourself_in_the_silence() -> None:
    bargained = swap(7, say("Or maybe just $200 for now?", "request_payment", amounts=(200.0,)), STALL)
    bargained = swap(8, reply("Fine, $200 then, by bank transfer on Monday.", "commit"), bargained)
    record = call(*bargained, commitment=OFFER)
    assert topics(record, "stay_quiet") == ["stay_quiet.filled_silence", "stay_quiet.bargained"]
    assert principle(record, "stay_quiet") == 65


def test_stay_quiet_a_short_pause_then_speaking_still_fills_the_silence() -> None:
    short = (
        *STALL[:7],
        wait(1.5),
        reply("...", "stall_quiet"),
        say("Are you still there?", "other"),
        *STALL[8:],
    )
    note = score_call(call(*short, commitment=OFFER), make_scenario()).principle("stay_quiet").notes[0]
    assert (note.topic, note.turn, note.points) == ("stay_quiet.filled_silence", 9, -20)
    assert "1.5 seconds" in note.note


def test_stay_quiet_drops_for_arguing_and_monologues() -> None:
    arguing = swap(
        7, say("That's not true, you said that last time. When does your client pay?", "ask_excuse_details")
    )
    speech = " ".join(["We really do need this settled soon because the account is overdue"] * 4)
    monologue = swap(
        3, say(f"This is an attempt to collect a debt. {speech}.", "mini_miranda", "state_purpose")
    )
    assert principle(call(*arguing), "stay_quiet") == 90
    assert topics(call(*monologue), "stay_quiet") == ["stay_quiet.monologue"]
    assert principle(call(*monologue), "stay_quiet") == 92


# politeness


def test_politeness_drops_without_a_greeting() -> None:
    line = say(
        "This is Anna from Northwind Supply. Am I speaking with Mr. Brennan?",
        "identify_self",
        "verify_identity",
    )
    assert principle(call(*swap(1, line)), "politeness") == 85


def test_politeness_drops_heavily_for_an_insult_and_for_condescension() -> None:
    insult = say("When does your client pay, you deadbeat?", "ask_excuse_details", "insult")
    talking_down = say("Listen here, when does your client's payment arrive?", "ask_excuse_details")
    assert principle(call(*swap(7, insult)), "politeness") == 70
    assert principle(call(*swap(7, talking_down)), "politeness") == 85


def test_politeness_rises_with_thanks_and_a_courteous_close() -> None:
    curt = swap(
        3,
        say(
            "This is an attempt to collect a debt. Your balance is $1,250, Mr. Brennan.",
            "mini_miranda",
            "state_amount",
            amounts=(1250.0,),
        ),
    )
    curt = swap(
        11,
        say(
            "So that's $1,250 on Friday, December 4, by bank transfer, correct?",
            "confirm_commitment",
            amounts=(1250.0,),
            dates=("2026-12-04",),
            method="bank transfer",
        ),
        curt,
    )
    curt = swap(13, say("Okay.", "other"), curt)
    assert topics(call(*curt), "politeness") == ["politeness.no_close", "politeness.no_thanks"]
    assert (principle(call(*curt), "politeness"), principle(good_call(), "politeness")) == (80, 100)


def test_politeness_wants_the_title_with_the_name() -> None:
    first_names = GOOD
    for index in (1, 3, 5, 7, 11):
        turn = first_names[index]
        first_names = swap(
            index,
            say(
                turn.text.replace("Mr. Brennan", "Mike"),
                *turn.acts,
                amounts=turn.entities.amounts if turn.entities else (),
            ),
            first_names,
        )
    assert topics(call(*first_names), "politeness") == ["politeness.no_title"]
    assert principle(call(*first_names), "politeness") == 95


def _no_close(record: CallRecord) -> tuple[int | None, str]:
    notes = score_call(record, make_scenario()).principle("politeness").notes
    note = next(n for n in notes if n.topic == "politeness.no_close")
    return note.turn, note.text


def test_a_call_cut_short_after_the_ask_is_not_told_its_ask_was_the_missing_close() -> None:
    assert _no_close(call(*GOOD[:6], outcome="no_commitment", commitment=None)) == (None, "")
    curt = call(*GOOD[:6], say("Okay then.", "other"), outcome="no_commitment", commitment=None)
    assert _no_close(curt) == (6, "Okay then.")


# right_party: the debt told only once the debtor has said who they are


def test_the_balance_told_before_the_debtor_confirms_who_they_are_costs_right_party() -> None:
    early = swap(
        1,
        say(
            "Good morning, this is Anna from Northwind Supply about the $1,250 balance on your account.",
            "greet",
            "identify_self",
            "state_amount",
            amounts=(1250.0,),
        ),
    )
    card = score_call(call(*early), make_scenario())
    note = card.principle("right_party").notes[0]
    assert (note.topic, note.turn, note.text) == ("right_party.unverified", 1, early[1].text)
    assert card.principle("right_party").score < 100 and card.principle("right_party").weight > 0
    assert "right_party" not in [p.key for p in score_call(good_call(), make_scenario()).principles]


# right_party, on a gatekeeper call


GATEKEEPER = (
    reply("Brennan Roofing, Linda speaking. How can I help you today?", "answer"),
    say(
        "Good afternoon, this is Anna from Northwind Supply. May I speak with Mr. Brennan, please?",
        "greet",
        "identify_self",
        "verify_identity",
    ),
    reply("He's in a meeting all afternoon, I'm afraid. Can I ask what it's about?", "gatekeeper_block"),
    say("It's a personal business matter. Could you ask him to call me back at 555-0148?", "other"),
    reply(
        "Of course, I'll pass the message on to him as soon as he's out of the meeting.", "gatekeeper_message"
    ),
    say("Thank you so much, Linda. Have a good day.", "thank", "close"),
    reply("You too. Goodbye.", "goodbye"),
)


def gatekeeper_call(*turns: Turn) -> CallRecord:
    return call(*turns, outcome="no_commitment", commitment=None)


def test_right_party_drops_for_telling_the_gatekeeper_about_the_debt() -> None:
    gatekeeper = make_scenario("gatekeeper")
    told = swap(
        3,
        say(
            "It's about the $1,250 he owes us. Could you ask him to call me back?",
            "state_purpose",
            "state_amount",
            amounts=(1250.0,),
        ),
        GATEKEEPER,
    )
    assert (
        principle(gatekeeper_call(*GATEKEEPER), "right_party", gatekeeper),
        principle(gatekeeper_call(*told), "right_party", gatekeeper),
    ) == (100, 50)


def test_right_party_rises_for_asking_for_the_debtor_and_leaving_a_message() -> None:
    gatekeeper = make_scenario("gatekeeper")
    vague = swap(
        1, say("Good afternoon, this is Anna from Northwind Supply.", "greet", "identify_self"), GATEKEEPER
    )
    vague = swap(3, say("I'll try again later.", "other"), vague)
    assert topics(gatekeeper_call(*vague), "right_party", gatekeeper) == [
        "right_party.no_request",
        "right_party.no_message",
    ]
    assert principle(gatekeeper_call(*vague), "right_party", gatekeeper) == 60


def test_a_gatekeeper_call_does_not_count_the_amount_or_the_promise() -> None:
    card = score_call(gatekeeper_call(*GATEKEEPER), make_scenario("gatekeeper"))
    weights = {p.key: p.weight for p in card.principles}
    assert (weights["repeat_amount"], weights["commitment"], weights["right_party"]) == (0.0, 0.0, 25.0)
    assert card.total == 100


def test_politeness_costs_more_when_the_gatekeeper_is_insulted() -> None:
    gatekeeper = make_scenario("gatekeeper")
    rude = swap(5, say("Just pass it on, you useless secretary. Goodbye.", "insult", "close"), GATEKEEPER)
    assert principle(gatekeeper_call(*rude), "politeness", gatekeeper) == 60


# excuse_handling


def test_excuse_handling_drops_when_the_excuse_is_pushed_past() -> None:
    pushed = swap(
        7, say("Can you pay the $1,250 today then?", "request_payment", "urgency", amounts=(1250.0,))
    )
    pushed = swap(
        8, reply("I told you, my client hasn't paid me for the Henderson job.", "excuse_press"), pushed
    )
    assert topics(call(*pushed), "excuse_handling") == [
        "excuse_handling.pressed",
        "excuse_handling.not_countered",
    ]
    assert principle(call(*pushed), "excuse_handling") == 50


def test_excuse_handling_rises_when_the_counter_comes_first() -> None:
    late = swap(7, say("I see.", "other"))
    late = swap(8, reply("Yeah. So what now?", "filler"), late)
    late = swap(
        9,
        say(
            "When does your client's payment arrive? Could you pay the $1,250 on Friday, December 4?",
            "ask_excuse_details",
            "ask_commitment",
            amounts=(1250.0,),
            dates=("2026-12-04",),
        ),
        late,
    )
    assert (principle(call(*late), "excuse_handling"), principle(good_call(), "excuse_handling")) == (90, 100)


def test_excuse_handling_is_not_counted_when_no_excuse_came_up() -> None:
    quick = (*GOOD[:6], GOOD[10], *GOOD[11:])
    card = score_call(call(*quick), make_scenario())
    assert (card.principle("excuse_handling").score, card.principle("excuse_handling").weight) == (100, 0.0)


# empathy, on a hardship call


HARDSHIP_EXCUSE = {
    "id": "laid_off",
    "say": ["I lost my job in October."],
    "counter": ["empathize", "propose_plan"],
    "real": True,
}
HARDSHIP = (
    *GOOD[:4],
    reply(
        "I lost my job in October. I want to pay you, I honestly do, I just can't do it right now.",
        "excuse:laid_off",
    ),
    say("I'm sorry to hear that, Mr. Brennan. That sounds really hard.", "empathize"),
    reply("It has been. Thanks for saying so, most people just read from a script.", "empathy_response"),
    say(
        "Would splitting the $1,250 into four payments of $312.50 help?",
        "propose_plan",
        amounts=(1250.0, 312.5),
    ),
    reply("Yes, I could do $312.50 on the fifteenth by debit card. That I can manage.", "commit"),
    say(
        "So that's $312.50 on December 15 by debit card, correct? Thank you, Mr. Brennan.",
        "confirm_commitment",
        "thank",
        amounts=(312.5,),
        dates=("2026-12-15",),
        method="debit card",
    ),
    reply("Yes, that's right. Thank you for working with me on this, really.", "confirm"),
    say("Have a good day.", "close"),
    reply("You too. Bye.", "goodbye"),
)
PLAN = Commitment(312.5, "2026-12-15", "debit card", kind="instalments", instalments=4, confirmed=True)


def test_empathy_drops_when_hardship_is_met_with_pressure() -> None:
    hardship = make_scenario("hardship", excuses=[HARDSHIP_EXCUSE])
    pressed = swap(5, say("You still need to pay today.", "request_payment", "urgency"), HARDSHIP)
    assert topics(call(*pressed, commitment=PLAN), "empathy", hardship) == [
        "empathy.no_acknowledgement",
        "empathy.pressure",
        "empathy.plan_first",
    ]
    assert principle(call(*pressed, commitment=PLAN), "empathy", hardship) == 40


def test_empathy_rises_with_a_concrete_plan() -> None:
    hardship = make_scenario("hardship", excuses=[HARDSHIP_EXCUSE])
    no_plan = swap(7, say("Can you pay something today?", "request_payment", "urgency"), HARDSHIP)
    assert (
        principle(call(*no_plan, commitment=None, outcome="no_commitment"), "empathy", hardship),
        principle(call(*HARDSHIP, commitment=PLAN), "empathy", hardship),
    ) == (55, 100)


# abuse_handling, on an abusive call


ABUSIVE = (
    GOOD[0],
    GOOD[1],
    reply("What the hell do you want? You people are bloodsuckers, every one of you.", "abuse", ANGRY),
    say(
        "I understand you're upset, Mr. Brennan. "
        "You can speak with my supervisor, or we can continue in writing.",
        "empathize",
        "offer_options",
    ),
    reply("...Fine. Let's just get this over with. What do you want from me?", "options_response"),
    *GOOD[3:6],
    GOOD[10],
    *GOOD[11:],
)


def test_abuse_handling_drops_for_answering_abuse_in_kind() -> None:
    abusive = make_scenario("abusive", excuses=[])
    retaliating = swap(3, say("Watch your mouth, you deadbeat!", "insult"), ABUSIVE)
    assert (
        principle(call(*ABUSIVE), "abuse_handling", abusive),
        principle(call(*retaliating), "abuse_handling", abusive),
    ) == (100, 20)


def test_abuse_handling_teaches_the_lawful_two_options() -> None:
    abusive = make_scenario("abusive", excuses=[])
    lawyer = swap(3, say("You can speak with our lawyer, or with my manager.", "offer_options"), ABUSIVE)
    assert topics(call(*lawyer), "abuse_handling", abusive) == ["abuse_handling.legal_option"]
    assert principle(call(*lawyer), "abuse_handling", abusive) == 80


def test_extra_principles_appear_only_where_the_scenario_calls_for_them() -> None:
    cooperative = make_scenario("cooperative", excuses=[])
    card = score_call(call(*GOOD[:6], GOOD[10], *GOOD[11:]), cooperative)
    assert [p.key for p in card.principles] == [
        "calm_tone",
        "repeat_amount",
        "commitment",
        "stay_quiet",
        "politeness",
    ]
    assert card.commitment == PROMISE
