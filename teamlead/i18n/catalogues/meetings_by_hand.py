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
}
