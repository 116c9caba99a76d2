"""A small district network whose key figures for 2026-Q3 are known by hand, with traps on every boundary.

Personal fields hold sentinels, so a test can prove that no city-audience file carries any of them; texts that
the network may show hold markup, formula-like values and names from many languages.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select

from teamlead.data.database import Database
from teamlead.data.models import (
    Agreement,
    AgreementStatusChange,
    District,
    Domain,
    Indicator,
    Invitee,
    Meeting,
    Narrative,
    Neighbourhood,
    NeighbourhoodEvent,
    Note,
    Organisation,
    Person,
    Place,
    Role,
    agreement_organisation,
    note_organisation,
    note_person,
    organisation_neighbourhood,
)

AMS = ZoneInfo("Europe/Amsterdam")
Q3_FROM, Q3_TO = date(2026, 7, 1), date(2026, 9, 30)

SENTINELS = {
    "person name": "Sentinelname Vertrouwelijk",
    "person phone": "06 5555 9999",
    "person email": "sentinel.private@mail.example",
    "person role": "Sentinelrole Geheim",
    "person remarks": "Sentinelremark persoonlijk",
    "note text": "Sentinelnote over een jongere",
    "status comment": "Sentinelcomment intern",
    "place name": "Sentinelplace Trapveldje",
    "place address": "Sentinelstraat 13",
    "history": "Sentinelhistory steekpartij",
    "focus": "Sentinelfocus opgave",
}
INDICATORS = {
    # (neighbourhood, indicator, year): value; public, so the city report shows the last four years
    ("Geuzenveld", "Veiligheidsindex", 2021): 130.0,
    ("Geuzenveld", "Veiligheidsindex", 2022): 102.0,
    ("Geuzenveld", "Veiligheidsindex", 2024): 88.5,
    ("Geuzenveld", "Veiligheidsindex", 2025): 81.0,
    ("Geuzenveld", "Veiligheidsindex", 2026): 79.0,
    ("Geuzenveld", "Veiligheidsindex", 2027): 1.0,  # after the period: not shown
    ("Slotervaart", "Schoolverzuim (%)", 2026): 4.2,
}
UNSAFE = {
    "formula": '=HYPERLINK("http://evil.example","klik")',
    "plus": "+SUM(1,2)",
    "at": "@x",
    "minus": "-2+3",
    "markup": "a<b & c>d <img src=x.png/>",
    "names": "Şükrü Öztürk, Zoë en Nguyễn",
}

# The figures of 2026-Q3 for Nieuw-West, worked out by hand from the data below.
EXPECTED_Q3 = {
    "partners_active": 2,
    "partners_joined": 1,
    "partners_left": 1,
    "partners_active_social": 1,
    "partners_active_care": 1,
    "partners_active_safety": 0,
    "partners_contacted_share": 0.5,
    "contact_moments": 3,
    "contact_moments_call": 1,
    "contact_moments_signal": 2,
    "contact_moments_visit": 0,
    "signals": 2,
    "meetings_held": 2,
    "meetings_held_network": 1,
    "meetings_held_reflection": 1,
    "meetings_held_partner": 0,
    "meeting_attendance_avg": 1.5,
    "agreements_made": 2,
    "agreements_done": 2,
    "agreements_overdue": 2,
    "agreements_done_on_time_share": 0.5,
}


@dataclass
class Seeded:
    district_id: int
    other_district_id: int
    organisations: dict[str, int]
    person_id: int
    meetings: dict[str, int]
    agreements: dict[str, int]


def _local(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=AMS).astimezone(UTC)


def seed(database: Database) -> Seeded:
    with database.begin() as s:
        domains = dict(s.execute(select(Domain.key, Domain.id)).all())
        nw = s.execute(insert(District).values(name="Nieuw-West").returning(District.id)).scalar_one()
        west = s.execute(insert(District).values(name="West").returning(District.id)).scalar_one()
        geuzenveld = s.execute(
            insert(Neighbourhood).values(district_id=nw, name="Geuzenveld").returning(Neighbourhood.id)
        ).scalar_one()
        slotervaart = s.execute(
            insert(Neighbourhood)
            .values(district_id=nw, name="Slotervaart", focus=SENTINELS["focus"], focus_on=date(2026, 1, 5))
            .returning(Neighbourhood.id)
        ).scalar_one()
        neighbourhood_ids = {"Geuzenveld": geuzenveld, "Slotervaart": slotervaart}
        s.execute(
            insert(Place).values(
                neighbourhood_id=geuzenveld,
                name=SENTINELS["place name"],
                kind="square",
                address=SENTINELS["place address"],
            )
        )
        s.execute(
            insert(NeighbourhoodEvent).values(
                neighbourhood_id=slotervaart, happened_on=date(2026, 8, 1), text=SENTINELS["history"]
            )
        )
        s.execute(
            insert(Indicator),
            [
                {"neighbourhood_id": neighbourhood_ids[place], "name": name, "year": year, "value": value}
                for (place, name, year), value in INDICATORS.items()
            ],
        )

        def org(
            name: str, domain: str, status: str, joined: date | None, left: date | None, district: int
        ) -> int:
            return s.execute(
                insert(Organisation)
                .values(
                    name=name,
                    domain_id=domains[domain],
                    status=status,
                    joined_on=joined,
                    left_on=left,
                    district_id=district,
                    phone="020 555 0101",
                    email="info@partner.example",
                )
                .returning(Organisation.id)
            ).scalar_one()

        orgs = {
            "o1": org(f"Jongerenwerk {UNSAFE['markup']}", "social", "active", date(2025, 1, 15), None, nw),
            "o2": org(f"Zorg {UNSAFE['names']}", "care", "active", Q3_FROM, None, nw),
            "o3": org("Politie Team Nieuw-West", "safety", "former", date(2024, 1, 1), Q3_TO, nw),
            "o4": org("Oud Buurthuis", "social", "former", date(2024, 1, 1), date(2026, 6, 30), nw),
            "o5": org("Nieuwe School", "education", "active", date(2026, 10, 1), None, nw),
            "o6": org(UNSAFE["formula"], "housing", "active", date(2024, 1, 1), None, west),
        }
        s.execute(
            insert(organisation_neighbourhood),
            [
                {"organisation_id": orgs["o1"], "neighbourhood_id": geuzenveld},
                {"organisation_id": orgs["o2"], "neighbourhood_id": geuzenveld},
                {"organisation_id": orgs["o2"], "neighbourhood_id": slotervaart},
            ],
        )
        person = s.execute(
            insert(Person)
            .values(
                name=SENTINELS["person name"],
                phone=SENTINELS["person phone"],
                email=SENTINELS["person email"],
                remarks=SENTINELS["person remarks"],
            )
            .returning(Person.id)
        ).scalar_one()
        s.execute(
            insert(Role).values(
                person_id=person,
                organisation_id=orgs["o1"],
                title=SENTINELS["person role"],
                started_on=date(2025, 1, 1),
            )
        )

        def note(day: date, kind: str, org_key: str | None) -> None:
            note_id = s.execute(
                insert(Note)
                .values(occurred_on=day, district_id=nw, kind=kind, text=SENTINELS["note text"])
                .returning(Note.id)
            ).scalar_one()
            if org_key:
                s.execute(
                    insert(note_organisation).values(
                        note_id=note_id, organisation_id=orgs[org_key], position=0
                    )
                )
            s.execute(insert(note_person).values(note_id=note_id, person_id=person))

        note(Q3_FROM, "call", "o1")
        note(Q3_TO, "signal", "o3")
        note(date(2026, 6, 30), "visit", "o2")
        note(date(2026, 10, 1), "email", "o2")
        note(date(2026, 8, 10), "signal", "o1")

        def meeting(kind: str, title: str, starts: datetime, status: str, attendance: list[str]) -> int:
            meeting_id = s.execute(
                insert(Meeting)
                .values(
                    district_id=nw,
                    kind=kind,
                    title=title,
                    starts_at=starts,
                    status=status,
                    location="Buurthuis De Honk",
                    minutes=SENTINELS["note text"],
                    reflection_goes_well="Korte lijnen" if kind == "reflection" else "",
                    reflection_need_help="Meer jongerenwerkers" if kind == "reflection" else "",
                )
                .returning(Meeting.id)
            ).scalar_one()
            for index, value in enumerate(attendance):
                s.execute(
                    insert(Invitee).values(
                        meeting_id=meeting_id,
                        organisation_id=orgs["o1"],
                        person_id=person if index == 0 else None,
                        attendance=value,
                    )
                )
            return meeting_id

        meetings = {
            "m1": meeting(
                "network",
                f"Netwerkoverleg {UNSAFE['names']}",
                _local(2026, 7, 1, 0, 30),
                "scheduled",
                ["present", "present", "excused"],
            ),
            "m2": meeting(
                "reflection", "Lokale reflectie", _local(2026, 9, 30, 23, 30), "scheduled", ["present"]
            ),
            "m3": meeting("partner", "Bilateraal", _local(2026, 8, 1, 10), "cancelled", ["present"] * 5),
            "m4": meeting("other", "Te laat", _local(2026, 10, 1, 0, 15), "scheduled", ["present"]),
        }

        def agreement(
            key: str, text: str, made: date, due: date | None, steps: list[tuple[date, str]]
        ) -> int:
            status = steps[-1][1] if steps else "open"
            agreement_id = s.execute(
                insert(Agreement)
                .values(
                    district_id=nw,
                    text=text,
                    made_on=made,
                    due_on=due,
                    status=status,
                    responsible_person_id=person,
                )
                .returning(Agreement.id)
            ).scalar_one()
            s.execute(
                insert(agreement_organisation).values(
                    agreement_id=agreement_id, organisation_id=orgs["o1"], position=0
                )
            )
            s.execute(
                insert(agreement_organisation).values(
                    agreement_id=agreement_id, organisation_id=orgs["o2"], position=1
                )
            )
            previous = None
            for day, new in [(made, "open"), *steps]:
                s.execute(
                    insert(AgreementStatusChange).values(
                        agreement_id=agreement_id,
                        changed_at=_local(day.year, day.month, day.day, 12),
                        from_status=previous,
                        to_status=new,
                        comment=SENTINELS["status comment"],
                    )
                )
                previous = new
            return agreement_id

        agreements = {
            "a1": agreement(
                "a1", UNSAFE["formula"], Q3_FROM, date(2026, 8, 1), [(date(2026, 7, 20), "done")]
            ),
            "a2": agreement(
                "a2", UNSAFE["plus"], date(2026, 5, 1), date(2026, 9, 1), [(date(2026, 9, 15), "done")]
            ),
            "a3": agreement("a3", UNSAFE["at"], date(2026, 6, 1), date(2026, 9, 29), []),
            "a4": agreement(
                "a4", UNSAFE["markup"], date(2026, 8, 1), Q3_TO, [(date(2026, 8, 2), "in_progress")]
            ),
            "a5": agreement(
                "a5", UNSAFE["minus"], date(2026, 6, 1), date(2026, 7, 15), [(date(2026, 10, 5), "done")]
            ),
        }
        s.execute(
            insert(Narrative).values(
                district_id=nw,
                period_from=Q3_FROM,
                period_to=Q3_TO,
                text=f"Een goed kwartaal. {UNSAFE['markup']}",
            )
        )
    return Seeded(nw, west, orgs, person, meetings, agreements)
