"""The meeting calendar outside the app: iCalendar export for Outlook, Google Calendar and Thunderbird."""
