"""A city user's district facts: the same :class:`~teamlead.reporting.facts.DistrictFacts`, read through the
city's two paths (:mod:`teamlead.data.access.city`).

Organisations, meetings and agreements come from the city's views by the normal path's own queries (the
session reads the views in place of the tables); what is counted from notes, persons and invitees comes from
the counting functions, per whole quarter. Contact moments are keyed by their quarter's first day, which
:meth:`~teamlead.reporting.periods.Counted.counts_day` counts exactly when the quarter is in the period.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from teamlead.errors import UsageError
from teamlead.i18n import tr
from teamlead.reporting.facts import (
    DistrictFacts,
    load_agreements,
    load_domains,
    load_meetings,
    load_organisations,
)
from teamlead.reporting.figures import SIGNAL_KEYS
from teamlead.reporting.model import Value
from teamlead.reporting.periods import Period, quarter_of
from teamlead.reporting.signals import load_themes
from teamlead.reporting.summary_keys import THEME_PREFIX


def check_whole_quarters(period: Period) -> None:
    """The city's counts cover whole quarters only: anything else is the user's mistake, said plainly."""
    if quarter_of(period.start).start != period.start or quarter_of(period.end).end != period.end:
        raise UsageError(
            tr(
                "As a city user you make the district report over whole quarters only "
                "(from {start} to {end} is not): e.g. --from 2026-01-01 --to 2026-03-31.",
                start=period.start.isoformat(),
                end=period.end.isoformat(),
            )
        )


def _signal_counts(session: Session, district_id: int, span: Period) -> dict[str, Value]:
    rows: dict[str, float | None] = dict(
        session.execute(
            select(
                func.teamlead_city.signals(district_id, span.start, span.end).table_valued("figure", "value")
            )
        ).all()
    )
    closed = int(rows.get("closed") or 0)
    feedback = int(rows.get("feedback") or 0)
    counts: dict[str, Value] = {
        SIGNAL_KEYS[0]: closed,
        SIGNAL_KEYS[1]: feedback / closed if closed else None,
        SIGNAL_KEYS[2]: rows.get("median"),
    }
    for figure, value in rows.items():
        if figure.startswith("theme:"):
            counts[f"{THEME_PREFIX}{figure.removeprefix('theme:')}"] = int(value or 0)
    return counts


def load_city_facts(
    session: Session, district_id: int, window: Period, spans: Sequence[Period]
) -> DistrictFacts:
    """The facts of ``window`` with the server's counts of each of ``spans`` (the period and its trend
    quarters), all whole quarters."""
    for span in (window, *spans):
        check_whole_quarters(span)
    notes_by_day = {
        (quarter, kind): int(moments)
        for quarter, kind, moments in session.execute(
            select(
                func.teamlead_city.notes(district_id, window.start, window.end).table_valued(
                    "quarter", "kind", "moments"
                )
            )
        )
    }
    contacted = {
        span: int(
            session.scalar(select(func.teamlead_city.contacted(district_id, span.start, span.end))) or 0
        )
        for span in spans
    }
    return DistrictFacts(
        window=window,
        domains=load_domains(session),
        organisations=load_organisations(session, district_id),
        notes_by_day=notes_by_day,
        contacts={},
        meetings=load_meetings(session, district_id, window),
        agreements=load_agreements(session, district_id, window),
        themes=load_themes(session),
        signals=[],
        contacted=contacted,
        signal_counts={span: _signal_counts(session, district_id, span) for span in spans},
    )
