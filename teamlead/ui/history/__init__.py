"""Who changed what: a record's history on its page, and the administrator's list of changes."""
