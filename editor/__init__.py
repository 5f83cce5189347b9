"""Copydesk: a copy-editing assistant for news-wire text.

The package is split so that checking never needs Qt: ``editor.engine`` and
``editor.rules`` are plain Python, the command line sits on them, and the
desktop window imports Qt only when it is opened.
"""

__version__ = "0.1.0"
