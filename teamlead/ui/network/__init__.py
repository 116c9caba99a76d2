"""The Network section: the map of partners who worked together, drawn from what happened."""
