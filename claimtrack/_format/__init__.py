"""Text and HTML fragments: tables for the terminal, escaped markup for notebooks and pages.

A leaf: it imports nothing of claimtrack, so every layer may build its displays
from it (as xarray's ``formatting_html`` serves its core classes).
"""

from . import html
from .text import clean, render_table

__all__ = ["clean", "html", "render_table"]
