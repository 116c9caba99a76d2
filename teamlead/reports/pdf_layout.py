"""Page layout rules every PDF report shares: a heading never ends a page, and every heading is an entry in
the PDF's outline (the bookmarks a reader's side panel shows), so a long appendix is easy to move through.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, Paragraph

HEADING_LEVELS = {"title": 0, "h1": 0, "h2": 1}
"""Paragraph styles that are headings, and their level in the outline."""


class Heading(Paragraph):  # type: ignore[misc]  # reportlab ships no types
    """A heading paragraph that marks its page in the outline when drawn."""

    def __init__(self, text: str, style: Any, outline: str) -> None:
        super().__init__(text, style)
        self.outline = outline
        """The plain text the outline shows."""

    def draw(self) -> None:
        super().draw()
        canvas = self.canv
        key = f"h{id(self)}"
        canvas.bookmarkPage(key, fit="XYZ", top=None)
        canvas.addOutlineEntry(self.outline, key, level=_outline_level(canvas, self.style.name), closed=False)


def _outline_level(canvas: Any, style: str) -> int:
    """The heading's level, never more than one deeper than the entry before (the PDF outline's rule)."""
    wanted = HEADING_LEVELS.get(style, 0)
    last = getattr(canvas, "_last_outline_level", -1)
    level = min(wanted, last + 1)
    canvas._last_outline_level = level
    return level


def is_heading(flowable: Flowable) -> bool:
    return isinstance(flowable, Paragraph) and flowable.style.name in ("h1", "h2")


class WithNext(Flowable):  # type: ignore[misc]  # reportlab ships no types
    """A heading and what follows it, placed so the heading never stands alone at the foot of a page: they start
    on the same page, the follower split there if it is long (a table keeps its first rows under its heading).

    Never drawn as one piece: :meth:`wrap` claims more room than there is, so the frame always asks
    :meth:`split`, which hands back the heading and the follower (or its first part) when both fit, and
    nothing — the next page — when they do not.
    """

    def __init__(self, heading: Flowable, following: Flowable) -> None:
        super().__init__()
        self.heading = heading
        self.following = following

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab's name
        return float(self.heading.getSpaceBefore())

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return available_width, available_height + 1

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        canvas = self.canv
        _, heading_height = self.heading.wrapOn(canvas, available_width, available_height)
        gap = max(self.heading.getSpaceAfter(), self.following.getSpaceBefore())
        room = available_height - heading_height - gap
        at_top = bool(getattr(getattr(self, "_frame", None), "_atTop", False))
        if room > 0:
            if not isinstance(self.following, WithNext):
                _, height = self.following.wrapOn(canvas, available_width, room)
                if height <= room:
                    return [self.heading, self.following]
            pieces = self.following.splitOn(canvas, available_width, room)
            if pieces:
                return [self.heading, *pieces]
        # Nothing of the follower fits under the heading: both to the next page, unless this is one already.
        return [self.heading, self.following] if at_top else []


def keep_headings_with_next(story: list[Flowable]) -> list[Flowable]:
    """``story`` with every heading bound to what follows it (a heading before a heading binds to both)."""
    result: list[Flowable] = []
    for flowable in reversed(story):
        if is_heading(flowable) and result and not _is_action(result[-1]):
            result[-1] = WithNext(flowable, result[-1])
        else:
            result.append(flowable)
    return result[::-1]


def _is_action(flowable: Flowable) -> bool:
    """Page breaks and other actions are not content a heading could stand above."""
    from reportlab.platypus.doctemplate import ActionFlowable

    return isinstance(flowable, ActionFlowable)
