"""How wide text is in a terminal, so tables and wrapped lines line up with Chinese in them.

A Chinese character takes two columns of a monospaced terminal, a combining mark none; ``len()``
counts both as one, which pushes every column after a Chinese title out of line. The width rules
are Unicode's East Asian Width (standard library ``unicodedata``): wide and fullwidth characters
count two. Pure functions, no terminal queries: the same text gives the same layout everywhere.
"""

from __future__ import annotations

import unicodedata


def char_width(char: str) -> int:
    """Columns one character takes: 2 for wide (CJK), 0 for combining marks and controls, else 1."""
    if unicodedata.combining(char) or unicodedata.category(char) in ("Cc", "Cf", "Mn", "Me"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def width(text: str) -> int:
    """Columns ``text`` takes in a monospaced terminal."""
    return sum(char_width(c) for c in text)


def ljust(text: str, columns: int) -> str:
    """``text`` padded with spaces on the right to ``columns`` display columns (never cut)."""
    return text + " " * max(0, columns - width(text))


def rjust(text: str, columns: int) -> str:
    """``text`` padded with spaces on the left to ``columns`` display columns (never cut)."""
    return " " * max(0, columns - width(text)) + text


def _is_wide(char: str) -> bool:
    return char_width(char) == 2


def _closes(char: str) -> bool:
    category = unicodedata.category(char)
    return category in ("Pe", "Pf") or (_is_wide(char) and category == "Po")


def _pieces(text: str) -> list[str]:
    """Words and the spaces between them; each wide character is a word of its own, since Chinese
    breaks between any two characters, except that closing punctuation (，。！？」) stays with the
    character before it, so no line starts with a comma, and a figure keeps its unit (5000元)."""
    pieces: list[str] = []
    for char in text:
        if pieces and pieces[-1] != " " and (_closes(char) or (_is_wide(char) and not _is_wide(pieces[-1][-1]))):
            pieces[-1] += char
        elif char == " " or _is_wide(char):
            pieces.append(char)
        elif pieces and pieces[-1] != " " and not _is_wide(pieces[-1][-1]):
            pieces[-1] += char
        else:
            pieces.append(char)
    return pieces


def wrap(text: str, columns: int, indent: int = 0, hanging: int | None = None) -> list[str]:
    """``text`` in lines of at most ``columns`` display columns: English breaks at spaces, Chinese
    between characters; a word longer than a line is cut. The first line is indented ``indent``
    spaces, the others ``hanging`` (default: ``indent``). An empty text is one empty line."""
    after = indent if hanging is None else hanging
    lines: list[str] = []
    line, used = " " * indent, indent
    for piece in _pieces(" ".join(text.split())):
        size = width(piece)
        if piece == " ":
            if used + 1 <= columns and line.strip():
                line, used = line + " ", used + 1
            continue
        if used + size > columns and line.strip():
            lines.append(line.rstrip())
            line, used = " " * after, after
        while used + size > columns and size > 1:  # a word too long for any line: cut it
            room = columns - used
            head, rest, taken = "", piece, 0
            while rest and taken + char_width(rest[0]) <= room:
                taken += char_width(rest[0])
                head, rest = head + rest[0], rest[1:]
            if not head:
                break
            lines.append(line + head)
            line, used, piece, size = " " * after, after, rest, width(rest)
        line, used = line + piece, used + size
    if line.strip() or not lines:
        lines.append(line.rstrip() if line.strip() else "")
    return lines
