"""What partners can offer the network (aanbod): an editable list, and which partner offers what."""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, String, Table
from sqlalchemy.orm import Mapped, mapped_column

from teamlead.data.base import Base, Tracked
from teamlead.rules.limits import Width


class Offer(Tracked, Base):
    """A kind of help a partner can give: a room, street presence, a parents' evening, translation..."""

    __tablename__ = "offer"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(Width.PLACE_NAME), unique=True)
    position: Mapped[int] = mapped_column(default=0)


organisation_offer = Table(
    "organisation_offer",
    Base.metadata,
    Column("organisation_id", ForeignKey("organisation.id", ondelete="CASCADE"), primary_key=True),
    Column("offer_id", ForeignKey("offer.id", ondelete="CASCADE"), primary_key=True, index=True),
)
