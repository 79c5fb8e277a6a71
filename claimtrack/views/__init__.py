"""Views: DataFrames, the claim board, the graph picture and the HTML report.

pandas and matplotlib live in the ``notebook`` extra
(``pip install 'claimtrack[notebook]'``) and are imported inside the functions
that need them, so ``import claimtrack`` stays fast without them.
"""

from ._plots import Subject, plot_board, plot_graph
from ._report import board_svg, report_html, to_pandas

__all__ = ["Subject", "board_svg", "plot_board", "plot_graph", "report_html", "to_pandas"]
