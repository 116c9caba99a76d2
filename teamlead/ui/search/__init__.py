"""Global search (Ctrl+K, Ctrl+F) over organisations, people, roles and notes."""
