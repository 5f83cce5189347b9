"""How each kind of issue looks, the same in the story, the legend and the cards.

A kind is told apart by more than its colour, so that an editor who cannot
tell red from green still can: its line is straight, wavy, dotted, dashed or
dash-dot, thick or thin, and the two kinds that are plainly wrong (typing
damage and spelling) are shaded too. Qt draws only hairline underlines, so
the lines are drawn here; the shading is Qt's own (a text format's
background). Each colour has a variant for a dark background.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPixmap, QTextCharFormat, QTextLayout


@dataclass(frozen=True)
class Kind:
    name: str  # as the legend and the panel say it
    colour_name: str
    light: str  # colour on a light background
    dark: str  # and on a dark one
    line: str  # straight, wavy, dotted, dashed or dash-dot
    thick: bool
    shaded: bool  # a light shading under the words
    about: str  # what the kind covers

    def colour(self, dark: bool = False) -> QColor:
        return QColor(self.dark if dark else self.light)

    def described(self) -> str:
        """The line in words, as the legend's tooltip says it: "red, thick, straight, shaded"."""
        return ", ".join(filter(None, (self.colour_name, "thick" if self.thick else "thin", self.line, "shaded" if self.shaded else "")))


# In the order the panel lists them: what is plainly wrong first, matters of house style last.
KINDS = {
    "typo": Kind("Typos", "red", "#c62828", "#ef6f6c", "straight", True, True,
                 "typing and transmission damage: repeated words, stray spaces, missing full stops"),
    "spelling": Kind("Spelling", "red", "#c62828", "#ef6f6c", "wavy", True, True,
                     "words spelled against the house style or not in the dictionary"),
    "grammar": Kind("Grammar", "blue", "#1565c0", "#7ab7f5", "wavy", False, False, "LanguageTool's grammar checks"),
    "punctuation": Kind("Punctuation", "teal", "#00796b", "#4fd1c0", "dotted", True, False,
                        "punctuation out of place or missing"),
    "quotes": Kind("Quotes", "purple", "#8e24aa", "#d59be6", "dash-dot", True, False,
                   "quotation marks left open, quotes nobody is said to have said"),
    "consistency": Kind("Consistency", "orange", "#d84315", "#ffab5c", "dashed", True, False,
                        "one thing written several ways in the story"),
    "style": Kind("House style", "green", "#2e7d32", "#7fcf83", "straight", False, False,
                  "forms the house style sets: numbers, dates, titles, percentages"),
}
ORDER = {category: index for index, category in enumerate(KINDS)}
SHADE_ALPHA = {False: 30, True: 60}  # the shading's opacity on a light and on a dark background


def kind(category: str) -> Kind:
    return KINDS.get(category, KINDS["style"])


def is_dark(palette) -> bool:
    return palette.color(palette.ColorRole.Base).lightness() < 128


def shading_format(category: str, dark: bool = False) -> QTextCharFormat:
    """What Qt draws under an issue of ``category`` in the story: its shading, if it has one.
    The format carries the kind's colour as its underline colour; the line itself is ``draw_line``'s."""
    shown = kind(category)
    char_format = QTextCharFormat()
    char_format.setUnderlineColor(shown.colour(dark))
    if shown.shaded:
        shade = shown.colour(dark)
        shade.setAlpha(SHADE_ALPHA[dark])
        char_format.setBackground(shade)
    return char_format


def line_width(category: str, pixel_size: float) -> float:
    """The pen width of ``category``'s line under text of ``pixel_size`` pixels."""
    return (2.0 if kind(category).thick else 1.2) * max(1.0, pixel_size / 17)


def draw_line(painter: QPainter, x1: float, x2: float, y: float, category: str, dark: bool, pixel_size: float = 17) -> None:
    """Draws ``category``'s line from ``x1`` to ``x2`` with its middle at ``y``: a strip of its
    pattern, drawn once per kind, size and screen, and repeated."""
    brush, height = _pattern(category, dark, round(pixel_size), painter.device().devicePixelRatioF())
    left, top = round(x1), round(y - height / 2)
    painter.setBrushOrigin(left, top)
    painter.fillRect(QRect(left, top, max(1, round(x2) - left), height), brush)
    painter.setBrushOrigin(0, 0)


_patterns: dict[tuple, tuple[QBrush, int]] = {}


def _pattern(category: str, dark: bool, pixel_size: int, ratio: float) -> tuple[QBrush, int]:
    """One period of ``category``'s line as a brush, and the strip's height."""
    key = (category, dark, pixel_size, ratio)
    if key in _patterns:
        return _patterns[key]
    shown = kind(category)
    width = line_width(category, pixel_size)
    colour = shown.colour(dark)
    wave = 0.9 + width  # how far a wave rises and falls
    height = math.ceil(2 * wave + width + 2) if shown.line == "wavy" else math.ceil(width + 2)
    middle = height / 2
    dot = 1.2 * width
    period = {
        "wavy": 2 * round(2 + 1.5 * width),
        "dotted": round(2.2 * dot),
        "dashed": round(5 * width),
        "dash-dot": round(3 * width) + 2 * round(1.5 * width) + math.ceil(dot),
    }.get(shown.line, 1)
    tile = QPixmap(round(period * ratio), round(height * ratio))
    tile.setDevicePixelRatio(ratio)
    tile.fill(Qt.GlobalColor.transparent)
    painter = QPainter(tile)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    if shown.line == "wavy":
        pen = QPen(colour, width)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        half = period / 2
        path = QPainterPath(QPointF(-period, middle))
        for start in range(-1, 3):  # past both edges, so that the tiles join
            for up in (True, False):
                x = start * period + (0 if up else half)
                path.quadTo(QPointF(x + half / 2, middle - wave if up else middle + wave), QPointF(x + half, middle))
        painter.drawPath(path)
    elif shown.line == "dotted":
        painter.drawEllipse(QPointF(dot / 2 + 0.5, middle), dot / 2, dot / 2)
    elif shown.line == "dashed":
        painter.drawRect(QRectF(0, middle - width / 2, round(3 * width), width))
    elif shown.line == "dash-dot":
        painter.drawRect(QRectF(0, middle - width / 2, round(3 * width), width))
        painter.drawEllipse(QPointF(round(3 * width) + round(1.5 * width) + dot / 2, middle), dot / 2, dot / 2)
    else:
        painter.drawRect(QRectF(0, middle - width / 2, period, width))
    painter.end()
    _patterns[key] = (QBrush(tile), height)
    return _patterns[key]


def draw_sample(painter: QPainter, x1: float, x2: float, top: float, bottom: float, category: str, dark: bool) -> None:
    """The kind as the legend shows it: shading from ``top`` to ``bottom`` where it has one, its line under."""
    shown = kind(category)
    if shown.shaded:
        shade = shown.colour(dark)
        shade.setAlpha(SHADE_ALPHA[dark])
        painter.fillRect(int(x1), int(top), int(x2 - x1), int(bottom - top), shade)
    draw_line(painter, x1, x2, bottom - 1.5, category, dark)


def line_pieces(layout: QTextLayout, start: int, end: int):
    """(x from, x to, y) of the text from ``start`` to ``end`` on each line of ``layout`` it covers,
    where a line under it goes, relative to the layout's position."""
    position = start
    while position < end:
        line = layout.lineForTextPosition(position)
        if not line.isValid():
            return
        line_end = min(end, line.textStart() + line.textLength())
        y = line.y() + line.ascent() + max(2.0, line.descent() * 0.6)
        yield line.cursorToX(position)[0], line.cursorToX(line_end)[0], y
        position = max(line_end, position + 1)
