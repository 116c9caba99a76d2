"""The converter that folds Python catalogue modules into the ``.po`` (rerun after merging a branch that still
adds to them): the ``.po``'s entries stay, new catalogue entries are added, a changed one replaces the
``.po``'s, plural and context entries are seeded, and the code's references are written."""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog

from scripts.catalogues_to_po import catalogue_entries, merged
from scripts.translations import Text


def test_a_merge_keeps_the_po_and_folds_the_catalogues_in(tmp_path: Path) -> None:
    (tmp_path / "ui.py").write_text(
        '"""Dutch."""\n\nNL: dict[str, str] = {\n    "Save": "Bewaren",\n    "New text": "Nieuwe tekst",\n'
        '    "{count} partners": "{count} partners",\n    "1 partner": "1 partner",\n}\n',
        encoding="utf-8",
    )
    dutch = catalogue_entries(tmp_path)
    assert dutch["New text"] == "Nieuwe tekst"
    old = Catalog(locale="nl", fuzzy=False)
    old.add("Kept", "Behouden")
    old.add("Save", "Opslaan")
    old.add("Done", "Afgerond", context="agreement status")
    found = {
        Text("New text"): [("teamlead/ui/x.py", 3)],
        Text("{count} partner", plural="{count} partners"): [("teamlead/ui/y.py", 7)],
        Text("Done", context="agreement status"): [("teamlead/rules/words.py", 9)],
        Text("Untranslated"): [("teamlead/ui/z.py", 1)],
    }
    result = merged(old, dutch, found)
    assert result.get("Kept").string == "Behouden"  # the .po's entry stays
    assert result.get("Save").string == "Bewaren"  # a catalogue entry replaces a differing one
    assert result.get("New text").string == "Nieuwe tekst"
    assert result.get("New text").locations == [("teamlead/ui/x.py", 3)]
    plural = result.get("{count} partner")
    assert plural.id == ("{count} partner", "{count} partners")
    assert plural.string == ("{count} partner", "{count} partners")  # seeded from "1 partner" and the plural
    assert result.get("{count} partners") is None  # no stale copies of the seeds
    assert result.get("1 partner") is None
    assert result.get("Done", context="agreement status").string == "Afgerond"
    assert result.get("Untranslated").string == ""  # the completeness test names it
    assert [message.id for message in result][1:] == sorted(
        [message.id for message in result][1:], key=lambda key: key if isinstance(key, str) else key[0]
    )
