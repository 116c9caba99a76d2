"""Dutch for a meeting's page (agenda, attendance, minutes, local reflection, decisions) and the Agreements
register. Mnemonics are chosen so that no two on one screen share a letter."""

NL: dict[str, str] = {
    # the meetings list
    "&Open": "&Openen",
    # a meeting's page
    "← Meetings": "← Overleggen",
    "Back to the list (Alt+Left)": "Terug naar de lijst (Alt+Links)",
    "Ctrl+S": "Ctrl+S",
    "Save or undo your changes first": "Sla uw wijzigingen eerst op of maak ze ongedaan",
    "Unsaved changes": "Niet opgeslagen wijzigingen",
    "This meeting has changes that are not saved yet.": "Dit overleg heeft wijzigingen die nog niet zijn opgeslagen.",
    "This meeting no longer exists.": "Dit overleg bestaat niet meer.",
    "Attendance and minutes": "Aanwezigheid en verslag",
    "Decisions → agreements": "Besluiten → afspraken",
    "A&ttendance:": "Aanwe&zigheid:",
    "M&inutes:": "&Notulen:",
    "Minutes": "Notulen",
    "Person": "Persoon",
    "Keys on a row: P or 1 present, E or 2 excused, A or 3 absent, 0 invited. "
    "{present} present, {excused} excused, {absent} absent.": (
        "Toetsen op een regel: P of 1 aanwezig, E of 2 afgemeld, A of 3 afwezig, 0 uitgenodigd. "
        "{present} aanwezig, {excused} afgemeld, {absent} afwezig."
    ),
    # agenda
    "#": "#",
    "A&genda": "A&genda",
    "Agenda item": "Agendapunt",
    "New &point:": "Nieuw &punt:",
    "A new point, then Enter": "Een nieuw punt, dan Enter",
    "A&dd": "&Toevoegen",
    "Move &up": "Om&hoog",
    "Move dow&n": "Om&laag",
    "&Remove": "&Verwijderen",
    "Ctrl+Up": "Ctrl+Omhoog",
    "Ctrl+Down": "Ctrl+Omlaag",
    "Delete": "Delete",
    "Open agreement: {text}": "Open afspraak: {text}",
    "Open agreements with the invited partners": "Open afspraken met de uitgenodigde partners",
    "Open agreements with the invited partners ({count})": (
        "Open afspraken met de uitgenodigde partners ({count})"
    ),
    "Put &all on the agenda": "&Alles op de agenda",
    # local reflection
    "The four questions of a local reflection, answered together with the partners.": (
        "De vier vragen van een lokale reflectie, samen met de partners beantwoord."
    ),
    "1. What goes &well?": "1. Wat gaat go&ed?",
    "2. What can be &better?": "2. Wat kan &beter?",
    "3. What can you do &yourselves?": "3. Wat kunnen jullie &zelf?",
    "4. Where do you need he&lp?": "4. Waar hebben jullie hulp bij no&dig?",
    # decisions
    "De&cision:": "Be&sluit:",
    "&With partners:": "&Met partners:",
    "Responsi&ble:": "Ve&rantwoordelijke:",
    "Du&e date:": "&Uiterlijk op:",
    "Due date": "Uiterlijk op",
    "&Make agreement": "Afspraak ma&ken",
    "Ctrl+Enter": "Ctrl+Enter",
    "(nobody in particular)": "(niemand in het bijzonder)",
    "Who does what: e.g. Youth work and the police walk the square on Fridays": (
        "Wie doet wat: bijv. Jongerenwerk en politie lopen vrijdags samen over het plein"
    ),
    "Agreements made in this meeting": "Afspraken gemaakt in dit overleg",
    "Agreements made in this meeting ({count})": "Afspraken gemaakt in dit overleg ({count})",
    # the register
    "&Status:": "&Status:",
    "&Due:": "&Termijn:",
    "&Partner:": "&Partner:",
    "&Meeting:": "&Overleg:",
    "Show a&ll": "&Alles tonen",
    "Any": "Alle",
    "Open and in progress": "Open en in uitvoering",
    "Due within 2 weeks": "Binnen 2 weken",
    "No due date": "Zonder datum",
    "Meeting title": "Titel van het overleg",
    "Words in the text, a partner or a person": "Woorden uit de tekst, een partner of een persoon",
    "Made in": "Gemaakt in",
    "{shown} of {total} agreements · {overdue} overdue": "{shown} van {total} afspraken · {overdue} te laat",
    "This agreement no longer exists.": "Deze afspraak bestaat niet meer.",
    # an agreement's pane
    "Select an agreement to see its history.": "Kies een afspraak om haar geschiedenis te zien.",
    "Partners:": "Partners:",
    "Responsible:": "Verantwoordelijk:",
    "Dates:": "Data:",
    "Status:": "Status:",
    "Made in:": "Gemaakt in:",
    "(not made in a meeting)": "(niet in een overleg gemaakt)",
    "made {made}, due {due}": "gemaakt {made}, uiterlijk {due}",
    "no due date": "zonder datum",
    "Dis&cussed in:": "Besproken &in:",
    "Discussed in": "Besproken in",
    "H&istory:": "&Geschiedenis:",
    "Change": "Wijziging",
    "made ({status})": "gemaakt ({status})",
    "Change the status": "De status wijzigen",
    "New s&tatus:": "&Nieuwe status:",
    "C&omment:": "Op&merking:",
    "Why, or what was done": "Waarom, of wat er gedaan is",
    "C&hange status": "Status &wijzigen",
}
