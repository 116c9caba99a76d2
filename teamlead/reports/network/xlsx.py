"""The network map as a workbook: every link as a row (organisation, organisation, weight and what it was made
of), and every partner with its domain and activity, for those who want to sort and filter the network."""

from __future__ import annotations

from pathlib import Path

from teamlead.i18n import tr
from teamlead.reporting.model import NetworkMap
from teamlead.reports import xlsx
from teamlead.reports.lists_xlsx import about_sheet
from teamlead.reports.network.graph import drawn_graph
from teamlead.rules.vocabulary import Audience


def write_network_xlsx(network: NetworkMap, target: Path) -> None:
    graph = drawn_graph(network)
    drawn = {(link.source, link.target) for link in graph.links}
    names = {node.id: node.name for node in network.nodes}
    workbook = xlsx.new_workbook()
    extra: list[tuple[str, object]] = []
    if network.neighbourhood:
        extra.append((tr("Neighbourhood"), network.neighbourhood))
    about_sheet(workbook, network.header, extra)
    district = network.header.audience == Audience.DISTRICT
    headers = [tr("Organisation"), tr("Organisation"), tr("Weight"), tr("Meetings"), tr("Agreements")]
    if district:
        headers.append(tr("Contact moments"))
    headers.append(tr("On the map"))
    links = sorted(network.links, key=lambda link: (-link.weight, names[link.source], names[link.target]))
    rows = [
        [
            names[link.source],
            names[link.target],
            link.weight,
            link.meetings,
            link.agreements,
            *([link.contacts] if district else []),
            tr("yes") if (link.source, link.target) in drawn else tr("no"),
        ]
        for link in links
    ]
    xlsx.table_sheet(workbook, tr("Links"), headers, rows)
    degree: dict[int, int] = {}
    for link in network.links:
        degree[link.source] = degree.get(link.source, 0) + 1
        degree[link.target] = degree.get(link.target, 0) + 1
    partners = [
        [node.name, node.domain, node.activity, degree.get(node.id, 0)]
        for node in sorted(network.nodes, key=lambda node: (node.name.casefold(), node.id))
    ]
    xlsx.table_sheet(
        workbook, tr("Partners"), [tr("Organisation"), tr("Domain"), tr("Activity"), tr("Links")], partners
    )
    xlsx.save(workbook, target)
