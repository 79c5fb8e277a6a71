"""Views: DataFrames, the claim board, the timeline, the graph picture and the HTML report.

pandas and matplotlib live in the ``notebook`` extra
(``pip install 'claimtrack[notebook]'``) and are imported inside the functions
that need them, so ``import claimtrack`` stays fast without them.
"""

from ._frames import from_pandas, to_pandas
from ._plots import Subject, plot_board, plot_graph
from ._report import board_svg, report_html
from ._timeline import RunningCount, plot_timeline, running_counts

__all__ = [
    "RunningCount",
    "Subject",
    "board_svg",
    "from_pandas",
    "plot_board",
    "plot_graph",
    "plot_timeline",
    "report_html",
    "running_counts",
    "to_pandas",
]
