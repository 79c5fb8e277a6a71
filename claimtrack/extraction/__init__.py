"""Extraction: from news text to claims, with who said it, where and when.

One reader per aspect (figures, periods, places, sources, measure phrases),
each driven by rules kept as data in ``claimtrack/extraction/data``;
``ExtractRules.default().extend({...})`` adds words and patterns, and
``extract(..., rules=...)`` uses them.
"""

from ._extract import extract, extract_all
from .rules import ExtractRules

__all__ = ["ExtractRules", "extract", "extract_all"]
