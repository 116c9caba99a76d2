"""What users do, one function per action. Each takes a ``Session`` first, validates its input (raising
:class:`~teamlead.errors.ValidationError` naming the field), writes an audit entry without personal data, and
does not commit: the caller wraps one user action in ``with database.begin() as session:``. Edits take the
``expected_version`` the user saw and raise :class:`~teamlead.errors.ConflictError` when it changed meanwhile.

- :mod:`.geography`: ``add_district``, ``rename_district``, ``find_district`` (the query's rule, from
  :mod:`teamlead.data.queries.districts`), ``add_neighbourhood``,
  ``rename_neighbourhood``, ``add_domain``, ``rename_domain``.
- :mod:`.organisations`: ``OrganisationInput``, ``add_organisation``, ``edit_organisation``,
  ``archive_organisation``, ``reactivate_organisation``.
- :mod:`.persons`: ``PersonInput``, ``add_person``, ``edit_person``, ``start_role`` (a second role),
  ``change_role``, ``end_role``, ``move_person``.
- :mod:`.notes`: ``NoteInput``, ``log_note``, ``edit_note``, ``set_follow_up_done``, ``delete_note``.
- :mod:`.meetings`: ``MeetingInput``, ``schedule_meeting``, ``edit_meeting``, ``change_meeting`` (title,
  place, start), ``cancel_meeting``, ``record_attendance``, ``save_minutes``, ``Reflection``,
  ``save_reflection``, ``save_meeting_page`` (attendance, minutes and reflection in one save).
- :mod:`.agenda`: ``add_agenda_item``, ``reorder_agenda``, ``remove_agenda_item``, ``carry_forward`` (open
  agreements with the invited partners as agenda items), ``carry_forward_and_link``.
- :mod:`.agreements`: ``AgreementInput``, ``make_agreement``, ``edit_agreement``, ``change_status``,
  ``link_meeting``, ``agreement_from_decision``.
- :mod:`.narratives`: ``get_narrative``, ``save_narrative``.
- :mod:`.contact`: ``normalise_phone`` (Dutch display form) and ``normalise_email``, for importers too.
- :mod:`.series`: recurring meetings (written separately).
- :mod:`.erasure`: erasing a person and the mechanism under it: ``plan_erasure``, ``find_mentions``,
  ``replace_mentions``, ``erase_person`` (then :func:`teamlead.data.scrub.scrub`).
- :mod:`.privacy`: a person's rights: ``access_report``, ``write_access_report``, ``backups_holding``.
- :mod:`.retention`: notes past the retention period: ``notes_past_retention``, ``delete_notes``.
- :mod:`.personal_data`: ``personal_data_warning`` for a resident's BSN or date of birth in a note.
- :mod:`.conflicts`: two people editing one partner: both versions side by side, a lost connection told apart.
"""
