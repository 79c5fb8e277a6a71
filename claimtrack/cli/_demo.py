"""``claimtrack demo``: the seed-report story, told on the terminal, with files written.

It reads ``seeds/seed_report.csv`` and the illustrative ``seeds/counter_report.csv``,
links them, prints the verdicts with their reasons, the disputes, the consensus
estimates, the sources' reliability and the claims' grades, reads
``seeds/report.txt`` with ``extract``, and writes ``board.png``, ``graph.png`` and
``report.html`` into the output folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .._files import atomic_write, read_text
from .._format import clean
from ..assessment import assess
from ..extraction import extract
from ..graph import ClaimGraph
from ..io import load
from ..views import plot_board, plot_graph, report_html
from ._tables import (
    claims_table,
    disputes_table,
    estimates_table,
    extract_table,
    grades_table,
    heading,
    reliability_table,
    seed_file,
)

__all__ = ["run", "save_png", "write_text"]

_STORY = (
    ("part_of", "Parts and wholes"),
    ("derived_from", "Derived figures"),
    ("contradicts", "Contradictions"),
    ("corroborates", "Corroborations"),
    ("relays", "Relays (one origin, several outlets)"),
    ("supersedes", "Cumulative counts updated"),
)


_FILES = (
    ("board.png", "the claim board: every quantity's claims and the consensus"),
    ("graph.png", "sources, claims and the verdicts between them"),
    ("report.html", "one self-contained page to open in a browser and send on"),
)


def _unordered(reason: str) -> str:
    """A reason with its terms sorted: "23 Bryansk + 6 Belgorod = 29" and "6 Belgorod +
    23 Bryansk = 29" say the same thing."""
    head, sep, tail = reason.partition(" = ")
    return " + ".join(sorted(head.split(" + "))) + sep + tail


def write_text(path: str | Path, text: str) -> None:
    def write(handle: Any) -> None:
        handle.write(text)

    atomic_write(path, write)


def save_png(figure: Any, path: Path) -> None:
    """Save a matplotlib figure as PNG atomically (beside the target, then renamed)."""
    import os
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".png", dir=path.parent)
    os.close(fd)
    try:
        figure.savefig(tmp, dpi=110, format="png")
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # as an ordinary new file, not mkstemp's 0600
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def run(out: Path) -> int:
    """Tell the seed-report story on the terminal and write the pictures and report to
    ``out``; returns the exit status."""
    import matplotlib

    matplotlib.use("Agg")  # pictures go to files; no window, whatever the terminal
    import matplotlib.pyplot as plt

    seeds, counter = load(seed_file("seed_report.csv")), load(seed_file("counter_report.csv"))
    heading("The seed report")
    print(f"{len(seeds)} figures from one wire report of 2024-08-22, restated in seeds/:\n")
    print(claims_table(seeds))
    heading("Counter-reports (ILLUSTRATIVE: invented sources)")
    print(f"{len(counter)} invented claims by Monitor A and Outlets B, C and D, to show")
    print("agreement, contradiction, relays and updates:\n")
    print(claims_table(counter))
    graph = ClaimGraph([*seeds, *counter])
    report = graph.link()
    heading("What the checkers found")
    print(", ".join(f"{n} {r.replace('_', ' ')}" for r, n in report.verdicts.items()))
    for relation, title in _STORY:
        reasons = list({_unordered(v.reason): v.reason for v in graph.verdicts(relation)}.values())
        if reasons:
            print(f"\n{title}:")
            for reason in reasons:
                print(f"  - {clean(reason, 150)}")
    heading("Disputed quantities")
    print(disputes_table(graph))
    assessment = assess(graph)
    heading("Consensus estimates")
    print(estimates_table(assessment))
    heading("Source reliability (learned from agreement)")
    print(reliability_table(assessment))
    heading("Claim grades (Admiralty credibility: 1 confirmed ... 6 cannot be judged)")
    print(grades_table(assessment, shown=None, worst=5))
    alone = sum(1 for c in graph.claims() if assessment.grade(c).credibility == 6)
    print(f"\n{alone} more claims are graded 6: no other source reports their quantity.")
    text = read_text(seed_file("report.txt"))
    found = extract(text, published="2024-08-22", outlet="Seed Wire")
    heading("Reading the report's text (seeds/report.txt)")
    print(f"{len(found)} claims extracted from {len(text.split())} words:\n")
    print(extract_table(found))
    known = {(c.figure.value, c.place) for c in seeds}
    same = sum(1 for c in found if (c.figure.value, c.place) in known)
    print(f"\n{same} of {len(found)} have the figure and place of a claim in seed_report.csv.")
    out.mkdir(parents=True, exist_ok=True)
    plt.close("all")  # each picture on a figure of its own: ax=None draws on the current one
    for name in ("board.png", "graph.png"):
        ax = plot_board(assessment, limit=None) if name == "board.png" else plot_graph(graph)
        figure = ax.get_figure(root=True)
        assert figure is not None  # every picture draws on a figure
        save_png(figure, out / name)
        plt.close(figure)
    write_text(out / "report.html", report_html(assessment, title="The seed report, checked"))
    heading("Files")
    for name, what in _FILES:
        print(f"  {out / name}  {what}")
    return 0
