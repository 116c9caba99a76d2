"""Dutch for the command line."""

NL: dict[str, str] = {
    "Teamlead: partners, notes, meetings and agreements of a district network.": (
        "Teamlead: partners, notities, overleggen en afspraken van een gebiedsnetwerk."
    ),
    "an SQLite file or an SQLAlchemy URL (default: $TEAMLEAD_DATABASE, else the user's data folder)": (
        "een SQLite-bestand of een SQLAlchemy-URL (standaard: $TEAMLEAD_DATABASE, anders de gegevensmap van de "
        "gebruiker)"
    ),
    "language of the interface and reports": "taal van de interface en de rapportages",
    "open the window, print 'ready in N ms' once the first screen is painted, and exit": (
        "open het venster, meld 'ready in N ms' zodra het eerste scherm getekend is, en sluit af"
    ),
    "teamlead: interrupted": "teamlead: onderbroken",
}
