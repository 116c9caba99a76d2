"""The layout: the same graph gives the same picture, no name overlaps another, and isolated partners are
listed below the map; also on a graph much larger than a district's."""

from __future__ import annotations

import random

from teamlead.reports.network.graph import drawn_graph
from teamlead.reports.network.layout import Box, lay_out
from tests.reports.network.test_graph import network


def big(count: int, seed: int) -> list[tuple[int, int, float]]:
    chance = random.Random(seed)
    links = {}
    for node in range(1, count + 1):
        for _ in range(chance.randint(0, 4)):
            other = chance.randint(1, count)
            if other != node:
                links[(min(node, other), max(node, other))] = round(chance.uniform(0.1, 3.0), 3)
    return [(a, b, w) for (a, b), w in links.items()]


def test_no_overlap_and_the_same_picture_twice() -> None:
    data = network(big(400, seed=3), nodes=420)
    graph = drawn_graph(data)
    first = lay_out(graph, data.domains, heading=("Netwerkkaart", "Zuidoost"))
    second = lay_out(drawn_graph(data), data.domains, heading=("Netwerkkaart", "Zuidoost"))
    assert first == second
    assert first.overlapping_labels() == []
    assert len(first.labels) == len(graph.nodes) + 2 + 3 + (1 if graph.isolated else 0)
    for dot in first.dots:
        assert 0 <= dot.x <= first.width
        assert 0 <= dot.y <= first.height


def test_a_fixed_width_is_kept_and_the_map_grows_down() -> None:
    data = network(big(200, seed=5), nodes=200)
    layout = lay_out(drawn_graph(data), data.domains, width=500.0)
    assert layout.width == 500.0
    assert layout.overlapping_labels() == []
    assert all(label.box.right <= 500.0 + 1e-6 for label in layout.labels)


def test_the_overlap_check_can_fail() -> None:
    assert Box(0, 0, 10, 5).overlaps(Box(9, 4, 10, 5))
    assert not Box(0, 0, 10, 5).overlaps(Box(10, 0, 10, 5))


def test_an_empty_map() -> None:
    data = network([], nodes=0)
    layout = lay_out(drawn_graph(data), data.domains)
    assert layout.dots == ()
    assert layout.overlapping_labels() == []
