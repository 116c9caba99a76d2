"""The one picture every file of the network map shows: the drawn graph, laid out, with its heading."""

from __future__ import annotations

from teamlead.i18n import tr
from teamlead.reporting.model import NetworkMap
from teamlead.reports.network.graph import drawn_graph
from teamlead.reports.network.layout import Layout, lay_out
from teamlead.rules import formatting, words

MARGIN = 18.0
"""Points of white around the picture in the SVG and PNG files."""


def heading(network: NetworkMap) -> list[str]:
    """The title and what the map covers. Not when it was made: the same data give the same picture."""
    header = network.header
    scope = header.district
    if network.neighbourhood:
        scope = f"{network.neighbourhood} ({scope})" if scope else network.neighbourhood
    parts = [scope]
    if header.period is not None:
        parts.append(formatting.period_name(header.period.start, header.period.end))
    parts.append(words.audience(header.audience))
    return [header.title or tr("Network map"), " · ".join(parts)]


def picture(network: NetworkMap, *, titled: bool = True, aspect: float = 1.25) -> Layout:
    """The map with the default links (:mod:`.graph`), laid out; ``titled`` puts :func:`heading` on top."""
    graph = drawn_graph(network)
    return lay_out(graph, network.domains, aspect=aspect, heading=heading(network) if titled else ())
