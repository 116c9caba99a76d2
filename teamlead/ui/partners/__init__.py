"""The Partners section: the roster, its table model and filter, and a partner's page."""
