"""Dutch for meeting series, the calendar export and the ``meetings`` / ``calendar`` commands."""

NL: dict[str, str] = {
    # series
    "A series repeats daily, weekly, monthly or yearly, not more often.": (
        "Een reeks herhaalt dagelijks, wekelijks, maandelijks of jaarlijks, niet vaker."
    ),
    "The duration must be between 1 minute and 24 hours.": "De duur moet tussen 1 minuut en 24 uur liggen.",
    "The repetition cannot contain {part}: a series meets at its own start time.": (
        "De herhaling kan geen {part} bevatten: een reeks begint steeds op haar eigen begintijd."
    ),
    "The repetition gives no meeting on or after the first date.": (
        "De herhaling geeft geen overleg op of na de eerste datum."
    ),
    "The repetition needs a frequency (FREQ=WEEKLY, FREQ=MONTHLY, ...).": (
        "De herhaling heeft een frequentie nodig (FREQ=WEEKLY, FREQ=MONTHLY, ...)."
    ),
    "The repetition {rule} is not understood: {reason}": "De herhaling {rule} is niet te begrijpen: {reason}",
    "This meeting is not part of a series.": "Dit overleg hoort niet bij een reeks.",
    "Unknown time zone {zone}.": "Onbekende tijdzone {zone}.",
    # calendar export
    "Teamlead meetings": "Teamlead-overleggen",
    "Location: {location}": "Locatie: {location}",
    "Agenda:": "Agenda:",
    # commands
    "list meetings: id, start, kind, title": "overleggen tonen: id, begin, soort, titel",
    "List the meetings (not cancelled) sorted by start, one a line, tab-separated: id, start in "
    "Amsterdam time, kind, title. Without --from: from today on.": (
        "Toont de overleggen (niet afgezegd) op begintijd, één per regel, gescheiden door tabs: id, begin "
        "in Amsterdamse tijd, soort, titel. Zonder --from: vanaf vandaag."
    ),
    "first day (YYYY-MM-DD); default today": "eerste dag (JJJJ-MM-DD); standaard vandaag",
    "last day (YYYY-MM-DD)": "laatste dag (JJJJ-MM-DD)",
    "only this district's meetings": "alleen de overleggen van dit gebied",
    "export meetings as an iCalendar file (.ics)": "overleggen exporteren als iCalendar-bestand (.ics)",
    "Export the meetings from --from (default: today) as iCalendar for Outlook, Google Calendar or "
    "Thunderbird. Importing a newer export updates the same events.": (
        "Exporteert de overleggen vanaf --from (standaard: vandaag) als iCalendar voor Outlook, Google "
        "Agenda of Thunderbird. Een nieuwere export importeren werkt dezelfde afspraken bij."
    ),
    "the .ics file to write": "het .ics-bestand dat geschreven wordt",
    "{path}: a calendar is written as an .ics file; give a name ending in .ics.": (
        "{path}: een agenda wordt als .ics-bestand geschreven; geef een naam die eindigt op .ics."
    ),
    "{option}: {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-03-31.": (
        "{option}: {value!r} is geen datum; schrijf hem als JJJJ-MM-DD, bijvoorbeeld 2026-03-31."
    ),
    "--from ({start}) is after --to ({end}); swap them.": (
        "--from ({start}) ligt na --to ({end}); draai ze om."
    ),
    "There is no district called {name!r}. Districts: {districts}.": (
        "Er is geen gebied dat {name!r} heet. Gebieden: {districts}."
    ),
    "There is no district called {name!r}: the database has no districts yet.": (
        "Er is geen gebied dat {name!r} heet: de database heeft nog geen gebieden."
    ),
    # the Meetings view
    " min": " min",
    "&Cancel meeting…": "Overleg &afzeggen…",
    "&Date:": "&Datum:",
    "&Duration:": "&Duur:",
    "&Every … weeks:": "&Elke … weken:",
    "&Find:": "&Zoeken:",
    "&First date:": "&Eerste datum:",
    "&Invite partner:": "Partner &uitnodigen:",
    "&Keep it": "&Laten staan",
    "&Kind:": "&Soort:",
    "&Location:": "&Locatie:",
    "&New series…": "&Nieuwe reeks…",
    "&On the:": "&Op de:",
    "&Repeats:": "&Herhaalt:",
    "&Show:": "&Toon:",
    "&Start time:": "&Begintijd:",
    "&This meeting": "&Dit overleg",
    "&Title:": "&Titel:",
    "&Weekday:": "&Weekdag:",
    "All": "Alle",
    "All kinds": "Alle soorten",
    "C&hange…": "&Wijzigen…",
    "Cancel meeting": "Overleg afzeggen",
    "Cancel {title}?": "{title} afzeggen?",
    "Change meeting": "Overleg wijzigen",
    "Change:": "Wijzigen:",
    "E&xport calendar…": "Agenda e&xporteren…",
    "Export calendar": "Agenda exporteren",
    "Exported {events} events to {path}": "{events} afspraken geëxporteerd naar {path}",
    "Invited:": "Uitgenodigd:",
    "Monday": "maandag",
    "Tuesday": "dinsdag",
    "Wednesday": "woensdag",
    "Thursday": "donderdag",
    "Friday": "vrijdag",
    "Saturday": "zaterdag",
    "Sunday": "zondag",
    "No partner is called {name}.": "Er is geen partner die {name} heet.",
    "Past": "Geweest",
    "Upcoming": "Komend",
    "Schedule a recurring meeting": "Terugkerend overleg plannen",
    "The &whole series (from now on)": "De &hele reeks (vanaf nu)",
    "The &whole series from here": "De &hele reeks vanaf hier",
    "Title, partner or place": "Titel, partner of plaats",
    "Type a partner's name and press Enter": "Typ de naam van een partner en druk op Enter",
    "cancelled": "afgezegd",
    "every few weeks": "om de paar weken",
    "monthly, on a weekday": "maandelijks, op een weekdag",
    "first": "eerste",
    "second": "tweede",
    "third": "derde",
    "fourth": "vierde",
    "last": "laatste",
    "iCalendar files (*.ics)": "iCalendar-bestanden (*.ics)",
    "{shown} of {total} meetings": "{shown} van {total} overleggen",
}
