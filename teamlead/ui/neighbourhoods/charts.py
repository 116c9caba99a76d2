"""A small multi-year line chart of one indicator, drawn with QPainter (a handful of points needs no library)."""

from __future__ import annotations

from typing import override

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from teamlead.rules.formatting import number as format_number

LINE = QColor("#1565c0")
AXIS = QColor("#9e9e9e")


class IndicatorChart(QWidget):
    """An indicator's values over the years: first and last year under the line, each value by its point."""

    def __init__(self, name: str, values: list[tuple[int, float]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.values = sorted(values)
        self.setObjectName("indicatorChart")
        self.setAccessibleName(name)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setToolTip("\n".join(f"{year}: {format_number(value)}" for year, value in self.values))

    @override
    def sizeHint(self) -> QSize:
        return QSize(220, 120)

    @override
    def minimumSizeHint(self) -> QSize:
        return QSize(160, 120)

    def points(self, area: QRectF) -> list[QPointF]:
        """Where each value lies in ``area``: years evenly along, values from the lowest to the highest."""
        if not self.values:
            return []
        years = [year for year, _ in self.values]
        numbers = [value for _, value in self.values]
        low, high = min(numbers), max(numbers)
        span_x = max(years[-1] - years[0], 1)
        span_y = (high - low) or 1.0
        return [
            QPointF(
                area.left() + (year - years[0]) / span_x * area.width()
                if len(years) > 1
                else area.center().x(),
                area.bottom() - (value - low) / span_y * area.height() if high != low else area.center().y(),
            )
            for year, value in self.values
        ]

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        line_height = metrics.height()
        painter.setPen(self.palette().windowText().color())
        painter.drawText(QRectF(0, 0, self.width(), line_height), Qt.AlignmentFlag.AlignLeft, self.name)
        area = QRectF(
            metrics.horizontalAdvance("0000") / 2 + 4,
            line_height * 2 + 8,
            self.width() - metrics.horizontalAdvance("0000") - 8,
            self.height() - line_height * 4 - 10,
        )
        painter.setPen(QPen(AXIS, 1))
        painter.drawLine(area.bottomLeft() + QPointF(0, 4), area.bottomRight() + QPointF(0, 4))
        points = self.points(area)
        if len(points) > 1:
            painter.setPen(QPen(LINE, 2))
            painter.drawPolyline(points)
        painter.setBrush(LINE)
        painter.setPen(QPen(LINE, 1))
        for point, (year, value) in zip(points, self.values, strict=True):
            painter.drawEllipse(point, 3, 3)
            label = format_number(value)
            width = metrics.horizontalAdvance(label)
            painter.setPen(self.palette().windowText().color())
            painter.drawText(QPointF(point.x() - width / 2, point.y() - 6), label)
            year_text = str(year)
            year_width = metrics.horizontalAdvance(year_text)
            painter.setPen(AXIS)
            painter.drawText(
                QPointF(point.x() - year_width / 2, area.bottom() + 6 + metrics.ascent()), year_text
            )
            painter.setPen(QPen(LINE, 1))
        painter.end()
