"""Data files of Copydesk: house styles, word lists, samples and icons.

Installed as the package ``editor.resources`` so that the program finds them
wherever it is installed; see ``editor.engine.resources``.
"""
