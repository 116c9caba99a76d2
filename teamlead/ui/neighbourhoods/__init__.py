"""The neighbourhood page: a neighbourhood's focus, history, places, partners, signals and outcome figures."""
