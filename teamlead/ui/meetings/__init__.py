"""The Meetings section: upcoming and past meetings, recurring series, the calendar export."""
