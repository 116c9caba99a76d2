"""Dutch for backups, damaged databases, one instance, sync folders, conflicts and privacy."""

NL: dict[str, str] = {
    " and ": " en ",
    "The retention period must be 1 to 50 years.": "De bewaartermijn moet 1 tot 50 jaar zijn.",
    "This note seems to hold {what}. Notes are about the network: please leave a resident's personal data "
    "out, or keep it in the system meant for it.": (
        "Deze notitie lijkt {what} te bevatten. Notities gaan over het netwerk: laat persoonsgegevens van "
        "bewoners weg, of leg ze vast in het systeem dat daarvoor bedoeld is."
    ),
    "a citizen service number (BSN)": "een burgerservicenummer (BSN)",
    "a date of birth": "een geboortedatum",
    "a shared folder": "een gedeelde map",
    "{path} is in a {service} folder. {service} may copy the database while Teamlead writes it, which can "
    "damage it or lose recent changes. Teamlead now works in its safest mode there, but a folder on this "
    "computer only (with backups) is better.": (
        "{path} staat in een {service}-map. {service} kan de database kopiëren terwijl Teamlead erin schrijft; "
        "daardoor kan hij beschadigen of kunnen recente wijzigingen verloren gaan. Teamlead werkt daar nu in "
        "zijn veiligste stand, maar een map alleen op deze computer (met back-ups) is beter."
    ),
    "{path} is on a network drive ({service}). If the connection drops while Teamlead writes, the database "
    "can be damaged. Teamlead now works in its safest mode there, but a folder on this computer is better; "
    "for a team, use a shared PostgreSQL database.": (
        "{path} staat op een netwerkschijf ({service}). Valt de verbinding weg terwijl Teamlead schrijft, dan "
        "kan de database beschadigen. Teamlead werkt daar nu in zijn veiligste stand, maar een map op deze "
        "computer is beter; gebruik voor een team een gedeelde PostgreSQL-database."
    ),
}
