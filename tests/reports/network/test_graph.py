"""Which links a picture draws: the threshold, each partner's strongest links, and who stands apart."""

from __future__ import annotations

from datetime import date, datetime

from teamlead.reporting.model import NetworkLink, NetworkMap, NetworkNode, ReportHeader
from teamlead.reporting.periods import AMSTERDAM, Period
from teamlead.reports.network.graph import drawn_graph


def network(links: list[tuple[int, int, float]], nodes: int = 7) -> NetworkMap:
    header = ReportHeader(
        "network",
        "Zuidoost",
        Period(date(2026, 1, 1), date(2026, 3, 31)),
        "city",
        datetime.now(AMSTERDAM),
        "x",
    )
    domains = ("social", "care", "")
    return NetworkMap(
        header=header,
        neighbourhood="",
        domains=(("social", "Social"), ("care", "Care")),
        nodes=tuple(NetworkNode(i, f"Partner {i}", domains[i % 3], "", 1) for i in range(1, nodes + 1)),
        links=tuple(NetworkLink(a, b, w, 1, 0, 0) for a, b, w in sorted(links)),
    )


HUB = [(1, 2, 5.0), (1, 3, 4.0), (1, 4, 3.0), (1, 5, 2.0), (1, 6, 1.0), (2, 3, 0.2), (5, 6, 0.5)]


def pairs(links: tuple[NetworkLink, ...]) -> set[tuple[int, int]]:
    return {(link.source, link.target) for link in links}


def test_each_partner_keeps_its_strongest_links_and_the_weak_ones_go() -> None:
    graph = drawn_graph(network(HUB), per_node=2, threshold=0.3)
    # 1 keeps 1-2 and 1-3; 4, 5, 6 each keep their strongest, which is the hub (and 5-6 for 5 and 6).
    assert pairs(graph.links) == {(1, 2), (1, 3), (1, 4), (1, 5), (1, 6), (5, 6)}
    assert graph.isolated == {7}
    assert graph.hidden == 1  # 2-3, under the threshold
    assert graph.neighbours(5) == (1, 6)
    assert len(graph.links) <= 2 * len(graph.nodes)


def test_one_strongest_link_each() -> None:
    graph = drawn_graph(network(HUB), per_node=1, threshold=0.3)
    # 1 keeps 1-2; 3 (its 2-3 is under the threshold), 4, 5 and 6 keep their link to the hub.
    assert pairs(graph.links) == {(1, 2), (1, 3), (1, 4), (1, 5), (1, 6)}
    assert graph.isolated == {7}


def test_all_links_over_the_threshold_and_a_domain_filter() -> None:
    assert pairs(drawn_graph(network(HUB), per_node=None, threshold=0.3).links) == pairs(
        tuple(NetworkLink(a, b, w, 1, 0, 0) for a, b, w in HUB if w >= 0.3)
    )
    only = drawn_graph(network(HUB), per_node=None, threshold=0.0, domains={"care"})
    # care: ids 1, 4, 7 (i % 3 == 1)
    assert {node.id for node in only.nodes} == {1, 4, 7}
    assert pairs(only.links) == {(1, 4)}
    assert only.isolated == {7}
    assert [node.id for node in only.apart] == [7]
