"""What users do, one function per action. Each takes a ``Session`` first, validates its input (raising
:class:`~teamlead.errors.ValidationError` naming the field), writes an audit entry without personal data, and
does not commit: the caller wraps one user action in ``with database.begin() as session:``. Edits take the
``expected_version`` the user saw and raise :class:`~teamlead.errors.ConflictError` when it changed meanwhile.

- :mod:`.geography`: ``add_district``, ``rename_district``, ``delete_district``, ``add_neighbourhood``,
  ``rename_neighbourhood`` (also to another district), ``delete_neighbourhood``, ``add_domain`` (with its
  Summary key), ``rename_domain``, ``delete_domain``; nothing in use is deleted, default domains stay.
- :mod:`.geography_merge`: ``merge_districts``, ``merge_neighbourhoods``, ``merge_domains``: every link moves.
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
- :mod:`.district_assign`: ``assign_district`` (every record of a kind without a district, at once),
  ``follow_organisations`` (notes and agreements follow a partner that gets a district),
  ``meetings_follow_series``. Every service stores a district by the one precedence
  (``_common.record_district``) when its caller gives none.
- :mod:`.contact`: ``normalise_phone`` (Dutch display form) and ``normalise_email``, for importers too.
- :mod:`.series`: recurring meetings (written separately).
- :mod:`.erasure`: erasing a person and the mechanism under it: ``plan_erasure``, ``find_mentions``,
  ``replace_mentions``, ``erase_person`` (then :func:`teamlead.data.scrub.scrub`).
- :mod:`.privacy`: a person's rights: ``access_report``, ``write_access_report``, ``backups_holding``.
- :mod:`.retention`: notes past the retention period: ``notes_past_retention``, ``delete_notes``.
- :mod:`.personal_data`: ``personal_data_warning`` for a resident's BSN or date of birth in a note,
  ``personal_data_words`` for the same in a roster's free-text cells.
- :mod:`.remarks`: ``with_remark``: an imported remark appended with its day, unless the text is there already.
- :mod:`.conflicts`: two people editing one partner: both versions side by side, a lost connection told apart.
"""
