"""The queries run on the same small world the service tests act on (both backends)."""

from tests.services.conftest import NOW, TODAY, World, world

__all__ = ["NOW", "TODAY", "World", "world"]
