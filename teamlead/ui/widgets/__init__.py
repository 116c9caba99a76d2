"""What the screens share, so that no feature folder borrows from another (tests/ui/test_feature_folders.py).

- :mod:`.rows_model`: ``RowsModel``, the one base of every table model over plain rows (sort key, row role).
- :mod:`.record_table`: ``RecordTableModel`` and ``RecordTable``, compact lists whose rows open a record.
- :mod:`.roles_model`, :mod:`.timeline_model`: a person's roles over time, a record's history.
- :mod:`.tables`: the plain sortable table view the record pages use.
- :mod:`.forms`: ``FieldForm`` (a refused value's message beside its field), ``show_save_error``, ``confirm``.
- :mod:`.inputs`: date editor, an Escape-clears filter line.
- :mod:`.completion_list`: the one way to pick records by typing: ``CompletionList`` (several) and
  ``CompletionField`` (one); the matching, ``(#id)`` labels, people-first order and Enter rule they share are in
  :mod:`.completion`.
- :mod:`.pick_list`: pick several records by id (partners, people) by typing part of their names.
- :mod:`.district_field`: ``DistrictField``, the district of the record a form makes or edits, pre-filled by
  the one precedence (``start``, ``suggest_from``), changeable; never "(no district)" when there is one.
- :mod:`.copy_label`: a phone number or e-mail address that copies itself on a click.
- :mod:`.splitter`: a list with a record's page beside it.
- :mod:`.formatting`: dates, times and texts as the screens show them.
"""
