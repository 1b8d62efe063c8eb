"""What a line of the call shows on its face: shouting, hostile or courteous wording, risky claims.

The classifier gives each trainee line its dialogue acts; these cues are the scorer's own second
reading from curated word lists. Coaching needs the exact words that cost points, so a cue keeps the
phrase it matched, and compliance must not depend on one model alone, so threats, false claims, insults
and profanity are found here too. Lists are curated by hand: profanity packages miss "deadbeat" and
flag "Dick Smith". Each line is read once and remembered, which keeps live scoring cheap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from scoring import conduct

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
_WORDS: Final = re.compile(r"[A-Za-z']+")
_ACRONYMS: Final = frozenset(
    {
        "I",
        "OK",
        "ID",
        "USD",
        "GBP",
        "CNY",
        "EUR",
        "RMB",
        "ACH",
        "PIN",
        "UK",
        "US",
        "USA",
        "FCA",
        "AM",
        "PM",
        "ASAP",
        "TV",
        "IRS",
        "LLC",
        "INC",
        "LTD",
        "PO",
        "CFPB",
        "FDCPA",
        "SSN",
        "DOB",
    }
)


def _phrases(*items: str) -> re.Pattern[str]:
    """A case-insensitive pattern matching any item as whole words; items are regex fragments."""
    return re.compile(r"(?<![\w'])(?:" + "|".join(items) + r")(?![\w'])", re.IGNORECASE)


# Dismissive, sarcastic or hostile wording: it escalates, whatever the volume.
HOSTILE: Final = _phrases(
    r"calm down",
    r"(?:that's|that is|it's|it is|not) (?:not )?my problem",
    r"your problem",
    r"i (?:don't|do not) care",
    r"who cares",
    r"shut up",
    r"be quiet",
    r"listen to me",
    r"are you deaf",
    r"how many times",
    r"seriously\s*[?!]",
    r"yeah,? right",
    r"oh,? sure",
    r"oh,? please",
    r"give me a break",
    r"good luck with that",
    r"stop whining",
    r"stop complaining",
    r"stop making excuses",
    r"get real",
    r"spare me",
    r"nice try",
    r"don't waste my time",
    r"wasting my time",
    r"cry me a river",
    r"boo hoo",
    r"tough luck",
    r"so what\s*[?!]",
    r"big deal",
    r"are you kidding(?: me)?",
    r"ridiculous",
    r"nonsense",
    r"what(?:'s| is) wrong with you",
    r"how convenient",
    r"sure you did",
    r"of course you did",
    r"i've heard it all before",
    r"heard that one before",
    r"born yesterday",
    r"i (?:don't|do not|haven't) (?:have|got) all day",
    r"hurry up",
    r"get to the point",
    r"watch your mouth",
    r"who do you think you are",
    r"whatever(?=\s*(?:[.!,]|$))",
)
# Arguing: trying to win the point instead of the payment.
ARGUING: Final = _phrases(
    r"that's not true",
    r"that is not true",
    r"you're wrong",
    r"you are wrong",
    r"that's a lie",
    r"you're lying",
    r"you are lying",
    r"stop lying",
    r"no,? you didn't",
    r"don't give me that",
    r"i don't believe you",
    r"that's not what you said",
    r"you always say",
    r"you said that last time",
    r"prove it",
    r"that's (?:just )?an excuse",
    r"that's no excuse",
    r"that's your fault",
    r"it's your own fault",
    r"you should have thought of that",
)
CONDESCENSION: Final = _phrases(
    r"you people",
    r"people like you",
    r"sweetheart",
    r"sweetie",
    r"honey",
    r"darling",
    r"buddy",
    r"pal",
    r"listen here",
    r"listen,? (?:lady|mister|mate)",
    r"let me explain (?:this|it) (?:slowly|again)",
    r"it's not that hard",
    r"it's not rocket science",
    r"do you (?:even )?understand(?: me)?\s*\?",
    r"as i already told you",
    r"i already told you",
    r"for the last time",
    r"are you listening",
    r"you should know",
    r"everyone else pays",
    r"grow up",
    r"young (?:man|lady)",
)
# "Our lawyer or my boss" implies legal action; the lawful two options are a supervisor or writing.
LEGAL_OPTION: Final = _phrases(
    r"lawyers?",
    r"attorneys?",
    r"solicitors?",
    r"legal (?:team|department)",
    r"court",
    r"律师",
)
GREETING: Final = _phrases(
    r"good (?:morning|afternoon|evening|day)",
    r"hello",
    r"hi",
    r"hey",
    r"thanks? (?:you )?for calling",
    r"你好",
    r"您好",
)
THANKS: Final = _phrases(r"thank\w*", r"thanks", r"appreciate\w*", r"grateful", r"谢谢")
PLEASE: Final = _phrases(r"please", r"kindly", r"请")
CLOSE: Final = _phrases(
    r"have a (?:good|great|nice|lovely|wonderful) (?:day|afternoon|evening|weekend|one)",
    r"good ?bye",
    r"bye",
    r"take care",
    r"talk (?:to you )?soon",
    r"speak (?:to you )?soon",
    r"再见",
)
MINI_MIRANDA: Final = _phrases(
    r"attempt(?:ing)? to collect a debt",
    r"debt collector",
    r"information (?:obtained|we obtain|you give)"
    r" will be used",
    r"communication from a debt",
)
DEBT: Final = _phrases(
    r"debts?",
    r"owe[sd]?",
    r"owing",
    r"overdue",
    r"past due",
    r"balance",
    r"payments?",
    r"arrears",
    r"outstanding",
    r"collect(?:ion|ions|or|ing)?",
    r"bills?",
    r"loan",
    r"invoice",
    r"late",
    r"(?:debt |stage of |next stage of )recovery|recovery (?:process|stage|action|team|department|agent|agency)",
    r"behind (?:on|with) (?:his |her |their |your |the )?(?:payments?|bills?|account|us|rent|loan)",
    r"(?:months?|weeks?|payments?) behind",
    r"recover(?:ing)? (?:the |this |that |his |her |their )?(?:money|funds|amount|sum)",
    r"欠款",
    r"还款",
    r"逾期",
)
CALLBACK: Final = _phrases(
    r"call (?:me )?back",
    r"return (?:my|the) call",
    r"have (?:him|her|them) call",
    r"ask (?:him|her|them)"
    r" to call",
    r"give me a call",
    r"leave (?:a|him a|her a) message",
    r"take a message",
    r"my (?:number|direct line|extension) is",
    r"reach me (?:at|on)",
    r"a message for",
    r"回电",
)
# Sympathy that is not empathy: about oneself, or making the debtor's trouble small.
NOT_EMPATHY: Final = _phrases(
    r"my (?:cousin|brother|sister|wife|husband|friend|mum|mom|dad|father|mother|uncle|aunt|neighbou?r|son|daughter|"
    r"partner|colleague|buddy)(?: [\w']+){0,4} (?:lost|had|went through|was|got|has)",
    r"(?:i've|i have|i) (?:been there|had the same|went through the same|know exactly how)",
    r"(?:same|similar) (?:thing )?happened to me",
    r"(?:a lot of|lots of|plenty of|many|loads of) (?:folks|people|customers|others)(?: [\w']+){0,3} "
    r"(?:in the same boat|struggling|going through|have it worse|manage|pay)",
    r"in the same boat",
    r"(?:it|things) could be (?:a lot |much )?worse",
    r"at least you(?:'ve| have| still)?",
    r"(?:it's|it is) not the end of the world",
    r"that's life",
    r"happens to (?:everyone|everybody|the best of us)",
    r"you're not the only one",
    r"everyone(?:'s| is) (?:struggling|in the same|broke)",
)
# Taking a dispute: verification, validation or an investigation offered, or the dispute noted.
VERIFICATION: Final = _phrases(
    r"verif\w*",
    r"validat\w*",
    r"investigat\w*",
    r"look into (?:it|this|that)",
    r"(?:note|noted|record|recorded|log|logged|put) (?:the|your) dispute",
    r"(?:proof|documentation|itemi[sz]ed (?:bill|statement)|copy of the (?:bill|agreement|contract))",
    r"in writing",
    r"on hold",
    r"pause[sd]?|suspend(?:ed)?",
    r"stop(?:ped)? (?:collection|collecting)",
)
DATE: Final = _phrases(
    r"today",
    r"tonight",
    r"tomorrow",
    r"this (?:week|weekend|month|friday|monday|tuesday|wednesday|"
    r"thursday|saturday|sunday)",
    r"next (?:week|month|\w+day)",
    r"end of (?:the|this) (?:week|month)",
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day",
    r"(?:jan|febr)uary",
    r"march",
    r"april",
    r"may \d",
    r"june",
    r"july",
    r"august",
    r"september",
    r"october",
    r"november",
    r"december",
    r"\d{1,2}(?:st|nd|rd|th)",
    r"what (?:date|day)",
    r"which (?:date|day)",
    r"when",
    r"by when",
    r"date",
    r"今天",
    r"明天",
    r"哪天",
)
# Asking for payment now: urgency, and also pressure on a debtor in hardship.
TODAY: Final = _phrases(
    r"today",
    r"tonight",
    r"right now",
    r"right away",
    r"this morning",
    r"this afternoon",
    r"immediately",
    r"今天",
)
# Asking for the soonest date: urgency that a debtor in hardship can still meet.
SOONEST: Final = _phrases(r"as soon as (?:possible|you can)", r"soonest", r"earliest", r"asap")
METHOD: Final = _phrases(
    r"(?:bank |wire |online )?transfer",
    r"(?:debit |credit )?card",
    r"direct debit",
    r"standing order",
    r"cheque",
    r"(?:by|a|the|your) check",
    r"cash",
    r"online",
    r"paypal",
    r"ach",
    r"wire",
    r"money order",
    r"wechat",
    r"alipay",
    r"转账",
    r"微信",
    r"支付宝",
)
# Lowering one's own ask before the debtor answers: "…today? Or maybe just $50?"
_BARGAIN: Final = re.compile(
    r"\b(?:or|what about|how about)\s+(?:maybe\s+|perhaps\s+)?(?:even|just|only|at least|maybe|perhaps|"
    r"something|half|part)\b|\bif not(?: today| that)?\s*,|\bwhenever (?:works|suits|you can)\b"
    r"|\bno (?:pressure|rush)\b|\b(?:anything|something),? (?:at all|really)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Cues:
    """One line's cues; each tuple holds the words that matched, for quoting in coaching."""

    words: int
    normal: str = ""
    shouting: bool = False
    exclaiming: bool = False
    hostile: tuple[str, ...] = ()
    arguing: tuple[str, ...] = ()
    insult: tuple[str, ...] = ()
    condescension: tuple[str, ...] = ()
    profanity: tuple[str, ...] = ()
    mild_profanity: tuple[str, ...] = ()
    threat: tuple[str, ...] = ()
    false_claim: tuple[str, ...] = ()
    borrow: tuple[str, ...] = ()
    not_empathy: tuple[str, ...] = ()
    legal_option: tuple[str, ...] = ()
    fee: tuple[str, ...] = ()
    greeting: bool = False
    thanks: bool = False
    please: bool = False
    close: bool = False
    mini_miranda: bool = False
    debt: bool = False
    callback: bool = False
    verification: bool = False
    date: bool = False
    today: bool = False
    soonest: bool = False
    method: bool = False
    bargain: bool = False


def _found(pattern: re.Pattern[str], text: str) -> tuple[str, ...]:
    """The distinct matches in order."""
    out: list[str] = []
    for match in pattern.finditer(text):
        word = match.group(0).strip()
        if word and word.lower() not in (o.lower() for o in out):
            out.append(word)
    return tuple(out)


def _is_shouting(text: str) -> bool:
    """Mostly capitals, or two words in capitals that are not acronyms ("PAY NOW", not "USD")."""
    letters = [c for c in text if c.isascii() and c.isalpha()]
    if len(letters) >= 8 and sum(c.isupper() for c in letters) / len(letters) >= 0.6:
        return True
    caps = [w for w in _WORDS.findall(text) if len(w) >= 3 and w.isupper() and w.strip("'") not in _ACRONYMS]
    return len(caps) >= 2


def normalise(text: str) -> str:
    """Lower case, words only: two lines that say the same thing read the same."""
    return " ".join(_WORDS.findall(text.translate(_APOSTROPHES).lower()))


# Chinese words average about 1.6 characters (a segmented corpus's figure), so a line's length in
# words, and so its talk share and monologue mark, compare across the two languages.
_CHARACTERS_PER_WORD: Final = 1.6


def count_words(text: str) -> int:
    """Words; Chinese counted as characters over the average word length."""
    characters = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
    return len(_WORDS.findall(text)) + round(characters / _CHARACTERS_PER_WORD)


def words_only(text: str) -> Cues:
    """The cues of a debtor line: scoring needs only its length."""
    return Cues(words=count_words(text))


@lru_cache(maxsize=4096)
def read(text: str) -> Cues:
    """The cues of a trainee line (remembered: a live call reads each line once)."""
    plain = text.translate(_APOSTROPHES)
    stems = conduct.stems(plain)
    return Cues(
        words=count_words(plain),
        normal=normalise(plain),
        shouting=_is_shouting(plain),
        exclaiming="!!" in plain or "?!" in plain or "!?" in plain,
        hostile=_found(HOSTILE, plain),
        arguing=_found(ARGUING, plain),
        insult=tuple(conduct.insults(plain, stems)),
        condescension=_found(CONDESCENSION, plain),
        profanity=tuple(conduct.profanity(plain)),
        mild_profanity=tuple(conduct.mild_profanity(plain)),
        threat=tuple(conduct.threats(plain, stems)),
        false_claim=tuple(conduct.false_claims(plain, stems)),
        borrow=tuple(conduct.borrowing(plain, stems)),
        not_empathy=_found(NOT_EMPATHY, plain),
        legal_option=_found(LEGAL_OPTION, plain),
        fee=tuple(conduct.fees(plain, stems)),
        greeting=bool(GREETING.search(plain)),
        thanks=bool(THANKS.search(plain)),
        please=bool(PLEASE.search(plain)),
        close=bool(CLOSE.search(plain)),
        mini_miranda=bool(MINI_MIRANDA.search(plain)),
        debt=bool(DEBT.search(plain)),
        callback=bool(CALLBACK.search(plain)),
        verification=bool(VERIFICATION.search(plain)),
        date=bool(DATE.search(plain)),
        today=bool(TODAY.search(plain)),
        soonest=bool(SOONEST.search(plain)),
        method=bool(METHOD.search(plain)),
        bargain=bool(_BARGAIN.search(plain)),
    )
