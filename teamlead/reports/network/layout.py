"""Where the network map puts everything: a deterministic layout in points, cheap enough to redo on a click.

Three steps, none of them a force simulation:

1. **Sectors.** The linked partners are grouped by domain, each domain gets a wedge of a disc as large as its
   share, and inside the wedge the most active partners sit nearest the centre (a sunflower spiral, so the
   wedge is filled evenly). A map of several districts has a disc per district, side by side: partners
   mostly work within their district, so its links stay short.
2. **A few smoothing steps.** Each partner moves towards the weighted middle of the partners it is linked to,
   held back by its own wedge: partners who work together end up near each other, domains stay recognisable.
3. **Packing.** Each partner is a dot with its name to the right, one line high. In order of activity, each is
   put at the free place nearest to where steps 1-2 wanted it, in rows; a place is free when nothing else is
   within :data:`GAP`. So no two labels overlap, by construction (:meth:`Layout.overlapping_labels` checks it).

The isolated partners (no drawn link) follow below, by domain and name, in lines like text; the legend of
the domains' colours comes first. Coordinates are points, y downwards; every writer scales as it needs.
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from teamlead.i18n import tr
from teamlead.reporting.model import NetworkLink, NetworkNode
from teamlead.reports.network import style
from teamlead.reports.network.graph import Graph
from teamlead.reports.safety import pdf_plain

FONT_SIZE = 6.0
ROW = 9.0
"""The height of a row of partners: one line of names and the space between lines."""
GAP = 7.0
"""The least space between two partners in a row."""
DOT_COLUMN = 9.0
"""The space for the dot left of a name."""
RADIUS = (1.5, 4.0)
"""The smallest and largest dot: from no activity to the most active partner of the map."""
FILL = 0.5
"""The share of the map's area the partners' rows take; the rest is room to move them near their ties."""
MAX_LABEL = 220.0
"""A name longer than this (in points) is cut with an ellipsis; the full name stays in the tooltips."""
SMOOTHING = 3
ANCHOR = 1.5
"""How strongly a partner keeps to its own wedge while it moves towards its ties."""
GOLDEN = (math.sqrt(5) - 1) / 2
SPREAD = 0.5
RISE = 2.0
"""What a row up or down costs in the packing, as a multiple of the same distance sideways: names are wide and
rows close, so a name moved along its row disturbs the picture less (and fewer rows need to be searched)."""
"""How much of a partner's place comes from its rank (left to right, top to bottom) rather than its position."""


class Box(NamedTuple):
    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    def overlaps(self, other: Box) -> bool:
        """Whether the two share any area (touching edges do not count)."""
        return (
            self.x < other.right and other.x < self.right and self.y < other.bottom and other.y < self.bottom
        )


class Label(NamedTuple):
    text: str
    x: float
    baseline: float
    size: float
    box: Box
    node_id: int | None = None
    """The partner it names; None for the legend and headings."""
    bold: bool = False
    colour: str = style.INK


class Dot(NamedTuple):
    x: float
    y: float
    radius: float
    colour: str
    node: NetworkNode | None = None
    """None for a swatch of the legend."""
    apart: bool = False
    """An isolated partner, listed below the map."""


class Stroke(NamedTuple):
    link: NetworkLink
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    colour: str


@dataclass(frozen=True)
class Layout:
    """The picture in points, y downwards: links first, then dots, then labels (the order to draw them)."""

    width: float
    height: float
    strokes: tuple[Stroke, ...]
    dots: tuple[Dot, ...]
    labels: tuple[Label, ...]

    def dot(self, node_id: int) -> Dot:
        return next(dot for dot in self.dots if dot.node is not None and dot.node.id == node_id)

    def label_boxes(self) -> list[Box]:
        return [label.box for label in self.labels]

    def overlapping_labels(self) -> list[tuple[Label, Label]]:
        """Every pair of labels whose boxes overlap (a sweep over their tops; should be empty)."""
        ordered = sorted(self.labels, key=lambda label: (label.box.y, label.box.x))
        found = []
        for index, label in enumerate(ordered):
            for other in ordered[index + 1 :]:
                if other.box.y >= label.box.bottom:
                    break
                if label.box.overlaps(other.box):
                    found.append((label, other))
        return found


def lay_out(
    graph: Graph,
    domains: Sequence[tuple[str, str]],
    *,
    width: float | None = None,
    aspect: float = 1.25,
    heading: Sequence[str] = (),
) -> Layout:
    """The picture of ``graph``; ``domains`` (key, name) order the sectors and the legend. The map is
    ``width`` points wide when given, else as wide as makes it ``aspect`` (height ÷ width); its height
    follows from the room its partners need. ``heading`` lines (the first in bold) go above the legend."""
    colours = style.domain_colours(domains)
    order = {key: index for index, (key, _name) in enumerate(domains)}
    most = max((node.activity for node in graph.nodes), default=0)
    items = {node.id: _Item(node, most) for node in graph.nodes}
    linked = graph.linked
    area = sum((items[node.id].width + GAP) * ROW for node in linked) / FILL
    if width is None:
        width = math.sqrt(area / aspect) if area else 0.0
    width = max(width, max((item.width for item in items.values()), default=0.0) + 2 * GAP, 240.0)
    labels: list[Label] = []
    dots: list[Dot] = []
    y = 0.0
    for index, line in enumerate(heading):
        size = FONT_SIZE * (1.8 if index == 0 else 1.25)
        labels.append(_text(line, 0.0, y, size, bold=index == 0))
        width = max(width, labels[-1].box.width)
        y += size * 1.45
    if heading:
        y += ROW / 2
    shown = sorted(
        {node.domain_key for node in graph.nodes}, key=lambda key: (order.get(key, len(order)), key)
    )
    names = dict(domains)
    legend = [(key, names.get(key) or tr("No domain")) for key in shown]
    y = _legend(legend, colours, width, y, labels, dots)
    targets = _targets(graph, order)
    rows = max(1, math.ceil(area / width / ROW))
    placed = _pack(linked, items, targets, width, rows, y)
    for node_id, (x, row_y) in placed.items():
        item = items[node_id]
        colour = colours.get(item.node.domain_key, style.NO_DOMAIN)
        dots.append(Dot(x + DOT_COLUMN / 2, row_y + ROW / 2, item.radius, colour, item.node))
        labels.append(item.label(x, row_y))
    y = max((row_y + ROW for _x, row_y in placed.values()), default=y)
    strokes = tuple(_stroke(link, placed) for link in graph.links)
    apart = sorted(
        graph.apart, key=lambda node: (order.get(node.domain_key, len(order)), node.name.casefold(), node.id)
    )
    if apart:
        y += ROW
        title = tr("Without a drawn link in this period ({count})", count=len(apart))
        labels.append(_text(title, 0.0, y, FONT_SIZE * 1.15, bold=True))
        y += ROW * 1.4
        x = 0.0
        for node in apart:
            item = items[node.id]
            if x > 0 and x + item.width > width:
                x, y = 0.0, y + ROW
            colour = colours.get(node.domain_key, style.NO_DOMAIN)
            dots.append(Dot(x + DOT_COLUMN / 2, y + ROW / 2, item.radius, colour, node, apart=True))
            labels.append(item.label(x, y))
            x += item.width + GAP
        y += ROW
    return Layout(width, y, strokes, tuple(dots), tuple(labels))


_NAME_HEIGHT = FONT_SIZE * (style.ASCENT + style.DESCENT)
_NAME_TOP = max(0.0, (ROW - _NAME_HEIGHT) / 2)
_NAME_ASCENT = FONT_SIZE * style.ASCENT


class _Item:
    """A partner as the packing sees it: its dot and its name, one row high."""

    __slots__ = ("node", "radius", "text", "text_width", "width")

    def __init__(self, node: NetworkNode, most: int) -> None:
        self.node = node
        share = math.sqrt(node.activity / most) if most else 0.0
        self.radius = RADIUS[0] + (RADIUS[1] - RADIUS[0]) * share
        self.text, self.text_width = _name(node.name)
        self.width = DOT_COLUMN + self.text_width

    def label(self, x: float, row_y: float) -> Label:
        """The name of a partner placed at ``x`` in the row at ``row_y`` (what :func:`_text` makes, for the
        thousands of names of a city map)."""
        top = row_y + _NAME_TOP
        left = x + DOT_COLUMN
        box = Box(left, top, self.text_width, _NAME_HEIGHT)
        return Label(self.text, left, top + _NAME_ASCENT, FONT_SIZE, box, self.node.id)


@lru_cache(maxsize=16_384)
def _name(name: str) -> tuple[str, float]:
    """A partner's name as its label shows it (plain, cut with an ellipsis beyond :data:`MAX_LABEL`) and its
    width; kept, as the map is laid out again on every click in the app."""
    text = pdf_plain(name)
    width = style.text_width(text, FONT_SIZE)
    if width <= MAX_LABEL:
        return text, width
    while text and style.text_width(text + "…", FONT_SIZE) > MAX_LABEL:
        text = text[:-1]
    text = text.rstrip() + "…"
    return text, style.text_width(text, FONT_SIZE)


def _text(
    text: str,
    x: float,
    row_y: float,
    size: float,
    *,
    node_id: int | None = None,
    bold: bool = False,
    width: float | None = None,
) -> Label:
    """A one-line label whose box is centred in a row of :data:`ROW` (or as tall as its font, if taller)."""
    height = size * (style.ASCENT + style.DESCENT)
    top = row_y + max(0.0, (ROW - height) / 2)
    width = style.text_width(text, size, bold) if width is None else width
    return Label(text, x, top + size * style.ASCENT, size, Box(x, top, width, height), node_id, bold)


def _legend(
    legend: Iterable[tuple[str, str]],
    colours: dict[str, str],
    width: float,
    y: float,
    labels: list[Label],
    dots: list[Dot],
) -> float:
    """The domains' colours in a line (or lines) like text; returns the y below them."""
    x = 0.0
    any_entry = False
    for key, name in legend:
        size = FONT_SIZE * 1.1
        needed = DOT_COLUMN + style.text_width(name, size)
        if x > 0 and x + needed > width:
            x, y = 0.0, y + ROW
        dots.append(Dot(x + DOT_COLUMN / 2, y + ROW / 2, RADIUS[1] * 0.9, colours.get(key, style.NO_DOMAIN)))
        labels.append(_text(name, x + DOT_COLUMN, y, size))
        x += needed + GAP * 2
        any_entry = True
    return y + ROW * 2 if any_entry else y


def _map_width(items: Sequence[_Item], aspect: float) -> float:
    """The width of a map whose rows, at :data:`FILL`, hold these partners in an area ``aspect`` tall."""
    area = sum((item.width + GAP) * ROW for item in items) / FILL
    return math.sqrt(area / aspect) if area else 0.0


def _wedges(
    members: Sequence[NetworkNode], order: dict[str, int], centre: tuple[float, float]
) -> dict[int, tuple[float, float]]:
    """Step 1 for one district: a disc around ``centre``, a wedge per domain as large as its share."""
    groups: dict[str, list[NetworkNode]] = defaultdict(list)
    for node in members:
        groups[node.domain_key].append(node)
    anchors: dict[int, tuple[float, float]] = {}
    start = -math.pi / 2
    for key in sorted(groups, key=lambda key: (order.get(key, len(order)), key)):
        group = sorted(groups[key], key=lambda node: (-node.activity, node.id))
        span = 2 * math.pi * len(group) / len(members)
        for rank, node in enumerate(group):
            radius = 0.2 + 0.8 * math.sqrt((rank + 0.5) / len(group))
            angle = start + span * (0.1 + 0.8 * ((rank * GOLDEN) % 1.0))
            anchors[node.id] = (centre[0] + radius * math.cos(angle), centre[1] + radius * math.sin(angle))
        start += span
    return anchors


def _targets(graph: Graph, order: dict[str, int]) -> dict[int, tuple[float, float]]:
    """Where each linked partner would like to be, in a unit square: steps 1 and 2 of the module's doc."""
    linked = graph.linked
    if not linked:
        return {}
    districts = sorted({node.district for node in linked})
    columns = math.ceil(math.sqrt(len(districts)))
    anchors: dict[int, tuple[float, float]] = {}
    for place, district in enumerate(districts):  # a map of several districts: a disc each, in a grid
        members = [node for node in linked if node.district == district]
        centre = (2.2 * (place % columns), 2.2 * (place // columns))
        anchors.update(_wedges(members, order, centre))
    ids = sorted(anchors)
    index = {node_id: place for place, node_id in enumerate(ids)}
    ties: list[list[tuple[int, float]]] = [[] for _ in ids]
    for link in graph.links:
        weight = min(link.weight, 3.0)
        ties[index[link.source]].append((index[link.target], weight))
        ties[index[link.target]].append((index[link.source], weight))
    home_x = [ANCHOR * anchors[node_id][0] for node_id in ids]
    home_y = [ANCHOR * anchors[node_id][1] for node_id in ids]
    totals = [ANCHOR + math.fsum(weight for _other, weight in own) for own in ties]
    xs = [anchors[node_id][0] for node_id in ids]
    ys = [anchors[node_id][1] for node_id in ids]
    for _step in range(SMOOTHING):
        moved_x, moved_y = [], []
        for sx, sy, own, total in zip(home_x, home_y, ties, totals, strict=True):
            for other, weight in own:
                sx += weight * xs[other]
                sy += weight * ys[other]
            moved_x.append(sx / total)
            moved_y.append(sy / total)
        xs, ys = moved_x, moved_y
    return dict(zip(ids, zip(_spread(xs), _spread(ys), strict=True), strict=True))


def _spread(values: list[float]) -> list[float]:
    """Positions on one axis in 0..1, halfway between the smoothed ones and their ranks (ties by id, as the
    values come in id order): the crowded middle opens up and a partner with one far tie does not stretch
    the map."""
    low, high = min(values), max(values)
    span = max(high - low, 1e-9)
    last = max(len(values) - 1, 1)
    spread = [0.0] * len(values)
    for rank, place in enumerate(sorted(range(len(values)), key=values.__getitem__)):
        spread[place] = SPREAD * rank / last + (1 - SPREAD) * (values[place] - low) / span
    return spread


class _Rows:
    """The free stretches of each row: a flat sorted list of edges per row, where (edges[2i], edges[2i+1]) is
    the i-th free stretch. Taken stretches already include :data:`GAP` (a name and the space after it)."""

    def __init__(self, count: int, width: float) -> None:
        self.end = width + GAP
        self.edges: list[list[float]] = [[0.0, self.end] for _ in range(count)]

    def add_row(self) -> None:
        self.edges.append([0.0, self.end])

    def nearest(self, row: int, wanted: float, width: float, limit: float = math.inf) -> float | None:
        """The free x in ``row`` nearest to ``wanted`` where a partner ``width`` wide fits, if it is less than
        ``limit`` away; else None.

        Only the free stretches around ``wanted`` are looked at, outwards, until one is further away than the
        best place found (or than ``limit``)."""
        need = width + GAP
        edges = self.edges[row]
        found = bisect.bisect_right(edges, wanted) - 1  # edges[found] <= wanted < edges[found + 1]
        first = (found + 1) // 2  # the free stretch holding wanted, or the first one right of it
        best: float | None = None
        reach = limit
        for stretch in range(2 * first, len(edges), 2):  # rightwards
            left = edges[stretch]
            if left - wanted >= reach:
                break
            last = edges[stretch + 1] - need  # the last x where the partner fits
            if last >= left:
                x = wanted if wanted > left else left
                if x > last:
                    x = last
                distance = x - wanted if x > wanted else wanted - x
                if distance < reach:
                    best, reach = x, distance
                    if not distance:
                        return best
        for stretch in range(2 * first - 2, -1, -2):  # leftwards: every x here is left of wanted
            last = edges[stretch + 1] - need
            if wanted - last >= reach:
                break
            if last >= edges[stretch]:
                best, reach = last, wanted - last
        return best

    def take(self, row: int, x: float, width: float) -> None:
        """Takes ``x`` .. ``x + width + GAP`` out of the free stretch that holds it (one :meth:`nearest` gave)."""
        edges = self.edges[row]
        stretch = bisect.bisect_right(edges, x) - 1
        edges[stretch + 1 : stretch + 1] = [x, x + width + GAP]


def _pack(
    linked: Sequence[NetworkNode],
    items: dict[int, _Item],
    targets: dict[int, tuple[float, float]],
    width: float,
    count: int,
    top: float,
) -> dict[int, tuple[float, float]]:
    """Each linked partner at the free place nearest its target, the most active first: (x, row's top y)."""
    rows = _Rows(count, width)
    placed: dict[int, tuple[float, float]] = {}
    for node in sorted(linked, key=lambda node: (-node.activity, node.id)):
        item = items[node.id]
        tx, ty = targets[node.id]
        wanted_x = tx * (width - item.width)
        wanted_row = ty * (count - 1)
        best: tuple[float, int, float] | None = None
        below = min(count - 1, max(0, math.floor(wanted_row)))
        above = below + 1
        while (
            below >= 0 or above < count
        ):  # the rows nearest first (the upper on a tie), until one cannot do better
            if above >= count or (below >= 0 and wanted_row - below <= above - wanted_row):
                row, below = below, below - 1
            else:
                row, above = above, above + 1
            rise = ((row - wanted_row) * ROW * RISE) ** 2
            if best is not None and rise >= best[0]:
                break
            x = rows.nearest(row, wanted_x, item.width, math.sqrt(best[0] - rise) if best else math.inf)
            if x is not None:
                best = ((x - wanted_x) ** 2 + rise, row, x)
        if best is None:  # every row is full: open a new one below
            rows.add_row()
            count += 1
            best = (0.0, count - 1, 0.0)
        _cost, row, x = best
        rows.take(row, x, item.width)
        placed[node.id] = (x, top + row * ROW)
    return placed


def _stroke(link: NetworkLink, placed: dict[int, tuple[float, float]]) -> Stroke:
    x1, y1 = placed[link.source]
    x2, y2 = placed[link.target]
    strong = link.weight >= 1.0
    return Stroke(
        link,
        x1 + DOT_COLUMN / 2,
        y1 + ROW / 2,
        x2 + DOT_COLUMN / 2,
        y2 + ROW / 2,
        0.35 + 0.45 * min(link.weight, 3.0),
        style.STRONG_LINK if strong else style.LINK,
    )
