"""Amsterdam as the demo shows it: the districts and neighbourhoods of ``shared/domain.md``, streets."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DistrictPlan:
    name: str
    neighbourhoods: tuple[str, ...]
    postcodes: tuple[int, int]  # the four-digit postcode range of the district
    streets: tuple[str, ...]
    office: str  # where the district's network meetings are held


DISTRICTS: tuple[DistrictPlan, ...] = (
    DistrictPlan(
        "Centrum",
        (
            "Burgwallen-Oude Zijde",
            "Burgwallen-Nieuwe Zijde",
            "Jordaan",
            "Grachtengordel-West",
            "Nieuwmarkt/Lastage",
            "Haarlemmerbuurt",
            "Oostelijke Eilanden/Kadijken",
            "De Weteringschans",
        ),
        (1011, 1019),
        (
            "Nieuwmarkt",
            "Lindengracht",
            "Westerstraat",
            "Haarlemmerdijk",
            "Kattenburgerstraat",
            "Zeedijk",
            "Rozengracht",
            "Elandsgracht",
            "Wittenburgergracht",
            "Vijzelgracht",
            "Spuistraat",
            "Marnixstraat",
        ),
        "Stadsloket Centrum, Amstel 1",
    ),
    DistrictPlan(
        "Nieuw-West",
        (
            "Geuzenveld",
            "Slotermeer-Noordoost",
            "Slotermeer-Zuidwest",
            "Osdorp-Oost",
            "Osdorp-Midden",
            "De Punt",
            "Slotervaart",
            "Overtoomse Veld",
            "Westlandgracht",
            "Nieuw-Sloten",
            "Wildemanbuurt",
        ),
        (1060, 1069),
        (
            "Osdorpplein",
            "Burgemeester de Vlugtlaan",
            "Slotermeerlaan",
            "Plein '40-'45",
            "Lodewijk van Deysselstraat",
            "Cornelis Lelylaan",
            "Pieter Calandlaan",
            "Wildemanstraat",
            "Tussenmeer",
            "Johan Huizingalaan",
            "Meer en Vaart",
            "August Allebéplein",
            "Jan Evertsenstraat",
            "Sloterweg",
            "Confuciusplein",
        ),
        "Stadsdeelkantoor Nieuw-West, Osdorpplein 1000",
    ),
    DistrictPlan(
        "Noord",
        (
            "Volewijck",
            "IJplein/Vogelbuurt",
            "Tuindorp Nieuwendam",
            "Tuindorp Oostzaan",
            "Banne Buiksloot",
            "Buikslotermeer",
            "Nieuwendam-Noord",
            "Waterlandpleinbuurt",
            "Kadoelen",
        ),
        (1020, 1035),
        (
            "Van der Pekstraat",
            "Buikslotermeerplein",
            "Meeuwenlaan",
            "Waterlandplein",
            "Purmerweg",
            "Kamperfoelieweg",
            "Nieuwendammerdijk",
            "Zamenhofstraat",
            "Oostzanerdijk",
            "Mosplein",
        ),
        "Stadsdeelkantoor Noord, Buikslotermeerplein 2000",
    ),
    DistrictPlan(
        "Oost",
        (
            "Indische Buurt",
            "Dapperbuurt",
            "Transvaalbuurt",
            "Oosterparkbuurt",
            "Watergraafsmeer",
            "IJburg",
            "Oostelijk Havengebied",
            "Zeeburgereiland",
        ),
        (1091, 1098),
        (
            "Javastraat",
            "Dappermarkt",
            "Pretoriusstraat",
            "Linnaeusstraat",
            "Middenweg",
            "IJburglaan",
            "Czaar Peterstraat",
            "Insulindeweg",
            "Sumatrastraat",
            "Ringdijk",
            "Pampuslaan",
        ),
        "Stadsdeelkantoor Oost, Oranje-Vrijstaatplein 2",
    ),
    DistrictPlan(
        "West",
        (
            "Bos en Lommer",
            "Kolenkitbuurt",
            "De Baarsjes",
            "Mercatorbuurt",
            "Oud-West",
            "Kinkerbuurt",
            "Westerpark",
            "Staatsliedenbuurt",
            "Spaarndammerbuurt",
        ),
        (1051, 1058),
        (
            "Bos en Lommerweg",
            "Jan Evertsenstraat",
            "Mercatorplein",
            "Kinkerstraat",
            "Admiraal de Ruijterweg",
            "Van Hallstraat",
            "Spaarndammerstraat",
            "Hoofdweg",
            "Erasmusgracht",
            "Postjesweg",
            "Witte de Withstraat",
        ),
        "Stadsdeelkantoor West, Bos en Lommerplein 250",
    ),
    DistrictPlan(
        "Zuid",
        (
            "De Pijp",
            "Rivierenbuurt",
            "Schinkelbuurt",
            "Hoofddorppleinbuurt",
            "Stadionbuurt",
            "Apollobuurt",
            "Buitenveldert",
            "Museumkwartier",
        ),
        (1071, 1083),
        (
            "Ferdinand Bolstraat",
            "Albert Cuypstraat",
            "Rijnstraat",
            "Maasstraat",
            "Hoofddorpplein",
            "Olympiaplein",
            "Van Heenvlietlaan",
            "De Boelelaan",
            "Sarphatipark",
            "Scheldestraat",
        ),
        "Stadsdeelkantoor Zuid, President Kennedylaan 923",
    ),
    DistrictPlan(
        "Zuidoost",
        (
            "Bijlmer-Centrum",
            "Bijlmer-Oost",
            "Gaasperdam",
            "Holendrecht/Reigersbos",
            "Venserpolder",
            "Nellestein",
            "Driemond",
        ),
        (1101, 1109),
        (
            "Bijlmerdreef",
            "Anton de Komplein",
            "Ganzenhoef",
            "Kraaiennest",
            "Reigersbos",
            "Holendrechtplein",
            "Karspeldreef",
            "Gooiseweg",
            "Hoogoord",
            "Daalwijkdreef",
        ),
        "Stadsdeelkantoor Zuidoost, Anton de Komplein 150",
    ),
    DistrictPlan(
        "Weesp",
        ("Weesp-Centrum", "Aetsveld", "Leeuwenveld", "Weespersluis"),
        (1381, 1384),
        (
            "Nieuwstad",
            "Achtergracht",
            "Herengracht",
            "Aetsveldselaan",
            "Leeuwenveldseweg",
            "Stationsweg",
            "Hogeweyselaan",
        ),
        "Stadskantoor Weesp, Nieuwstad 70",
    ),
)

NIEUW_WEST = DISTRICTS[1]


def postcode(plan: DistrictPlan, number: int, letters: str) -> str:
    """A postcode in the district's range, e.g. ``1064 AB``."""
    low, high = plan.postcodes
    return f"{low + number % (high - low + 1)} {letters}"
