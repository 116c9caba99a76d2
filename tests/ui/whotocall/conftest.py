"""The roster UI fixtures (a seeded SQLite database and the views' context), shared with tests/ui/partners."""

from tests.ui.partners.conftest import context, host, seed

__all__ = ["context", "host", "seed"]
