"""Dutch catalogues, one module per area; each defines ``NL: dict[str, str]`` (English source -> Dutch)."""
