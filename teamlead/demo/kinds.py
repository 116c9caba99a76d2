"""The kinds of partner a district network holds, with invented but plausible names and the roles people have.

Names are templates filled with a neighbourhood, a district or a pick from a pool of made-up names, so no demo
organisation is a real company. ``staff`` is the relative number of contact persons, ``notes`` the relative
number of contact moments, ``cadence`` the contact cadences (days) a team lead would pick for such a partner.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    key: str
    domain: str
    names: tuple[str, ...]  # templates with {nbh}, {district}, {pick}
    roles: tuple[tuple[str, int], ...]  # (title, weight)
    staff: float
    notes: float
    cadence: tuple[int | None, ...]
    informal: bool = False
    pool: tuple[str, ...] = ()
    private_mail: bool = False  # volunteers use a private address rather than one of the organisation


SCHOOL_NAMES = (
    "De Regenboog",
    "Het Palet",
    "De Horizon",
    "De Toermalijn",
    "De Kleine Wereld",
    "Het Kompas",
    "De Vlinder",
    "De Springplank",
    "De Zonnewijzer",
    "Het Startblok",
    "De Notenkraker",
    "De Klimop",
    "De Globe",
    "Het Anker",
    "De Boomgaard",
    "De Waterlelie",
    "Het Mozaïek",
    "De Sterrenwacht",
    "De Wereldburger",
    "Al Yaqien-school",
    "De Kikkerpolder",
    "De Dapper",
    "Het Vogelnest",
    "De Meander",
    "De Pionier",
    "Het Zonnelied",
    "De Catamaran",
    "De Tamarinde",
    "De Piramide",
    "De Odyssee",
)
VO_NAMES = (
    "Nova College",
    "Calvijn Lyceum",
    "Wereldcollege",
    "Het Amstellyceum",
    "Mundus College",
    "IJdoorn College",
    "Via Nova Mavo",
    "Open Schoolgemeenschap Westland",
    "Vakcollege De Brug",
    "Lumion College",
)
CLUB_NAMES = (
    "Voetbalvereniging {nbh} Boys",
    "SV Zwaluwen '68",
    "Kickboksschool Fighting Spirit",
    "Boksschool De Ring",
    "Basketbalvereniging Streetball {nbh}",
    "Zaalvoetbalclub {nbh} United",
    "Atletiekvereniging De Sprint",
    "Zwemvereniging De Dolfijn",
    "Cricketclub Amsterdam {district}",
    "Taekwondo Academie Phoenix",
    "Stichting Sportief {nbh}",
    "Judovereniging Kodokan {nbh}",
    "Dansstudio Urban Moves",
)
FAITH_MOSQUE = (
    "Moskee El Wahda",
    "Moskee An-Nour",
    "Moskee Ar-Rahma",
    "Moskee Al Ihsan",
    "Moskee Assalam",
    "Stichting Moskee Mevlana {nbh}",
    "Moskee Al Hoeda",
    "Stichting Islamitisch Centrum {nbh}",
)
FAITH_CHURCH = (
    "Protestantse Gemeente {nbh}",
    "Pinkstergemeente Levend Water",
    "Evangelie Gemeente De Rots",
    "Parochie Sint-Jozef",
    "Methodistenkerk Bethel",
    "Christengemeente Nieuw Leven",
    "Parochie Heilige Familie",
    "Evangelische Broedergemeente {district}",
    "Vrije Baptistengemeente Shalom",
)
RESIDENTS = (
    "Bewonersgroep {nbh}",
    "Buurtvaders {nbh}",
    "Buurtmoeders {nbh}",
    "Speeltuinvereniging {nbh}",
    "Bewonerscommissie {pick}",
    "Stichting Samen {nbh}",
    "Buurtpreventieteam {nbh}",
    "Moestuin {nbh}",
    "Bewonersplatform {nbh}",
    "Stichting Schoon en Heel {nbh}",
)
SELF_ORGANISATIONS = (
    "Stichting Vrouwen van {nbh}",
    "Ghanese Gemeenschap {district}",
    "Turks-Nederlandse Ouderraad {district}",
    "Stichting Eritrese Jongeren Amsterdam",
    "Poolse Ouders {district}",
    "Stichting Kleurrijke Vrouwen",
    "Somalische Vereniging Hiil",
    "Stichting Jongeren met Ambitie",
    "Surinaamse Vrouwenvereniging Sranan Mati",
    "Marokkaanse Vadersvereniging {nbh}",
    "Stichting Antilliaanse Jongeren Kòrsou",
    "Stichting Huiswerkhulp {nbh}",
    "Stichting Ervaringsdeskundigen {district}",
    "Stichting Moeders in Actie",
)
COMMUNITY_CENTRES = (
    "Huis van de Wijk {nbh}",
    "Buurthuis De Honingraat",
    "Buurthuis Het Trefpunt",
    "Buurtcentrum De Ontmoeting",
    "Wijkcentrum {nbh}",
    "Buurthuis De Meeuw",
)
YOUTH_CENTRES = (
    "Jongerencentrum {nbh}",
    "Jongerenhuis The Spot",
    "Jongerencentrum De Loods",
    "Tienercentrum {nbh}",
    "Jongerenplek Studio {nbh}",
)
HOUSING = (
    "Woonstichting Amstelkade",
    "Woningcorporatie Het Lange Land",
    "Woonstichting IJzicht",
    "Stichting Stadswonen Amstel",
    "Woonvereniging De Zuidpool",
    "Amsterdamse Woonkring",
    "Woonstichting De Poort",
    "Woonstichting Groen en Water",
)
YOUTH_WORK = (
    "Jongerenwerk {district}",
    "Stichting Koers Jongerenwerk",
    "Streetwise Jongerenwerk {district}",
    "Stichting JongWijs",
    "Stichting De Brug Jeugd en Welzijn",
)
CARE = (
    "Jeugdhulp Kompas {district}",
    "Stichting Thuisbasis Jeugdhulp",
    "Schuldhulpmaatje {district}",
    "Voedselbank {district}",
    "Stichting Mentorproject Steuntje in de Rug",
)

CORE: tuple[Kind, ...] = (
    Kind(
        "youth_work",
        "social",
        YOUTH_WORK,
        (
            ("jongerenwerker", 6),
            ("ambulant jongerenwerker", 3),
            ("teamleider jongerenwerk", 1),
            ("coördinator jongerenwerk", 1),
            ("talentcoach", 1),
            ("straathoekwerker", 2),
        ),
        9,
        6,
        (7, 14),
    ),
    Kind(
        "police",
        "safety",
        ("Politie basisteam {district}-Noord", "Politie basisteam {district}-Zuid"),
        (("wijkagent", 6), ("jeugdagent", 2), ("teamchef", 1), ("operationeel expert", 1)),
        6,
        4,
        (14, 30),
    ),
    Kind(
        "ggd",
        "care",
        ("GGD Amsterdam, team {district}",),
        (
            ("jeugdarts", 1),
            ("jeugdverpleegkundige", 2),
            ("sociaal verpleegkundige", 2),
            ("coördinator bemoeizorg", 1),
        ),
        3,
        2,
        (30, 60),
    ),
    Kind(
        "school_attendance",
        "municipality",
        ("Leerplicht {district}",),
        (("leerplichtambtenaar", 4), ("teamleider leerplicht", 1), ("RMC-trajectbegeleider", 2)),
        3,
        2.5,
        (30,),
    ),
    Kind(
        "municipality",
        "municipality",
        ("Gebiedsteam {district}", "Team Jeugd en Veiligheid {district}"),
        (
            ("gebiedsmakelaar", 2),
            ("gebiedsadviseur", 2),
            ("beleidsadviseur jeugd", 1),
            ("adviseur openbare orde en veiligheid", 1),
            ("procesregisseur", 1),
        ),
        4,
        3,
        (14, 30),
    ),
    Kind(
        "housing",
        "housing",
        HOUSING,
        (("wijkbeheerder", 3), ("huismeester", 2), ("woonconsulent", 2), ("sociaal beheerder", 2)),
        4,
        2,
        (30, 60),
    ),
    Kind(
        "mbo",
        "education",
        ("MBO College {district}", "Vakschool {district}"),
        (("loopbaanbegeleider", 2), ("studentcoach", 2), ("verzuimcoördinator", 1), ("teamleider", 1)),
        3,
        1.5,
        (60, 90),
    ),
    Kind(
        "library",
        "education",
        ("Bibliotheek {pick}",),
        (("mediacoach", 2), ("bibliotheekmedewerker jeugd", 2), ("vestigingsmanager", 1)),
        2,
        0.8,
        (90, None),
    ),
)

LOCAL: tuple[Kind, ...] = (
    Kind(
        "neighbourhood_team",
        "care",
        ("Buurtteam {nbh}",),
        (
            ("buurtteammedewerker", 4),
            ("gezinscoach", 2),
            ("teamleider buurtteam", 1),
            ("financieel hulpverlener", 1),
            ("maatschappelijk werker", 2),
        ),
        5,
        3,
        (14, 30),
    ),
    Kind(
        "primary_school",
        "education",
        ("Basisschool {pick}", "OBS {pick}", "IKC {pick}", "Daltonschool {pick}"),
        (
            ("directeur", 2),
            ("intern begeleider", 3),
            ("leerkracht groep 8", 1),
            ("schoolmaatschappelijk werker", 1),
        ),
        2,
        1,
        (60, 90, None),
        pool=SCHOOL_NAMES,
    ),
    Kind(
        "sports_club",
        "informal",
        CLUB_NAMES,
        (("voorzitter", 2), ("jeugdtrainer", 3), ("jeugdcoördinator", 2), ("vertrouwenscontactpersoon", 1)),
        1.5,
        1,
        (30, 60, None),
        informal=True,
        private_mail=True,
    ),
    Kind(
        "parent_child_team",
        "care",
        ("Ouder- en Kindteam {nbh}",),
        (
            ("ouder- en kindadviseur", 4),
            ("jeugdverpleegkundige", 2),
            ("jeugdpsycholoog", 1),
            ("teamleider OKT", 1),
        ),
        4,
        2,
        (30,),
    ),
    Kind(
        "mosque",
        "informal",
        FAITH_MOSQUE,
        (("imam", 1), ("voorzitter", 2), ("bestuurslid", 2), ("jongerenwerker moskee", 1)),
        2,
        1.2,
        (30, 60),
        informal=True,
        private_mail=True,
    ),
    Kind(
        "residents",
        "informal",
        RESIDENTS,
        (
            ("initiatiefnemer", 3),
            ("vrijwilliger", 3),
            ("voorzitter", 1),
            ("buurtvader", 1),
            ("buurtmoeder", 1),
        ),
        1.5,
        1,
        (30, 60, None),
        informal=True,
        private_mail=True,
    ),
    Kind(
        "community_centre",
        "social",
        COMMUNITY_CENTRES,
        (("beheerder", 2), ("sociaal werker", 3), ("opbouwwerker", 2), ("coördinator vrijwilligers", 1)),
        3,
        2,
        (14, 30),
    ),
    Kind(
        "secondary_school",
        "education",
        VO_NAMES,
        (
            ("zorgcoördinator", 3),
            ("mentor", 3),
            ("teamleider onderbouw", 1),
            ("leerlingbegeleider", 2),
            ("conrector", 1),
        ),
        3,
        1.5,
        (30, 60),
    ),
    Kind(
        "church",
        "informal",
        FAITH_CHURCH,
        (
            ("voorganger", 2),
            ("pastor", 1),
            ("diaken", 1),
            ("jongerenleider", 2),
            ("voorzitter kerkenraad", 1),
        ),
        1.5,
        0.8,
        (60, None),
        informal=True,
        private_mail=True,
    ),
    Kind(
        "self_organisation",
        "informal",
        SELF_ORGANISATIONS,
        (
            ("voorzitter", 2),
            ("coördinator", 2),
            ("ervaringsdeskundige", 2),
            ("vrijwilliger", 2),
            ("secretaris", 1),
        ),
        1.5,
        1,
        (30, 60, None),
        informal=True,
        private_mail=True,
    ),
    Kind(
        "youth_centre",
        "social",
        YOUTH_CENTRES,
        (("jongerenwerker", 4), ("locatiecoördinator", 1), ("activiteitenbegeleider", 2)),
        3,
        2.5,
        (14,),
    ),
    Kind(
        "care_provider",
        "care",
        CARE,
        (("coördinator", 2), ("hulpverlener", 3), ("vrijwilligerscoördinator", 1)),
        2,
        1,
        (30, 60),
    ),
)

# After one round of every local kind per neighbourhood, further partners are drawn with these weights.
LOCAL_WEIGHTS: dict[str, int] = {
    "primary_school": 8,
    "sports_club": 4,
    "residents": 3,
    "self_organisation": 3,
    "church": 2,
    "mosque": 2,
    "secondary_school": 1,
    "care_provider": 1,
    "youth_centre": 1,
    "community_centre": 1,
}
