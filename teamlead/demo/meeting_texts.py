"""Dutch texts for meetings, agreements and narratives: agendas, minutes, the four reflection questions."""

from __future__ import annotations

THEMES = (
    ("Zomerprogramma jongeren", "Wie organiseert wat in juli en augustus, en waar zitten de gaten?"),
    ("Jaarwisseling", "Afstemming inzet rond oud en nieuw: vuurwerk, hangplekken, opvang."),
    (
        "Hangplekken en overlast",
        "Beeld van de hangplekken in de buurt en wie er contact heeft met de groepen.",
    ),
    ("Schoolverzuim", "Signalen van scholen en leerplicht; aansluiting van het jongerenwerk."),
    (
        "Online gedrag en sociale media",
        "Filmpjes, oproepen en ruzies die online beginnen en op straat eindigen.",
    ),
    ("Ondermijning en drugsrunners", "Jongeren die benaderd worden voor criminele klusjes: wat zien we?"),
    (
        "Ouderbetrokkenheid",
        "Hoe bereiken we ouders die we nu niet zien? Ervaringen van de moskee en de school.",
    ),
    ("Informele partners", "Sportclubs, kerken en bewonersgroepen beter betrekken bij het netwerk."),
    ("Ramadan en suikerfeest", "Activiteiten in de avonden en extra aanwezigheid op straat."),
    ("Nieuwe partners voorstellen", "Kennismaking met nieuwe organisaties en contactpersonen in de buurt."),
    ("Huiswerkbegeleiding", "Vraag en aanbod van huiswerkklassen in de buurt."),
    ("Veiligheid rond de scholen", "Afspraken over toezicht bij het uitgaan van de scholen."),
)

OPENING = ("Opening en mededelingen", "Welkom, nieuwe gezichten, vaststellen verslag vorige keer.")
SIGNALS = ("Signalen uit de buurt", "Ronde langs de partners: wat zien en horen jullie?")
REVIEW = ("Terugblik op de afspraken", "Stand van de open afspraken uit eerdere overleggen.")
CLOSING = ("Rondvraag en sluiting", "")
PARTNER_ITEMS = (
    ("Stand van zaken", "Hoe gaat het bij de organisatie, wat speelt er?"),
    ("Samenwerking in het netwerk", "Wat loopt goed, waar kan het korter?"),
)

REFLECTION_QUESTIONS = (
    ("Wat gaat goed?", "reflection_goes_well"),
    ("Wat kan beter?", "reflection_can_improve"),
    ("Wat kunnen we zelf?", "reflection_do_ourselves"),
    ("Waar hebben we hulp bij nodig?", "reflection_need_help"),
)

REFLECTION_ANSWERS: dict[str, tuple[str, ...]] = {
    "reflection_goes_well": (
        "Korte lijnen: partners weten elkaar snel te vinden, ook 's avonds.",
        "De gezamenlijke avondrondes van jongerenwerk en wijkagent werken; jongeren kennen de gezichten.",
        "De informele partners (moskee, sportclub) sluiten steeds vaker aan.",
        "Signalen worden sneller gedeeld dan vorig jaar, meestal binnen een dag.",
        "Het zomerprogramma had veel bereik en er waren minder incidenten.",
        "Scholen en het buurtteam hebben vaste belmomenten, dat scheelt veel mailen.",
    ),
    "reflection_can_improve": (
        "Terugkoppeling na een signaal blijft soms uit; partners weten niet wat ermee gebeurd is.",
        "Nieuwe medewerkers kennen het netwerk nog niet; een overdracht ontbreekt vaak.",
        "De opkomst van de woningcorporaties bij het overleg is wisselend.",
        "We praten veel over jongeren en te weinig met jongeren.",
        "Afspraken zijn soms te vaag: wie doet wat en wanneer?",
        "Ouders worden laat betrokken.",
    ),
    "reflection_do_ourselves": (
        "Elke partner brengt bij het volgende overleg één concreet signaal mee.",
        "Een actuele telefoonlijst van de buurt bijhouden en elk kwartaal controleren.",
        "Zelf vaker bij elkaar binnenlopen in plaats van mailen.",
        "Nieuwe collega's een kennismakingsronde langs de partners laten doen.",
        "Successen vieren en delen, ook de kleine.",
        "Samen een ouderavond organiseren met school en moskee.",
    ),
    "reflection_need_help": (
        "Structurele financiering voor de activiteiten in de avonduren.",
        "Een vaste contactpersoon bij de gemeente voor vragen over openbare ruimte.",
        "Ondersteuning bij het bereiken van meisjes en jonge vrouwen.",
        "Meer capaciteit bij leerplicht in de drukke maanden.",
        "Een plek in de buurt waar jongeren 's avonds terecht kunnen.",
        "Duidelijkheid over wat we met elkaar mogen delen (privacy).",
    ),
}

AGREEMENTS = (
    "{org} organiseert in de zomer drie avondactiviteiten op het plein bij {street}.",
    "{org} en {other} lopen in de komende maand elke vrijdag samen een avondronde door {nbh}.",
    "{org} deelt signalen over jongeren rond {street} binnen 24 uur met het jongerenwerk.",
    "{org} stelt een ruimte beschikbaar voor de huiswerkklas op dinsdag en donderdag.",
    "{org} nodigt {other} uit voor een kennismaking met het team.",
    "{org} maakt een overzicht van de hangplekken in {nbh} en wie er contact heeft met de groepen.",
    "{org} organiseert samen met {other} een ouderavond over online veiligheid.",
    "{org} zorgt voor een vaste contactpersoon voor het netwerk in {nbh}.",
    "{org} bespreekt de overlast in de portieken aan de {street} met de bewonerscommissie.",
    "{org} levert voor het volgende overleg de cijfers over schoolverzuim in {nbh} aan.",
    "{org} en {other} zetten een voetbaltoernooi op voor jongeren uit {nbh}.",
    "{org} verspreidt de telefoonlijst van het netwerk onder de nieuwe medewerkers.",
    "{org} koppelt binnen twee weken terug wat er met het signaal over {street} is gebeurd.",
    "{org} onderzoekt met {other} of er een inloop voor meiden kan starten in {nbh}.",
    "{org} schuift aan bij het teamoverleg van {other} om de werkwijze toe te lichten.",
)

STATUS_COMMENTS: dict[str, tuple[str, ...]] = {
    "in_progress": ("Gestart.", "Eerste gesprek gevoerd.", "Loopt, eerste activiteit gepland.", ""),
    "done": (
        "Uitgevoerd, teruggekoppeld in het overleg.",
        "Afgerond.",
        "Gedaan; goed ontvangen in de buurt.",
        "",
    ),
    "dropped": (
        "Vervalt: geen budget.",
        "Vervalt, is opgenomen in een andere afspraak.",
        "Niet meer nodig, situatie is veranderd.",
    ),
}

MINUTES_OPENINGS = (
    "Aanwezig: {present} partners. Afwezig met bericht: {excused}.",
    "Goede opkomst ({present} aanwezig, {excused} afgemeld).",
)
MINUTES_PARTNER = (
    "Goed gesprek over de samenwerking; korte lijnen afgesproken.",
    "Open gesprek over wat er speelt bij de organisatie en in de buurt.",
    "Bijgepraat over de lopende zaken en de contactpersonen.",
)
MINUTES_BODIES = (
    "De partners herkennen de signalen rond {street}; het jongerenwerk en de wijkagent trekken samen op.",
    "Rustige periode in {nbh}. Aandacht voor de groep jongere tieners die zich rond het winkelcentrum "
    "ophoudt.",
    "Uitgebreid gesproken over {theme}. Iedereen ziet het belang van vaste contactpersonen.",
    "De nieuwe partners hebben zich voorgesteld; de contactgegevens staan in de lijst.",
    "Zorgen over het verzuim na de vakantie; leerplicht neemt het mee naar de scholen.",
    "Terugblik op de afgelopen maand: minder meldingen van overlast, wel meer online conflicten.",
)

NARRATIVE = (
    "In het {quarter}e kwartaal van {year} zijn er in {district} {notes} contactmomenten met partners "
    "vastgelegd, waarvan {signals} signalen. Er waren {meetings} overleggen en er zijn {agreements} nieuwe "
    "afspraken gemaakt. {highlight} {concern}"
)
NARRATIVE_HIGHLIGHTS = (
    "De samenwerking tussen jongerenwerk, politie en scholen is hechter geworden: signalen worden sneller "
    "gedeeld.",
    "Opvallend is de grotere betrokkenheid van informele partners zoals sportclubs en moskeeën.",
    "De lokale reflecties laten zien dat partners elkaar beter weten te vinden dan een jaar geleden.",
    "Het zomerprogramma heeft veel jongeren bereikt en de overlast bleef beperkt.",
)
NARRATIVE_CONCERNS = (
    "Aandachtspunt blijft de terugkoppeling na signalen.",
    "Zorgen zijn er over jongeren die benaderd worden voor criminele klusjes; dit vraagt om een gezamenlijke "
    "aanpak met de stad.",
    "Het verloop bij enkele partners maakt dat contacten opnieuw opgebouwd moeten worden.",
    "Het netwerk vraagt de stad om structurele ruimte voor activiteiten in de avonduren.",
)
