"""Dutch texts for each neighbourhood's own ecosystem: its focus, its history, its places and its figures.

In the spirit of the field ("geen blauwdruk": every neighbourhood its own history, task, accents and focus).
Placeholders: ``{nbh}`` the neighbourhood, ``{street}`` a street of the district, ``{place}`` one of the
neighbourhood's places outside (a square, a hang-out), ``{indoor}`` one with a roof (a school, a youth centre),
``{pick}`` a name from the kind's pool.
"""

from __future__ import annotations

from teamlead.rules.vocabulary import PlaceKind

# The task (opgave): the first sentence of every focus.
TASKS: tuple[str, ...] = (
    "Een kleine groep jongeren rond {place} trekt jongere kinderen mee in overlast en handel; die kinderen "
    "eerder bereiken is onze opgave.",
    "Het schoolverzuim onder twaalf- tot veertienjarigen loopt op: we willen het samen met de scholen en "
    "leerplicht eerder zien en eerder thuis aanbellen.",
    "Na de onrust van vorig jaar is het vertrouwen tussen ouders, jongeren en politie broos; dat herstellen "
    "gaat voor alles.",
    "Ruzies die online beginnen lopen in {nbh} uit op straat, vaak bij {place}: partners willen ze eerder "
    "horen en samen de-escaleren.",
    "Jonge tieners worden geronseld als koerier; uitbuiting herkennen en ouders erover aanspreken is de "
    "opgave van het netwerk.",
    "Veel gezinnen wonen krap en jongeren zijn 's avonds buiten omdat thuis geen plek is; er is te weinig "
    "te doen voor vijftien- tot achttienjarigen.",
    "De buurt verandert snel door nieuwbouw; nieuwe en oude bewoners kennen elkaar nauwelijks en jongeren "
    "vallen tussen wal en schip.",
    "Het gaat beter in {nbh}, maar de overgang van de basisschool naar het voortgezet onderwijs blijft het "
    "moment waarop we jongeren kwijtraken.",
    "Overlast rond {place} in de avonduren houdt de buurt bezig; bewoners, corporatie en jongerenwerk zoeken "
    "een aanpak die niet alleen verplaatst.",
)

# The accents: what the partners of this neighbourhood put first.
ACCENTS: tuple[str, ...] = (
    "Het accent ligt op regelmatige aanwezigheid op straat in de avonduren, jongerenwerk en wijkagent samen.",
    "Het accent ligt op ouders: via de scholen, de moskee en de buurtkamer, in hun eigen taal.",
    "Het accent ligt op de sportclub als vindplaats: trainers herkennen signalen en weten wie ze bellen.",
    "Het accent ligt op korte lijnen en snel schakelen na een incident, binnen het uur rond met de partners.",
    "Het accent ligt op informele partners: bewoners, vrijwilligers en ervaringsdeskundigen zitten aan tafel.",
    "Het accent ligt op {place}: daar zijn de jongeren, dus daar zijn wij ook.",
    "Het accent ligt op de scholen: leerplicht, zorgcoördinatoren en jongerenwerk bespreken samen wie "
    "uit beeld raakt.",
)

# How they work: the last sentence, when there is one.
APPROACHES: tuple[str, ...] = (
    "Geen blauwdruk: wat in de buurt ernaast werkt, proberen we hier eerst klein.",
    "Kleine, zichtbare stappen: elke maand één afspraak die we samen nakomen.",
    "In de lokale reflectie kijken we elk kwartaal of dit nog de goede focus is.",
    "We spreken uit één mond naar jongeren en ouders, ook als we het onderling niet eens zijn.",
    "Wat de buurt zelf kan, laten we bij de buurt; wij helpen waar het vastloopt.",
)

# Dated lines of a neighbourhood's history.
HISTORY: tuple[str, ...] = (
    "Onrust rond {place} na een incident met een scooter; jongerenwerk en wijkagent gaan samen de straat op.",
    "Het buurthuis aan de {street} sluit; de activiteiten verhuizen naar {indoor}.",
    "Eerste lokale reflectie met partners, bewoners en scholen: wat gaat goed, wat kan beter?",
    "Renovatie van de flats aan de {street}; gezinnen wonen een jaar tijdelijk elders.",
    "Nieuwe wijkagent; kennismakingsronde bij alle partners in {nbh}.",
    "Cameratoezicht bij {place} na overlastmeldingen; na een half jaar weer weggehaald.",
    "Voetbaltoernooi op {place} met politie en jongerenwerk: ruim honderd jongeren doen mee.",
    "Schietincident aan de {street}; buurtbijeenkomst met de burgemeester en de partners.",
    "Ouders lopen avondrondes; na een paar maanden zijn nauwelijks nog jonge kinderen laat op straat.",
    "Gebiedsverbod rond {place} ingesteld; een jaar later niet verlengd.",
    "Nieuwe jongerenwerker begonnen; het jongerenpanel van {nbh} komt weer bijeen.",
    "Speeltuindag met ouders: twaalf ouders houden voortaan mee toezicht op {place}.",
    "Drie jongeren uit {nbh} praten in de jongerenraad mee over het buurtbudget.",
    "Veegactie aan de {street}, georganiseerd door jongeren, bewoners en de corporatie.",
    "Start van het huiswerkcafé in {indoor}, met vrijwilligers uit de buurt.",
    "Opgave opnieuw vastgesteld in het netwerkoverleg van {nbh}: minder breed, meer samen.",
)

# Names per kind of place; the address is made from the district's streets.
PLACE_NAMES: dict[PlaceKind, tuple[str, ...]] = {
    PlaceKind.SCHOOL: (
        "Basisschool {pick}",
        "Montessorischool {nbh}",
        "{pick} College",
        "Mavo {pick}",
        "Islamitische basisschool {pick}",
        "Vakcollege {nbh}",
    ),
    PlaceKind.SPORTS_CLUB: (
        "Voetbalvereniging {pick}",
        "Boksschool {pick}",
        "Cruyff Court {nbh}",
        "Sporthal {street}",
        "Kickboksschool {pick}",
        "Basketbalveldje {street}",
    ),
    PlaceKind.SQUARE: (
        "Speelplein {street}",
        "Speeltuin {nbh}",
        "Trapveldje {street}",
        "Pleintje {street}",
        "Buurtpark {nbh}",
    ),
    PlaceKind.YOUTH_CENTRE: (
        "Jongerencentrum {pick}",
        "Tienerhuis {nbh}",
        "Jongerenhuis {pick}",
        "Studio {pick}",
    ),
    PlaceKind.HANG_OUT: (
        "Bankjes bij winkelcentrum {nbh}",
        "Portiek {street}",
        "Snackbar {street}",
        "Parkeerdek {street}",
        "Viaduct {street}",
        "Bushalte {street}",
    ),
    PlaceKind.OTHER: (
        "Bibliotheek {nbh}",
        "Buurtkamer {street}",
        "Winkelcentrum {nbh}",
    ),
}
PLACE_PICKS: tuple[str, ...] = (
    "De Regenboog",
    "De Horizon",
    "Het Palet",
    "De Kleine Prins",
    "De Zeven Zeeën",
    "Het Startpunt",
    "De Meeuw",
    "Het Honk",
    "De Toekomst",
    "De Vuurvogel",
    "Al Noer",
    "Sterrenwacht",
    "De Brug",
    "Oranje",
)

# The public figures (name, with its unit), and the safety index the field texts name for the Mercatorbuurt.
SAFETY = "Veiligheidsindex"
ABSENCE = "Schoolverzuim (%)"
REFERRALS = "Verwijzingen jeugdhulp"
MERCATOR_SAFETY = (102.0, 97.0, 90.0, 84.0, 79.0)
