"""Text from outside made safe to understand and to print.

A line typed in a terminal or piped in can carry bytes that are not UTF-8 (Python hands them over as
lone surrogates, which no encoder accepts), terminal escape sequences (``ESC[31m`` must not become the
amount 31) and other control characters that would ring the bell or repaint the screen when a scorecard
quotes them back. ``clean_line`` is applied where a trainee's words come in; ``printable`` where any
text goes out to a terminal.
"""

from __future__ import annotations

import re

# ESC [ ... final, ESC ] ... BEL/ST, ESC + one char, and the 8-bit CSI form.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[@-Z\\-_]?"
    r"|\x9b[0-?]*[ -/]*[@-~]?"
)
_SURROGATES = re.compile(r"[\ud800-\udfff]+")
# C0 and C1 controls, DEL, and the invisible bidirectional overrides that reorder a quoted line.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"[ \t\r\n]+")


def printable(text: str) -> str:
    """``text`` without escape sequences, control characters (except newlines) or undecodable bytes."""
    text = _SURROGATES.sub("\ufffd", text)
    text = _ESCAPES.sub("", text)
    return _CONTROLS.sub("", text.replace("\t", " ").replace("\r\n", "\n").replace("\r", "\n"))


def clean_line(text: str) -> str:
    """One trainee line: printable, on one line, with runs of spaces made one and the ends trimmed."""
    return _SPACES.sub(" ", printable(text)).strip()
