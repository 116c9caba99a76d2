"""The Agreements section: the register of what partners agreed, with each agreement's history."""
