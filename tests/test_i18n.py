"""The catalogues: every string a trainee reads has a translation in every language, and `_()` uses it."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.i18n import _, current_language, ngettext, set_language, translations
from game.i18n.catalogues import LOCALE_DIR, missing


@pytest.fixture(autouse=True)
def english_after() -> object:
    yield None
    set_language("en")


def test_every_string_in_the_code_is_translated_into_every_language() -> None:
    assert missing() == []


def test_every_catalogue_reads_and_translates_its_own_strings() -> None:
    for po in sorted(LOCALE_DIR.glob("*/*.po")):
        language = po.parent.name
        catalogue = translations(language)
        text = po.read_text(encoding="utf-8")
        assert "msgid" in text, po
        set_language(language)
        assert current_language() == language
        assert catalogue is translations(language)


def test_english_is_the_source_and_unknown_languages_read_as_english() -> None:
    set_language("en")
    assert _("A string no catalogue has") == "A string no catalogue has"
    set_language("xx")
    assert current_language() == "en"
    assert ngettext("{n} call", "{n} calls", 1).format(n=1) == "1 call"
    assert ngettext("{n} call", "{n} calls", 3).format(n=3) == "3 calls"


def test_the_locale_folder_holds_one_catalogue_per_area(tmp_path: Path) -> None:
    names = {po.stem for po in LOCALE_DIR.glob("zh/*.po")}
    assert names <= {"window", "report", "cases", "scorecard", "terminal"}
