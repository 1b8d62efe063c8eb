"""Understanding a trainee line: its dialogue acts and the amounts, dates, names and method it names.

A pure module: curated patterns and example phrases per act (``lexicon_en.yaml``), fuzzy name and
phrase matching, and entity parsers that resolve dates against the call date, never the clock.
"""

from game.engine.understand.amounts import parse_amounts
from game.engine.understand.context import Context
from game.engine.understand.dates import parse_dates
from game.engine.understand.lexicon import LexiconError
from game.engine.understand.reader import prepare, understand

__all__ = ["Context", "LexiconError", "parse_amounts", "parse_dates", "prepare", "understand"]
