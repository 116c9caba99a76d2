"""Notes and signals: the "Log a contact moment" dialog (Ctrl+L) and the Notes & signals section."""
