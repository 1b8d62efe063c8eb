"""Keep the catalogues in step with the code: ``python -m game.i18n.catalogues [--check]``.

Babel extracts every ``_()``, ``N_()`` and ``ngettext()`` string from the Python sources and every
``{% trans %}``/``_()`` string from the Jinja2 templates; each string goes to the area's catalogue
named by ``AREAS`` (the first matching folder wins). New strings are added untranslated, strings no
longer in the code are dropped, translations already made are kept. ``--check`` changes nothing and
exits 1 listing every string that some language lacks, which is how the tests hold "every string a
trainee reads is translated".
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from game.i18n import DEFAULT_LANGUAGE, LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
LOCALE_DIR = ROOT / "game" / "locale"
SOURCES = ("game", "scoring")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
METHODS = [("**/locale/**", "ignore"), ("**.py", "python"), ("**/templates/**.j2", "jinja2")]
OPTIONS = {"**/templates/**.j2": {"extensions": "jinja2.ext.i18n"}}
# Where a string is used decides which catalogue keeps it; the last entry catches the rest.
AREAS: tuple[tuple[str, str], ...] = (
    ("game/ui/", "window"),
    ("game/store/", "report"),
    ("game/cases/", "cases"),
    ("scoring/", "scorecard"),
    ("", "terminal"),
)

# Fixed header fields, so that updating a catalogue changes only the strings in it.
HEADER = {
    "project": "collector-sim",
    "copyright_holder": "Collector Sim",
    "msgid_bugs_address": "",
    "last_translator": "Collector Sim",
    "language_team": "Collector Sim",
    "creation_date": dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    "revision_date": dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    "fuzzy": False,
}

Message = tuple[str | tuple[str, str], str, int]  # id (or singular, plural), file, line


def _area(path: str) -> str:
    return next(name for prefix, name in AREAS if path.startswith(prefix))


def extracted() -> Iterator[Message]:
    """Every translatable string in the sources, with where it is used."""
    for source in SOURCES:
        for filename, lineno, message, _comments, _context in extract_from_dir(
            ROOT / source, METHODS, keywords=KEYWORDS, options_map=OPTIONS
        ):
            if isinstance(message, tuple):
                singular, plural = message[0], message[1]
                yield ((singular, plural) if plural else singular), f"{source}/{filename}", lineno
            else:
                yield message, f"{source}/{filename}", lineno


def templates() -> dict[str, Catalog]:
    """One catalogue template per area, holding the strings that area uses."""
    areas = {name: Catalog(**HEADER) for _prefix, name in AREAS}  # type: ignore[arg-type]
    for message, path, line in extracted():
        areas[_area(path)].add(message, locations=[(path, line)])
    return areas


def _po_path(language: str, area: str) -> Path:
    return LOCALE_DIR / language / f"{area}.po"


def _read(path: Path, language: str) -> Catalog:
    if not path.exists():
        return Catalog(locale=language, **HEADER)  # type: ignore[arg-type]
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    catalog.fuzzy = False
    return catalog


def missing() -> list[str]:
    """``LANG AREA: "string"`` for every string some language has no translation of."""
    gaps = []
    for area, template in templates().items():
        for language in LANGUAGES:
            if language == DEFAULT_LANGUAGE:
                continue
            catalog = _read(_po_path(language, area), language)
            for message in template:
                if not message.id:
                    continue
                known = catalog.get(message.id)
                strings = known.string if known is not None else None
                filled = all(strings) if isinstance(strings, tuple) else bool(strings)
                if not filled:
                    key = message.id[0] if isinstance(message.id, tuple) else message.id
                    gaps.append(f"{language} {area}: {key!r} ({message.locations[0][0]}:{message.locations[0][1]})")
    return gaps


def update() -> None:
    """Bring every language's catalogues in step with the code, keeping translations already made."""
    for area, template in templates().items():
        for language in LANGUAGES:
            if language == DEFAULT_LANGUAGE:
                continue
            path = _po_path(language, area)
            catalog = _read(path, language)
            catalog.update(template, no_fuzzy_matching=True)
            catalog.obsolete.clear()
            catalog.revision_date = HEADER["revision_date"]  # type: ignore[assignment]
            catalog.last_translator = catalog.language_team = "Collector Sim"
            catalog.msgid_bugs_address = ""
            catalog.header_comment = f"# Collector Sim: the {area} strings in {language} (game.i18n.catalogues)."
            if not len(catalog):
                path.unlink(missing_ok=True)
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("wb") as handle:
                write_po(handle, catalog, width=120, sort_by_file=True, include_lineno=False)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args == ["--check"]:
        gaps = missing()
        for gap in gaps:
            print(gap)
        print(f"{len(gaps)} string(s) untranslated." if gaps else "Every string is translated.")
        return 1 if gaps else 0
    if args:
        print("usage: python -m game.i18n.catalogues [--check]", file=sys.stderr)
        return 2
    update()
    return 0


if __name__ == "__main__":
    sys.exit(main())
