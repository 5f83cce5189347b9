"""The record of changes told: the story with its changes marked, each change with its context,
and the export for the desk (HTML and plain text). No Qt; the Changes view shows the same HTML.

Marks are track-changes marks that do not rest on colour alone: inserted text
is underlined (blue), deleted text struck through (vermilion), a pair told
apart by the common kinds of colour blindness and in black and white.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from editor.changes import TYPED, Change, visible

INSERTED_COLOUR, INSERTED_BACKGROUND = "#0b4f8a", "#e1edfa"
DELETED_COLOUR, DELETED_BACKGROUND = "#a33a00", "#fbe6da"


@dataclass(frozen=True)
class Marks:
    """The HTML around inserted and deleted text."""

    inserted: tuple[str, str]
    deleted: tuple[str, str]


# For Qt's rich text, which knows no <ins> and <del> and takes styles inline.
INLINE_MARKS = Marks(
    (
        f"<span style='color:{INSERTED_COLOUR}; background-color:{INSERTED_BACKGROUND}; "
        "text-decoration: underline'>",
        "</span>",
    ),
    (
        f"<span style='color:{DELETED_COLOUR}; background-color:{DELETED_BACKGROUND}; "
        "text-decoration: line-through'>",
        "</span>",
    ),
)
# For a web browser: the elements that say what the marks mean, styled by the page.
HTML_MARKS = Marks(("<ins>", "</ins>"), ("<del>", "</del>"))
# For plain text: the marks of wdiff.
TEXT_MARKS = Marks(("{+", "+}"), ("[-", "-]"))


@dataclass(frozen=True)
class Heading:
    """What the desk is told about a record besides its changes."""

    story: str
    style: str
    exported: datetime
    since: str  # ISO 8601: when the record started
    accepted: bool  # it started when the story was accepted (else when it was opened)

    def since_sentence(self) -> str:
        event = "accepted" if self.accepted else "opened"
        return f"since the story was {event}, {_when(self.since)}"


def _when(iso: str) -> str:
    try:
        return when(datetime.fromisoformat(iso))
    except ValueError:
        return iso or "at a time not recorded"


def when(moment: datetime) -> str:
    """"6 May 2025 at 14:02 (UTC+02:00)"."""
    offset = moment.strftime("%z")
    zone = f" (UTC{offset[:3]}:{offset[3:]})" if offset else ""
    return f"{moment.day} {moment:%B %Y at %H:%M}{zone}"


def summary(changes: Sequence[Change]) -> str:
    """"5 changes: 3 by fixes, 2 typed"."""
    if not changes:
        return "No changes"
    fixed = sum(1 for change in changes if change.fixes)
    count = f"{len(changes)} change{'s' if len(changes) != 1 else ''}"
    parts = [f"{fixed} by fixes" if fixed else "", f"{len(changes) - fixed} typed" if fixed < len(changes) else ""]
    return f"{count}: {', '.join(part for part in parts if part)}"


def describe(change: Change) -> str:
    """Who made the change and why: "repeated-word: The word “the” is repeated", or "typed"."""
    if not change.fixes:
        return TYPED
    messages = "; ".join(dict.fromkeys(fix.message for fix in change.fixes))
    return f"{change.source}: {messages}"


# ------------------------------------------------------------ HTML pieces


def marked(change: Change, marks: Marks, escape=html.escape) -> str:
    """The change itself: what was deleted, then what was inserted, marked."""
    pieces = []
    if change.removed:
        pieces.append(marks.deleted[0] + escape(_shown(change.removed)) + marks.deleted[1])
    if change.inserted:
        pieces.append(marks.inserted[0] + escape(_shown(change.inserted)) + marks.inserted[1])
    return "".join(pieces)


def _shown(piece: str) -> str:
    """A changed piece as one line: white space alone made visible, paragraph breaks as ¶."""
    return visible(piece) if piece.isspace() else piece.replace("\n", "¶ ")


def in_context(change: Change, marks: Marks) -> str:
    """The change between the words around it, as HTML."""
    return html.escape(change.before) + marked(change, marks) + html.escape(change.after)


def marked_story(text: str, changes: Sequence[Change], marks: Marks) -> str:
    """The whole story as HTML (white space kept) with every change marked where it is, between
    empty anchors named ``change-N`` (from 1) and ``change-N-end``."""
    pieces, position = [], 0
    for number, change in enumerate(changes, 1):
        pieces.append(html.escape(text[position : change.start]))
        pieces.append(f"<a name='change-{number}'></a>")
        if change.removed:
            pieces.append(marks.deleted[0] + html.escape(_shown(change.removed)) + marks.deleted[1])
        if change.inserted:
            inserted = change.inserted
            if inserted.isspace():  # shown, and a paragraph break made too, so the story keeps its shape
                inserted = visible(inserted).replace("¶", "¶\n")
            pieces.append(marks.inserted[0] + html.escape(inserted) + marks.inserted[1])
        pieces.append(f"<a name='change-{number}-end'></a>")
        position = change.end
    pieces.append(html.escape(text[position:]))
    return "".join(pieces)


def change_list(changes: Sequence[Change], marks: Marks) -> str:
    """Each change as a paragraph: its number (a link to ``#change-N``), line and maker, then
    the change in context."""
    entries = []
    for number, change in enumerate(changes, 1):
        entries.append(
            f"<p style='white-space: pre-wrap'><a href='#change-{number}'><b>{number}</b></a> · line {change.line}"
            f" · {html.escape(describe(change))}<br>{in_context(change, marks)}</p>"
        )
    return "\n".join(entries)


# ------------------------------------------------------------ the export


_PAGE_STYLE = f"""
body {{ font-family: Georgia, "DejaVu Serif", serif; max-width: 46em; margin: 2em auto; padding: 0 1em;
       line-height: 1.5; color: #1b1b1b; background: #fff; }}
h1 {{ font-size: 1.5em; margin-bottom: 0.2em; }}
h2 {{ font-size: 1.2em; margin-top: 2em; }}
dl {{ display: grid; grid-template-columns: max-content auto; gap: 0.1em 1em; margin: 0 0 1.5em; }}
dt {{ font-weight: bold; }}
dd {{ margin: 0; }}
ol li {{ margin-bottom: 0.8em; }}
.source {{ color: #555; font-size: 0.9em; }}
ins {{ color: {INSERTED_COLOUR}; background: {INSERTED_BACKGROUND}; text-decoration: underline;
      text-decoration-thickness: 2px; }}
del {{ color: {DELETED_COLOUR}; background: {DELETED_BACKGROUND}; text-decoration: line-through;
      text-decoration-thickness: 2px; }}
.story {{ white-space: pre-wrap; border-top: 1px solid #ccc; padding-top: 1em; }}
"""


def report_html(heading: Heading, text: str, changes: Sequence[Change]) -> str:
    """The record as a web page: the heading, each change in context, then the story marked."""
    title = f"Changes to {heading.story}"
    exported = heading.exported.isoformat(timespec="seconds")
    items = "\n".join(
        f"<li><div class='source'>Line {change.line} · {html.escape(describe(change))}</div>"
        f"<div>{in_context(change, HTML_MARKS)}</div></li>"
        for change in changes
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{html.escape(title)}</title>
<style>{_PAGE_STYLE}</style>
</head>
<body>
<h1>{html.escape(title)}</h1>
<dl>
<dt>House style</dt><dd>{html.escape(heading.style)}</dd>
<dt>Exported</dt><dd><time datetime="{exported}">{when(heading.exported)}</time></dd>
<dt>Changes</dt><dd>{html.escape(summary(changes))}, {html.escape(heading.since_sentence())}</dd>
<dt>Marks</dt><dd><ins>inserted</ins> (underlined), <del>deleted</del> (struck through)</dd>
</dl>
<h2>Each change</h2>
<ol>
{items}
</ol>
<h2>The story with its changes</h2>
<div class="story">{marked_story(text, changes, HTML_MARKS)}</div>
</body>
</html>
"""


def report_text(heading: Heading, changes: Sequence[Change]) -> str:
    """The record as plain text: the heading, then each change in context, marked as wdiff marks it."""
    lines = [
        f"Changes to {heading.story}",
        f"House style: {heading.style}",
        f"Exported: {when(heading.exported)}",
        f"{summary(changes)}, {heading.since_sentence()}",
        "Marks: [-deleted-] {+inserted+}",
    ]
    for number, change in enumerate(changes, 1):
        context = change.before + marked(change, TEXT_MARKS, escape=str) + change.after
        lines += [
            "",
            f"{number}. Line {change.line}, {describe(change)}",
            textwrap.fill(context, 78, initial_indent="   ", subsequent_indent="   ", break_long_words=False,
                          break_on_hyphens=False),
        ]
    return "\n".join(lines) + "\n"
