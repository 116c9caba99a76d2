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
    # the settings page
    "General": "Algemeen",
    "Districts, neighbourhoods and domains": "Gebieden en domeinen",
    "&Districts, neighbourhoods and domains…": "Gebie&den en domeinen…",
    "Changes here are saved at once. A rename keeps every link; a merge moves everything to the other one; "
    "what is in use cannot be deleted.": (
        "Wijzigingen hier worden meteen opgeslagen. Hernoemen houdt alle koppelingen; samenvoegen verplaatst "
        "alles naar de ander; wat in gebruik is, kan niet worden verwijderd."
    ),
    "Dis&tricts": "S&tadsdelen",
    "&Neighbourhoods": "&Buurten",
    "D&omains": "D&omeinen",
    "Distr&ict:": "Stads&deel:",
    "Neighbourhoods of district": "Buurten van stadsdeel",
    "In district": "Stadsdeel",
    "Report key": "Rapportagesleutel",
    "In use: {what}": "In gebruik: {what}",
    "Not in use": "Niet in gebruik",
    "The district report counts its partners as partners_active_{key}.": (
        "De stadsdeelrapportage telt de partners ervan als partners_active_{key}."
    ),
    "A default domain: it can be renamed, but not deleted or merged into another.": (
        "Een standaarddomein: u kunt het hernoemen, maar niet verwijderen of samenvoegen met een ander."
    ),
    "Add…": "Toevoegen…",
    "Rename…": "Hernoemen…",
    "Merge into…": "Samenvoegen met…",
    "Delete…": "Verwijderen…",
    "Add (Ctrl+N)": "Toevoegen (Ctrl+N)",
    "Rename (F2 or Enter)": "Hernoemen (F2 of Enter)",
    "Merge into another (Ctrl+M)": "Samenvoegen met een ander (Ctrl+M)",
    "Delete (Delete)": "Verwijderen (Delete)",
    "Add a district first: a neighbourhood lies in one.": (
        "Voeg eerst een stadsdeel toe: een buurt ligt altijd in een stadsdeel."
    ),
    "Add a district": "Stadsdeel toevoegen",
    "Add a neighbourhood": "Buurt toevoegen",
    "Add a domain": "Domein toevoegen",
    "Rename district": "Stadsdeel hernoemen",
    "Rename or move neighbourhood": "Buurt hernoemen of verplaatsen",
    "Rename domain": "Domein hernoemen",
    "&District": "&Stadsdeel",
    "&Add": "&Toevoegen",
    "&Rename": "&Hernoemen",
    "Merge {name}": "{name} samenvoegen",
    "Merge &into": "Samenvoegen &met",
    "&Merge…": "&Samenvoegen…",
    "&Merge": "&Samenvoegen",
    "&Merge into…": "Samenvoegen &met…",
    "&Delete": "&Verwijderen",
    "Merge {name} into {target}?": "{name} samenvoegen met {target}?",
    "Everything that uses {name} moves to {target} ({what}); then {name} is removed.": (
        "Alles wat {name} gebruikt, gaat naar {target} ({what}); daarna verdwijnt {name}."
    ),
    "Nothing uses {name}; it is removed.": "Niets gebruikt {name}; het verdwijnt.",
    "Neighbourhoods of the same name in both become one: {names}.": (
        "Buurten met dezelfde naam in beide worden één: {names}."
    ),
    "This cannot be undone.": "Dit kan niet ongedaan worden gemaakt.",
    "Delete {name}?": "{name} verwijderen?",
    "Nothing uses {name}. Delete it? This cannot be undone.": (
        "Niets gebruikt {name}. Verwijderen? Dit kan niet ongedaan worden gemaakt."
    ),
    "{name} is in use": "{name} is in gebruik",
    "Not changed": "Niet gewijzigd",
    "Districts, neighbourhoods and domains: add, rename, merge, delete": (
        "Stadsdelen, buurten en domeinen: toevoegen, hernoemen, samenvoegen, verwijderen"
    ),
    "Ctrl+N, F2 or Enter, Ctrl+M, Delete": "Ctrl+N, F2 of Enter, Ctrl+M, Delete",
}
