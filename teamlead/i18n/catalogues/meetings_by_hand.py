"""Dutch for meetings as a person makes them: a one-off meeting, the invitee editor, deleting or cancelling."""

NL: dict[str, str] = {
    # services
    "An invitee is a partner, a person, or a person at a partner.": (
        "Een genodigde is een partner, een persoon, of een persoon bij een partner."
    ),
    "This meeting has already started, so it can only be cancelled, not deleted.": (
        "Dit overleg is al begonnen; het kan alleen worden afgezegd, niet verwijderd."
    ),
    "A meeting of this series has already started, so it can only be cancelled, not deleted.": (
        "Een overleg van deze reeks is al begonnen; de reeks kan alleen worden afgezegd, niet verwijderd."
    ),
    "A meeting of a series is cancelled, or its whole series deleted.": (
        "Een overleg van een reeks wordt afgezegd, of de hele reeks wordt verwijderd."
    ),
    # the Meetings view and the menu
    "New &meeting…": "Nieuw overle&g…",
    "New mee&ting series…": "Nieuwe overlegree&ks…",
    "A meeting that does not repeat (Ctrl+Shift+M)": "Een overleg dat zich niet herhaalt (Ctrl+Shift+M)",
    "&Delete…": "Ve&rwijderen…",
    "Delete a meeting or series made by mistake, before it has started": (
        "Een per ongeluk gemaakt overleg of reeks verwijderen, voordat het begonnen is"
    ),
    # the new meeting dialog
    "New meeting": "Nieuw overleg",
    "&Plan": "&Inplannen",
    "e.g. Kennismaking wijkagent": "bijv. Kennismaking wijkagent",
    "&End time:": "&Eindtijd:",
    "Dist&rict:": "St&adsdeel:",
    "&Invite:": "&Uitnodigen:",
    "Type part of a partner's or a person's name": "Typ een deel van de naam van een partner of persoon",
    "No partner or person is called {name}.": "Er is geen partner of persoon die {name} heet.",
    # the invitee editor
    "In&vitees…": "Geno&digden…",
    "Invite partners or people, or take an invitation back": (
        "Partners of personen uitnodigen, of een uitnodiging intrekken"
    ),
    "No one is invited yet: Invitees… adds partners and people.": (
        "Nog niemand uitgenodigd: met Genodigden… voegt u partners en personen toe."
    ),
    "Enter invites the one you typed; Delete removes the invitee selected in the list.": (
        "Enter nodigt uit wie u typte; Delete haalt de in de lijst gekozen genodigde weg."
    ),
    "For &this meeting only": "Alleen voor &dit overleg",
    "For this and the &later meetings of the series that have not started": (
        "Voor dit en de &latere overleggen van de reeks die nog niet begonnen zijn"
    ),
    # deleting or cancelling
    "Delete meeting": "Overleg verwijderen",
    "Delete the series “{title}”? With it go:": "De reeks “{title}” verwijderen? Daarmee verdwijnen:",
    "Delete the meeting “{title}”? With it go:": "Het overleg “{title}” verwijderen? Daarmee verdwijnen:",
    "• meetings: {count}": "• overleggen: {count}",
    "• invitations: {count}": "• uitnodigingen: {count}",
    "• agenda items: {count}": "• agendapunten: {count}",
    "Agreements made in it stay ({count}), no longer linked to a meeting.": (
        "Afspraken die erin gemaakt zijn blijven ({count}), zonder koppeling aan een overleg."
    ),
    "This cannot be undone.": "Dit kan niet ongedaan worden gemaakt.",
    "&Delete": "&Verwijderen",
    "Cancel it instead? It stays in the calendar, marked as cancelled.": (
        "In plaats daarvan afzeggen? Het blijft in de agenda staan, als afgezegd."
    ),
    "Cancel &it…": "&Afzeggen…",
}
