"""The network map in a PDF: on its own (``teamlead report network``) and as a page of the district report.

The map is drawn on reportlab's canvas from the same :class:`~.layout.Layout` as the SVG and the PNG, so the
three show one picture; names are text (searchable, and read back by the tests).
"""

from __future__ import annotations

import math
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from teamlead.i18n import tr
from teamlead.reporting.model import NetworkMap
from teamlead.reports import pdf, scripts
from teamlead.reports.network import style
from teamlead.reports.network.graph import PER_NODE, THRESHOLD, Graph, drawn_graph
from teamlead.reports.network.layout import Layout, lay_out
from teamlead.reports.safety import pdf_plain

SCALE = 0.85
"""The map at 85 %: 6-point names print at 5.1 points, a whole district still fits an A4 page."""
SMALLEST = 0.6
"""Below this scale the names are too small to read: the stand-alone map gets a larger page instead."""
FRAME_HEIGHT = pdf.PAGE_HEIGHT - pdf.MARGIN - 18 * mm
TITLE_ROOM = 190.0
"""Points above the map on the stand-alone page: the title block and the explanation."""
PAGE_ROOM = 75.0
"""Points above the map on the district report's page: its heading and the explanation."""
FRAME_PADDING = 6.0
"""reportlab's frames keep 6 points free on each side."""


class MapDrawing(Flowable):  # type: ignore[misc]  # reportlab ships no types
    """The layout as a flowable, at ``scale`` or as much smaller as the room left on the page needs."""

    def __init__(self, layout: Layout, scale: float) -> None:
        super().__init__()
        self.layout = layout
        self.largest = scale
        self._fit(scale)

    def _fit(self, scale: float) -> None:
        self.scale = scale
        self.width = self.layout.width * scale
        self.height = self.layout.height * scale

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        room = min(available_width / self.layout.width, available_height / self.layout.height)
        self._fit(min(self.largest, room))
        return self.width, self.height

    def draw(self) -> None:
        draw_layout(self.canv, self.layout, self.scale)


def draw_layout(canvas: Canvas, layout: Layout, scale: float) -> None:
    """Links, the white boxes behind names, dots, then names; y turned upwards as PDF counts it."""
    top = layout.height
    canvas.saveState()
    canvas.scale(scale, scale)
    canvas.setLineCap(1)
    canvas.setStrokeAlpha(style.LINK_OPACITY)
    for stroke in layout.strokes:
        canvas.setStrokeColor(colors.HexColor(stroke.colour))
        canvas.setLineWidth(stroke.width)
        canvas.line(stroke.x1, top - stroke.y1, stroke.x2, top - stroke.y2)
    canvas.setStrokeAlpha(1)
    canvas.setFillColor(colors.white)
    canvas.setFillAlpha(style.BACKDROP)
    margin = style.BACKDROP_MARGIN
    for label in layout.labels:
        box = label.box
        canvas.rect(
            box.x - margin, top - box.bottom - margin, box.width + 2 * margin, box.height + 2 * margin, 0, 1
        )
    canvas.setFillAlpha(1)
    canvas.setStrokeColor(colors.white)
    canvas.setLineWidth(0.6)
    for dot in layout.dots:
        canvas.setFillColor(colors.HexColor(dot.colour))
        canvas.circle(dot.x, top - dot.y, dot.radius, stroke=1, fill=1)
    for label in layout.labels:
        canvas.setFillColor(colors.HexColor(label.colour))
        font = pdf.FONT_BOLD if label.bold else pdf.FONT
        canvas.setFont(font, label.size)
        canvas.drawString(label.x, top - label.baseline, scripts.single_font(pdf_plain(label.text), font))
    canvas.restoreState()


def explanation(network: NetworkMap, graph: Graph) -> str:
    """How to read the map, under its heading: the rule, what is drawn, and how much."""
    if network.header.audience == "district":
        rule = tr(
            "Partners are linked when they worked together in the period: a held meeting adds 1/(n−1) to each "
            "pair of the n partners present, an agreement adds 1 to each pair it names, and so does a contact "
            "moment."
        )
    else:
        rule = tr(
            "Partners are linked when they worked together in the period: a held meeting adds 1/(n−1) to each "
            "pair of the n partners present, and an agreement adds 1 to each pair it names."
        )
    shown = tr(
        "Drawn: links of at least {threshold}, each partner's {count} strongest ({drawn} of {total}). "
        "A larger dot took part in more.",
        threshold=f"{THRESHOLD:g}",
        count=PER_NODE,
        drawn=len(graph.links),
        total=len(graph.links) + graph.hidden,
    )
    return f"{rule} {shown}"


def fitted(graph: Graph, network: NetworkMap, width: float, height: float) -> MapDrawing:
    """The map for a frame ``width`` × ``height``: laid out that wide at :data:`SCALE`; when that is too tall,
    laid out again wider (the same area in the frame's shape) and scaled down to fill the frame's width."""
    layout = lay_out(graph, network.domains, width=width / SCALE)
    if layout.height * SCALE > height:
        wider = math.sqrt(layout.width * layout.height * width / height)
        layout = lay_out(graph, network.domains, width=wider)
    return MapDrawing(layout, SCALE)


def map_page(network: NetworkMap) -> list[Flowable]:
    """The district report's page: a heading, how to read it, and the map, on one page."""
    graph = drawn_graph(network)
    flowables: list[Flowable] = [
        pdf.heading(tr("Network map")),
        pdf.para(explanation(network, graph), "small"),
        pdf.spacer(2),
    ]
    if not graph.nodes:
        return [*flowables, pdf.empty_note(tr("No partners in this period."))]
    room = FRAME_HEIGHT - 2 * FRAME_PADDING - PAGE_ROOM
    return [*flowables, fitted(graph, network, pdf.CONTENT_WIDTH - 2 * FRAME_PADDING, room)]


def write_network_pdf(network: NetworkMap, target: Path) -> None:
    """One page: the title block and the map; a page larger than A4 when A4 would make names unreadable."""
    graph = drawn_graph(network)
    subtitle = tr("Neighbourhood: {name}", name=network.neighbourhood) if network.neighbourhood else None
    story: list[Flowable] = pdf.title_block(network.header, subtitle)
    story += [pdf.para(explanation(network, graph), "small"), pdf.spacer(2)]
    pagesize = A4
    if not graph.nodes:
        story.append(pdf.empty_note(tr("No partners in this period.")))
    else:
        room = FRAME_HEIGHT - TITLE_ROOM
        drawing = fitted(graph, network, pdf.CONTENT_WIDTH - 2 * FRAME_PADDING, room)
        drawing.wrap(pdf.CONTENT_WIDTH - 2 * FRAME_PADDING, room)
        if drawing.scale < SMALLEST:
            layout = lay_out(graph, network.domains, aspect=pdf.PAGE_HEIGHT / pdf.PAGE_WIDTH)
            drawing = MapDrawing(layout, SCALE)
            pagesize = (
                max(pdf.PAGE_WIDTH, drawing.width + 2 * pdf.MARGIN),
                max(pdf.PAGE_HEIGHT, drawing.height + TITLE_ROOM + pdf.MARGIN + 18 * mm),
            )
        story.append(drawing)
    pdf.write_pdf(target, network.header, story, pagesize=pagesize)
