"""Making files from the database: the layer above :mod:`teamlead.reporting` (gathering) and
:mod:`teamlead.reports` (writing), which joins the two; the CLI and the screens call it."""
