"""Dutch for the services (validation and conflict messages) and the screen queries."""

NL: dict[str, str] = {
    # field labels
    "Name": "Naam",
    "Role": "Functie",
    "Kind": "Soort",
    "Text": "Tekst",
    "Title": "Titel",
    "Location": "Locatie",
    "Address": "Adres",
    "Website": "Website",
    # shared checks
    "{field} is empty.": "{field} is leeg.",
    "{field} is too long ({length} characters; at most {limit}).": (
        "{field} is te lang ({length} tekens; hooguit {limit})."
    ),
    "{field} must be one of {options}, not {value}.": ("{field} moet een van {options} zijn, niet {value}."),
    "The end date {end} lies before the start date {start}.": (
        "De einddatum {end} ligt vóór de begindatum {start}."
    ),
    "Someone else changed this record while you were editing it. Reload it and make your change again.": (
        "Iemand anders heeft dit gegeven gewijzigd terwijl u het bewerkte. "
        "Laad het opnieuw en breng uw wijziging nog eens aan."
    ),
    "This record no longer exists (id {id}).": "Dit gegeven bestaat niet meer (id {id}).",
    "Unknown district (id {id}).": "Onbekend stadsdeel (id {id}).",
    "Unknown domain (id {id}).": "Onbekend domein (id {id}).",
    "Unknown neighbourhood (id {id}).": "Onbekende buurt (id {id}).",
    "Unknown organisation (id {id}).": "Onbekende organisatie (id {id}).",
    "Unknown person (id {id}).": "Onbekende persoon (id {id}).",
    # contact details
    "{value} is not a valid e-mail address.": "{value} is geen geldig e-mailadres.",
    "{value} is not a valid phone number.": "{value} is geen geldig telefoonnummer.",
    # geography
    "There is already a district called {name}.": "Er is al een stadsdeel dat {name} heet.",
    "This district already has a neighbourhood called {name}.": (
        "Dit stadsdeel heeft al een buurt die {name} heet."
    ),
    "There is already a domain called {name}.": "Er is al een domein dat {name} heet.",
    # organisations and persons
    "The contact cadence must be between 1 and 3660 days, not {value}.": (
        "De contactfrequentie moet tussen 1 en 3660 dagen liggen, niet {value}."
    ),
    "This role has already ended on {date}.": "Deze functie is al beëindigd op {date}.",
    "The person already works at this organisation.": "Deze persoon werkt al bij deze organisatie.",
    # notes
    "The follow-up date {follow_up} lies before the date of the note {date}.": (
        "De opvolgdatum {follow_up} ligt vóór de datum van de notitie {date}."
    ),
    "This note has no follow-up date.": "Deze notitie heeft geen opvolgdatum.",
    "Deleting a note cannot be undone; confirm to delete it.": (
        "Een notitie verwijderen kan niet ongedaan worden gemaakt; bevestig om hem te verwijderen."
    ),
    "The neighbourhood {name} lies in another district than the note.": (
        "De buurt {name} ligt in een ander stadsdeel dan de notitie."
    ),
    # agreements
    "Status": "Status",
    "Unknown meeting (id {id}).": "Onbekend overleg (id {id}).",
    "The due date {due} lies before the day the agreement was made {made}.": (
        "De streefdatum {due} ligt vóór de dag waarop de afspraak is gemaakt {made}."
    ),
    "The agreement already has this status.": "De afspraak heeft deze status al.",
    "This agenda item is not on this meeting's agenda.": (
        "Dit agendapunt staat niet op de agenda van dit overleg."
    ),
    # meetings and agenda
    "Attendance": "Aanwezigheid",
    "The time {time} has no time zone.": "De tijd {time} heeft geen tijdzone.",
    "The meeting ends before it starts.": "Het overleg eindigt voordat het begint.",
    "This meeting is already cancelled.": "Dit overleg is al afgelast.",
    "This invitee is not invited to this meeting.": "Deze genodigde is niet voor dit overleg uitgenodigd.",
    "The new order must list every agenda item once.": (
        "De nieuwe volgorde moet elk agendapunt precies één keer bevatten."
    ),
}
