"""Text and HTML fragments: tables for the terminal, escaped markup for notebooks and pages.

A leaf: it imports nothing of claimtrack above it, so every layer may build its
displays from it (as xarray's ``formatting_html`` serves its core classes). It also
holds the display settings (``options``) and the progress bar, which every layer
that shows something or works long reads.
"""

from . import html
from .options import Display, Options, options
from .progress import Progress, Ticker, progress
from .text import clean, render_table

__all__ = [
    "Display",
    "Options",
    "Progress",
    "Ticker",
    "clean",
    "html",
    "options",
    "progress",
    "render_table",
]
