"""The district report's outcome figures: each neighbourhood's public indicators over the latest years, with a
small line per indicator so the direction shows at a glance beside the network table.

Every audience gets it (the figures are public); the gatherer reads nothing else of a neighbourhood.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing, PolyLine
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, LongTable, TableStyle

from teamlead.i18n import tr
from teamlead.reporting.model import IndicatorLine, NeighbourhoodIndicators
from teamlead.reports import pdf, scripts
from teamlead.reports.safety import pdf_plain
from teamlead.rules import formatting

SPARK_WIDTH, SPARK_HEIGHT = 18 * mm, 4 * mm
SIZE = 7


def body_indicators(table: NeighbourhoodIndicators | None) -> list[Flowable]:
    """Neighbourhood, indicator, one column per year, and its sparkline; nothing when no figure was entered."""
    if table is None or not table.lines:
        return []
    headers = [tr("Neighbourhood"), tr("Indicator"), *(str(year) for year in table.years), tr("Trend")]
    data: list[list[object]] = [list[object](headers)]
    previous = None
    for line in table.lines:
        name = line.neighbourhood if line.neighbourhood != previous else ""
        previous = line.neighbourhood
        decimals = None if all(value is None or value.is_integer() for value in line.values) else 1
        data.append(
            [
                _text(name),
                _text(line.name),
                *("" if value is None else formatting.number(value, decimals) for value in line.values),
                sparkline(line),
            ]
        )
    year_width = 13 * mm
    fixed = year_width * len(table.years) + SPARK_WIDTH + 4 * mm
    rest = pdf.CONTENT_WIDTH - fixed
    widths = [rest * 0.42, rest * 0.58, *([year_width] * len(table.years)), SPARK_WIDTH + 4 * mm]
    grid = LongTable(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    style = pdf.table_style()
    style += [
        ("FONT", (0, 0), (-1, -1), pdf.FONT, SIZE),
        ("FONT", (0, 0), (-1, 0), pdf.FONT_BOLD, SIZE),
        ("ALIGN", (2, 0), (-2, -1), "RIGHT"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    grid.setStyle(TableStyle(style))
    return [  # one block: the intro is not left at a page's foot with its table on the next
        pdf.keep(
            pdf.heading(tr("Outcome figures per neighbourhood"), level=2),
            pdf.para(
                tr(
                    "Public figures per neighbourhood and year, as entered or imported; the line shows the "
                    "years in the table."
                )
            ),
            pdf.spacer(2),
            grid,
        )
    ]


def _text(text: str) -> object:
    """Plain text as the other tables draw it; a name in another script as a paragraph that can mix fonts."""
    return pdf.para(text, "cell") if scripts.needs_care(text, pdf.FONT) else pdf_plain(text)


def sparkline(line: IndicatorLine) -> Drawing:
    """The values scaled between their own lowest and highest, a dot on the latest; gaps are skipped."""
    drawing = Drawing(SPARK_WIDTH, SPARK_HEIGHT)
    count = len(line.values)
    points = [(index, value) for index, value in enumerate(line.values) if value is not None]
    if not points:
        return drawing
    low = min(value for _index, value in points)
    high = max(value for _index, value in points)
    span = (high - low) or 1.0
    step = (SPARK_WIDTH - 4) / max(1, count - 1)

    def place(index: int, value: float) -> tuple[float, float]:
        middle = SPARK_HEIGHT / 2 if high == low else 1.5 + (value - low) / span * (SPARK_HEIGHT - 3)
        return 2 + index * step, middle

    placed = [place(index, value) for index, value in points]
    if len(placed) > 1:
        drawing.add(
            PolyLine(
                [coordinate for point in placed for coordinate in point],
                strokeColor=pdf.ACCENT,
                strokeWidth=0.9,
            )
        )
    x, y = placed[-1]
    drawing.add(Circle(x, y, 1.1, fillColor=pdf.ACCENT, strokeColor=None))
    return drawing
