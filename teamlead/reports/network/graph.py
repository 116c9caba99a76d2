"""Which links of the network map are drawn, and which partners stand apart: one rule for every picture.

A map of everything that happened is a hairball, so a picture draws a link only when its weight reaches the
threshold (:data:`THRESHOLD`) and it is one of the strongest links (:data:`PER_NODE`, ties broken by the other
partner's id) of at least one of its two partners. A partner then never looks alone while it has a link over
the threshold, and a picture never draws more than ``PER_NODE`` links per partner on average: at most
``PER_NODE × partners`` in all. Partners without a drawn link are *isolated* and are placed apart.
The app's "more links" control raises ``per_node``; the report files use the defaults.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass

from teamlead.reporting.model import NetworkLink, NetworkMap, NetworkNode

PER_NODE = 3
"""The strongest links each partner keeps by default."""
THRESHOLD = 0.3
"""The lowest weight drawn: sitting together at three network meetings of ten partners (3 × 1/9) is not
yet a link; one shared agreement or contact moment (1) is."""


@dataclass(frozen=True)
class Graph:
    """What a picture shows: the partners, the links drawn between them, and the partners standing apart."""

    nodes: tuple[NetworkNode, ...]
    """Every partner shown, sorted by id."""
    links: tuple[NetworkLink, ...]
    """The links drawn, sorted by (source, target)."""
    isolated: frozenset[int]
    """Ids of the partners without a drawn link."""
    hidden: int
    """Links between shown partners that are not drawn (under the threshold or not among the strongest)."""

    @property
    def linked(self) -> tuple[NetworkNode, ...]:
        return tuple(node for node in self.nodes if node.id not in self.isolated)

    @property
    def apart(self) -> tuple[NetworkNode, ...]:
        """The isolated partners, by id (the layout lists them below the map by domain and name)."""
        return tuple(node for node in self.nodes if node.id in self.isolated)

    def neighbours(self, node_id: int) -> tuple[int, ...]:
        """The partners a drawn link joins to ``node_id``, by id."""
        found = {link.target for link in self.links if link.source == node_id}
        found |= {link.source for link in self.links if link.target == node_id}
        return tuple(sorted(found))


def drawn_graph(
    network: NetworkMap,
    *,
    per_node: int | None = PER_NODE,
    threshold: float = THRESHOLD,
    domains: Collection[str] | None = None,
) -> Graph:
    """The picture's graph: ``per_node`` None draws every link over the threshold; ``domains`` (keys) limits
    the partners shown to those domains (``""`` for partners without one)."""
    nodes = tuple(node for node in network.nodes if domains is None or node.domain_key in domains)
    shown = {node.id for node in nodes}
    candidates = [
        link
        for link in network.links
        if link.source in shown and link.target in shown and link.weight >= threshold - 1e-9
    ]
    between = sum(1 for link in network.links if link.source in shown and link.target in shown)
    if per_node is None:
        drawn = candidates
    else:
        ranked: dict[int, list[tuple[float, int, NetworkLink]]] = defaultdict(list)
        for link in candidates:
            ranked[link.source].append((-link.weight, link.target, link))
            ranked[link.target].append((-link.weight, link.source, link))
        kept: set[tuple[int, int]] = set()
        for options in ranked.values():
            options.sort(key=lambda option: (option[0], option[1]))
            kept.update((link.source, link.target) for _w, _other, link in options[:per_node])
        drawn = [link for link in candidates if (link.source, link.target) in kept]
    touched = {link.source for link in drawn} | {link.target for link in drawn}
    return Graph(
        nodes=nodes,
        links=tuple(drawn),
        isolated=frozenset(shown - touched),
        hidden=between - len(drawn),
    )
