"""Every string a trainee reads goes through here: English in the code, other languages in catalogues.

The source strings are English and are the message ids (gettext's convention), so the code reads as
the English product does. Each language has gettext catalogues under ``game/locale/<lang>/``, one
``.po`` file per area of the product (``window.po``, ``terminal.po``, ``report.po``, ...), so areas
are translated apart. Babel reads the ``.po`` files directly: there is no compiled file to keep in
step. The shell sets the language once per call (it follows the scenario, or the trainee's Settings);
the pure core never reads it.

Usage: ``_("Balance due")``, ``ngettext("{n} line said", "{n} lines said", n).format(n=n)``, and
``N_("Calm tone")`` to mark a constant for extraction where it is defined and translate it with
``_()`` where it is shown. Placeholders are named, so a translation may reorder them.
"""

from __future__ import annotations

import gettext
import io
from functools import cache
from importlib import resources

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LANGUAGES: tuple[str, ...] = ("en", "zh")
DEFAULT_LANGUAGE = "en"
LOCALE_PACKAGE = "game.locale"

_active: list[str] = [DEFAULT_LANGUAGE]


def set_language(language: str) -> None:
    """Make ``language`` the one every following ``_()`` answers in (unknown languages read as English)."""
    _active[0] = language if language in LANGUAGES else DEFAULT_LANGUAGE


def current_language() -> str:
    """The language ``_()`` answers in now."""
    return _active[0]


@cache
def translations(language: str) -> gettext.NullTranslations:
    """All of a language's catalogues as one translations object (English: the source strings)."""
    merged: gettext.NullTranslations = gettext.NullTranslations()
    folder = resources.files(LOCALE_PACKAGE) / language
    if language == DEFAULT_LANGUAGE or not folder.is_dir():
        return merged
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if not entry.name.endswith(".po"):
            continue
        with entry.open("rb") as handle:
            catalog = read_po(handle, locale=language)
        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        buffer.seek(0)
        area = gettext.GNUTranslations(buffer)
        area.add_fallback(merged)
        merged = area
    return merged


def _(message: str) -> str:
    """``message`` in the current language (itself when no catalogue has it)."""
    return translations(_active[0]).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for ``count``, in the current language."""
    return translations(_active[0]).ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark ``message`` for the catalogues without translating it here."""
    return message
