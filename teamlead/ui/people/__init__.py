"""The People section, the dialogs for people and their roles over time, and click-to-copy contact details."""
