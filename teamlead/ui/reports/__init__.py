"""The Reports section: district report, roster, contacts, agreements, meeting pack; the narrative."""
