"""Persona portraits, drawn by code, with four expressions: calm, annoyed, angry, pleased.

A portrait is a round head-and-shoulders picture. A scenario's ``persona.portrait`` names either an
image in ``assets/portraits`` (``NAME.png`` for every expression, or ``NAME-EXPRESSION.png`` each) or a
drawn style in ``assets/portraits/styles.json``; words in the scenario's id or title add touches (a
retiree's grey hair), the archetype sets the backdrop, and a hash of the debtor's name varies the rest
(skin, hair, eyes, glasses), so every persona looks like someone and the same one every time. A
missing or unreadable image falls back to the drawn portrait and logs a notice.

Faces are drawn at twice the size asked for and scaled down, which smooths every edge.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import pygame

from game.engine.scenario.models import Scenario
from game.ui.look import ASSETS

EXPRESSIONS = ("calm", "annoyed", "angry", "pleased")
PORTRAIT_DIR = ASSETS / "portraits"
log = logging.getLogger(__name__)
RGB = tuple[int, int, int]

SKINS: tuple[RGB, ...] = (
    (250, 215, 186),
    (237, 192, 160),
    (222, 170, 130),
    (198, 140, 100),
    (160, 104, 70),
    (118, 76, 52),
)
HAIRS: tuple[RGB, ...] = (
    (40, 30, 26),
    (74, 50, 34),
    (112, 74, 44),
    (150, 84, 46),
    (206, 168, 100),
    (28, 26, 30),
)
GREY: tuple[RGB, ...] = ((178, 178, 184), (214, 214, 218), (150, 148, 150))
EYES: tuple[RGB, ...] = ((70, 46, 30), (52, 92, 140), (60, 110, 80), (96, 72, 42))
CLOTHES: tuple[RGB, ...] = (
    (52, 84, 128),
    (120, 52, 60),
    (64, 104, 84),
    (88, 88, 96),
    (150, 110, 60),
    (70, 60, 110),
)


@dataclass(frozen=True)
class Face:
    """What makes one persona look like themself."""

    female: bool
    skin: RGB
    hair: RGB
    hair_style: str
    beard: str
    eye: RGB
    glasses: bool
    outfit: str
    cloth: RGB
    hat: str
    headset: bool
    age: str
    backdrop: RGB


@dataclass(frozen=True)
class Expression:
    """How the features sit for one mood."""

    brow_tilt: float
    brow_raise: float
    eye_open: float
    mouth: str
    curve: float
    flush: float
    blush: float


EXPRESSION_SHAPES = {
    "calm": Expression(0.0, 0.0, 1.0, "line", 1.6, 0.0, 0.0),
    "annoyed": Expression(2.6, 0.8, 0.68, "line", -0.9, 0.12, 0.0),
    "angry": Expression(6.0, 1.6, 0.55, "shout", -2.6, 0.42, 0.0),
    "pleased": Expression(-1.6, -1.6, 1.0, "grin", 3.2, 0.0, 0.4),
}


def _hex(value: str) -> RGB:
    value = value.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


@lru_cache(maxsize=1)
def _styles() -> dict[str, Any]:
    try:
        data: dict[str, Any] = json.loads((PORTRAIT_DIR / "styles.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        log.warning("portrait styles could not be read (%s); using plain drawn portraits", err)
        return {"styles": {}, "keywords": {}, "archetypes": {}}
    return data


def face_for(name: str, archetype: str, *, female: bool, style: str | None = None, words: str = "") -> Face:
    """The face of a persona: varied by a hash of its name, shaped by its style and archetype."""
    digest = hashlib.sha256(name.encode("utf-8")).digest()

    def pick(seq: tuple[Any, ...], i: int) -> Any:
        return seq[digest[i] % len(seq)]

    styles = _styles()
    age = pick(("young", "middle", "middle", "old"), 0)
    hair_styles = ("bob", "long", "bun", "ponytail") if female else ("short", "side", "buzz", "bald", "short")
    beards = ("none",) if female else ("none", "none", "stubble", "beard", "moustache")
    face = Face(
        female=female,
        skin=pick(SKINS, 1),
        hair=pick(HAIRS, 2),
        hair_style=pick(hair_styles, 3),
        beard=pick(beards, 4),
        eye=pick(EYES, 5),
        glasses=digest[6] % 4 == 0,
        outfit=pick(("tee", "collar", "hoodie", "sweater"), 7),
        cloth=pick(CLOTHES, 8),
        hat="none",
        headset=False,
        age=age,
        backdrop=(214, 222, 230),
    )
    arch = styles.get("archetypes", {}).get(archetype, {})
    if "backdrop" in arch:
        face = replace(face, backdrop=_hex(arch["backdrop"]))
    chosen = style if style in styles.get("styles", {}) else None
    if chosen is None:
        lowered = words.lower()
        for word, named in styles.get("keywords", {}).items():
            if word in lowered:
                chosen = named
                break
    touches = styles.get("styles", {}).get(chosen, {}) if chosen else {}
    face = replace(face, **{k: v for k, v in touches.items() if k in Face.__dataclass_fields__})
    if face.age == "old":
        face = replace(
            face, hair=pick(GREY, 2), hair_style="bald" if not female and digest[3] % 2 else face.hair_style
        )
    return face


def face_of(scenario: Scenario) -> Face:
    persona = scenario.persona
    name = persona.name or scenario.account.debtor_name
    return face_for(
        name,
        persona.archetype,
        female=persona.voice.gender == "female",
        style=persona.portrait,
        words=f"{scenario.id} {scenario.title}",
    )


# drawing ------------------------------------------------------------------------------------------


class _Pen:
    """Draws in units of 1/100 of the canvas, so the face scales to any size."""

    ZOOM = 1.22

    def __init__(self, surface: pygame.Surface) -> None:
        self.s = surface
        self.half = surface.get_width() / 2
        self.u = surface.get_width() / 100 * self.ZOOM

    def p(self, x: float, y: float) -> tuple[float, float]:
        return ((x - 50) * self.u + self.half, (y - 50) * self.u + self.half)

    def ell(self, colour: Any, cx: float, cy: float, w: float, h: float, width: float = 0) -> None:
        rect = pygame.Rect(0, 0, round(w * self.u), round(h * self.u))
        centre = self.p(cx, cy)
        rect.center = (round(centre[0]), round(centre[1]))
        pygame.draw.ellipse(self.s, colour, rect, round(width * self.u) if width else 0)

    def circle(self, colour: Any, cx: float, cy: float, r: float) -> None:
        pygame.draw.circle(self.s, colour, self.p(cx, cy), r * self.u)

    def poly(self, colour: Any, pts: list[tuple[float, float]]) -> None:
        pygame.draw.polygon(self.s, colour, [self.p(x, y) for x, y in pts])

    def rect(self, colour: Any, x: float, y: float, w: float, h: float, radius: float = 0) -> None:
        left, top = self.p(x, y)
        r = pygame.Rect(round(left), round(top), round(w * self.u), round(h * self.u))
        pygame.draw.rect(self.s, colour, r, border_radius=round(radius * self.u))

    def stroke(self, colour: Any, pts: list[tuple[float, float]], width: float) -> None:
        scaled = [self.p(x, y) for x, y in pts]
        w = max(1, round(width * self.u))
        if len(scaled) > 1:
            pygame.draw.lines(self.s, colour, False, scaled, w)
        for point in scaled:
            pygame.draw.circle(self.s, colour, point, w / 2)


def _bez(
    p0: tuple[float, float], p1: tuple[float, float], p2: tuple[float, float], n: int = 18
) -> list[tuple[float, float]]:
    out = []
    for i in range(n + 1):
        t = i / n
        a, b, c = (1 - t) ** 2, 2 * (1 - t) * t, t * t
        out.append((a * p0[0] + b * p1[0] + c * p2[0], a * p0[1] + b * p1[1] + c * p2[1]))
    return out


def _arc(
    cx: float, cy: float, rx: float, ry: float, a0: float, a1: float, n: int = 28
) -> list[tuple[float, float]]:
    return [
        (cx + rx * math.cos(a0 + (a1 - a0) * i / n), cy + ry * math.sin(a0 + (a1 - a0) * i / n))
        for i in range(n + 1)
    ]


def _shade(colour: RGB, factor: float) -> RGB:
    return (
        max(0, min(255, round(colour[0] * factor))),
        max(0, min(255, round(colour[1] * factor))),
        max(0, min(255, round(colour[2] * factor))),
    )


def _mix(a: RGB, b: RGB, t: float) -> RGB:
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t), round(a[2] + (b[2] - a[2]) * t))


HEAD = (50.0, 45.0, 37.0, 46.0)  # centre x, centre y, width, height


def _backdrop(surface: pygame.Surface, face: Face) -> None:
    half = surface.get_width() / 2
    for i in range(12):
        t = i / 11
        colour = _mix(_shade(face.backdrop, 0.86), _shade(face.backdrop, 1.08), t)
        pygame.draw.circle(surface, colour, (half, half * (1 - t * 0.12)), half * (1 - t * 0.44))


def _hair_back(pen: _Pen, face: Face) -> None:
    hair = face.hair
    if face.hair_style == "long":
        pen.rect(hair, 29, 30, 42, 56, 14)
    elif face.hair_style == "bob":
        pen.ell(hair, 50, 45, 46, 48)
        pen.rect(hair, 28, 44, 44, 20, 8)
    elif face.hair_style == "ponytail":
        pen.ell(hair, 50, 40, 42, 40)
    elif face.hair_style == "bun":
        pen.circle(hair, 50, 18, 9)
        pen.ell(hair, 50, 40, 41, 38)
    elif face.hair_style != "bald":
        pen.ell(hair, 50, 39, 41, 36)


def _body(pen: _Pen, face: Face) -> None:
    skin_dark = _shade(face.skin, 0.86)
    cloth = face.cloth
    pen.rect(skin_dark, 42.5, 58, 15, 24, 5)
    if face.outfit == "hi_vis":
        cloth = (96, 100, 110)
    pen.ell(cloth, 50, 104, 84, 52)
    if face.outfit in ("tee", "hoodie", "sweater", "hi_vis"):
        pen.ell(skin_dark, 50, 80.5, 18, 8)
        pen.stroke(_shade(cloth, 0.8), _arc(50, 80.5, 9, 4, 0, math.pi), 1.2)
    if face.outfit == "hoodie":
        pen.stroke(_shade(cloth, 0.75), _bez((36, 80), (50, 95), (64, 80)), 2.6)
        pen.stroke((235, 235, 235), [(46, 86), (45, 96)], 0.8)
        pen.stroke((235, 235, 235), [(54, 86), (55, 96)], 0.8)
    if face.outfit in ("collar", "blouse"):
        pen.poly(skin_dark, [(43, 78), (57, 78), (50, 88)])
        light = (240, 240, 236) if face.outfit == "blouse" else _shade(cloth, 1.2)
        pen.poly(light, [(41, 78), (50, 88), (45, 91), (38, 82)])
        pen.poly(light, [(59, 78), (50, 88), (55, 91), (62, 82)])
    if face.outfit == "suit":
        pen.ell((38, 44, 58), 50, 104, 84, 52)
        pen.poly((244, 244, 240), [(42, 78), (58, 78), (55, 100), (45, 100)])
        pen.poly((150, 40, 50), [(48.5, 84), (51.5, 84), (53, 100), (50, 103), (47, 100)])
        pen.poly((30, 34, 46), [(41, 79), (48, 98), (40, 100), (33, 84)])
        pen.poly((30, 34, 46), [(59, 79), (52, 98), (60, 100), (67, 84)])
        pen.poly(skin_dark, [(44, 78), (56, 78), (50, 84)])
    if face.outfit == "cardigan":
        pen.poly((236, 232, 222), [(42, 79), (58, 79), (50, 100)])
        pen.poly(_shade(cloth, 0.85), [(40, 79), (50, 101), (44, 108), (30, 86)])
        pen.poly(_shade(cloth, 0.85), [(60, 79), (50, 101), (56, 108), (70, 86)])
        for y in (91, 98):
            pen.circle((230, 220, 200), 47.4 if y == 91 else 48.3, y, 0.9)
        pen.poly(skin_dark, [(44, 79), (56, 79), (50, 86)])
    if face.outfit == "apron":
        pen.rect((214, 196, 160), 38, 88, 24, 20, 3)
        pen.stroke((214, 196, 160), [(39, 89), (42, 79)], 1.6)
        pen.stroke((214, 196, 160), [(61, 89), (58, 79)], 1.6)
    if face.outfit == "hi_vis":
        vest = (246, 168, 28)
        pen.poly(vest, [(20, 96), (34, 80), (44, 84), (44, 110), (18, 110)])
        pen.poly(vest, [(80, 96), (66, 80), (56, 84), (56, 110), (82, 110)])
        for stripe in (93.0, 99.0):
            pen.stroke((214, 218, 224), [(22, stripe + 1), (44, stripe)], 1.8)
            pen.stroke((214, 218, 224), [(56, stripe), (78, stripe + 1)], 1.8)


def _head(pen: _Pen, face: Face) -> None:
    cx, cy, w, h = HEAD
    pen.ell(_shade(face.skin, 0.93), cx - w / 2 + 0.5, cy + 1, 6, 9)
    pen.ell(_shade(face.skin, 0.93), cx + w / 2 - 0.5, cy + 1, 6, 9)
    pen.ell(_shade(face.skin, 0.8), cx - w / 2 + 0.8, cy + 1, 2.4, 4.5)
    pen.ell(_shade(face.skin, 0.8), cx + w / 2 - 0.8, cy + 1, 2.4, 4.5)
    pen.ell(face.skin, cx, cy, w, h)
    shade = pygame.Surface(pen.s.get_size(), pygame.SRCALPHA)
    sp = _Pen(shade)
    sp.ell((*_shade(face.skin, 0.85), 45), cx + 3.5, cy + 4, w - 2, h - 4)
    sp.ell((0, 0, 0, 0), cx - 1.5, cy - 1, w - 3, h - 5)
    pen.s.blit(shade, (0, 0))
    if face.age == "old":
        line = _shade(face.skin, 0.8)
        for y in (31.5, 34):
            pen.stroke(line, _bez((43, y), (50, y - 1.2), (57, y)), 0.5)
        pen.stroke(line, _bez((39.5, 53), (39, 57), (41, 60)), 0.5)
        pen.stroke(line, _bez((60.5, 53), (61, 57), (59, 60)), 0.5)


def _hair_front(pen: _Pen, face: Face) -> None:
    hair = face.hair
    cx, cy, w, h = HEAD
    style = face.hair_style
    if style == "bald":
        for a0, a1 in ((0.86, 1.1), (1.9, 2.14)):
            outer = _arc(cx, cy, w / 2 + 0.9, h / 2 + 0.9, math.pi * a0, math.pi * a1, 10)
            inner = _arc(cx, cy, w / 2 - 1.6, h / 2 - 1.6, math.pi * a1, math.pi * a0, 10)
            pen.poly(hair, outer + inner)
        pen.ell(_shade(face.skin, 1.12), cx - 6, cy - 17, 8, 3.5)
        return
    top = _arc(cx, cy - 1, w / 2 + 1.2, h / 2 + 1.4, math.pi * 1.02, math.pi * 1.98)
    if style == "buzz":
        line = _bez((cx + w / 2 - 1, cy - 9), (cx, cy - 21), (cx - w / 2 + 1, cy - 9))
        shade = _mix(hair, face.skin, 0.35)
        pen.poly(shade, top + line)
        return
    if style == "side":
        line = _bez((cx + w / 2, cy - 4), (cx + 10, cy - 22), (cx - 6, cy - 14)) + _bez(
            (cx - 6, cy - 14), (cx - 14, cy - 12), (cx - w / 2, cy - 2)
        )
    elif style == "short":
        line = _bez((cx + w / 2, cy - 5), (cx, cy - 19), (cx - w / 2, cy - 5))
    elif style in ("bob", "long"):
        line = _bez((cx + w / 2 + 0.5, cy + 2), (cx + 6, cy - 18), (cx, cy - 15)) + _bez(
            (cx, cy - 15), (cx - 6, cy - 18), (cx - w / 2 - 0.5, cy + 2)
        )
    else:
        line = _bez((cx + w / 2, cy - 4), (cx, cy - 20), (cx - w / 2, cy - 4))
    pen.poly(hair, top + line)
    pen.stroke(_shade(hair, 1.35), _bez((cx - 8, cy - 20), (cx - 2, cy - 23), (cx + 5, cy - 21.5)), 0.7)


def _hat_and_headset(pen: _Pen, face: Face) -> None:
    cx, cy, w, h = HEAD
    if face.hat == "hard_hat":
        yellow = (250, 196, 40)
        pen.poly(yellow, _arc(cx, cy - 10, w / 2 + 2.5, h / 2 - 2, math.pi, 2 * math.pi))
        pen.rect(_shade(yellow, 0.9), cx - w / 2 - 6, cy - 12, w + 12, 4.2, 2)
        pen.rect(_shade(yellow, 1.1), cx - 2.5, cy - 31, 5, 19, 2)
        pen.stroke(
            _shade(yellow, 1.2), _arc(cx, cy - 10, w / 2 - 3, h / 2 - 7, math.pi * 1.1, math.pi * 1.4), 1.1
        )
    if face.headset:
        dark = (50, 54, 62)
        pen.stroke(dark, _arc(cx, cy - 2, w / 2 + 2.5, h / 2 + 1.5, math.pi * 1.0, math.pi * 2.0), 1.6)
        pen.ell(dark, cx - w / 2 - 1.5, cy + 1, 5, 8)
        pen.stroke(dark, _bez((cx - w / 2 - 1, cy + 4), (cx - 14, cy + 17), (cx - 5, cy + 15)), 1.0)
        pen.circle(dark, cx - 5, cy + 15, 1.4)


def _eyes(pen: _Pen, face: Face, ex: Expression) -> None:
    cy = 46.0
    lid = _shade(face.skin, 0.9)
    for side, x in ((-1, 42.5), (1, 57.5)):
        if ex.mouth == "grin":
            pen.stroke((44, 34, 30), _arc(x, cy + 1.2, 3.8, 2.8, math.pi * 1.1, math.pi * 1.9), 1.0)
            continue
        pen.ell((252, 252, 250), x, cy, 8, 5.2)
        pen.circle(face.eye, x, cy + 0.2, 2.2)
        pen.circle((20, 18, 20), x, cy + 0.2, 1.05)
        pen.circle((255, 255, 255), x + 0.7, cy - 0.6, 0.5)
        if ex.eye_open < 1:
            drop = (1 - ex.eye_open) * 5.4
            tilt = ex.brow_tilt * 0.25 * side
            pen.poly(
                lid,
                [
                    (x - 4.3, cy - 3.2),
                    (x + 4.3, cy - 3.2),
                    (x + 4.3, cy - 2.6 + drop + tilt),
                    (x - 4.3, cy - 2.6 + drop - tilt),
                ],
            )
            pen.stroke(
                (60, 44, 40), [(x - 4.1, cy - 2.6 + drop - tilt), (x + 4.1, cy - 2.6 + drop + tilt)], 0.7
            )
        else:
            pen.stroke((60, 44, 40), _arc(x, cy, 4.1, 2.7, math.pi * 1.05, math.pi * 1.95), 0.7)
        if face.age != "young":
            pen.stroke(
                _shade(face.skin, 0.82), _arc(x, cy + 1.4, 3.2, 1.8, math.pi * 0.15, math.pi * 0.85), 0.35
            )


def _brows(pen: _Pen, face: Face, ex: Expression) -> None:
    colour = _shade(face.hair, 0.8) if face.age != "old" else (140, 138, 140)
    y = 40.2 + ex.brow_raise
    thick = 1.5 if not face.female else 1.1
    for side, x in ((-1, 42.5), (1, 57.5)):
        inner = (x - side * 4.4, y + ex.brow_tilt * 0.55)
        outer = (x + side * 4.6, y - ex.brow_tilt * 0.25)
        mid = ((inner[0] + outer[0]) / 2, (inner[1] + outer[1]) / 2 - 1.1)
        pen.stroke(colour, _bez(inner, mid, outer, 10), thick)


def _nose(pen: _Pen, face: Face) -> None:
    dark = _shade(face.skin, 0.78)
    pen.stroke(dark, _bez((50.8, 47), (52.4, 52.5), (50.6, 54)), 0.6)
    pen.stroke(dark, _bez((47.6, 54.2), (49.5, 55.3), (51.8, 54.2)), 0.5)


def _mouth(pen: _Pen, face: Face, ex: Expression, talking: bool) -> None:
    cy = 60.2
    lip = _mix(_shade(face.skin, 0.72), (170, 70, 70), 0.35)
    dark = (70, 28, 32)
    if ex.mouth == "shout" or talking:
        width = {"shout": 11.0, "grin": 10.0}.get(ex.mouth, 8.0)
        height = {"shout": 7.0, "grin": 4.0}.get(ex.mouth, 2.8)
        if ex.mouth == "grin":
            top = _bez((50 - width / 2, cy - 1), (50, cy + 0.5), (50 + width / 2, cy - 1))
            bottom = _bez((50 + width / 2, cy - 1), (50, cy + height + 2), (50 - width / 2, cy - 1))
        elif ex.mouth == "shout":
            top = _bez((50 - width / 2, cy + 1.5), (50, cy - 3), (50 + width / 2, cy + 1.5))
            bottom = _bez((50 + width / 2, cy + 1.5), (50, cy + height), (50 - width / 2, cy + 1.5))
        else:
            bend = ex.curve * 0.5
            top = _bez(
                (50 - width / 2 + 1, cy - bend * 0.3), (50, cy - 1.2), (50 + width / 2 - 1, cy - bend * 0.3)
            )
            bottom = _bez(
                (50 + width / 2 - 1, cy - bend * 0.3),
                (50, cy + height),
                (50 - width / 2 + 1, cy - bend * 0.3),
            )
        pen.poly(dark, top + bottom)
        if ex.mouth in ("shout", "grin"):
            pen.poly(
                (248, 246, 240), _bez(top[0], (50, top[len(top) // 2][1] + 1.4), top[-1], 10) + top[::-1]
            )
        pen.ell((196, 96, 100), 50, cy + height * 0.62, width * 0.42, height * 0.42)
        pen.stroke(lip, top, 0.55)
        return
    if ex.mouth == "grin":
        top = _bez((44.5, cy - 1.2), (50, cy + 0.6), (55.5, cy - 1.2))
        bottom = _bez((55.5, cy - 1.2), (50, cy + ex.curve + 2.8), (44.5, cy - 1.2))
        pen.poly(dark, top + bottom)
        pen.poly(
            (248, 246, 240), _bez((45.5, cy - 0.9), (50, cy + 2.2), (54.5, cy - 0.9), 10) + top[::-1][2:-2]
        )
        pen.stroke(lip, bottom, 0.6)
        return
    left, right = (45.0, cy), (55.0, cy + (0.5 if ex.curve < 0 else 0))
    pen.stroke(lip, _bez(left, (50, cy + ex.curve), right, 14), 0.95)


def _facial_hair(pen: _Pen, face: Face) -> None:
    if face.beard == "none":
        return
    cx, cy, w, h = HEAD
    if face.beard == "stubble":
        layer = pygame.Surface(pen.s.get_size(), pygame.SRCALPHA)
        lp = _Pen(layer)
        jaw = _arc(cx, cy + 2, w / 2 - 0.6, h / 2 - 2.2, 0.05 * math.pi, 0.95 * math.pi)
        lp.poly(
            (*face.hair, 60),
            [(cx + w / 2 - 2, cy + 9), *jaw, (cx - w / 2 + 2, cy + 9), (cx - 7, cy + 13), (cx + 7, cy + 13)],
        )
        lp.ell((0, 0, 0, 0), cx, 60.5, 13, 6)
        pen.s.blit(layer, (0, 0))
        return
    if face.beard == "beard":
        jaw = _arc(cx, cy + 1.5, w / 2 + 0.4, h / 2 + 1.2, 0.0, math.pi)
        pen.poly(
            face.hair,
            [(cx + w / 2, cy + 2), *jaw, (cx - w / 2, cy + 2), (cx - 7, cy + 10.5), (cx + 7, cy + 10.5)],
        )
        pen.ell(face.skin, cx, 60.5, 12, 5.5)
    pen.poly(face.hair, [(44, 57.6), (50, 56.2), (56, 57.6), (55, 58.8), (50, 58), (45, 58.8)])


def _glasses(pen: _Pen, face: Face) -> None:
    if not face.glasses:
        return
    frame = (40, 40, 48)
    for x in (42.5, 57.5):
        r = pygame.Rect(0, 0, round(11 * pen.u), round(8 * pen.u))
        centre = pen.p(x, 46.5)
        r.center = (round(centre[0]), round(centre[1]))
        glass = pygame.Surface(r.size, pygame.SRCALPHA)
        pygame.draw.rect(glass, (255, 255, 255, 40), glass.get_rect(), border_radius=round(2.5 * pen.u))
        pen.s.blit(glass, r)
        pygame.draw.rect(pen.s, frame, r, max(1, round(0.8 * pen.u)), border_radius=round(2.5 * pen.u))
    pen.stroke(frame, _bez((48, 46), (50, 44.8), (52, 46), 8), 0.7)


def _mood_tint(pen: _Pen, face: Face, ex: Expression) -> None:
    cx, cy, w, h = HEAD
    if ex.flush:
        layer = pygame.Surface(pen.s.get_size(), pygame.SRCALPHA)
        lp = _Pen(layer)
        lp.ell((214, 40, 30, round(45 * ex.flush)), cx, cy - 4, w - 4, h - 10)
        lp.ell((214, 40, 30, round(55 * ex.flush)), cx, cy - 9, w - 12, h - 24)
        lp.ell((214, 40, 30, round(150 * ex.flush)), 40, 53, 8, 5)
        lp.ell((214, 40, 30, round(150 * ex.flush)), 60, 53, 8, 5)
        pen.s.blit(layer, (0, 0))
        if ex.flush > 0.3:
            vein = (190, 40, 40)
            for dx, dy in ((0, 0), (2.2, 2.2)):
                pen.stroke(vein, [(60 + dx, 27 + dy), (62.5 + dx, 29.5 + dy)], 0.7)
    if ex.blush:
        layer = pygame.Surface(pen.s.get_size(), pygame.SRCALPHA)
        lp = _Pen(layer)
        lp.ell((240, 110, 120, round(150 * ex.blush)), 39, 53.5, 7, 4)
        lp.ell((240, 110, 120, round(150 * ex.blush)), 61, 53.5, 7, 4)
        pen.s.blit(layer, (0, 0))


def draw_face(face: Face, expression: str, size: int, talking: bool = False) -> pygame.Surface:
    """One round portrait of ``size`` pixels."""
    ex = EXPRESSION_SHAPES.get(expression, EXPRESSION_SHAPES["calm"])
    big = pygame.Surface((size * 2, size * 2), pygame.SRCALPHA)
    pen = _Pen(big)
    _backdrop(big, face)
    _hair_back(pen, face)
    _body(pen, face)
    _head(pen, face)
    _facial_hair(pen, face)
    _mood_tint(pen, face, ex)
    _eyes(pen, face, ex)
    _glasses(pen, face)
    _brows(pen, face, ex)
    _nose(pen, face)
    _mouth(pen, face, ex, talking)
    _hair_front(pen, face)
    _hat_and_headset(pen, face)
    mask = pygame.Surface(big.get_size(), pygame.SRCALPHA)
    pygame.draw.circle(mask, (255, 255, 255, 255), (size, size), size)
    big.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    return pygame.transform.smoothscale(big, (size, size))


# images and the portrait set -----------------------------------------------------------------------


def _load_image(path: Path, size: int) -> pygame.Surface | None:
    try:
        image = pygame.image.load(str(path))
    except (pygame.error, OSError) as err:
        log.warning("portrait image %s could not be read (%s); using a drawn portrait", path.name, err)
        return None
    image = image.convert_alpha() if pygame.display.get_surface() else image
    return pygame.transform.smoothscale(image, (size, size))


class Portraits:
    """Every expression of one persona at one size, drawn once and kept."""

    def __init__(
        self, face: Face, size: int, image_name: str | None = None, directory: Path = PORTRAIT_DIR
    ) -> None:
        self.face = face
        self.size = size
        self.notice: str | None = None
        self._cache: dict[tuple[str, bool], pygame.Surface] = {}
        self._images: dict[str, pygame.Surface] = {}
        if image_name:
            self._find_images(image_name, directory)

    def _find_images(self, name: str, directory: Path) -> None:
        styles = _styles().get("styles", {})
        found = False
        for expression in EXPRESSIONS:
            for candidate in (directory / f"{name}-{expression}.png", directory / f"{name}.png"):
                if candidate.is_file():
                    found = True
                    image = _load_image(candidate, self.size)
                    if image is not None:
                        self._images[expression] = image
                        break
        if found and len(self._images) < len(EXPRESSIONS):
            self.notice = f"Portrait image '{name}' could not be read; showing a drawn portrait."
            log.warning("%s", self.notice)
            self._images = {}
        elif not found and name not in styles:
            self.notice = f"No portrait called '{name}'; showing a drawn portrait."
            log.warning("%s", self.notice)

    def get(self, expression: str, talking: bool = False) -> pygame.Surface:
        if expression in self._images:
            return self._images[expression]
        key = (expression, talking)
        surface = self._cache.get(key)
        if surface is None:
            surface = draw_face(self.face, expression, self.size, talking)
            self._cache[key] = surface
        return surface


def portraits_for(scenario: Scenario, size: int) -> Portraits:
    return Portraits(face_of(scenario), size, scenario.persona.portrait)
