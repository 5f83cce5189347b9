"""How each kind of issue looks, the same in the story, the legend and the cards.

A kind is told apart by more than its colour, so that an editor who cannot
tell red from green still can: its line is straight, wavy, dotted, dashed or
dash-dot, thick or thin, and the two kinds that are plainly wrong (typing
damage and spelling) are shaded too. Qt draws only hairline underlines, so
the lines are drawn here; the shading is Qt's own (a text format's
background). Each colour has a variant for a dark background.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QTextCharFormat, QTextLayout


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
_DASHES = {"dotted": [0.01, 1.9], "dashed": [3.0, 1.8], "dash-dot": [3.0, 1.6, 0.1, 1.6]}


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
    return (2.0 if kind(category).thick else 1.2) * (1.2 if kind(category).line == "dotted" else 1.0) * max(1.0, pixel_size / 17)


def draw_line(painter: QPainter, x1: float, x2: float, y: float, category: str, dark: bool, pixel_size: float = 17) -> None:
    """Draws ``category``'s line from ``x1`` to ``x2`` with its middle at ``y``."""
    shown = kind(category)
    width = line_width(category, pixel_size)
    pen = QPen(shown.colour(dark), width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap if shown.line == "dotted" else Qt.PenCapStyle.FlatCap)
    if shown.line in _DASHES:
        pen.setDashPattern(_DASHES[shown.line])
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if shown.line == "wavy":
        step = 2 + 1.5 * width  # a half wave
        height = 0.9 + width
        path = QPainterPath(QPointF(x1, y))
        x, up = x1, True
        while x < x2:
            end = min(x + step, x2)
            path.quadTo(QPointF((x + end) / 2, y - height if up else y + height), QPointF(end, y))
            x, up = end, not up
        painter.drawPath(path)
    else:
        painter.drawLine(QPointF(x1, y), QPointF(max(x1 + 1, x2), y))
    painter.restore()


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
