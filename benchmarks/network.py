"""The network map: layout and drawing time on the district demo and the city demo (issue 16).

For each, the last full quarter (2025-Q4, today 2026-03-02) in the district audience (the most links) and
the city audience: gathering, laying out, and drawing each picture format. The target is layout + drawing
at most 2 × drawing the same partners and links without a layout (every partner in a row in id order, as
text runs, on a canvas of the same size; the same primitives, so the same drawing work). Each time is the
fastest of a few runs: on a shared machine, other work only ever adds to a run.

    make bench BENCH_ARGS=network

With a PostgreSQL server configured (:mod:`benchmarks._city`), the gathering runs again on a copy of each demo
there, as a team lead of every district of the demo (the same rows, each through row-level security), beside
the SQLite figure; laying out and drawing read no database, so they are not run twice.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from benchmarks._city import TODAY, demo_postgres, demo_sqlite, postgres_server
from benchmarks._postgres import SKIPPED, beside, team_lead

RUNS = 7


def _fastest(action: Callable[[], object], runs: int = RUNS) -> float:
    """The fastest of at least ``runs`` runs, and of as many more as fit in a quarter of a second: a drawing
    of a few milliseconds needs many tries to find one the shared machine did not slow down."""
    times: list[float] = []
    spent = 0.0
    while len(times) < runs or (spent < 0.25 and len(times) < 200):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
        spent += times[-1]
    return min(times)


def unlaid(graph: Any, domains: Any, laid: Any) -> Any:
    """The same dots, names and links with no layout: partners in rows in id order, like lines of text, on a
    canvas the size of the laid-out one (``laid``), so a PNG has as many pixels to fill."""
    from teamlead.reports.network import layout, style

    width = laid.width
    colours = style.domain_colours(domains)
    places: dict[int, tuple[float, float]] = {}
    dots, labels = [], []
    x = y = 0.0
    for node in graph.nodes:
        text = node.name
        needed = layout.DOT_COLUMN + style.text_width(text, layout.FONT_SIZE)
        if x > 0 and x + needed > width:
            x, y = 0.0, y + layout.ROW
        places[node.id] = (x, y)
        dots.append(layout.Dot(x + 4.5, y + 4.5, 2.0, colours.get(node.domain_key, style.NO_DOMAIN), node))
        labels.append(layout._text(text, x + layout.DOT_COLUMN, y, layout.FONT_SIZE, node_id=node.id))
        x += needed + layout.GAP
    strokes = tuple(layout._stroke(link, places) for link in graph.links)
    return layout.Layout(width, max(laid.height, y + layout.ROW), strokes, tuple(dots), tuple(labels))


def _drawers() -> dict[str, Callable[[Any], object]]:
    from reportlab.pdfgen.canvas import Canvas

    from teamlead.reports.network.pdf import draw_layout
    from teamlead.reports.network.png import png_image
    from teamlead.reports.network.svg import svg_text

    def pdf(layout: Any) -> None:
        canvas = Canvas(io.BytesIO(), pagesize=(layout.width + 20, layout.height + 20))
        draw_layout(canvas, layout, 1.0)
        canvas.showPage()
        canvas.save()

    def png(layout: Any) -> None:
        png_image(layout).save(io.BytesIO(), format="PNG")

    return {"svg": svg_text, "pdf": pdf, "png": png}


def _gathered(database: Any, district: str | None) -> dict[str, tuple[float, Any]]:
    """Per audience, the fastest gathering of the last full quarter's network, and the network."""
    from teamlead.reporting.districts import choose_districts
    from teamlead.reporting.network import gather_network
    from teamlead.reporting.periods import AMSTERDAM, last_full_quarter

    period = last_full_quarter(TODAY)
    made = datetime(2026, 3, 2, 9, 0, tzinfo=AMSTERDAM)
    gathered = {}
    for audience in ("district", "city"):
        with database.session() as session:
            districts = choose_districts(session, district)

            def gather(session: Any = session, districts: Any = districts, audience: str = audience) -> Any:
                return gather_network(session, districts, district is None, None, period, audience, made)

            gathered[audience] = (_fastest(gather, 3), gather())
    return gathered


def bench(label: str, path: Path, district: str | None) -> dict[str, tuple[float, Any]]:
    """Gather, lay out and draw on the SQLite file ``path``; the gatherings by audience."""
    from teamlead.data.database import open_database
    from teamlead.reporting.periods import last_full_quarter
    from teamlead.reports.network.graph import PER_NODE, drawn_graph
    from teamlead.reports.network.layout import lay_out

    period = last_full_quarter(TODAY)
    database = open_database(path)
    try:
        gathered = _gathered(database, district)
    finally:
        database.dispose()
    for audience, (gathering, network) in gathered.items():
        graph = drawn_graph(network)
        layout = lay_out(graph, network.domains)
        laying = _fastest(lambda graph=graph, network=network: lay_out(graph, network.domains))
        plain = unlaid(graph, network.domains, layout)
        drawn = len(layout.strokes)
        print(
            f"{label} {audience} {period.label()}: {len(graph.nodes)} partners, {drawn} links drawn "
            f"({drawn / max(len(graph.nodes), 1):.2f} per partner, at most {PER_NODE}), "
            f"{len(layout.overlapping_labels())} overlapping names; gather {gathering:.3f} s, "
            f"layout {laying:.3f} s",
            flush=True,
        )
        for name, draw in _drawers().items():
            runs = 1 if name == "png" and len(graph.nodes) > 1000 else 3
            with_layout = _fastest(lambda draw=draw, layout=layout: draw(layout), runs)
            without = _fastest(lambda draw=draw, plain=plain: draw(plain), runs)
            ratio = (laying + with_layout) / without
            print(
                f"  {name}: draw {with_layout:.3f} s; layout + draw {laying + with_layout:.3f} s vs "
                f"drawing without layout {without:.3f} s = {ratio:.2f}x (target <= 2.00)",
                flush=True,
            )
    return gathered


def bench_postgres(label: str, scale: str, on_sqlite: dict[str, tuple[float, Any]]) -> None:
    """The gathering of :func:`bench` on the PostgreSQL copy of the demo of ``scale``, beside SQLite's."""
    server = postgres_server()
    if server is None:
        print(f"  {SKIPPED}")
        return
    from teamlead.reports.network.graph import drawn_graph

    with team_lead(server, demo_postgres(server, scale).database) as lead:
        database = lead.open()
        try:
            gathered = _gathered(database, None)
        finally:
            database.dispose()
    print(f"{label} on postgresql, {lead.describe()}:")
    for audience, (seconds, network) in gathered.items():
        partners = len(drawn_graph(network).nodes)
        same = partners == len(drawn_graph(on_sqlite[audience][1]).nodes)
        what = f"{audience}: gather ({partners} partners{'' if same else ', not as on sqlite'})"
        beside(what, on_sqlite[audience][0] * 1000, seconds * 1000)


def main() -> None:
    for scale in ("district", "city"):
        label = f"{scale} demo"
        bench_postgres(label, scale, bench(label, demo_sqlite(scale), None))


if __name__ == "__main__":
    main()
