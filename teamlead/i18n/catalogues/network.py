"""Dutch for the network map: `teamlead report network`, its files, the district report's map page and the
app's Network section."""

NL: dict[str, str] = {
    "Network map": "Netwerkkaart",
    "write a report (PDF, Excel or a picture)": "schrijf een rapportage (PDF, Excel of een afbeelding)",
    "the neighbourhood it is about (network map), matched within --district": (
        "de buurt waar het over gaat (netwerkkaart), gezocht binnen --district"
    ),
    "Picture (PNG)": "Afbeelding (PNG)",
    "Drawing (SVG)": "Tekening (SVG)",
    "The {kind} report does not take --neighbourhood (it is taken by: {kinds}).": (
        "De rapportage {kind} kent geen --neighbourhood (alleen: {kinds})."
    ),
    "Several districts have a neighbourhood called {name!r}: {found}. Choose one with --district.": (
        "Meer stadsdelen hebben een buurt die {name!r} heet: {found}. Kies er een met --district."
    ),
    "There is no neighbourhood called {name!r}. Neighbourhoods: {neighbourhoods}.": (
        "Er is geen buurt die {name!r} heet. Buurten: {neighbourhoods}."
    ),
    "none yet": "nog geen",
    # The picture and the workbook
    "Without a drawn link in this period ({count})": "Zonder getekende verbinding in deze periode ({count})",
    "activity {count}": "activiteit {count}",
    "1 meeting": "1 overleg",
    "{count} meetings": "{count} overleggen",
    "1 agreement": "1 afspraak",
    "{count} agreements": "{count} afspraken",
    "1 contact moment": "1 contactmoment",
    "{count} contact moments": "{count} contactmomenten",
    "Neighbourhood: {name}": "Buurt: {name}",
    "No partners in this period.": "Geen partners in deze periode.",
    "Partners are linked when they worked together in the period: a held meeting adds 1/(n−1) to each pair "
    "of the n partners present, an agreement adds 1 to each pair it names, and so does a contact moment.": (
        "Partners zijn verbonden als ze in de periode samenwerkten: een gehouden overleg telt 1/(n−1) voor elk "
        "paar van de n aanwezige partners, een afspraak telt 1 voor elk paar dat erin staat, en een "
        "contactmoment ook."
    ),
    "Partners are linked when they worked together in the period: a held meeting adds 1/(n−1) to each pair "
    "of the n partners present, and an agreement adds 1 to each pair it names.": (
        "Partners zijn verbonden als ze in de periode samenwerkten: een gehouden overleg telt 1/(n−1) voor elk "
        "paar van de n aanwezige partners, en een afspraak telt 1 voor elk paar dat erin staat."
    ),
    "Drawn: links of at least {threshold}, each partner's {count} strongest ({drawn} of {total}). "
    "A larger dot took part in more.": (
        "Getekend: verbindingen van ten minste {threshold}, per partner de {count} sterkste ({drawn} van "
        "{total}). Een grotere stip deed vaker mee."
    ),
    "Weight": "Gewicht",
    "On the map": "Op de kaart",
    "yes": "ja",
    "no": "nee",
    "Activity": "Activiteit",
    "Links": "Verbindingen",
    # The app's Network section
    "Domains": "Domeinen",
    "&Contact moments": "&Contactmomenten",
    "Count contact moments naming two partners (the city's map does not)": (
        "Contactmomenten met twee partners meetellen (de kaart voor de stad doet dat niet)"
    ),
    "Links per partner": "Verbindingen per partner",
    "&Links per partner:": "&Verbindingen per partner:",
    "&More links": "&Meer verbindingen",
    "Show two more links per partner": "Twee verbindingen per partner meer tonen",
    "Drawing the map…": "De kaart wordt getekend…",
    "{partners} partners; {drawn} of {total} links drawn; {apart} without a drawn link (below).": (
        "{partners} partners; {drawn} van {total} verbindingen getekend; {apart} zonder getekende verbinding "
        "(onder de kaart)."
    ),
}
