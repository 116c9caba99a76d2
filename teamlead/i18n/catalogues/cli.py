"""Dutch for the command line."""

NL: dict[str, str] = {
    "Teamlead: partners, notes, meetings and agreements of a district network.": (
        "Teamlead: partners, notities, overleggen en afspraken van een gebiedsnetwerk."
    ),
    "an SQLite file or an SQLAlchemy URL (default: $TEAMLEAD_DATABASE, else the user's data folder)": (
        "een SQLite-bestand of een SQLAlchemy-URL (standaard: $TEAMLEAD_DATABASE, anders de gegevensmap "
        "van de gebruiker)"
    ),
    "language of the interface and reports": "taal van de interface en de rapportages",
    "open the window, print 'ready in N ms' once the first screen is painted, and exit": (
        "open het venster, meld 'ready in N ms' zodra het eerste scherm getekend is, en sluit af"
    ),
    "teamlead: interrupted": "teamlead: onderbroken",
    # check, backup, restore
    "check the database's integrity and schema state (changes nothing)": (
        "controleer de integriteit en het schema van de database (verandert niets)"
    ),
    "Check the database's integrity and schema state, changing nothing. Exit 0 when it is sound "
    "and current or upgradable; exit 1, saying what, when it is missing, damaged, not a Teamlead "
    "database or newer than this Teamlead.": (
        "Controleer de integriteit en het schema van de database, zonder iets te veranderen. Afsluitcode 0 "
        "als ze gezond is en actueel of bij te werken; afsluitcode 1, met de reden, als ze ontbreekt, "
        "beschadigd is, geen Teamlead-database is of nieuwer is dan deze Teamlead."
    ),
    "make a consistent copy of the database, even while it is in use": (
        "maak een consistente kopie van de database, ook terwijl ze in gebruik is"
    ),
    "Make a consistent copy of the SQLite database, even while Teamlead or another process uses it, "
    "and print its path. Without -o, into the folder 'backups' beside the database, named with the "
    "date and time.": (
        "Maak een consistente kopie van de SQLite-database, ook terwijl Teamlead of een ander proces ze "
        "gebruikt, en toon het pad ervan. Zonder -o komt ze in de map 'backups' naast de database, met de "
        "datum en tijd in de naam."
    ),
    "where to write the copy (a file or a folder)": "waar de kopie heen moet (een bestand of een map)",
    "put a backup in place of the database (the current one is kept aside)": (
        "zet een reservekopie terug in plaats van de database (de huidige wordt apart bewaard)"
    ),
    "Put a backup in place of the database, even a damaged or missing one. The current database is "
    "first renamed aside, never deleted, and its new name printed.": (
        "Zet een reservekopie terug in plaats van de database, ook als die beschadigd is of ontbreekt. "
        "De huidige database krijgt eerst een andere naam, wordt nooit verwijderd, en die nieuwe naam "
        "wordt getoond."
    ),
    "the backup to restore": "de reservekopie die terug moet",
    "Restored {backup} as {path}.": "{backup} is teruggezet als {path}.",
    "There was no database to keep aside.": "Er was geen database om apart te bewaren.",
    "There was no database to keep aside; the files SQLite had left beside it are kept as {files}": (
        "Er was geen database om apart te bewaren; de bestanden die SQLite ernaast had laten staan zijn "
        "bewaard als {files}"
    ),
    "The database it replaced is kept as {aside}": "De vervangen database is bewaard als {aside}",
    # Wrong usage caught at the edge, and the last handler
    "{option}: {value} is outside the dates Teamlead takes ({first} to {last}).": (
        "{option}: {value} valt buiten de datums die Teamlead aanneemt ({first} tot en met {last})."
    ),
    "{option}: {value} is not an id.": "{option}: {value} is geen id.",
    "{option}: {path} is too long: {problem}.": "{option}: {path} is te lang: {problem}.",
    "the path is {size} bytes long; at most {most} fit": (
        "het pad is {size} bytes lang; er passen er hoogstens {most}"
    ),
    "a name in it is {size} bytes long; at most {most} fit": (
        "een naam erin is {size} bytes lang; er passen er hoogstens {most}"
    ),
    "{scheme}:// is not a database Teamlead can use. Give an SQLite file (a path, or "
    "sqlite:///PATH) or a PostgreSQL URL (postgresql://USER@HOST/DATABASE).": (
        "{scheme}:// is geen database die Teamlead kan gebruiken. Geef een SQLite-bestand (een pad, of "
        "sqlite:///PAD) of een PostgreSQL-URL (postgresql://GEBRUIKER@HOST/DATABASE)."
    ),
    "{target} names no file: write sqlite:///PATH, or give the path alone.": (
        "{target} noemt geen bestand: schrijf sqlite:///PAD, of geef alleen het pad."
    ),
    "--database: {target} is too long: {problem}.": "--database: {target} is te lang: {problem}.",
    "The details are in the log file {path}.": "De details staan in het logbestand {path}.",
    "The log file could not be written.": "Het logbestand kon niet worden geschreven.",
    "teamlead: {reason}{target}. {where}": "teamlead: {reason}{target}. {where}",
    "teamlead: the command stopped on an unexpected error ({kind}). {where}": (
        "teamlead: de opdracht is gestopt door een onverwachte fout ({kind}). {where}"
    ),
    "Meeting series {id} is left out: its stored time zone, start or repetition cannot be used "
    "(changed outside Teamlead?). Its meetings made so far are kept; no new ones are made.": (
        "Overlegreeks {id} wordt overgeslagen: de opgeslagen tijdzone, begintijd of herhaling is onbruikbaar "
        "(buiten Teamlead gewijzigd?). De overleggen die er al zijn blijven bestaan; er komen geen nieuwe bij."
    ),
    "Cannot write the workbook's temporary files in {folder}: {reason}. Make room there and try again.": (
        "Kan de tijdelijke bestanden van de werkmap in {folder} niet schrijven: {reason}. Maak daar ruimte "
        "en probeer het opnieuw."
    ),
    "The start is not a date and a time of day.": "Het begin is geen datum met een tijdstip.",
}
