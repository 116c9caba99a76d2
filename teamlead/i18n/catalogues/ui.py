"""Dutch for the app's frame: main window, menus, welcome page, dashboard, search, settings, messages."""

NL: dict[str, str] = {
    # Window, menus and sections
    "Teamlead": "Teamlead",
    "&File": "&Bestand",
    "&Go": "&Ga naar",
    "&Help": "&Help",
    "&New database…": "&Nieuwe database…",
    "&Open database…": "Database &openen…",
    "&Recent databases": "&Recente databases",
    "&Settings…": "&Instellingen…",
    "&Quit": "&Afsluiten",
    "&Search…": "&Zoeken…",
    "&Keyboard shortcuts": "&Sneltoetsen",
    "&About Teamlead": "&Over Teamlead",
    "Dashboard": "Overzicht",
    "Partners": "Partners",
    "People": "Personen",
    "Notes & signals": "Notities & signalen",
    "Meetings": "Overleggen",
    "Agreements": "Afspraken",
    "Reports": "Rapportages",
    "Sections": "Onderdelen",
    "Database: {name}": "Database: {name}",
    "Database upgraded": "Database bijgewerkt",
    "There is no screen for this record yet.": "Voor dit gegeven is nog geen scherm.",
    "The first screen was not ready within {s} seconds.": (
        "Het eerste scherm was niet binnen {s} seconden klaar."
    ),
    "Something went wrong and the action was not completed. The details are in the log.": (
        "Er ging iets mis en de actie is niet uitgevoerd. De details staan in het logboek."
    ),
    # Databases
    "Open database": "Database openen",
    "New database": "Nieuwe database",
    "Teamlead databases (*.sqlite3 *.sqlite *.db)": "Teamlead-databases (*.sqlite3 *.sqlite *.db)",
    "All files (*)": "Alle bestanden (*)",
    "{path} already exists. Choose another name: Teamlead never overwrites a file.": (
        "{path} bestaat al. Kies een andere naam: Teamlead overschrijft nooit een bestand."
    ),
    "Cannot open the database": "De database kan niet geopend worden",
    "Cannot open the database: {reason}": "De database kan niet geopend worden: {reason}",
    "{message}\n\nOpen another database, or create a new one?": (
        "{message}\n\nEen andere database openen, of een nieuwe maken?"
    ),
    "&Open another…": "Andere &openen…",
    "Create &new…": "&Nieuwe maken…",
    # Welcome page
    "Welcome": "Welkom",
    "Welcome to Teamlead": "Welkom bij Teamlead",
    "This database is still empty. Start with an empty roster and add your partners, or look around first "
    "with demo data: an invented network of partners, people, notes, meetings and agreements that you can "
    "remove again by creating a new database.": (
        "Deze database is nog leeg. Begin met een lege partnerlijst en voeg uw partners toe, of kijk "
        "eerst rond met demogegevens: een verzonnen netwerk van partners, personen, notities, overleggen "
        "en afspraken, dat u weer kwijt bent door een nieuwe database te maken."
    ),
    "Demo &size:": "&Omvang demo:",
    "Demo size": "Omvang demo",
    "Small: one district, about 40 partners": "Klein: één stadsdeel, ongeveer 40 partners",
    "District: about 300 partners": "Stadsdeel: ongeveer 300 partners",
    "City: 8 districts, 3,000 partners (takes a minute)": (
        "Stad: 8 stadsdelen, 3.000 partners (duurt een minuut)"
    ),
    "Start &empty": "&Leeg beginnen",
    "Load &demo data": "&Demogegevens laden",
    "&Cancel": "&Annuleren",
    "Loading demo data…": "Demogegevens laden…",
    "Cancelling…": "Annuleren…",
    "Progress of loading demo data": "Voortgang van het laden van demogegevens",
    # Dashboard
    "Partners overdue for contact": "Partners te lang niet gesproken",
    "Follow-ups due": "Op te volgen",
    "Agreements due or overdue": "Afspraken die (bijna) verlopen",
    "Meetings in the next {days} days": "Overleggen in de komende {days} dagen",
    "Signals of the last 30 days": "Signalen van de laatste 30 dagen",
    "Every partner is within their contact cadence.": (
        "Alle partners zijn binnen hun contactfrequentie gesproken."
    ),
    "No follow-ups due.": "Niets op te volgen.",
    "No agreements due in the next two weeks.": "Geen afspraken die de komende twee weken verlopen.",
    "No meetings planned in the next two weeks.": "Geen overleggen gepland in de komende twee weken.",
    "No signals in the last 30 days.": "Geen signalen in de laatste 30 dagen.",
    "overdue partners": "partners te lang niet gesproken",
    "follow-ups due": "op te volgen",
    "agreements due": "afspraken (bijna) verlopen",
    "meetings coming up": "overleggen op komst",
    "recent signals": "recente signalen",
    "All districts": "Alle stadsdelen",
    "Partner": "Partner",
    "Domain": "Domein",
    "Last contact": "Laatste contact",
    "never": "nooit",
    "Due": "Uiterlijk",
    "Note": "Notitie",
    "Agreement": "Afspraak",
    "Status": "Status",
    "When": "Wanneer",
    "Meeting": "Overleg",
    "Kind": "Soort",
    "Date": "Datum",
    "Neighbourhood": "Buurt",
    "Signal": "Signaal",
    "{date} (overdue)": "{date} (verlopen)",
    "first {shown} of {total}": "eerste {shown} van {total}",
    # Vocabulary
    "Call": "Telefoon",
    "Visit": "Bezoek",
    "E-mail": "E-mail",
    "Other": "Overig",
    "Network meeting": "Netwerkoverleg",
    "Partner meeting": "Bilateraal overleg",
    "Local reflection": "Lokale reflectie",
    "Open": "Open",
    "In progress": "Bezig",
    "Done": "Klaar",
    "Dropped": "Vervallen",
    # Search and actions
    "&Log a contact moment…": "Contactmoment &vastleggen…",
    "Who to call": "Wie bel ik",
    "Search": "Zoeken",
    "Search partners, people, roles and notes": "Zoek in partners, personen, functies en notities",
    "Search results": "Zoekresultaten",
    "Roles": "Functies",
    "until {date}": "tot {date}",
    "Nothing found.": "Niets gevonden.",
    "Type a name, a role or words from a note.": "Typ een naam, een functie of woorden uit een notitie.",
    "Up and Down to choose, Enter to open, Esc to close.": (
        "Omhoog en Omlaag om te kiezen, Enter om te openen, Esc om te sluiten."
    ),
    # Settings
    "Settings": "Instellingen",
    "Language": "Taal",
    "&Language:": "&Taal:",
    "Default district": "Standaard stadsdeel",
    "Default &district:": "Standaard &stadsdeel:",
    "The dashboard shows the default district (without one, all districts), and new partners, notes and "
    "meetings land in it unless their form says otherwise. It is kept for this database only.": (
        "Het overzicht toont het standaard stadsdeel (zonder standaard alle stadsdelen), en nieuwe partners, "
        "notities en overleggen komen erin terecht, tenzij hun formulier iets anders zegt. Het geldt alleen "
        "voor deze database."
    ),
    # Districts: the field of every form, records without a district on the dashboard
    "(no district)": "(geen stadsdeel)",
    "The district this record counts in": "Het stadsdeel waarin dit meetelt",
    "Dist&rict": "Stadsdee&l",
    "Distri&ct:": "St&adsdeel:",
    "Dist&rict:": "Stadsd&eel:",
    "1 partner has no district": "1 partner heeft geen stadsdeel",
    "{count} partners have no district": "{count} partners hebben geen stadsdeel",
    "1 note has no district": "1 notitie heeft geen stadsdeel",
    "{count} notes have no district": "{count} notities hebben geen stadsdeel",
    "1 meeting has no district": "1 overleg heeft geen stadsdeel",
    "{count} meetings have no district": "{count} overleggen hebben geen stadsdeel",
    "1 meeting series has no district": "1 overlegreeks heeft geen stadsdeel",
    "{count} meeting series have no district": "{count} overlegreeksen hebben geen stadsdeel",
    "1 agreement has no district": "1 afspraak heeft geen stadsdeel",
    "{count} agreements have no district": "{count} afspraken hebben geen stadsdeel",
    "Records without a district": "Zonder stadsdeel",
    "They count in no district's report until they have one.": (
        "Ze tellen in geen enkele stadsdeelrapportage mee zolang ze er geen hebben."
    ),
    "Assign district…": "Stadsdeel toewijzen…",
    "Assign district": "Stadsdeel toewijzen",
    "Put them all in this district:": "Zet ze allemaal in dit stadsdeel:",
    "&Into district:": "&Naar stadsdeel:",
    "&Assign": "&Toewijzen",
    "Choose a district (a new one can be added under Settings).": (
        "Kies een stadsdeel (een nieuw stadsdeel voegt u toe bij Instellingen)."
    ),
    # Help
    "Keyboard shortcuts": "Sneltoetsen",
    "Action": "Actie",
    "Keys": "Toetsen",
    "&Close": "&Sluiten",
    "OK": "OK",
    "Move through search results": "Door zoekresultaten bewegen",
    "Up, Down": "Omhoog, Omlaag",
    "Open the selected result or row": "Het gekozen resultaat of de gekozen regel openen",
    "Enter": "Enter",
    "Close the search or a dialog": "Het zoeken of een venster sluiten",
    "Esc": "Esc",
    "Move to the next field": "Naar het volgende veld",
    "Tab": "Tab",
    "Open a menu": "Een menu openen",
    "Alt + the underlined letter": "Alt + de onderstreepte letter",
    "About Teamlead": "Over Teamlead",
    "Teamlead {version}": "Teamlead {version}",
    "The partner network of a district in one place: partners, contact persons, notes and signals, meetings "
    "and agreements, and reports for the city.": (
        "Het partnernetwerk van een stadsdeel op één plek: partners, contactpersonen, notities en signalen, "
        "overleggen en afspraken, en rapportages voor de stad."
    ),
    "Opening the database…": "De database wordt geopend…",
}
