"""Dutch for the database layer and shared messages."""

NL: dict[str, str] = {
    "Not a database path or URL: {target}": "Geen databasepad of -URL: {target}",
    "{path} is a folder, not a database file.": "{path} is een map, geen databasebestand.",
    "Cannot read {path}: {reason}": "Kan {path} niet lezen: {reason}",
    "{path} is not a Teamlead database (it is not an SQLite file). "
    "Choose another file, or restore a backup with 'teamlead restore'.": (
        "{path} is geen Teamlead-database (het is geen SQLite-bestand). "
        "Kies een ander bestand, of zet een reservekopie terug met 'teamlead restore'."
    ),
    "There is no database at {path}.": "Er is geen database op {path}.",
    "Cannot create {path}: {reason}": "Kan {path} niet aanmaken: {reason}",
    "The database {name} is empty.": "De database {name} is leeg.",
    "{name} is not a Teamlead database: it holds other tables. Choose another database.": (
        "{name} is geen Teamlead-database: er staan andere tabellen in. Kies een andere database."
    ),
    "{name} was made by a newer version of Teamlead (schema {revision}). Update Teamlead to open it.": (
        "{name} is gemaakt door een nieuwere versie van Teamlead (schema {revision}). "
        "Werk Teamlead bij om hem te openen."
    ),
    "Cannot open {name}: {reason}": "Kan {name} niet openen: {reason}",
    "{name} is damaged and cannot be opened. Restore a backup with 'teamlead restore'.": (
        "{name} is beschadigd en kan niet geopend worden. Zet een reservekopie terug met 'teamlead restore'."
    ),
}
