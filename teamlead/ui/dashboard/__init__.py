"""The dashboard: what needs the team lead's attention today, loaded in the background."""
