"""Drawing helpers shared by the scenes: wrapped text, panels, bars, stars, chips.

Text wraps on spaces for Latin scripts and between characters for Chinese, which has none; Chinese
punctuation keeps to its character (no line starts with "，" or ends with "（"), and a run of Latin
letters or digits inside a Chinese line ("12500元", "app") stays whole.
"""

from __future__ import annotations

import math

import pygame

from game.ui.look import Colour, Look, Palette

# Chinese punctuation that may not start a line (it stays with the character before) or end one.
NO_LINE_START = frozenset("，。、；：？！）》」』】〕”’…—·％")
NO_LINE_END = frozenset("（《「『【〔“‘")


def _is_wide(ch: str) -> bool:
    """A Chinese character or full-width punctuation: a line may break on either side of it."""
    return "\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\uffef"


def _tokens(text: str) -> list[str]:
    """Words with their trailing space; every Chinese character is a token of its own, with the
    punctuation that must stay beside it."""
    out: list[str] = []
    word = ""
    opening = ""
    for ch in text:
        last = out[-1][-1:] if out and not word else ""
        after_chinese = bool(last) and (_is_wide(last) or last in NO_LINE_START)
        if _is_wide(ch):
            if word:
                out.append(word)
                word = ""
            if ch in NO_LINE_START and out:
                out[-1] += ch
            elif ch in NO_LINE_END:
                opening += ch
            else:
                out.append(opening + ch)
                opening = ""
        elif ch == " ":
            out.append(opening + word + " ")
            word = opening = ""
        elif after_chinese and ch in NO_LINE_START:  # "……" or a closing quote after a Chinese character
            out[-1] += ch
        elif after_chinese and ch in NO_LINE_END:  # an opening quote before one
            opening += ch
        else:
            word = opening + word + ch
            opening = ""
    if word or opening:
        out.append(opening + word)
    return out


def break_points(text: str) -> list[int]:
    """Where a line of ``text`` may end (indexes just past a space, or between two characters where
    one is Chinese), with Chinese punctuation kept beside its character."""
    points = []
    for pos, ch in enumerate(text[:-1]):
        after = text[pos + 1]
        chinese = (_is_wide(ch) or _is_wide(after)) and after != " "
        if ch == " " or (chinese and ch not in NO_LINE_END and after not in NO_LINE_START):
            points.append(pos + 1)
    if text.endswith(" "):
        points.append(len(text))
    return points


def rejoin(lines: list[str]) -> str:
    """Wrapped lines back into one text: a space between Latin words, none between Chinese characters."""
    text = ""
    for line in lines:
        if text and line and not (_is_wide(text[-1]) or _is_wide(line[0])):
            text += " "
        text += line
    return text


def wrap(font: pygame.font.Font, text: str, width: int) -> list[str]:
    """Lines that fit ``width`` pixels; explicit newlines are kept."""
    lines: list[str] = []
    for para in text.split("\n"):
        line = ""
        for token in _tokens(para):
            trial = line + token
            if line and font.size(trial.rstrip())[0] > width:
                lines.append(line.rstrip())
                line = token
            else:
                line = trial
            while font.size(line.rstrip())[0] > width and len(line) > 1:
                cut = len(line) - 1
                while cut > 1 and font.size(line[:cut])[0] > width:
                    cut -= 1
                lines.append(line[:cut])
                line = line[cut:]
        lines.append(line.rstrip())
    return lines


def fit(font: pygame.font.Font, text: str, width: int) -> str:
    """The text, cut with an ellipsis if it is wider than ``width``."""
    if font.size(text)[0] <= width:
        return text
    while text and font.size(text + "...")[0] > width:
        text = text[:-1]
    return text.rstrip() + "..."


def text(
    surface: pygame.Surface,
    font: pygame.font.Font,
    value: str,
    colour: Colour,
    pos: tuple[int, int],
    anchor: str = "topleft",
) -> pygame.Rect:
    image = font.render(value, True, colour)
    rect = image.get_rect(**{anchor: pos})
    surface.blit(image, rect)
    return rect


def paragraph(
    surface: pygame.Surface,
    font: pygame.font.Font,
    value: str,
    colour: Colour,
    rect: pygame.Rect,
    max_lines: int | None = None,
) -> int:
    """Wrapped text inside ``rect``; returns the height used."""
    lines = wrap(font, value, rect.width)
    if max_lines is not None and len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], fit(font, lines[max_lines - 1] + " ...", rect.width)]
    step = font.get_linesize()
    y = rect.y
    for line in lines:
        if y + step > rect.bottom + step // 3:
            break
        surface.blit(font.render(line, True, colour), (rect.x, y))
        y += step
    return y - rect.y


def panel(
    surface: pygame.Surface,
    rect: pygame.Rect,
    palette: Palette,
    *,
    radius: int = 14,
    fill: Colour | None = None,
    edge: Colour | None = None,
    edge_width: int = 1,
) -> None:
    """A card: soft shadow, fill and a thin edge."""
    if palette.shadow[3]:
        shadow = pygame.Surface((rect.width + 8, rect.height + 10), pygame.SRCALPHA)
        pygame.draw.rect(
            shadow, palette.shadow, shadow.get_rect().inflate(-6, -6).move(0, 3), border_radius=radius
        )
        surface.blit(shadow, (rect.x - 4, rect.y - 2))
    pygame.draw.rect(surface, fill or palette.panel, rect, border_radius=radius)
    pygame.draw.rect(surface, edge or palette.panel_edge, rect, edge_width, border_radius=radius)


def confirm(surface: pygame.Surface, look: Look, question: str, keys: str) -> None:
    """A yes/no question over a dimmed screen, with the keys that answer it (quitting, hanging up)."""
    palette, fonts = look.palette, look.fonts
    shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    shade.fill((0, 0, 0, 120))
    surface.blit(shade, (0, 0))
    box = pygame.Rect(0, 0, min(520, surface.get_width() - 40), 170)
    box.center = surface.get_rect().center
    panel(surface, box, palette)
    text(surface, fonts.get(21, bold=True), question, palette.ink, (box.centerx, box.y + 28), "midtop")
    text(surface, fonts.get(16), keys, palette.muted, (box.centerx, box.y + 90), "midtop")


def bar(surface: pygame.Surface, rect: pygame.Rect, fraction: float, colour: Colour, track: Colour) -> None:
    """A rounded progress bar filled to ``fraction`` (0-1)."""
    radius = rect.height // 2
    pygame.draw.rect(surface, track, rect, border_radius=radius)
    filled = rect.copy()
    filled.width = max(rect.height if fraction > 0 else 0, round(rect.width * max(0.0, min(1.0, fraction))))
    if filled.width:
        pygame.draw.rect(surface, colour, filled, border_radius=radius)


def star_points(center: tuple[float, float], outer: float) -> list[tuple[float, float]]:
    inner = outer * 0.45
    points = []
    for i in range(10):
        angle = -math.pi / 2 + i * math.pi / 5
        r = outer if i % 2 == 0 else inner
        points.append((center[0] + r * math.cos(angle), center[1] + r * math.sin(angle)))
    return points


def stars(
    surface: pygame.Surface, center: tuple[int, int], count: int, of: int, size: int, palette: Palette
) -> pygame.Rect:
    """``of`` stars in a row, the first ``count`` filled."""
    gap = size * 2 + size // 2
    left = center[0] - gap * (of - 1) / 2
    for i in range(of):
        points = star_points((left + i * gap, center[1]), size)
        if i < count:
            pygame.draw.polygon(surface, palette.star, points)
        else:
            pygame.draw.polygon(surface, palette.track, points)
        pygame.draw.aalines(surface, palette.star if i < count else palette.muted, True, points)
    return pygame.Rect(round(left - size), center[1] - size, round(gap * (of - 1) + 2 * size), 2 * size)


def chip(
    surface: pygame.Surface,
    font: pygame.font.Font,
    label: str,
    pos: tuple[int, int],
    on: bool,
    palette: Palette,
) -> pygame.Rect:
    """A pill that lights up when a principle has been met; a tick marks it for colour-blind eyes."""
    shown = ("✓ " if on else "○ ") + label
    w, h = font.size(shown)
    rect = pygame.Rect(pos[0], pos[1], w + 24, h + 10)
    if on:
        pygame.draw.rect(surface, palette.accent, rect, border_radius=rect.height // 2)
        colour = palette.panel
    else:
        pygame.draw.rect(surface, palette.panel, rect, border_radius=rect.height // 2)
        pygame.draw.rect(surface, palette.panel_edge, rect, 1, border_radius=rect.height // 2)
        colour = palette.muted
    text(surface, font, shown, colour, rect.center, "center")
    return rect


def focus_ring(surface: pygame.Surface, rect: pygame.Rect, palette: Palette, radius: int = 12) -> None:
    """The keyboard focus: a clear outline a few pixels outside the target."""
    pygame.draw.rect(surface, palette.focus, rect.inflate(8, 8), 3, border_radius=radius + 4)


def header(
    surface: pygame.Surface,
    title_font: pygame.font.Font,
    hint_font: pygame.font.Font,
    title: str,
    hint: str,
    palette: Palette,
) -> int:
    """The strip at the top of a scene: its title on the left, its keys on the right; returns its height."""
    width = surface.get_width()
    height = title_font.get_linesize() + 28
    pygame.draw.rect(surface, palette.panel, (0, 0, width, height))
    pygame.draw.line(surface, palette.panel_edge, (0, height - 1), (width, height - 1))
    left = text(surface, title_font, title, palette.ink, (28, height // 2), "midleft")
    room = width - left.right - 60
    if room > 40:
        text(
            surface,
            hint_font,
            fit(hint_font, hint, room),
            palette.muted,
            (width - 28, height // 2),
            "midright",
        )
    return height


def screen() -> pygame.Surface:
    """The window's surface (the window is open whenever a scene runs)."""
    surface = pygame.display.get_surface()
    if surface is None:
        raise RuntimeError("the window is not open")
    return surface
