"""The desktop side of safety: backups, damaged databases, one instance, conflicts, privacy dialogs."""
