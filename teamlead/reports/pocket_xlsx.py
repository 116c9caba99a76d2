"""The pocket page as a workbook: the same people as the PDF, one row each, key contacts first."""

from __future__ import annotations

from pathlib import Path

from teamlead.i18n import tr
from teamlead.reports import xlsx
from teamlead.reports.lists_xlsx import about_sheet
from teamlead.reports.pocket import PocketPage, reach_words, stand


def write_pocket_xlsx(page: PocketPage, target: Path) -> None:
    workbook = xlsx.new_workbook()
    about_sheet(workbook, page.header, [(tr("Neighbourhood"), page.place), (tr("Made"), stand(page))])
    headers = [
        tr("Key contact"),
        tr("Domain"),
        tr("Name"),
        tr("Partner"),
        tr("Role"),
        tr("Phone"),
        tr("E-mail"),
        tr("Reachable"),
    ]
    rows = [
        [
            tr("yes") if contact.key else "",
            group.domain,
            contact.name,
            contact.partner,
            contact.role,
            contact.phone,
            contact.email,
            reach_words(contact),
        ]
        for group in (*page.key_contacts, *page.others)
        for contact in group.contacts
    ]
    xlsx.table_sheet(workbook, tr("Who to call"), headers, rows)
    xlsx.save(workbook, target)
