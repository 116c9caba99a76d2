"""Dutch for the database layer: opening, checking, backing up and restoring a database."""

NL: dict[str, str] = {
    # Where the database is
    "Not a database path or URL: {target}": "Geen databasepad of -URL: {target}",
    "{path} is a folder, not a database file.": "{path} is een map, geen databasebestand.",
    "{path} is not an ordinary file (a pipe, a device or a socket), so not a database.": (
        "{path} is geen gewoon bestand (maar een pipe, een apparaat of een socket), dus geen database."
    ),
    "Cannot read {path}: {reason}": "Kan {path} niet lezen: {reason}",
    "Cannot create {path}: {reason}": "Kan {path} niet aanmaken: {reason}",
    "Cannot write {path}: {reason}": "Kan {path} niet schrijven: {reason}",
    "Cannot open {name}: {reason}": "Kan {name} niet openen: {reason}",
    "Not restored: {path} is not a database file.": "Niet teruggezet: {path} is geen databasebestand.",
    "There is no database at {name}.": "Er is geen database op {name}.",
    "The database {name} is empty.": "De database {name} is leeg.",
    # Why a database is refused
    "{name} is not a Teamlead database (it is not an SQLite file). "
    "Choose another file, or restore a backup with 'teamlead restore'.": (
        "{name} is geen Teamlead-database (het is geen SQLite-bestand). "
        "Kies een ander bestand, of zet een reservekopie terug met 'teamlead restore'."
    ),
    "{name} is not a Teamlead database: it holds other tables. Choose another database.": (
        "{name} is geen Teamlead-database: er staan andere tabellen in. Kies een andere database."
    ),
    "{name} was made by a newer version of Teamlead (schema {revision}). Update Teamlead to open it.": (
        "{name} is gemaakt door een nieuwere versie van Teamlead (schema {revision}). "
        "Werk Teamlead bij om hem te openen."
    ),
    "{name} is damaged and cannot be opened. Restore a backup with 'teamlead restore'.": (
        "{name} is beschadigd en kan niet geopend worden. Zet een reservekopie terug met 'teamlead restore'."
    ),
    "{name} is damaged ({detail}). Teamlead left it as it is. Restore a backup with 'teamlead restore FILE' "
    "(Teamlead keeps them in the folder 'backups' beside the database).": (
        "{name} is beschadigd ({detail}). Teamlead heeft het bestand gelaten zoals het was. Zet een "
        "reservekopie terug met 'teamlead restore BESTAND' (Teamlead bewaart ze in de map 'backups' naast de "
        "database)."
    ),
    "the file is shorter than an SQLite header": "het bestand is korter dan een SQLite-kop",
    "the header names an impossible page size": "de kop noemt een onmogelijke paginagrootte",
    "the file does not end on a page boundary (it was cut off or appended to)": (
        "het bestand eindigt niet op een paginagrens (het is afgekapt of er is iets aan toegevoegd)"
    ),
    "the file holds {have} of its {pages} pages (it was cut off)": (
        "het bestand bevat {have} van zijn {pages} pagina's (het is afgekapt)"
    ),
    "row {row} of {table} points to a missing {parent}": (
        "rij {row} van {table} verwijst naar een ontbrekende {parent}"
    ),
    # The environment
    "{name} is in use by another program (another Teamlead?), which is writing to it. "
    "Nothing was changed; try again in a moment.": (
        "{name} is in gebruik door een ander programma (nog een Teamlead?), dat er nu in schrijft. "
        "Er is niets veranderd; probeer het zo opnieuw."
    ),
    "Teamlead cannot write to {name}: the file or its folder is read-only. "
    "Check its permissions, or move it to a folder you can write to.": (
        "Teamlead kan niet schrijven naar {name}: het bestand of de map is alleen-lezen. "
        "Controleer de rechten, of verplaats het naar een map waarin je kunt schrijven."
    ),
    "The disk holding {name} is full. Make room and try again.": (
        "De schijf met {name} is vol. Maak ruimte vrij en probeer het opnieuw."
    ),
    "Cannot reach the database server for {name}: {reason}. "
    "Check that the server runs and the URL is right.": (
        "Kan de databaseserver voor {name} niet bereiken: {reason}. "
        "Controleer of de server draait en de URL klopt."
    ),
    # check
    "Database: {name} ({engine})": "Database: {name} ({engine})",
    "Schema: current (revision {revision})": "Schema: actueel (versie {revision})",
    "Schema: upgradable from revision {revision} to {head} "
    "(Teamlead backs it up and upgrades it when it opens it)": (
        "Schema: bij te werken van versie {revision} naar {head} "
        "(Teamlead maakt een reservekopie en werkt het bij zodra het de database opent)"
    ),
    "Integrity": "Integriteit",
    "Foreign keys": "Verwijzingen",
    "Warning: {records}; they count in no district's report (assign them on the dashboard).": (
        "Waarschuwing: {records}; ze tellen in geen enkele stadsdeelrapportage mee (wijs ze toe op het "
        "overzicht)."
    ),
    "Search index": "Zoekindex",
    "ok": "in orde",
    "{name} is empty: there is no Teamlead database there yet (any other command creates one).": (
        "{name} is leeg: daar staat nog geen Teamlead-database (elke andere opdracht maakt er een aan)."
    ),
    # backup and restore
    "{name} is on a database server: use the server's own tool, {tool}, for this.": (
        "{name} staat op een databaseserver: gebruik daarvoor het eigen hulpmiddel van de server, {tool}."
    ),
    "The backup cannot replace the database itself; choose another file.": (
        "De reservekopie kan de database zelf niet vervangen; kies een ander bestand."
    ),
    "{path} is the database itself, not a backup of it.": (
        "{path} is de database zelf, geen reservekopie ervan."
    ),
    "Not restored: {path} is empty, it holds no Teamlead data.": (
        "Niet teruggezet: {path} is leeg, er staan geen Teamlead-gegevens in."
    ),
    "Not restored. {reason}": "Niet teruggezet. {reason}",
    "Not restored: {path} is open in another program (Teamlead?). Close it and try again.": (
        "Niet teruggezet: {path} is geopend in een ander programma (Teamlead?). "
        "Sluit het en probeer het opnieuw."
    ),
    "Not restored: cannot replace {path}: {reason}": "Niet teruggezet: kan {path} niet vervangen: {reason}",
    "Not restored: the copy of {path} does not read back whole.": (
        "Niet teruggezet: de kopie van {path} is bij teruglezen niet heel."
    ),
    "Not restored: the restored file failed its check ({reason}); the database is as it was.": (
        "Niet teruggezet: het teruggezette bestand kwam niet door de controle ({reason}); de database is "
        "zoals hij was."
    ),
    "A restore of {path} was interrupted and cannot be finished: {reason}. The database it was "
    "replacing is still there; move the files named .~teamlead-… beside it away and try again.": (
        "Het terugzetten van {path} is onderbroken en kan niet worden afgemaakt: {reason}. De database die "
        "vervangen zou worden staat er nog; zet de bestanden met een naam als .~teamlead-… ernaast ergens "
        "anders neer en probeer het opnieuw."
    ),
    # What an upgrade did
    " The database as it was is kept as {path}.": " De database zoals hij was staat in {path}.",
    "The database was upgraded from schema {old} to {new}.": (
        "De database is bijgewerkt van schema {old} naar {new}."
    ),
    "Records that had no district are now in {district}: {organisation} partners, {note} notes, "
    "{meeting} meetings, {meeting_series} meeting series and {agreement} agreements.": (
        "Wat geen stadsdeel had, hoort nu bij {district}: {organisation} partners, {note} notities, "
        "{meeting} overleggen, {meeting_series} overlegreeksen en {agreement} afspraken."
    ),
    "{count} notes that a roster import made from its remarks column are now remarks on their "
    "partners and persons; they no longer count as contact moments.": (
        "{count} notities die een import van een lijst uit de kolom Opmerkingen maakte, zijn nu opmerkingen "
        "bij hun partners en personen; ze tellen niet meer als contactmoment."
    ),
}
