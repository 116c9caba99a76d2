"""Who may see what on a shared PostgreSQL database, kept in PostgreSQL's own catalogs.

Roles, grants, helper functions and row-level security policies live in the server, not in Teamlead's
tables, so that neither a modified app nor a plain ``psql`` session gets past them, and so that installing
them needs no schema revision: :func:`~teamlead.data.access.install.install_access` puts them in place (again)
whenever an administrator manages users or upgrades the schema.
"""
