"""Dutch texts of the demo's signal rounds: what a partner said when asked, what was done, the feedback.

In the tone of :mod:`teamlead.demo.texts`: short and practical, about partners and the neighbourhood, never
about a named young person. Placeholders: ``{org}`` the partner asked, ``{person}`` a contact's first name,
``{nbh}`` the neighbourhood, ``{day}`` the day the signal came in (``3-11``).
"""

from __future__ import annotations

# A signal note's text (from texts.NOTES["signal"]) -> the themes it is about, by a word only that text has.
THEMES_BY_WORD: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("rellen", ("unrest", "online")),
    ("scooters", ("nuisance",)),
    ("pakketjes", ("exploitation", "drugs")),
    ("portiekflat", ("nuisance",)),
    ("vuurwerk", ("nuisance", "unrest")),
    ("TikTok", ("online",)),
    ("spanningen", ("unrest", "weapons")),
    ("verzuim", ("school_absence",)),
    ("Drugsafval", ("drugs",)),
    ("vechtpartij", ("unrest", "weapons")),
    ("oudere jongens", ("exploitation",)),
    ("Intimidatie", ("nuisance", "unrest")),
)

# What a partner answered, by answer (None: asked, no answer yet) and by how the partner was asked. Never the
# app's own words for an answer ("Bekend", "Niet bekend"): screens show these texts, and the language checks
# take the app's Dutch words on an English screen for a missed translation.
ASK_TEXTS: dict[str | None, dict[str, tuple[str, ...]]] = {
    "knew": {
        "call": (
            "Gebeld met {person} van {org} over het signaal in {nbh} ({day}). Ze zien het ook.",
            "{person} ({org}) gebeld: het signaal van {day} is bij hen bekend, vooral 's avonds.",
            "Telefonisch nagevraagd bij {org} of ze het beeld in {nbh} herkennen. {person}: ja, al een paar "
            "dagen.",
        ),
        "email": (
            "Per mail aan {org} gevraagd of ze het signaal in {nbh} herkennen. Antwoord van {person}: ze herkennen het.",
            "Mail van {person} ({org}): het signaal van {day} was bij hen al bekend.",
        ),
        "visit": (
            "Langs geweest bij {org} in {nbh} over het signaal van {day}. {person} herkent het beeld.",
            "Bij {org} binnengelopen; het signaal is bekend en wordt in hun team besproken.",
        ),
    },
    "not_known": {
        "call": (
            "Gebeld met {person} van {org} over het signaal in {nbh} ({day}). Bij hen onbekend; houden "
            "ogen en oren open.",
            "{org} gebeld: {person} wist er niets van. Geeft het door aan de collega's.",
            "Telefonisch nagevraagd bij {org}: signaal van {day} onbekend. Melden als ze iets zien.",
        ),
        "email": (
            "Per mail aan {org} gevraagd of ze het signaal in {nbh} herkennen. {person}: nog niets van gezien.",
            "Mail van {person} ({org}): niets van gemerkt, wel alert de komende dagen.",
        ),
        "visit": (
            "Bij {org} langs geweest over het signaal van {day}. Onbekend bij hen; {person} vraagt het na in het "
            "team.",
        ),
    },
    "acting": {
        "call": (
            "Gebeld met {person} van {org} over het signaal in {nbh} ({day}). Ze gaan er vanavond heen.",
            "{person} ({org}) gebeld: bekend, en ze ondernemen actie. Extra ronde door {nbh}.",
            "Telefonisch afgestemd met {org}: {person} neemt contact op met de ouders.",
            "{org} gebeld over het signaal van {day}. {person} zet een collega in en belt terug.",
        ),
        "email": (
            "Mail van {person} ({org}): ze pakken het signaal in {nbh} op en koppelen terug.",
            "Per mail afgestemd met {org}: zij nemen het gesprek met de jongeren in {nbh} op zich.",
        ),
        "visit": (
            "Samen met {person} van {org} de straat op in {nbh} na het signaal van {day}.",
            "Bij {org} langs geweest; ze organiseren deze week een activiteit om de jongeren op te vangen.",
        ),
    },
    None: {
        "call": (
            "{org} gebeld over het signaal in {nbh} ({day}). {person} belt terug.",
            "Voicemail ingesproken bij {person} ({org}) over het signaal van {day}.",
        ),
        "email": ("Per mail aan {org} gevraagd of ze het signaal in {nbh} herkennen. Nog geen antwoord.",),
        "visit": (
            "Bij {org} langs geweest over het signaal van {day}; {person} was er niet, briefje gelaten.",
        ),
    },
}

OUTCOMES: tuple[str, ...] = (
    "Met jongerenwerk en wijkagent twee avonden extra op straat geweest in {nbh}. Daarna rustig.",
    "Gesprek gevoerd met de jongeren en hun ouders; {org} houdt contact.",
    "Overlast afgenomen na extra toezicht en een gesprek met de groep. Blijft aandachtspunt in het overleg.",
    "Signaal gedeeld in het netwerkoverleg; {org} neemt de regie, anderen melden wat ze zien.",
    "Activiteit georganiseerd in het buurthuis om de jongeren van straat te halen. Goede opkomst.",
    "Leerplicht en school hebben de gezinnen gesproken; verzuim wordt gevolgd.",
    "Melding doorgezet naar politie en gemeente. Voor ons afgerond.",
    "Geen nieuwe meldingen na de eerste avond. Afgesloten, partners blijven alert.",
    "Huismeester en wijkagent samen langs de portieken; bewoners geïnformeerd.",
    "Jongerenwerk heeft contact gelegd met de groep; vervolg via het buurtteam.",
    "Ouders geïnformeerd via school en moskee; ouderavond gepland over online veiligheid.",
    "Signaal bleek minder ernstig dan gedacht. Met {org} afgesproken alert te blijven.",
)

FEEDBACK: tuple[str, ...] = (
    "Teruggekoppeld aan alle gevraagde partners per mail.",
    "In het netwerkoverleg teruggekoppeld wat er met het signaal is gedaan.",
    "Partners gebeld en bedankt voor het snelle schakelen.",
    "Korte terugkoppeling in de groepsapp van het netwerk {nbh}.",
    "Per mail teruggekoppeld aan {org} en de andere partners, met wat er is afgesproken.",
    "Terugkoppeling gegeven aan de melder en de partners; vervolg in het volgende overleg.",
)
