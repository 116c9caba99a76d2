"""Read-only queries for the screens, one module per question. Each returns plain immutable rows (frozen
dataclasses), never live ORM objects, so the UI can hold them across threads; each runs a fixed number of
statements whatever the number of rows. Screens read only through these (no SQL under ``teamlead/ui``).

- :mod:`.roster`: ``roster`` (one ``RosterRow`` per organisation with contact state), ``contact_state``.
- :mod:`.organisation`: ``organisation_detail``, ``partner_timeline``.
- :mod:`.partner_page`: ``partner_page`` (fields, people with their numbers, timeline), ``role_lines``.
- :mod:`.people`: ``people``, ``person_detail`` (role history), ``who_to_call`` (crisis list by domain).
- :mod:`.notes`: ``notes`` with filters (``NoteRow``).
- :mod:`.meetings`: ``meetings``, ``meeting_detail`` (``MeetingRow``).
- :mod:`.meeting_list`: the Meetings list (``MeetingListRow``: every meeting with its invited partners).
- :mod:`.meeting_page`: a meeting's page (proposed agreements, what was agreed, whom to agree with).
- :mod:`.agreements`: ``agreements``, ``agreement_history`` (``AgreementRow``).
- :mod:`.agreements_register`: the Agreements register (``register_rows``, ``agreement_detail``).
- :mod:`.dashboard`: ``upcoming_meetings``.
- :mod:`.dashboard_lists`: the dashboard as shown (``load_dashboard``: the first rows of each list, counted).
- :mod:`.name_choices`: the partners (never former ones) and people a picker offers.
- :mod:`.invitees`: whom a meeting can invite (partners, and people at a partner), and how an invitee is named.
- :mod:`.filter_choices`: districts, domains and neighbourhoods for filter bars and editors.
- :mod:`.districts`: ``all_districts``, ``find_district`` (the one rule for a typed district name),
  ``district_for`` (the one precedence for a new record's district).
- :mod:`.default_district`: the user's default district by id per database (``default_district``,
  ``save_default_district``), ``district_for_user`` (the precedence with it), ``district_choice`` (for forms).
- :mod:`.districtless`: ``districtless_counts`` (records without a district, per kind).
- :mod:`.geography`: the settings page's districts, neighbourhoods and domains with what uses each (``Usage``).
- :mod:`.empty`: ``has_records`` (is the database empty?).
"""
