"""Who to call: every active partner serving a neighbourhood, with phone numbers, at once."""
