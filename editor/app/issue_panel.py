"""The side panel: a card for every issue, grouped by kind with counts, under a legend of the
underlines whose kinds can be hidden.

A card shows the words in context with the flagged part marked as in the
story, the message in full, and buttons that say what each fix does, "Fix all
N" and "Ignore". The cards are worked out with each check, off the UI thread
(``Checked.rows``, one ``editor.review.Card`` per issue), and the panel
rewrites only the rows the check session says changed. A delegate paints
them, and the list scrolls card by card, so only the cards on screen are ever
measured or drawn: a story with hundreds of issues costs what is visible.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QModelIndex, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPixmap, QTextCharFormat, QTextLayout
from PySide6.QtWidgets import (
    QAbstractItemView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionButton,
    QToolTip,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.app.kinds import KINDS, ORDER, draw_line, draw_sample, is_dark, kind, line_pieces, shading_format
from editor.app.story_editor import Marked
from editor.review import Card, fix_all_label
from editor.session import Checked, RowChange, row_changes

PADDING = 10  # inside a card
ACCENT = 3  # the kind's bar at the left of the card under review
GAP = 4  # between the parts of a card
BUTTON_GAP = 6
# How many cards' measurements, and pictures, are kept: several screens' worth.
MEASURED_CARDS, DRAWN_CARDS = 400, 60
KEY_HINTS = "Enter: fix · Ctrl+Enter: fix all · Esc: ignore · F8: next"
_ROLE = Qt.ItemDataRole.UserRole  # a header's category, a row's card


@dataclass
class _Button:
    action: str  # "fix", "all" or "ignore"
    replacement: int  # which fix, for "fix"
    label: str
    rect: QRect  # relative to the card's top left


@dataclass
class _Geometry:
    height: int
    context: QTextLayout
    flagged: tuple[int, int]  # where the flagged words are in the context's text
    message: QTextLayout
    explanation: QTextLayout | None
    hints: QTextLayout | None
    buttons: list[_Button]


class IssuePanel(QWidget):
    activated = Signal(object)  # the card of this mark was clicked
    fixRequested = Signal(object, str)  # mark, replacement
    fixAllRequested = Signal(str)  # group
    ignoreRequested = Signal(object)  # issue
    hiddenChanged = Signal(frozenset)  # the kinds now hidden
    ignoredListRequested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.legend = KindLegend()
        self.legend.toggled.connect(self._toggle_kind)
        self.tree = CardList()
        self.delegate = CardDelegate(self)
        self.tree.setItemDelegate(self.delegate)
        self.ignored_button = QPushButton()
        self.ignored_button.setFlat(True)
        self.ignored_button.clicked.connect(self.ignoredListRequested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.legend)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.ignored_button)
        self.counts: dict[str, int] = {}
        self.hidden: frozenset[str] = frozenset()
        # What the tree shows: each category's rows, in the order of the categories.
        self.rows: Mapping[str, tuple[Card, ...]] = {}
        self._categories: list[str] = []
        # Each category's rows' issues, as indexes into the marks.
        self._by_category: Mapping[str, Sequence[int]] = {}
        self._marks: Sequence[Marked] = ()
        self.group_sizes: Mapping[str, int] = {}
        self.ignored: tuple = ()
        self.ignored_rules: tuple[str, ...] = ()
        self.reviewing = False  # the card under review shows the review loop's keys
        self.tree.currentItemChanged.connect(lambda *_: self.tree.relayout())
        # Enter on a card chosen with the arrow keys goes to its issue, as a click does (the
        # arrow keys fold and unfold a kind).
        self.tree.itemActivated.connect(lambda item: item.parent() and self.clicked(self.tree.indexFromItem(item), None))
        self._show_ignored_count()

    def changeEvent(self, event) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.delegate.restyle()
        super().changeEvent(event)

    # ------------------------------------------------------------ a check's result

    def show_checked(self, checked: Checked, marks: Sequence[Marked] = ()) -> None:
        """Lists ``checked``'s issues, whose marks in the editor are ``marks``."""
        changes = checked.changes.rows if checked.changes.base_rows is self.rows else row_changes(self.rows, checked.rows)
        if not changes:
            pass
        elif any(len(change.rows) != change.last - change.first for change in changes) or self._on_screen(changes):
            # First: with a layout pending, Qt measures no card for each row changed (it would
            # measure every card from the top of the view down to a row far below it), and
            # measures only the cards on screen once, after.
            self.tree.relayout()
            for change in changes:
                self._apply(change)
        else:
            # Only cards off screen were rewritten: Qt need not hear of each (it would measure
            # the cards between), as long as it measures them again before they show.
            self.tree.model().blockSignals(True)
            for change in changes:
                self._apply(change)
            self.tree.model().blockSignals(False)
            self.tree.stale = True
        self.rows, self._by_category, self._marks = checked.rows, checked.by_category, marks
        old_counts = self.counts
        self.counts = {category: len(indices) for category, indices in checked.by_category.items()}
        for index, category in enumerate(self._categories):
            if self.counts[category] != old_counts.get(category):
                self.tree.topLevelItem(index).setText(0, f"{kind(category).name} ({self.counts[category]})")
        self.legend.set_counts(self.counts)
        if checked.group_sizes != self.group_sizes:
            self.group_sizes = checked.group_sizes
            self.tree.relayout()  # a card's "Fix all N" may have changed
        if (checked.ignored, checked.ignored_rules) != (self.ignored, self.ignored_rules):
            self.ignored, self.ignored_rules = checked.ignored, checked.ignored_rules
            self._show_ignored_count()

    def _on_screen(self, changes: tuple[RowChange, ...]) -> bool:
        """Whether any of these rewritten rows is on screen (or its kind is new)."""
        tree = self.tree
        top, bottom = tree.indexAt(QPoint(0, 0)), tree.indexAt(QPoint(0, tree.viewport().height() - 1))
        if not top.isValid():
            return True
        first, last = _place(top), _place(bottom) if bottom.isValid() else (len(self._categories), 0)
        for change in changes:
            if change.category not in self._categories:
                return True
            header = self._categories.index(change.category)
            if first <= (header, change.last - 1) and (header, change.first) <= last:
                return True
        return False

    def _apply(self, change: RowChange) -> None:
        if change.category not in self._categories:
            index = bisect.bisect([ORDER.get(c, len(ORDER)) for c in self._categories], ORDER.get(change.category, len(ORDER)))
            header = QTreeWidgetItem()
            header.setData(0, _ROLE, change.category)
            self.tree.insertTopLevelItem(index, header)
            header.setExpanded(True)
            header.setHidden(change.category in self.hidden)
            self._categories.insert(index, change.category)
        index = self._categories.index(change.category)
        header = self.tree.topLevelItem(index)
        if change.first == 0 and change.last >= header.childCount() and not change.rows:
            self.tree.takeTopLevelItem(index)
            del self._categories[index]
            return
        overwritten = min(change.last - change.first, len(change.rows))
        for offset in range(overwritten):
            _set_row(header.child(change.first + offset), change.rows[offset])
        added = [_set_row(QTreeWidgetItem(), row) for row in change.rows[overwritten:]]
        if added:
            header.insertChildren(change.first + overwritten, added)
        for row in reversed(range(change.first + overwritten, change.last)):
            header.takeChild(row)

    def _show_ignored_count(self) -> None:
        count = len(self.ignored) + len(self.ignored_rules)
        self.ignored_button.setText(f"Ignored in this story: {count}…" if count else "Nothing ignored in this story")
        self.ignored_button.setEnabled(bool(count))

    # ------------------------------------------------------------ cards and marks

    def mark_of(self, item: QTreeWidgetItem | None) -> Marked | None:
        """The mark a row of the tree stands for; None for a category's header."""
        if item is None or item.parent() is None:
            return None
        header = item.parent()
        category = self._categories[self.tree.indexOfTopLevelItem(header)]
        position = self._by_category[category][header.indexOfChild(item)]
        return self._marks[position] if position < len(self._marks) else None  # None: listed without marks

    def item_of(self, mark: Marked) -> QTreeWidgetItem | None:
        """The row of ``mark``'s card, if the panel lists it."""
        position = next((index for index, other in enumerate(self._marks) if other is mark), None)
        category = mark.issue.category
        if position is None or category not in self._categories:
            return None
        rows = self._by_category[category]
        row = bisect.bisect_left(rows, position)
        if row == len(rows) or rows[row] != position:
            return None
        return self.tree.topLevelItem(self._categories.index(category)).child(row)

    def show_card(self, mark: Marked | None, unfold: bool = False) -> None:
        """Highlights ``mark``'s card and scrolls it into view (unfolding its kind if asked); None: no card."""
        item = None if mark is None else self.item_of(mark)
        if item is None or item.parent().isHidden():
            self.tree.setCurrentIndex(QModelIndex())
            return
        if unfold:
            item.parent().setExpanded(True)
        self.tree.setCurrentItem(item)
        if item.parent().isExpanded():
            self.tree.scrollToItem(item, QAbstractItemView.ScrollHint.EnsureVisible)

    def current_mark(self) -> Marked | None:
        return self.mark_of(self.tree.currentItem()) if self.tree.topLevelItemCount() else None

    def set_reviewing(self, reviewing: bool) -> None:
        if reviewing != self.reviewing:
            self.reviewing = reviewing
            self.tree.relayout()

    def button_rects(self, mark: Marked) -> dict[str, QRect]:
        """Each button on ``mark``'s card by its label, in the tree's viewport (empty when not on screen)."""
        item = self.item_of(mark)
        if item is None:
            return {}
        self.tree.measure_if_stale()
        rect = self.tree.visualItemRect(item)
        if not rect.isValid():
            return {}
        geometry = self.delegate.geometry(self.tree.indexFromItem(item), rect.width())
        return {button.label: button.rect.translated(rect.topLeft()) for button in geometry.buttons}

    # ------------------------------------------------------------ kinds

    def set_hidden(self, kinds: frozenset[str]) -> None:
        self.hidden = frozenset(kinds)
        for index, category in enumerate(self._categories):
            self.tree.topLevelItem(index).setHidden(category in self.hidden)
        self.legend.set_hidden(self.hidden)
        self.hiddenChanged.emit(self.hidden)

    def _toggle_kind(self, category: str) -> None:
        self.set_hidden(self.hidden ^ {category})

    def fold(self, category: str, folded: bool = True) -> None:
        if category in self._categories:
            self.tree.topLevelItem(self._categories.index(category)).setExpanded(not folded)

    # ------------------------------------------------------------ clicks on a card

    def clicked(self, index, button: _Button | None) -> None:
        item = self.tree.itemFromIndex(index)
        mark = self.mark_of(item)
        if mark is None:
            item.setExpanded(not item.isExpanded())
        elif button is None:
            self.activated.emit(mark)
        elif button.action == "fix":
            self.fixRequested.emit(mark, mark.issue.replacements[button.replacement])
        elif button.action == "all":
            self.fixAllRequested.emit(mark.issue.group)
        else:
            self.ignoreRequested.emit(mark.issue)


def _place(index) -> tuple[int, int]:
    """Where a row of the tree is, in the order of the rows: (kind, card), a kind's heading as card -1."""
    parent = index.parent()
    return (parent.row(), index.row()) if parent.isValid() else (index.row(), -1)


def _set_row(item: QTreeWidgetItem, card: Card) -> QTreeWidgetItem:
    context = card.context
    # What a screen reader (and a search of the list) reads; the delegate paints the card itself.
    item.setText(0, f"{card.message}: {context.before}{context.flagged}{context.after}")
    item.setData(0, _ROLE, card)
    item.setToolTip(0, card.explanation)
    return item


class CardList(QTreeWidget):
    """The cards, one column wide, without a horizontal scroll bar; scrolled card by card, so
    that only the cards on screen are measured."""

    def __init__(self) -> None:
        super().__init__()
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setRootIsDecorated(False)
        self.setIndentation(0)
        self.setUniformRowHeights(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMouseTracking(True)
        self.setFrameShape(QTreeWidget.Shape.NoFrame)
        self.setExpandsOnDoubleClick(False)
        self.setAllColumnsShowFocus(True)
        self._width = 0
        # Cards off screen were rewritten without Qt measuring them: measure before any scroll.
        self.stale = False
        for shown in (self.verticalScrollBar().valueChanged, self.itemExpanded, self.itemCollapsed):
            shown.connect(self.measure_if_stale)

    def relayout(self) -> None:
        """Measures the cards again (their text or width changed) once the event loop is free."""
        self.stale = False
        self.scheduleDelayedItemsLayout()

    def measure_if_stale(self) -> None:
        if self.stale:
            self.relayout()
            self.executeDelayedItemsLayout()

    def scrollTo(self, index, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        self.measure_if_stale()
        super().scrollTo(index, hint)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.viewport().width() != self._width:
            self._width = self.viewport().width()
            self.relayout()


class CardDelegate(QStyledItemDelegate):
    """Measures and paints the kinds' headers and the issues' cards; turns clicks into the panel's signals."""

    def __init__(self, panel: IssuePanel) -> None:
        super().__init__(panel)
        self.panel = panel
        self._cache: dict[tuple, _Geometry] = {}
        self._pictures: dict[tuple, QPixmap] = {}
        self.story_family = ""  # the story's typeface, in which a card quotes it
        self._look: tuple | None = None
        self._hover: tuple[int, int, int] | None = None  # (header row, row, button) under the mouse
        self._pressed: tuple[int, int, int] | None = None

    def set_story_family(self, family: str) -> None:
        self.story_family = family
        self.restyle()

    def restyle(self) -> None:
        """The panel's font, colours or the story's typeface changed: cards are measured and drawn anew."""
        self._look = None
        self.panel.tree.relayout()

    def _look_key(self) -> tuple:
        """What every card's look depends on (asked once, not per card and paint)."""
        if self._look is None:
            tree = self.panel.tree
            self._look = (tree.font().key(), self.story_family, is_dark(tree.palette()))
        return self._look

    # ------------------------------------------------------------ measuring

    def sizeHint(self, option, index) -> QSize:
        width = self.panel.tree.viewport().width()
        if not index.parent().isValid():
            return QSize(width, QFontMetrics(self.panel.tree.font()).height() + 2 * PADDING + 2)
        return QSize(width, self.geometry(index, width).height)

    def geometry(self, index, width: int) -> _Geometry:
        return self._keyed_geometry(index, width)[1]

    def _keyed_geometry(self, index, width: int) -> tuple[tuple, _Geometry]:
        """The card's geometry at ``width``, with what it depends on (a key to keep it, and its picture, by)."""
        card: Card = index.data(_ROLE)
        current = self.panel.tree.currentIndex() == index
        fix_all = self.panel.group_sizes.get(card.group, 0) if card.group is not None and card.fixes else 0
        key = (card, width, current, current and self.panel.reviewing, fix_all, self._look_key())
        geometry = self._cache.get(key)
        if geometry is None:
            if len(self._cache) > MEASURED_CARDS:
                self._cache.clear()
            geometry = self._cache[key] = self._measure(card, width, current, fix_all, index, self.panel.tree.font())
        return key, geometry

    def _measure(self, card: Card, width: int, current: bool, fix_all: int, index, font: QFont) -> _Geometry:
        palette = self.panel.tree.palette()
        dark = is_dark(palette)
        inner = max(40, width - 2 * PADDING - ACCENT)
        category = index.parent().data(_ROLE)
        small = QFont(font)
        small.setPointSizeF(font.pointSizeF() * 0.9)
        muted = _muted(palette)
        y = PADDING
        context = card.context
        line = f"Line {card.line}   "
        context_layout = _laid_out(
            line + context.before + context.flagged + context.after,
            _story_font(font, self.story_family),
            inner,
            [
                (0, len(line), _char_format(muted, small)),
                (len(line), len(context.before), _char_format(muted)),
                (len(line) + len(context.before), len(context.flagged), _flagged_format(category, dark, palette)),
                (len(line) + len(context.before) + len(context.flagged), len(context.after), _char_format(muted)),
            ],
        )
        context_layout.setPosition(QPoint(ACCENT + PADDING, y))
        y += _height(context_layout) + GAP
        message = _laid_out(card.message, font, inner)
        message.setPosition(QPoint(ACCENT + PADDING, y))
        y += _height(message)
        explanation = None
        if current and card.explanation:
            explanation = _laid_out(card.explanation, small, inner, [(0, len(card.explanation), _char_format(muted))])
            explanation.setPosition(QPoint(ACCENT + PADDING, y + GAP))
            y += GAP + _height(explanation)
        labels = [("fix", number, label) for number, label in enumerate(card.fixes)]
        if fix_all > 1:
            labels.append(("all", 0, fix_all_label(fix_all)))
        labels.append(("ignore", 0, "Ignore"))
        buttons, y = self._place_buttons(labels, inner, y + 2 * GAP)
        hints = None
        if current and self.panel.reviewing:
            hints = _laid_out(KEY_HINTS, small, inner, [(0, len(KEY_HINTS), _char_format(muted))])
            hints.setPosition(QPoint(ACCENT + PADDING, y + GAP))
            y += GAP + _height(hints)
        flagged_start = len(line) + len(context.before)
        flagged = (flagged_start, flagged_start + len(context.flagged))
        return _Geometry(y + PADDING, context_layout, flagged, message, explanation, hints, buttons)

    def _place_buttons(self, labels, width: int, top: int) -> tuple[list[_Button], int]:
        """Lays the buttons out left to right, wrapping as the card's width needs; the y below them."""
        tree = self.panel.tree
        metrics = QFontMetrics(tree.font())
        buttons: list[_Button] = []
        x, y, row_height = 0, top, 0
        for action, number, label in labels:
            option = QStyleOptionButton()
            option.text = label.replace("&", "&&")
            size = tree.style().sizeFromContents(
                QStyle.ContentsType.CT_PushButton, option, metrics.size(Qt.TextFlag.TextShowMnemonic, option.text), tree
            )
            if size.width() > width:
                label = metrics.elidedText(label, Qt.TextElideMode.ElideRight, width - (size.width() - metrics.horizontalAdvance(label)))
                size.setWidth(width)
            if x and x + size.width() > width:
                x, y, row_height = 0, y + row_height + BUTTON_GAP, 0
            buttons.append(_Button(action, number, label, QRect(QPoint(ACCENT + PADDING + x, y), size)))
            x += size.width() + BUTTON_GAP
            row_height = max(row_height, size.height())
        return buttons, y + row_height

    # ------------------------------------------------------------ painting

    def paint(self, painter: QPainter, option, index) -> None:
        rect = option.rect
        if not index.parent().isValid():
            self._paint_header(painter, rect, index)
            return
        # A card is drawn once into a picture kept for as long as it looks the same: a check
        # repaints the panel, and most of its cards did not change.
        key, geometry = self._keyed_geometry(index, rect.width())
        row = (index.parent().row(), index.row())
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        hover = self._hover[2] if self._hover is not None and self._hover[:2] == row else None
        pressed = self._pressed[2] if self._pressed is not None and self._pressed[:2] == row else None
        ratio = painter.device().devicePixelRatioF()
        picture_key = (key, rect.height(), selected, hovered, hover, pressed, ratio)
        picture = self._pictures.get(picture_key)
        if picture is None:
            if len(self._pictures) > DRAWN_CARDS:
                self._pictures.clear()
            picture = self._pictures[picture_key] = self._draw_card(
                geometry, QSize(rect.width(), rect.height()), index.parent().data(_ROLE), selected, hovered, hover, pressed, ratio
            )
        painter.drawPixmap(rect.topLeft(), picture)

    def _draw_card(self, geometry: _Geometry, size: QSize, category: str, selected: bool, hovered: bool,
                   hover: int | None, pressed: int | None, ratio: float) -> QPixmap:
        palette = self.panel.tree.palette()
        dark = is_dark(palette)
        picture = QPixmap(size * ratio)
        picture.setDevicePixelRatio(ratio)
        picture.fill(palette.color(QPalette.ColorRole.AlternateBase if hovered and not selected else QPalette.ColorRole.Base))
        painter = QPainter(picture)
        rect = QRect(QPoint(0, 0), size)
        if selected:
            shade = QColor(palette.color(QPalette.ColorRole.Highlight))
            shade.setAlpha(40)
            painter.fillRect(rect, shade)
            painter.fillRect(QRect(0, 0, ACCENT, size.height()), kind(category).colour(dark))
        painter.setPen(_separator(palette))
        painter.drawLine(PADDING, rect.bottom(), rect.right() - PADDING, rect.bottom())
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        origin = QPoint(0, 0)
        for layout in (geometry.context, geometry.message, geometry.explanation, geometry.hints):
            if layout is not None:
                layout.draw(painter, origin)
        corner = geometry.context.position()
        for x1, x2, y in line_pieces(geometry.context, *geometry.flagged):
            draw_line(painter, corner.x() + x1, corner.x() + x2, corner.y() + y, category, dark)
        for number, button in enumerate(geometry.buttons):
            self._paint_button(painter, button, number == hover, number == pressed, number == 0)
        painter.end()
        return picture

    def _paint_header(self, painter: QPainter, rect: QRect, index) -> None:
        category = index.data(_ROLE)
        palette = self.panel.tree.palette()
        ratio = painter.device().devicePixelRatioF()
        key = ("header", category, self.panel.counts.get(category, 0), self.panel.tree.isExpanded(index),
               rect.width(), rect.height(), self._look_key(), ratio)
        picture = self._pictures.get(key)
        if picture is None:
            picture = self._pictures[key] = self._draw_header(key, palette)
        painter.drawPixmap(rect.topLeft(), picture)

    def _draw_header(self, key: tuple, palette) -> QPixmap:
        _, category, count, expanded, width, height, (_, _, dark), ratio = key
        picture = QPixmap(round(width * ratio), round(height * ratio))
        picture.setDevicePixelRatio(ratio)
        picture.fill(palette.color(QPalette.ColorRole.Window))
        painter = QPainter(picture)
        font = QFont(self.panel.tree.font())
        font.setBold(True)
        metrics = QFontMetrics(font)
        arrow = QStyleOptionButton()
        arrow.rect = QRect(PADDING, 0, 10, height)
        arrow.palette = palette
        self.panel.tree.style().drawPrimitive(
            QStyle.PrimitiveElement.PE_IndicatorArrowDown if expanded else QStyle.PrimitiveElement.PE_IndicatorArrowRight,
            arrow,
            painter,
            self.panel.tree,
        )
        x = PADDING + 16
        name = kind(category).name
        name_width = metrics.horizontalAdvance(name)
        baseline = (height + metrics.ascent() - metrics.descent()) // 2
        draw_sample(painter, x, x + name_width, baseline - metrics.ascent(), baseline + 4, category, dark)
        painter.setFont(font)
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        painter.drawText(QPoint(x, baseline), name)
        painter.setFont(self.panel.tree.font())
        painter.setPen(_muted(palette))
        painter.drawText(QPoint(x + name_width + 8, baseline), str(count))
        painter.setPen(_separator(palette))
        painter.drawLine(0, height - 1, width, height - 1)
        painter.end()
        return picture

    def _paint_button(self, painter: QPainter, button: _Button, hovered: bool, pressed: bool, default: bool) -> None:
        option = QStyleOptionButton()
        option.rect = button.rect
        option.text = button.label.replace("&", "&&")
        option.palette = self.panel.tree.palette()
        option.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Raised
        if hovered:
            option.state |= QStyle.StateFlag.State_MouseOver
        if pressed:
            option.state |= QStyle.StateFlag.State_Sunken
        if default and button.action == "fix":
            option.features = QStyleOptionButton.ButtonFeature.DefaultButton
        painter.setFont(self.panel.tree.font())
        self.panel.tree.style().drawControl(QStyle.ControlElement.CE_PushButton, option, painter, self.panel.tree)

    # ------------------------------------------------------------ the mouse

    def editorEvent(self, event, model, option, index) -> bool:
        kind_of_event = event.type()
        if kind_of_event not in (QEvent.Type.MouseMove, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
            return False
        button = self._button_at(index, option.rect, event.position().toPoint())
        key = None if button is None else (index.parent().row(), index.row(), button)
        tree = self.panel.tree
        if kind_of_event == QEvent.Type.MouseMove:
            if key != self._hover:
                self._hover = key
                tree.viewport().update(option.rect)
            return False
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        if kind_of_event == QEvent.Type.MouseButtonPress:
            self._pressed = key
            tree.viewport().update(option.rect)
            return key is not None
        pressed, self._pressed = self._pressed, None
        tree.viewport().update(option.rect)
        if key != pressed:
            return True
        geometry = self.geometry(index, option.rect.width()) if index.parent().isValid() else None
        self.panel.clicked(index, None if key is None else geometry.buttons[button])
        return True

    def _button_at(self, index, rect: QRect, position: QPoint) -> int | None:
        if not index.parent().isValid():
            return None
        for number, button in enumerate(self.geometry(index, rect.width()).buttons):
            if button.rect.translated(rect.topLeft()).contains(position):
                return number
        return None

    def helpEvent(self, event, view, option, index) -> bool:
        button = self._button_at(index, option.rect, event.pos())
        if button is not None:
            tips = {"fix": "Apply this fix (Enter)", "all": "Fix every issue like this one (Ctrl+Enter)", "ignore": "Ignore this issue (Esc)"}
            QToolTip.showText(event.globalPos(), tips[self.geometry(index, option.rect.width()).buttons[button].action], view)
            return True
        return super().helpEvent(event, view, option, index)


class KindLegend(QWidget):
    """The kinds of issue with their underlines and counts; a click on one hides or shows it."""

    toggled = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.counts: dict[str, int] = {}
        self.hidden: frozenset[str] = frozenset()
        self.setMouseTracking(True)
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_counts(self, counts: Mapping[str, int]) -> None:
        if dict(counts) != self.counts:
            self.counts = dict(counts)
            self.updateGeometry()
            self.update()

    def set_hidden(self, hidden: frozenset[str]) -> None:
        self.hidden = hidden
        self.update()

    def _chips(self, width: int) -> tuple[list[tuple[str, QRect]], int]:
        metrics = QFontMetrics(self.font())
        chips, x, y = [], PADDING, PADDING // 2
        height = metrics.height() + 12
        for category, shown in KINDS.items():
            chip_width = metrics.horizontalAdvance(f"{shown.name}  {self.counts.get(category, 0)}") + 20
            if x > PADDING and x + chip_width > width - PADDING:
                x, y = PADDING, y + height + 6
            chips.append((category, QRect(x, y, chip_width, height)))
            x += chip_width + 6
        return chips, y + height + PADDING // 2

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._chips(width)[1]

    def sizeHint(self) -> QSize:
        return QSize(300, self.heightForWidth(300))

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.heightForWidth(max(self.width(), 120)))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.height() != self.heightForWidth(self.width()):
            self.updateGeometry()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        dark = is_dark(palette)
        metrics = QFontMetrics(self.font())
        for category, rect in self._chips(self.width())[0]:
            shown = kind(category)
            hidden = category in self.hidden
            painter.setPen(_separator(palette))
            painter.setBrush(palette.color(QPalette.ColorRole.Window if hidden else QPalette.ColorRole.Base))
            painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
            x = rect.left() + 10
            baseline = rect.top() + 6 + metrics.ascent()
            painter.setOpacity(0.45 if hidden else 1.0)
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            name_width = metrics.horizontalAdvance(shown.name)
            draw_sample(painter, x, x + name_width, baseline - metrics.ascent(), baseline + 4, category, dark)
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            painter.drawText(QPoint(x, baseline), shown.name)
            painter.setPen(_muted(palette))
            painter.drawText(QPoint(x + name_width + metrics.horizontalAdvance("  "), baseline), str(self.counts.get(category, 0)))
            painter.setOpacity(1.0)

    def chip_rect(self, category: str) -> QRect:
        """Where ``category``'s chip is, in the legend."""
        return dict(self._chips(self.width())[0])[category]

    def _chip_at(self, position: QPoint) -> str | None:
        return next((category for category, rect in self._chips(self.width())[0] if rect.contains(position)), None)

    def mouseReleaseEvent(self, event) -> None:
        category = self._chip_at(event.position().toPoint())
        if category is not None:
            self.toggled.emit(category)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            category = self._chip_at(event.pos())
            if category is None:
                QToolTip.hideText()
            else:
                shown = kind(category)
                action = "show" if category in self.hidden else "hide"
                QToolTip.showText(
                    event.globalPos(), f"<b>{shown.name}</b>: {shown.about}.<br>Marked {shown.described()}. Click to {action} them.", self
                )
            return True
        return super().event(event)


# ------------------------------------------------------------ text on a card


def _laid_out(text: str, font: QFont, width: int, formats=()) -> QTextLayout:
    layout = QTextLayout(text, font)
    ranges = []
    for start, length, char_format in formats:
        if length:
            part = QTextLayout.FormatRange()
            part.start, part.length, part.format = start, length, char_format
            ranges.append(part)
    layout.setFormats(ranges)
    layout.beginLayout()
    y = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPoint(0, round(y)))
        y += line.height()
    layout.endLayout()
    return layout


def _height(layout: QTextLayout) -> int:
    return round(layout.boundingRect().height())


def _char_format(colour: QColor, font: QFont | None = None) -> QTextCharFormat:
    char_format = QTextCharFormat()
    char_format.setForeground(colour)
    if font is not None:
        char_format.setFont(font)
    return char_format


def _flagged_format(category: str, dark: bool, palette) -> QTextCharFormat:
    char_format = shading_format(category, dark)
    char_format.setForeground(palette.color(QPalette.ColorRole.Text))
    char_format.setFontWeight(QFont.Weight.DemiBold)
    return char_format


def _story_font(font: QFont, family: str) -> QFont:
    """The story's typeface at the panel's size: the context reads as the story does."""
    story = QFont(family)
    story.setStyleHint(QFont.StyleHint.Serif)
    story.setPointSizeF(font.pointSizeF())
    return story


def _muted(palette) -> QColor:
    return palette.color(QPalette.ColorRole.PlaceholderText)


def _separator(palette) -> QColor:
    colour = QColor(palette.color(QPalette.ColorRole.Mid))
    colour.setAlpha(110)
    return colour
