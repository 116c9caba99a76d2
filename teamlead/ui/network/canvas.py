"""The network map on screen: the layout of :mod:`teamlead.reports.network.layout`, drawn with Qt.

The same layout the files show, so the picture on screen is the picture in the report. The wheel and
Ctrl+plus/minus zoom, dragging pans, Ctrl+0 fits the map to the window; hovering a partner lights up its ties
(its neighbours and the links to them) and shows its name, domain and activity; hovering a link shows the two
names and the weight; a click on a partner's dot or name emits :attr:`MapCanvas.partner_clicked`.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPoint, QRectF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsLineItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from teamlead.i18n import tr
from teamlead.reports.network import style
from teamlead.reports.network.layout import Dot, Label, Layout, Stroke
from teamlead.reports.network.svg import link_details

NODE = 0
"""The item's data key holding the partner's id (dots and names)."""
FONT_PIXELS = 60
"""Text is set at 60 pixels and scaled down to its size in points: sharp at any zoom, fractional sizes."""
MARGIN = 18.0
ZOOM_STEP = 1.25
CLICK_SLOP = 4


@cache
def map_font_family() -> str:
    """DejaVu Sans, loaded from Teamlead's own fonts: the names have the widths the layout measured."""
    loaded = QFontDatabase.addApplicationFont(str(style.FONT_FILE))
    QFontDatabase.addApplicationFont(str(style.FONT_BOLD_FILE))
    families = QFontDatabase.applicationFontFamilies(loaded) if loaded >= 0 else []
    return families[0] if families else "DejaVu Sans"


def _font(bold: bool) -> QFont:
    font = QFont(map_font_family())
    font.setPixelSize(FONT_PIXELS)
    font.setBold(bold)
    return font


class MapCanvas(QGraphicsView):
    """A zoomable, pannable view of one :class:`Layout`."""

    partner_clicked = Signal(int)
    """A partner's dot or name was clicked (its organisation id)."""
    partner_hovered = Signal(int)
    """The pointer is over a partner (its id), or left it (0): its ties are lit up meanwhile."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("networkCanvas")
        self.setAccessibleName(tr("Network map"))
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(QBrush(QColor(style.BACKGROUND)))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.layout_shown: Layout | None = None
        self.highlighted: int | None = None
        self._dots: dict[int, QGraphicsEllipseItem] = {}
        self._strokes: list[tuple[Stroke, QGraphicsLineItem]] = []
        self._pressed: QPoint | None = None
        for name, keys, slot in (
            ("zoomIn", (QKeySequence.StandardKey.ZoomIn, "Ctrl+="), lambda: self.zoom(ZOOM_STEP)),
            ("zoomOut", (QKeySequence.StandardKey.ZoomOut,), lambda: self.zoom(1 / ZOOM_STEP)),
            ("zoomFit", ("Ctrl+0",), self.fit),
        ):
            action = QAction(self)
            action.setObjectName(name)
            action.setShortcuts([QKeySequence(key) for key in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

    # -- drawing ----------------------------------------------------------------------------------------

    def show_layout(self, layout: Layout) -> None:
        """Replace the picture with ``layout`` and fit it to the window."""
        scene = self.scene()
        scene.clear()
        self._dots.clear()
        self._strokes.clear()
        self.highlighted = None
        self.layout_shown = layout
        scene.setSceneRect(QRectF(-MARGIN, -MARGIN, layout.width + 2 * MARGIN, layout.height + 2 * MARGIN))
        names = {dot.node.id: dot.node.name for dot in layout.dots if dot.node is not None}
        for stroke in layout.strokes:
            self._strokes.append((stroke, self._stroke_item(stroke, names)))
        backdrop = QColor(style.BACKGROUND)
        backdrop.setAlphaF(style.BACKDROP)
        margin = style.BACKDROP_MARGIN
        for label in layout.labels:
            box = label.box
            rect = scene.addRect(
                QRectF(box.x - margin, box.y - margin, box.width + 2 * margin, box.height + 2 * margin),
                QPen(Qt.PenStyle.NoPen),
                QBrush(backdrop),
            )
            rect.setZValue(1)
        for dot in layout.dots:
            item = self._dot_item(dot)
            if dot.node is not None:
                self._dots[dot.node.id] = item
        for label in layout.labels:
            self._label_item(label)
        self.fit()

    def _stroke_item(self, stroke: Stroke, names: dict[int, str]) -> QGraphicsLineItem:
        colour = QColor(stroke.colour)
        colour.setAlphaF(style.LINK_OPACITY)
        pen = QPen(colour, stroke.width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        item = self.scene().addLine(stroke.x1, stroke.y1, stroke.x2, stroke.y2, pen)
        link = stroke.link
        details = link_details(link.meetings, link.agreements, link.contacts)
        item.setToolTip(f"{names[link.source]} — {names[link.target]}\n{link.weight:.2f} ({details})")
        return item

    def _dot_item(self, dot: Dot) -> QGraphicsEllipseItem:
        radius = dot.radius
        item = self.scene().addEllipse(
            QRectF(dot.x - radius, dot.y - radius, 2 * radius, 2 * radius),
            QPen(QColor(style.BACKGROUND), 0.6),
            QBrush(QColor(dot.colour)),
        )
        item.setZValue(2)
        if dot.node is not None:
            node = dot.node
            item.setData(NODE, node.id)
            item.setToolTip(
                f"{node.name}\n{node.domain or tr('No domain')} · "
                + tr("activity {count}", count=node.activity)
            )
            item.setAcceptHoverEvents(True)
            item.setCursor(Qt.CursorShape.PointingHandCursor)
        return item

    def _label_item(self, label: Label) -> QGraphicsSimpleTextItem:
        font = _font(label.bold)
        item = self.scene().addSimpleText(label.text, font)
        item.setBrush(QBrush(QColor(label.colour)))
        scale = label.size / FONT_PIXELS
        item.setScale(scale)
        item.setPos(label.x, label.baseline - QFontMetricsF(font).ascent() * scale)
        item.setZValue(3)
        if label.node_id is not None:
            item.setData(NODE, label.node_id)
            item.setCursor(Qt.CursorShape.PointingHandCursor)
            dot = self._dots.get(label.node_id)
            if dot is not None:
                item.setToolTip(dot.toolTip())
        return item

    # -- zoom, pan, hover and click --------------------------------------------------------------------

    def fit(self) -> None:
        self.resetTransform()
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def zoom(self, factor: float) -> None:
        current = self.transform().m11()
        wanted = min(max(current * factor, 0.05), 20.0)
        self.scale(wanted / current, wanted / current)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom(ZOOM_STEP**steps)
        event.accept()

    def node_at(self, point: QPoint) -> int | None:
        """The partner whose dot or name is under ``point`` (viewport coordinates), if any."""
        for item in self.items(point):
            node_id = item.data(NODE)
            if node_id is not None:
                return int(node_id)
        return None

    def node_point(self, node_id: int) -> QPoint:
        """Where a partner's dot is in viewport coordinates (for a click, and the tests)."""
        return self.mapFromScene(self._dots[node_id].rect().center())

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        self._pressed = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        super().mouseReleaseEvent(event)
        pressed, self._pressed = self._pressed, None
        point = event.position().toPoint()
        if event.button() != Qt.MouseButton.LeftButton or pressed is None:
            return
        if (point - pressed).manhattanLength() > CLICK_SLOP:
            return  # a drag: the map was panned
        node_id = self.node_at(point)
        if node_id is not None:
            self.partner_clicked.emit(node_id)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        super().mouseMoveEvent(event)
        if self._pressed is None:
            self.highlight(self.node_at(event.position().toPoint()))

    def leaveEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        self.highlight(None)
        super().leaveEvent(event)  # type: ignore[arg-type]

    def highlight(self, node_id: int | None) -> None:
        """Light up a partner's ties (None: show every link as usual)."""
        if node_id == self.highlighted:
            return
        self.highlighted = node_id
        neighbours: set[int] = set()
        for stroke, item in self._strokes:
            pen = item.pen()
            touches = node_id is not None and node_id in (stroke.link.source, stroke.link.target)
            if touches:
                neighbours.update((stroke.link.source, stroke.link.target))
            colour = QColor(style.HIGHLIGHT if touches else stroke.colour)
            colour.setAlphaF(1.0 if touches else (0.15 if node_id is not None else style.LINK_OPACITY))
            pen.setColor(colour)
            pen.setWidthF(stroke.width * (2 if touches else 1))
            item.setPen(pen)
            item.setZValue(0.5 if touches else 0)
        for dot_id, dot_item in self._dots.items():
            lit = node_id is not None and dot_id in neighbours
            dot_item.setPen(QPen(QColor(style.HIGHLIGHT if lit else style.BACKGROUND), 1.2 if lit else 0.6))
        self.partner_hovered.emit(node_id or 0)

    def neighbours_lit(self) -> set[int]:
        """The partners lit up now (the hovered one and its neighbours)."""
        return {
            node_id
            for node_id, item in self._dots.items()
            if item.pen().color().name() == QColor(style.HIGHLIGHT).name()
        }
