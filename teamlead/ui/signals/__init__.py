"""Signal rounds: following a signal up (its round), and asking a partner about it."""
