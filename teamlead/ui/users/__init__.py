"""File → Users…: an administrator's list of who connects to a shared database, and what each may see."""
