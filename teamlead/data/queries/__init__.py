"""Read-only queries for the screens. Each returns plain immutable rows (frozen dataclasses), never live ORM
objects, so the UI can hold them across threads; each aggregates in SQL with a fixed number of statements.

- :mod:`.roster`: ``roster`` (one ``RosterRow`` per organisation with contact state), ``contact_state``.
- :mod:`.organisation`: ``organisation_detail``, ``partner_timeline``.
- :mod:`.people`: ``people``, ``person_detail`` (role history), ``who_to_call`` (crisis list by domain).
- :mod:`.notes`: ``notes`` with filters (``NoteRow``).
- :mod:`.meetings`: ``meetings``, ``meeting_detail`` (``MeetingRow``).
- :mod:`.agreements`: ``agreements``, ``agreement_history`` (``AgreementRow``).
- :mod:`.dashboard`: ``overdue_partners``, ``follow_ups_due``, ``upcoming_meetings``, ``agreements_due``,
  ``recent_signals``, ``dashboard_counts``.
"""
