"""Biasing recognition towards the call: the debtor's name, the amounts, the creditor, the phrases.

A recogniser that has never heard of "Mr. Alvarez" writes "Mr. Elmer", and one that trips over a
synthetic "eighty" writes "four hundred baby". The call tells us what is likely to be said, so after
recognition, spans of the text that *sound* like an expected name or amount are written as that name
or amount (comparison by phones, see :mod:`game.audio.phonetics`). A number the recogniser heard
cleanly is never changed: a trainee who says the wrong amount must be heard saying it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import alpha2digit  # type: ignore[import-untyped]

from game.audio.numbers import (
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    ONES,
    TENS,
    spoken_amount_forms,
    spoken_bare_forms,
    written_amount,
)
from game.audio.phonetics import Phones, phone_distance, spoken_words, text_phones
from game.audio.vocabulary import CallVocabulary

TITLES = frozenset({"mr", "mister", "mrs", "missus", "ms", "miss", "dr"})

# How far (0..1, see phone_distance) a heard span may sound from an expected one and still be taken
# for it. An amount another recogniser also heard is matched a little more loosely; after a title
# ("Mr. Elmer") a surname is what comes, so that bound is the loosest.
AMOUNT_DISTANCE = 0.34
CONFIRMED_AMOUNT_DISTANCE = 0.4
NAME_DISTANCE = 0.3
AFTER_TITLE_DISTANCE = 0.6
MIN_SINGLE_WORD_PHONES = 5

_NUMBER_WORDS = frozenset([*ONES, *TENS[2:], "hundred", "thousand", "million", "and", "a"])
_CURRENCY = frozenset(word for pair in CURRENCY_WORDS.values() for word in pair) | {"bucks"}
# Words a recogniser writes for a number it half heard ("for hundred", "to hundred").
_NUMBERISH = frozenset(
    "for fore to too won ate tree fourth fifth sixth seventh eighth ninth tenth".split()  # noqa: SIM905
)
_DIGITS = re.compile(r"^[$£€¥]?\d[\d,]*(?:\.\d+)?$")
_PUNCT = ".,!?;:"


@dataclass(frozen=True)
class _Target:
    phones: Phones
    words: int
    text: str
    amount: float | None = None


@lru_cache(maxsize=32)
def _targets(
    vocabulary: CallVocabulary,
) -> tuple[tuple[_Target, ...], tuple[_Target, ...], tuple[_Target, ...]]:
    """Expected spans in the order they are matched: amounts, whole names, then parts of names."""
    amounts: list[_Target] = []
    for amount in vocabulary.amounts:
        written = written_amount(amount, vocabulary.currency)
        forms = spoken_amount_forms(amount, vocabulary.currency)
        forms += [form for form in spoken_bare_forms(amount) if len(form.split()) >= 3]
        amounts += [_Target(text_phones(form), len(form.split()), written, amount) for form in forms]
    whole: list[_Target] = []
    parts: list[_Target] = []
    for other in vocabulary.other_names:
        whole.append(_Target(text_phones(other), len(other.split()), other))
    for name in [*vocabulary.names, *([vocabulary.creditor] if vocabulary.creditor else [])]:
        words = name.split()
        whole.append(_Target(text_phones(name), len(words), name))
        if len(words) > 1:
            part = words[0] if name == vocabulary.creditor else words[-1]
            if len(text_phones(part)) >= MIN_SINGLE_WORD_PHONES:
                parts.append(_Target(text_phones(part), 1, part))
    return tuple(amounts), tuple(whole), tuple(parts)


def _bare(token: str) -> str:
    return token.strip(_PUNCT + "\"'()").lower()


def _is_number_token(token: str) -> bool:
    bare = _bare(token)
    if _DIGITS.match(bare):
        return True
    words = spoken_words(bare)
    return bool(words) and all(w in _NUMBER_WORDS for w in words) and bare not in ("a", "and")


_JOINERS = frozenset({"and", "point"})


def _number_run(tokens: list[str], i: int) -> tuple[int, int]:
    """The whole number ("four hundred and eighty", "one eighty six point four zero") token ``i`` is in."""
    start, end = i, i + 1
    while start > 0 and (_is_number_token(tokens[start - 1]) or _bare(tokens[start - 1]) in _JOINERS):
        start -= 1
    while end < len(tokens) and (_is_number_token(tokens[end]) or _bare(tokens[end]) in _JOINERS):
        end += 1
    while _bare(tokens[start]) in _JOINERS:
        start += 1
    while _bare(tokens[end - 1]) in _JOINERS:
        end -= 1
    return start, end


def _amount_allowed(tokens: list[str], start: int, end: int, amount: float, confirmed: bool) -> bool:
    """May ``tokens[start:end]`` be rewritten as ``amount``?

    The span must hold a number word or digits (or a number homophone next to a currency word, or
    one confirmed by a second recogniser: "dollar for hungry baby"), must not cut a number in two,
    and must not hold a number heard cleanly that is a different amount: "is 488 dollars" or "$400"
    stay as heard, while "400 baby", "dollar for $180" or "dollar four hundred navy" (a number
    running into noise) may be repaired.
    """
    if start > 0 and _bare(tokens[start]) in _CURRENCY and _is_number_token(tokens[start - 1]):
        return False  # "seventy five [dollars and fifty] cents": the currency word ends another amount
    if end < len(tokens) and _bare(tokens[end]) in ("cent", "cents"):
        return False
    spoken = {w for t in tokens[start:end] for w in spoken_words(t)}
    homophone = spoken & _NUMBERISH and (confirmed or spoken & _CURRENCY)
    if not spoken & (_NUMBER_WORDS - {"a", "and"}) and not homophone:
        return False
    i = start
    while i < end:
        if not _is_number_token(tokens[i]):
            i += 1
            continue
        first, last = _number_run(tokens, i)
        if first < start or last > end:
            return False
        before = _bare(tokens[first - 1]) if first > 0 else ""
        after = _bare(tokens[last]) if last < len(tokens) else ""
        signed = any(_bare(t)[:1] in CURRENCY_SIGNS.values() for t in tokens[first:last])
        sentence_end = tokens[last - 1][-1] in _PUNCT
        marked = signed or after in _CURRENCY or (before in _CURRENCY and (last == end or sentence_end))
        garbled_before = (before in _NUMBERISH and _homophone_fits(before, tokens[first:last], amount)) or (
            signed and before in _CURRENCY
        )
        if marked and not garbled_before and _number_value(tokens[first:last]) != amount:
            return False
        i = last
    past = end + (end < len(tokens) and _bare(tokens[end]) in _CURRENCY)
    if _cents_after(tokens, past)[0]:
        return False  # "... dollars [and forty cents]": the amount said goes on past the span
    return _heard_numbers_fit(tokens, start, end, amount, confirmed)


_SAID_NUMBER = frozenset([*ONES, *TENS[2:], "hundred", "thousand", "million", "point"])


@lru_cache(maxsize=256)
def _amount_number_words(amount: float) -> tuple[str, ...]:
    """Every way the number of ``amount`` is said, as one space-padded string per form, without
    currency words or "and": "four hundred eighty", "four eighty", "one eighty six point four zero"."""
    forms = [*spoken_amount_forms(amount), *spoken_bare_forms(amount)]
    cleaned = {" ".join(w for w in form.split() if w in _SAID_NUMBER) for form in forms}
    return tuple(f" {form} " for form in sorted(cleaned))


def _heard_numbers_fit(tokens: list[str], start: int, end: int, amount: float, confirmed: bool) -> bool:
    """Word by word, do the number words heard in the span fit the amount?

    Each unbroken run of number words must be a piece of one way of saying the amount: "four
    hundred [baby]" fits $480 (the rest was garbled), "one thousand five hundred" or "one hundred
    and fifty" do not fit $1,250 and stay as heard. A run right after a number homophone ("for
    100") started garbled: the homophone's own number must fit instead. Bare digits amid noise
    ("Nolfo 100 an 80") are what a recogniser writes for a number it half heard: when a second
    recogniser heard the amount in the clip, they are not held against it.
    """
    forms = _amount_number_words(amount)
    said = [(w, _bare(t).isdigit()) for t in tokens[start:end] for w in spoken_words(t) if w not in ("and", "a")]
    run: list[str] = []
    bare_digits = True
    homophone = ""
    for word, digits in [*said, ("", False)]:
        if word in _SAID_NUMBER:
            run.append(word)
            bare_digits = bare_digits and digits
            continue
        if run and not (confirmed and bare_digits):
            if homophone and not _homophone_fits(homophone, run, amount):
                return False
            if not homophone and not any(f" {' '.join(run)} " in form for form in forms):
                return False
        run, bare_digits, homophone = [], True, word if word in _NUMBERISH else ""
    return True


def _homophone_fits(homophone: str, run: list[str], amount: float) -> bool:
    """Could "<homophone> <run>" be the amount garbled? The homophone's number must come before the
    run's last word in a way of saying it: "for $180" may be $480 ("four [hundred] eighty"), never
    $186.40, where "four" comes after "eighty"."""
    said = _HOMOPHONE_NUMBERS.get(homophone)
    words = [w for t in run for w in spoken_words(t) if w in _SAID_NUMBER]
    if said is None or not words:
        return True
    return any(re.search(rf" {said} (?:\w+ )*?{words[-1]} ", form) for form in _amount_number_words(amount))


def _number_value(tokens: list[str]) -> float | None:
    """The value of a number as written or said: "$186.40", "one eighty six point four zero",
    "one hundred eighty six dollars and forty cents"."""
    if len(tokens) == 1 and _DIGITS.match(_bare(tokens[0])):
        return float(_bare(tokens[0]).lstrip("$£€¥").replace(",", ""))
    words = [w for t in tokens for w in spoken_words(t) if w not in _CURRENCY]
    cents = 0.0
    if words and words[-1] in ("cent", "cents"):
        split = max((i for i, w in enumerate(words) if w == "and"), default=-1)
        cents = (_words_number(words[split + 1 : -1]) or 0) / 100
        words = words[: max(split, 0)]
    value = _words_number(words)
    return None if value is None else value + cents


def _words_number(words: list[str]) -> float | None:
    found = re.findall(r"\d+(?:\.\d+)?", alpha2digit(" ".join(words), "en")) if words else []
    return float(found[0]) if len(found) == 1 else None


def _with_spoken_currency(tokens: list[str], taken: list[bool], start: int, end: int) -> tuple[int, int]:
    """Widen an amount span over the garble next to it: "dollar for [$180]" is one spoken amount."""
    for _ in range(2):
        if (
            start > 0
            and not taken[start - 1]
            and tokens[start - 1][-1] not in _PUNCT
            and _bare(tokens[start - 1]) in _CURRENCY | _NUMBERISH
        ):
            start -= 1
    if end < len(tokens) and not taken[end] and _bare(tokens[end]) in _CURRENCY and tokens[end - 1][-1] not in _PUNCT:
        end += 1
    return start, end


def _replace(tokens: list[str], start: int, end: int, text: str) -> list[str]:
    trailing = tokens[end - 1][len(tokens[end - 1].rstrip(_PUNCT)) :]
    return [*tokens[:start], text + trailing, *tokens[end:]]


def _after_titles(tokens: list[str], surnames: tuple[str, ...]) -> list[str]:
    known = {s.lower() for s in surnames}
    out = list(tokens)
    for i in range(len(out) - 1):
        if _bare(out[i]) not in TITLES or _bare(out[i + 1]) in known:
            continue
        best: tuple[float, int, str] | None = None
        for width in (1, 2):
            span = out[i + 1 : i + 1 + width]
            if len(span) < width or (width == 2 and span[0][-1] in _PUNCT):
                continue
            heard = text_phones(" ".join(span))
            for surname in surnames:
                d = phone_distance(heard, text_phones(surname))
                if d <= AFTER_TITLE_DISTANCE and (best is None or d < best[0]):
                    best = (d, width, surname)
        if best is not None:
            out = _replace(out, i + 1, i + 1 + best[1], best[2])
    return out


def _matches(
    tokens: list[str], token_phones: list[Phones], targets: tuple[_Target, ...], bound: float
) -> list[tuple[float, int, int, _Target]]:
    found: list[tuple[float, int, int, _Target]] = []
    for target in targets:
        for start in range(len(tokens)):
            for end in range(start + 1, min(len(tokens), start + target.words + 2) + 1):
                stops = ".?!" if target.amount is not None else _PUNCT
                if end - start > 1 and tokens[end - 2][-1] in stops:
                    break
                heard = tuple(p for phones in token_phones[start:end] for p in phones)
                if not 0.6 <= len(heard) / max(1, len(target.phones)) <= 1.5:
                    continue
                distance = phone_distance(heard, target.phones)
                if distance <= bound:
                    found.append((distance, start, end, target))
    return sorted(found, key=lambda m: (m[0], m[1] - m[2]))


def repair(text: str, vocabulary: CallVocabulary, confirmed: tuple[float, ...] = ()) -> str:
    """Rewrite the spans of ``text`` that sound like the call's names or amounts as those words.

    Amounts are matched first (those a second recogniser confirmed before the rest), then whole
    names, then single parts of names, each on the words the earlier passes left; within a pass the
    closest match wins. A span that already reads as its
    target is kept as it is (and keeps the words it covers).
    """
    tokens = _after_titles(text.split(), vocabulary.surnames)
    token_phones = [text_phones(t) for t in tokens]
    taken = [False] * len(tokens)
    chosen: list[tuple[int, int, _Target]] = []
    amounts, whole, parts = _targets(vocabulary)
    loose = tuple(t for t in amounts if t.amount in confirmed)
    passes = (
        (loose, CONFIRMED_AMOUNT_DISTANCE),
        (amounts, AMOUNT_DISTANCE),
        (whole, NAME_DISTANCE),
        (parts, NAME_DISTANCE),
    )
    for targets, bound in passes:
        for _, start, end, target in _matches(tokens, token_phones, targets, bound):
            if any(taken[start:end]):
                continue
            sure = target.amount in confirmed
            if target.amount is not None and not _amount_allowed(tokens, start, end, target.amount, sure):
                continue
            if " ".join(_bare(t) for t in tokens[start:end]) == target.text.lower():
                taken[start:end] = [True] * (end - start)
                continue
            if target.amount is not None:
                start, end = _with_spoken_currency(tokens, taken, start, end)
            taken[start:end] = [True] * (end - start)
            chosen.append((start, end, target))
    for start, end, target in sorted(chosen, key=lambda c: -c[0]):
        tokens = _replace(tokens, start, end, target.text)
    return " ".join(tokens)


def _cents_after(tokens: list[str], k: int) -> tuple[float, int]:
    """ "... dollars [and forty cents]": the cents said after the currency word, and where they end."""
    j = k + (k < len(tokens) and _bare(tokens[k]) == "and")
    end = j
    while end < len(tokens) and _is_number_token(tokens[end]):
        end += 1
    if end > j and end < len(tokens) and _bare(tokens[end]) in ("cent", "cents"):
        value = _number_value(tokens[j:end])
        if value is not None and value < 100:
            return value / 100, end + 1
    return 0.0, k


_SCALES = frozenset(["hundred", "thousand", "million"])


def written_money(text: str, currency: str = "USD") -> str:
    """Spoken money as a transcript writes it: "four hundred eighty dollars", "dollar 480" -> "$480";
    "dollar one hundred eighty six point four zero" -> "$186.40"; "a thousand dollars" -> "$1,000"."""
    tokens = text.split()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        a_scale = _bare(tokens[i]) == "a" and i + 1 < len(tokens) and _bare(tokens[i + 1]) in _SCALES
        if not _is_number_token(tokens[i]) and not a_scale:
            out.append(tokens[i])
            i += 1
            continue
        end = max(_number_run(tokens, i + a_scale)[1], i + 1)
        open_end = tokens[end - 1][-1] not in _PUNCT
        after = end < len(tokens) and open_end and _bare(tokens[end]) in _CURRENCY
        before = bool(out) and out[-1][-1] not in _PUNCT and _bare(out[-1]) in _CURRENCY - {"bucks"}
        value = _number_value(tokens[i:end]) if after or before else None
        if value is None:
            out.extend(tokens[i:end])
            i = end
            continue
        k = end + 1 if after else end
        cents, k = _cents_after(tokens, k) if after else (0.0, k)
        written = written_amount(value + cents, currency)
        punct = tokens[k - 1][len(tokens[k - 1].rstrip(_PUNCT)) :]
        if before and not after:
            out[-1] = written + punct
        else:
            out.append(written + punct)
        i = k
    return " ".join(out)


def finish(
    text: str, vocabulary: CallVocabulary | None, currency: str = "USD", confirmed: tuple[float, ...] = ()
) -> str:
    """The text a recogniser reports: biased to the call when a vocabulary is given (``confirmed``:
    call amounts another recogniser heard in the same clip), then money in written form."""
    text = numbers_as_said(text.strip())
    if vocabulary is not None:
        text, currency = repair(text, vocabulary, confirmed), vocabulary.currency
    return written_money(text, currency)


# A number word a recogniser wrote as its homophone, told apart by the "hundred" or "thousand" after
# it: "dollar to hundred", "free hundred", "for thousand" are never meant as written.
_HOMOPHONE_NUMBERS = {"to": "two", "too": "two", "for": "four", "fore": "four", "free": "three", "tree": "three",
                      "won": "one", "ate": "eight", "nein": "nine", "sex": "six"}  # fmt: skip
_HOMOPHONE_BEFORE_SCALE = re.compile(
    r"\b(" + "|".join(_HOMOPHONE_NUMBERS) + r")(?= (?:hundred|thousand)s?\b)", re.IGNORECASE
)
# "two hundreds dollars": a plural scale word right after a number word is the number's own.
_SCALE_PLURAL = re.compile(r"\b((?:" + "|".join(ONES[1:]) + r") (?:hundred|thousand))s\b", re.IGNORECASE)
# "one thousand, two hundred": a comma a recogniser put inside one number.
_COMMA_IN_NUMBER = re.compile(
    r"\b(thousand|million),(?= (?:" + "|".join(ONES[1:]) + r"|" + "|".join(TENS[2:]) + r")\b)"
)


def numbers_as_said(text: str) -> str:
    """Number words put back together: a homophone before "hundred"/"thousand" is the number
    ("to hundred" -> "two hundred"), and no comma splits "one thousand, two hundred" in two."""
    text = _HOMOPHONE_BEFORE_SCALE.sub(lambda m: _HOMOPHONE_NUMBERS[m.group(1).lower()], text)
    text = _SCALE_PLURAL.sub(r"\1", text)
    return _COMMA_IN_NUMBER.sub(r"\1", text)


def mentions_money(text: str) -> bool:
    """Does the text hold anything that may be a garbled amount (numbers, their homophones, currency)?"""
    words = {w for token in text.split() for w in spoken_words(token)}
    return bool(words & (_NUMBER_WORDS - {"a", "and"} | _NUMBERISH | _CURRENCY))
