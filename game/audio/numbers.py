"""English number words for amounts, so recognisers can be biased towards the way people say them.

A balance of 480 is heard as "four hundred eighty dollars", "four hundred and eighty" or "four eighty";
the biasing language model and the phonetic repair both need those spoken forms of the call's amounts.
"""

from __future__ import annotations

ONES = (  # noqa: SIM905 - a sentence of words reads better than a column of them
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
    " sixteen seventeen eighteen nineteen"
).split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()  # noqa: SIM905
_SCALES = ((1_000_000_000, "billion"), (1_000_000, "million"), (1000, "thousand"))

CURRENCY_WORDS = {
    "USD": ("dollar", "dollars"),
    "CAD": ("dollar", "dollars"),
    "AUD": ("dollar", "dollars"),
    "GBP": ("pound", "pounds"),
    "EUR": ("euro", "euros"),
    "CNY": ("yuan", "yuan"),
}
CURRENCY_SIGNS = {"USD": "$", "CAD": "$", "AUD": "$", "GBP": "£", "EUR": "€", "CNY": "¥"}


def _below_thousand(n: int, joiner: str) -> list[str]:
    words: list[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        words += [ONES[hundreds], "hundred"]
        if rest and joiner:
            words.append(joiner)
    if rest >= 20:
        tens, ones = divmod(rest, 10)
        words.append(TENS[tens] if not ones else f"{TENS[tens]} {ONES[ones]}")
    elif rest:
        words.append(ONES[rest])
    return words


def number_words(n: int, joiner: str = "") -> str:
    """``480`` -> "four hundred eighty" (``joiner="and"`` gives "four hundred and eighty")."""
    if n < 0:
        return "minus " + number_words(-n, joiner)
    if n == 0:
        return "zero"
    words: list[str] = []
    for size, name in _SCALES:
        if n >= size:
            words += [*_below_thousand(n // size, joiner), name]
            n %= size
    words += _below_thousand(n, joiner)
    return " ".join(words)


def spoken_number_forms(n: int) -> list[str]:
    """The ways an integer is commonly said: plain, with "and", and the colloquial "four eighty"."""
    forms = [number_words(n), number_words(n, "and")]
    hundreds, rest = divmod(n, 100)
    if 10 <= hundreds < 100 and rest and hundreds % 10:
        forms.append(f"{number_words(hundreds)} {number_words(rest)}")
    if 1 <= hundreds < 10 and rest >= 10:
        forms.append(f"{ONES[hundreds]} {number_words(rest)}")
    return list(dict.fromkeys(forms))


def _split(amount: float) -> tuple[int, int]:
    total = round(amount * 100)
    return total // 100, total % 100


def spoken_amount_forms(amount: float, currency: str = "USD") -> list[str]:
    """Spoken forms of a money amount with its currency: "four hundred eighty dollars", and the way
    espeak-ng reads "$480" and "$186.40" ("dollar four hundred eighty", "dollar one hundred eighty
    six point four zero"); with cents also "... dollars and forty cents" and "... dollars forty"."""
    whole, cents = _split(amount)
    singular, plural = CURRENCY_WORDS.get(currency, ("", ""))
    unit = singular if whole == 1 else plural
    forms: list[str] = []
    for spoken in spoken_number_forms(whole):
        if not cents:
            forms += [f"{spoken} {unit}".strip(), f"{singular} {spoken}".strip()]
            continue
        digits = " ".join(ONES[int(d)] for d in f"{cents:02d}")
        forms += [
            f"{spoken} {unit} and {number_words(cents)} cents".replace("  ", " "),
            f"{spoken} {unit} {number_words(cents)}".replace("  ", " "),
            f"{singular} {spoken} point {digits}".strip(),
        ]
    return list(dict.fromkeys(forms))


def spoken_bare_forms(amount: float) -> list[str]:
    """Spoken forms without a currency word: "four hundred eighty", "one eighty six forty"."""
    whole, cents = _split(amount)
    if not cents:
        return spoken_number_forms(whole)
    digits = " ".join(ONES[int(d)] for d in f"{cents:02d}")
    forms = [f"{spoken} point {digits}" for spoken in spoken_number_forms(whole)]
    forms += [f"{spoken} {number_words(cents)}" for spoken in spoken_number_forms(whole)]
    return list(dict.fromkeys(forms))


def written_amount(amount: float, currency: str = "USD") -> str:
    """The written form a transcript shows: "$480", "$1,250.50", "480 CHF"."""
    digits = written_number(amount)
    sign = CURRENCY_SIGNS.get(currency)
    return f"{sign}{digits}" if sign else f"{digits} {currency}"


def written_number(amount: float) -> str:
    """Digits as a transcript writes them: "480", "1,250", "186.40"."""
    whole, cents = _split(amount)
    return f"{whole:,}.{cents:02d}" if cents else f"{whole:,}"
