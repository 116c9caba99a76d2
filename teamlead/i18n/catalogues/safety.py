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
    " years": " jaar",
    "&Backups of this database, newest first:": "&Back-ups van deze database, nieuwste eerst:",
    "&Backups…": "&Back-ups…",
    "&Delete these backups": "&Verwijder deze back-ups",
    "&Delete these notes…": "&Verwijder deze notities…",
    "&Export everything held…": "&Exporteer alles wat is vastgelegd…",
    "&Folder…": "&Map…",
    "&Keep editing": "&Verder bewerken",
    "&Keep notes for:": "&Notities bewaren:",
    "&Keep them": "&Bewaren",
    "&Move it aside and start empty": "Opzij &zetten en leeg beginnen",
    "&Not now": "&Niet nu",
    "&Person:": "&Persoon:",
    "&Privacy": "&Privacy",
    "&Restore the latest backup": "&Laatste back-up terugzetten",
    "&Restore…": "&Terugzetten…",
    "&Retention of notes…": "&Bewaartermijn van notities…",
    "&Save mine over theirs": "&Mijn versie opslaan",
    "&Take their version": "&Hun versie overnemen",
    "&Try again": "&Opnieuw proberen",
    "A &person's data (access, erasure)…": "Gegevens van een &persoon (inzage, verwijderen)…",
    "A person's data": "Gegevens van een persoon",
    "Back &up now": "&Nu een back-up maken",
    "Backup failed": "Back-up mislukt",
    "Backup restored": "Back-up teruggezet",
    "Backup restored; the replaced database is kept as {aside}.": "Back-up teruggezet; de vervangen database is bewaard als {aside}.",
    "Backups": "Back-ups",
    "Backups are kept in {folder}.": "Back-ups staan in {folder}.",
    "Backups still hold this person": "Back-ups bevatten deze persoon nog",
    "Cannot move {path} aside: {reason}": "Kan {path} niet opzij zetten: {reason}",
    "Connection lost": "Verbinding verbroken",
    "Contact every (days)": "Contact elke (dagen)",
    "Delete old notes?": "Oude notities verwijderen?",
    "Delete the {count} notes listed? This cannot be undone.": "De {count} getoonde notities verwijderen? Dit kan niet ongedaan worden gemaakt.",
    "Description": "Omschrijving",
    "E&rase this person…": "Deze persoon ve&rwijderen…",
    "Erase this person?": "Deze persoon verwijderen?",
    "Erase {name}? Their details and roles are removed, and their name, e-mail address and phone number are replaced by […] in notes, minutes and agreements. This cannot be undone.": "{name} verwijderen? De gegevens en rollen verdwijnen, en naam, e-mailadres en telefoonnummer worden in notities, verslagen en afspraken vervangen door […]. Dit kan niet ongedaan worden gemaakt.",
    "Export everything held": "Alles exporteren wat is vastgelegd",
    "Folder for backups": "Map voor back-ups",
    "Move the damaged file aside?": "Het beschadigde bestand opzij zetten?",
    "Not restored": "Niet teruggezet",
    "Not saved": "Niet opgeslagen",
    "Or restore the latest good backup, from {when}: the current file is kept, renamed aside.": "Of zet de laatste goede back-up terug, van {when}: het huidige bestand blijft bewaard, met een andere naam.",
    "Put the backup of {when} in place of the database? Changes made since then are not in it. The current database is kept, renamed aside.": "De back-up van {when} in plaats van de database zetten? Wijzigingen van daarna staan er niet in. De huidige database blijft bewaard, met een andere naam.",
    "Restore this backup?": "Deze back-up terugzetten?",
    "Retention of notes": "Bewaartermijn van notities",
    "Risky place for a database": "Riskante plek voor een database",
    "Saved by someone else": "Opgeslagen door een ander",
    "Size": "Grootte",
    "Someone asked what Teamlead holds about them, or to be forgotten. Export gives everything held as a file to hand over; erasing removes the person and replaces their name, e-mail address and phone number in every text.": "Iemand vraagt wat Teamlead over hem of haar vastlegt, of wil vergeten worden. Exporteren geeft alles in een bestand om te overhandigen; verwijderen haalt de persoon weg en vervangt naam, e-mailadres en telefoonnummer in elke tekst.",
    "Someone else saved this record": "Iemand anders heeft dit opgeslagen",
    "The automatic backup failed: {reason}": "De automatische back-up is mislukt: {reason}",
    "The backup is back in place. The file it replaced is kept as {aside}.": "De back-up staat terug. Het vervangen bestand is bewaard als {aside}.",
    "The connection to the database server was lost, so this was not saved yet. What you typed is kept. Check the network (or ask whoever runs the server), then try again.": "De verbinding met de databaseserver is verbroken, dus dit is nog niet opgeslagen. Wat u typte blijft bewaard. Controleer het netwerk (of vraag de beheerder van de server) en probeer het opnieuw.",
    "The folder of {path} is not there: is the drive or network share it is on disconnected? Connect it and try again, or open another database.": "De map van {path} is er niet: is de schijf of netwerkmap waarop hij staat losgekoppeld? Sluit die aan en probeer het opnieuw, of open een andere database.",
    "The person was erased, and {count} backups deleted.": "De persoon is verwijderd, en {count} back-ups ook.",
    "The person was erased.": "De persoon is verwijderd.",
    "These {count} backups were made before the erasure and still hold the person:\n{names}\n\nDelete them? Newer backups do not hold the person.": "Deze {count} back-ups zijn van vóór het verwijderen en bevatten de persoon nog:\n{names}\n\nVerwijderen? Nieuwere back-ups bevatten de persoon niet.",
    "This database is already open in another Teamlead window.": "Deze database is al geopend in een ander Teamlead-venster.",
    "This database is already open in another Teamlead window; that window was brought to the front.": "Deze database is al geopend in een ander Teamlead-venster; dat venster staat nu vooraan.",
    "This database is locked by another Teamlead that does not answer; close it and try again.": "Deze database is vergrendeld door een andere Teamlead die niet reageert; sluit die en probeer het opnieuw.",
    "This database is on a server: its backups are made with the server's own tools (pg_dump).": "Deze database staat op een server: back-ups maakt u met de eigen hulpmiddelen van de server (pg_dump).",
    "While you were editing, someone else saved this record. Nothing was overwritten. Compare both versions: take theirs (your changes are dropped), or save yours over theirs.": "Terwijl u bewerkte, heeft iemand anders dit opgeslagen. Er is niets overschreven. Vergelijk beide versies: neem die van de ander over (uw wijzigingen vervallen), of sla de uwe eroverheen op.",
    "Written to {path}.": "Opgeslagen in {path}.",
    "Your version": "Uw versie",
    "automatic": "automatisch",
    "before an upgrade": "vóór een upgrade",
    "by hand": "handmatig",
    "{count} notes are older than the retention period.": "{count} notities zijn ouder dan de bewaartermijn.",
    "{n} MB": "{n} MB",
    "{n} kB": "{n} kB",
    "{path} will be renamed (not deleted), and a new, empty database made in its place. Continue?": "{path} krijgt een andere naam (wordt niet verwijderd), en er komt een nieuwe, lege database voor in de plaats. Doorgaan?",
}
