"""Dutch for districts, neighbourhoods and domains: the services that change them and the settings page."""

NL: dict[str, str] = {
    # what uses a district, neighbourhood or domain ("neighbourhoods", "notes", ... are in demo.py)
    "partners": "partners",
    "meeting series": "overlegreeksen",
    "report texts": "rapportageteksten",
    "other records": "andere gegevens",
    # services
    "Choose another district to merge into.": "Kies een ander stadsdeel om mee samen te voegen.",
    "Choose another domain to merge into.": "Kies een ander domein om mee samen te voegen.",
    "Choose another neighbourhood to merge into.": "Kies een andere buurt om mee samen te voegen.",
    (
        "{name} is one of the default domains: it can be renamed, but not deleted or merged into another "
        "domain (the city's reports count by it)."
    ): (
        "{name} is een van de standaarddomeinen: u kunt het hernoemen, maar niet verwijderen of samenvoegen "
        "met een ander domein (de rapportages voor de stad tellen ermee)."
    ),
    (
        "{name} is still in use ({what}), so it cannot be deleted. Merge it into another one instead: "
        "everything that uses it moves there."
    ): (
        "{name} is nog in gebruik ({what}) en kan daarom niet worden verwijderd. Voeg het samen met een ander: "
        "alles wat het gebruikt, gaat daarheen."
    ),
}
