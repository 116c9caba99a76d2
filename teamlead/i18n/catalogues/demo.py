"""Dutch for the demo data command and its progress messages."""

NL: dict[str, str] = {
    "{name} already holds data (organisations, persons, notes, meetings or agreements). "
    "Demo data only goes into an empty database: use --database with a new file.": (
        "{name} bevat al gegevens (organisaties, personen, notities, overleggen of afspraken). "
        "Demogegevens komen alleen in een lege database: kies met --database een nieuw bestand."
    ),
    "Unknown scale {scale}: choose {choices}.": "Onbekende omvang {scale}: kies {choices}.",
    "Making demo data was cancelled; the database is unchanged.": (
        "Het maken van demogegevens is afgebroken; de database is niet veranderd."
    ),
    "Making districts and partners": "Gebieden en partners maken",
    "Making contact persons and roles": "Contactpersonen en functies maken",
    "Making two years of notes": "Twee jaar notities maken",
    "Making meetings": "Overleggen maken",
    "Making agreements": "Afspraken maken",
    "Writing the quarterly narratives": "Kwartaalverhalen schrijven",
    "Saving demo data": "Demogegevens opslaan",
    "Demo data is ready.": "De demogegevens staan klaar.",
    "fill an empty database with realistic demo data": "vul een lege database met realistische demogegevens",
    "Fill an empty database with realistic demo data: Amsterdam districts, partners, contact "
    "persons, two years of notes, meetings and agreements. The same seed and date always give "
    "the same data.": (
        "Vul een lege database met realistische demogegevens: Amsterdamse stadsdelen, partners, "
        "contactpersonen, twee jaar notities, overleggen en afspraken. Dezelfde seed en datum geven altijd "
        "dezelfde gegevens."
    ),
    "how much data (default: small)": "hoeveel gegevens (standaard: small)",
    "seed of the random data (default: 1)": "startgetal van de willekeurige gegevens (standaard: 1)",
    "the date the data leads up to (default: today)": (
        "de datum waar de gegevens naartoe lopen (standaard: vandaag)"
    ),
    "Demo data made in {seconds:.1f} s ({scale}, seed {seed}, up to {today}):": (
        "Demogegevens gemaakt in {seconds:.1f} s ({scale}, seed {seed}, tot {today}):"
    ),
    "districts": "gebieden",
    "neighbourhoods": "buurten",
    "partner organisations": "partnerorganisaties",
    "contact persons": "contactpersonen",
    "roles": "functies",
    "notes": "notities",
    "meetings": "overleggen",
    "agreements": "afspraken",
}
