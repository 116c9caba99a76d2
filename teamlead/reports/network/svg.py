"""The network map as SVG: vector, small, and with a tooltip on every partner and link.

Written by hand (a few hundred elements need no library), with every number at two decimals and the elements in
the layout's order, so the same data and period give the same bytes.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from teamlead.i18n import tr, trn
from teamlead.reporting.model import NetworkMap
from teamlead.reports.network import style
from teamlead.reports.network.layout import Layout
from teamlead.reports.network.picture import MARGIN, picture
from teamlead.reports.safety import pdf_plain
from teamlead.rules.files import atomic_target


def _n(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def link_tooltip(names: dict[int, str], link_weight: float, source: int, target: int, details: str) -> str:
    return f"{names[source]} — {names[target]}: {link_weight:.2f} ({details})"


def link_details(meetings: int, agreements: int, contacts: int) -> str:
    """What a link was made of, in words: "2 meetings, 1 agreement"."""
    parts = []
    if meetings:
        parts.append(trn("{count} meeting", "{count} meetings", meetings))
    if agreements:
        parts.append(trn("{count} agreement", "{count} agreements", agreements))
    if contacts:
        parts.append(trn("{count} contact moment", "{count} contact moments", contacts))
    return ", ".join(parts)


def svg_text(layout: Layout) -> str:
    """The layout as an SVG document (a string), with a margin around it."""
    width, height = layout.width + 2 * MARGIN, layout.height + 2 * MARGIN
    names = {dot.node.id: pdf_plain(dot.node.name) for dot in layout.dots if dot.node is not None}
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_n(width)}pt" height="{_n(height)}pt" '
        f'viewBox="0 0 {_n(width)} {_n(height)}" font-family="DejaVu Sans, Verdana, sans-serif">',
        f'<rect width="100%" height="100%" fill="{style.BACKGROUND}"/>',
        f'<g transform="translate({_n(MARGIN)} {_n(MARGIN)})">',
        '<g stroke-linecap="round" opacity="0.75">',
    ]
    for stroke in layout.strokes:
        link = stroke.link
        tip = link_tooltip(
            names,
            link.weight,
            link.source,
            link.target,
            link_details(link.meetings, link.agreements, link.contacts),
        )
        out.append(
            f'<line x1="{_n(stroke.x1)}" y1="{_n(stroke.y1)}" x2="{_n(stroke.x2)}" y2="{_n(stroke.y2)}" '
            f'stroke="{stroke.colour}" stroke-width="{_n(stroke.width)}"><title>{escape(tip)}</title></line>'
        )
    out.append("</g>")
    out.append('<g stroke="#ffffff" stroke-width="0.6">')
    for dot in layout.dots:
        circle = f'<circle cx="{_n(dot.x)}" cy="{_n(dot.y)}" r="{_n(dot.radius)}" fill="{dot.colour}"'
        if dot.node is None:
            out.append(circle + "/>")
            continue
        tip = f"{names[dot.node.id]} · {pdf_plain(dot.node.domain) or tr('No domain')} · " + tr(
            "activity {count}", count=dot.node.activity
        )
        out.append(f"{circle}><title>{escape(tip)}</title></circle>")
    out.append("</g>")
    out.append(f'<g fill="{style.INK}" stroke="#ffffff" stroke-width="1.6" paint-order="stroke">')
    for label in layout.labels:
        weight = ' font-weight="bold"' if label.bold else ""
        node = f" data-organisation={quoteattr(str(label.node_id))}" if label.node_id is not None else ""
        out.append(
            f'<text x="{_n(label.x)}" y="{_n(label.baseline)}" font-size="{_n(label.size)}"{weight}{node}>'
            f"{escape(pdf_plain(label.text))}</text>"
        )
    out.append("</g>")
    out.append("</g>")
    out.append("</svg>")
    return "\n".join(out) + "\n"


def write_network_svg(network: NetworkMap, target: Path) -> None:
    text = svg_text(picture(network))
    with atomic_target(target) as temporary:
        temporary.write_text(text, encoding="utf-8")
