"""Dutch for the roster import: the CLI's lines and messages, refusals of bad files, and the wizard.

The word ``row`` and the numbers stay as they are in every language (``shared/interface.md``), so scripts can
read the lines whatever the language.
"""

NL: dict[str, str] = {
    # the command
    "import a roster (.xlsx or .csv) or a workbook made by export": (
        "een partnerlijst (.xlsx of .csv) importeren, of een werkmap gemaakt met export"
    ),
    "Import a roster, one row per person (.xlsx or .csv), or read back a workbook made by export into an "
    "empty database. The import is one transaction: all of it, or nothing.": (
        "Importeer een partnerlijst, een rij per persoon (.xlsx of .csv), of lees een werkmap gemaakt met "
        "export terug in een lege database. De import is één transactie: alles, of niets."
    ),
    "the .xlsx or .csv file": "het .xlsx- of .csv-bestand",
    "report what would happen; change nothing": "meld wat er zou gebeuren; verander niets",
    "the sheet to read (default: the first roster)": "het te lezen werkblad (standaard: de eerste partnerlijst)",
    "home district of the imported partners (created if new)": (
        "thuisgebied van de geïmporteerde partners (aangemaakt als het nieuw is)"
    ),
    # the lines
    "no organisation; the row was skipped.": "geen organisatie; de rij is overgeslagen.",
    "the phone number {value} looks wrong; kept as written.": (
        "het telefoonnummer {value} lijkt niet te kloppen; overgenomen zoals geschreven."
    ),
    "the e-mail address {value} looks wrong; kept as written.": (
        "het e-mailadres {value} lijkt niet te kloppen; overgenomen zoals geschreven."
    ),
    "{field} is longer than {limit} characters and was cut.": (
        "{field} is langer dan {limit} tekens en is ingekort."
    ),
    "the neighbourhood {name} is not known and there is no district to add it to (give --district); "
    "left out.": (
        "de buurt {name} is onbekend en er is geen gebied om hem aan toe te voegen (geef --district); "
        "weggelaten."
    ),
    'merged: organisation "{name}" (row {row}) is "{other}" (row {other_row})': (
        'samengevoegd: organisatie "{name}" (row {row}) is "{other}" (row {other_row})'
    ),
    'merged: organisation "{name}" (row {row}) is the existing "{other}"': (
        'samengevoegd: organisatie "{name}" (row {row}) is het bestaande "{other}"'
    ),
    'merged: person "{name}" (row {row}) is "{other}" (row {other_row}) at {organisation}': (
        'samengevoegd: persoon "{name}" (row {row}) is "{other}" (row {other_row}) bij {organisation}'
    ),
    'merged: person "{name}" (row {row}) is the existing "{other}" at {organisation}': (
        'samengevoegd: persoon "{name}" (row {row}) is de bestaande "{other}" bij {organisation}'
    ),
    'possible duplicate: organisation "{name}" (row {row}) and "{other}" (row {other_row})': (
        'mogelijk dubbel: organisatie "{name}" (row {row}) en "{other}" (row {other_row})'
    ),
    'possible duplicate: organisation "{name}" (row {row}) and the existing "{other}"': (
        'mogelijk dubbel: organisatie "{name}" (row {row}) en het bestaande "{other}"'
    ),
    'possible duplicate: person "{name}" (row {row}) and "{other}" at {organisation}': (
        'mogelijk dubbel: persoon "{name}" (row {row}) en "{other}" bij {organisation}'
    ),
    "new domain: {name}": "nieuw domein: {name}",
    "new neighbourhood: {name}": "nieuwe buurt: {name}",
    "new district: {name}": "nieuw gebied: {name}",
    "remarks: {organisations} added to partners and {persons} to persons, {known} already "
    "there (a remark is no contact moment)": (
        "opmerkingen: {organisations} toegevoegd aan partners en {persons} aan personen, {known} stonden er "
        "al (een opmerking is geen contactmoment)"
    ),
    "the {field} cell seems to hold {what}; a roster is about the network: please "
    "leave a resident's personal data out.": (
        "de cel {field} lijkt {what} te bevatten; een partnerlijst gaat over het netwerk: laat "
        "persoonsgegevens van bewoners weg."
    ),
    "Remarks": "Opmerkingen",
    "organisations: {orgs_added} added, {orgs_merged} merged; persons: {persons_added} added, "
    "{persons_merged} merged; rows skipped: {skipped}": (
        "organisaties: {orgs_added} toegevoegd, {orgs_merged} samengevoegd; personen: {persons_added} "
        "toegevoegd, {persons_merged} samengevoegd; rijen overgeslagen: {skipped}"
    ),
    "; home district: {name} (the database's only district)": (
        "; stadsdeel: {name} (het enige stadsdeel van de database)"
    ),
    "; no home district (the database has several; give --district)": (
        "; geen stadsdeel (de database heeft er meerdere; geef --district)"
    ),
    "export read back: {records} records in {tables} tables": (
        "export teruggelezen: {records} records in {tables} tabellen"
    ),
    "Importing the roster": "De partnerlijst wordt geïmporteerd",
    "Reading back the export": "De export wordt teruggelezen",
    "The import was cancelled; the database is unchanged.": (
        "De import is afgebroken; de database is niet veranderd."
    ),
    "{name} was changed while importing; import the file again.": (
        "{name} is tijdens het importeren gewijzigd; importeer het bestand opnieuw."
    ),
    # refusals
    "Cannot import {name}: {reason}": "{name} kan niet worden geïmporteerd: {reason}",
    "it is not a file.": "het is geen bestand.",
    "it cannot be opened ({error}).": "het kan niet worden geopend ({error}).",
    "the file is empty.": "het bestand is leeg.",
    "the file is {size} MB; a roster may be at most {limit} MB.": (
        "het bestand is {size} MB; een partnerlijst mag hoogstens {limit} MB zijn."
    ),
    "this is an old Excel file (.xls). Save it as .xlsx (Excel workbook) or .csv and try again.": (
        "dit is een oud Excel-bestand (.xls). Sla het op als .xlsx (Excel-werkmap) of .csv en probeer het "
        "opnieuw."
    ),
    "the workbook is protected with a password. Save it without a password and try again.": (
        "de werkmap is beveiligd met een wachtwoord. Sla hem op zonder wachtwoord en probeer het opnieuw."
    ),
    "it is not a spreadsheet (the file's contents are not an Excel workbook).": (
        "het is geen spreadsheet (de inhoud van het bestand is geen Excel-werkmap)."
    ),
    "it is not an Excel workbook (.xlsx).": "het is geen Excel-werkmap (.xlsx).",
    "the workbook is damaged ({error}).": "de werkmap is beschadigd ({error}).",
    "the workbook has no sheets.": "de werkmap heeft geen werkbladen.",
    "its contents would inflate to {size} MB, more than a roster can be ({limit} MB).": (
        "uitgepakt zou de inhoud {size} MB zijn, meer dan een partnerlijst kan zijn ({limit} MB)."
    ),
    "it has {rows} rows; at most {limit} can be imported.": (
        "het heeft {rows} rijen; er kunnen er hoogstens {limit} worden geïmporteerd."
    ),
    "it has {cells} cells; at most {limit} can be imported.": (
        "het heeft {cells} cellen; er kunnen er hoogstens {limit} worden geïmporteerd."
    ),
    "it is not a spreadsheet or a text file.": "het is geen spreadsheet en geen tekstbestand.",
    "it is not text in UTF-8 or Windows-1252.": "het is geen tekst in UTF-8 of Windows-1252.",
    "line {line} cannot be read as CSV ({error}).": "regel {line} is niet als CSV te lezen ({error}).",
    "no recognisable header row. The roster needs a row of column names such as Organisatie, Naam, "
    "Functie, Telefoon, E-mail (or Organisation, Name, Role, Phone, Email).": (
        "geen herkenbare kopregel. De partnerlijst heeft een rij kolomnamen nodig zoals Organisatie, Naam, "
        "Functie, Telefoon, E-mail (of Organisation, Name, Role, Phone, Email)."
    ),
    "there is no Organisation (Organisatie) column, so no row says which partner it is about.": (
        "er is geen kolom Organisatie, dus geen rij zegt over welke partner hij gaat."
    ),
    "There is no sheet {sheet} in {name}; its sheets are: {sheets}.": (
        "Er is geen werkblad {sheet} in {name}; de werkbladen zijn: {sheets}."
    ),
    # the export read back
    "it is an export of format version {version}; this Teamlead reads version {expected}.": (
        "het is een export met formaatversie {version}; deze Teamlead leest versie {expected}."
    ),
    "sheet {sheet}, row {row}, column {column}: {reason}": "werkblad {sheet}, row {row}, kolom {column}: {reason}",
    "it is empty, and this column needs a value.": "de cel is leeg, en deze kolom heeft een waarde nodig.",
    "it is not true or false.": "het is niet waar of onwaar (true/false).",
    "it is not a whole number.": "het is geen geheel getal.",
    "it is beyond the largest number this column holds ({limit}).": (
        "het is groter dan het grootste getal dat deze kolom kan bevatten ({limit})."
    ),
    "it is not a date and time.": "het is geen datum met tijd.",
    "it is not a time of day.": "het is geen tijdstip op de dag.",
    "it is not a date.": "het is geen datum.",
    "it is not text.": "het is geen tekst.",
    "it holds a character a database cannot store (NUL).": (
        "het bevat een teken dat een database niet kan opslaan (NUL)."
    ),
    "it is longer than the {limit} characters this column holds.": (
        "het is langer dan de {limit} tekens die deze kolom kan bevatten."
    ),
    "the sheet {sheet} is missing.": "het werkblad {sheet} ontbreekt.",
    "the sheet {sheet} has no header row.": "het werkblad {sheet} heeft geen kopregel.",
    "the sheet {sheet} lacks the column {column}, which needs a value and has no default.": (
        "het werkblad {sheet} mist de kolom {column}, die een waarde nodig heeft en geen standaardwaarde heeft."
    ),
    "it was made by a newer Teamlead (schema {revision}). Update Teamlead to read it.": (
        "het is gemaakt door een nieuwere Teamlead (schema {revision}). Werk Teamlead bij om het te lezen."
    ),
    "an id is a whole number from 1 up.": "een id is een geheel getal vanaf 1.",
    "the same as in row {other}, and it must be unique.": "hetzelfde als in row {other}, en het moet uniek zijn.",
    "it points to no row of the sheet {sheet}.": "het verwijst naar geen enkele rij van het werkblad {sheet}.",
    "it is none of {allowed}.": "het is geen van {allowed}.",
    "it is not a time zone of the IANA list.": "het is geen tijdzone uit de IANA-lijst.",
    "it is not a repetition rule a meeting series can have.": (
        "het is geen herhaling die een vergaderreeks kan hebben."
    ),
    "it is not a local start written as YYYY-MM-DDTHH:MM.": (
        "het is geen lokale begintijd in de vorm YYYY-MM-DDTHH:MM."
    ),
    "the database refused a row of the sheet {sheet} ({problem}).": (
        "de database weigerde een rij van het werkblad {sheet} ({problem})."
    ),
    "An export is read back only into an empty database, and this one already holds records ({table}). "
    "Use --database with a new file.": (
        "Een export wordt alleen in een lege database teruggelezen, en deze bevat al gegevens ({table}). "
        "Gebruik --database met een nieuw bestand."
    ),
    # the wizard
    "&Import roster…": "Partnerlijst &importeren…",
    "&Import a roster…": "Partnerlijst &importeren…",
    "Import a roster": "Partnerlijst importeren",
    "Row": "Rij",
    "Problems": "Problemen",
    "Choose the roster": "Kies de partnerlijst",
    "An Excel workbook (.xlsx) or a CSV file with one row per contact person, or a workbook made by "
    "Teamlead's export.": (
        "Een Excel-werkmap (.xlsx) of een CSV-bestand met een rij per contactpersoon, of een werkmap "
        "gemaakt met de export van Teamlead."
    ),
    "Path of the file": "Pad van het bestand",
    "Br&owse…": "&Bladeren…",
    "The home district of the imported partners; a new name creates it.": (
        "Het thuisgebied van de geïmporteerde partners; een nieuwe naam maakt het aan."
    ),
    "&File:": "Be&stand:",
    "Home &district:": "Thuis&gebied:",
    "Spreadsheets (*.xlsx *.csv);;All files (*)": "Spreadsheets (*.xlsx *.csv);;Alle bestanden (*)",
    "Reading {name}…": "{name} wordt gelezen…",
    "{name} is a Teamlead export: it is read back whole into this (empty) database.": (
        "{name} is een export van Teamlead: hij wordt in zijn geheel teruggelezen in deze (lege) database."
    ),
    "{name}: {count} sheet(s) read.": "{name}: {count} werkblad(en) gelezen.",
    "Choose the sheet": "Kies het werkblad",
    "Sheets where Teamlead found a row of column names are marked as rosters.": (
        "Werkbladen waarin Teamlead een rij kolomnamen vond, zijn gemarkeerd als partnerlijst."
    ),
    "&Sheets:": "&Werkbladen:",
    "{sheet} — roster, {rows} rows": "{sheet} — partnerlijst, {rows} rijen",
    "{sheet} — no column names found": "{sheet} — geen kolomnamen gevonden",
    "Check the columns": "Controleer de kolommen",
    "Teamlead recognised these columns. Change one where it guessed wrong.": (
        "Teamlead herkende deze kolommen. Verander er een als de gok niet klopt."
    ),
    "(not imported)": "(niet importeren)",
    "Preview": "Voorbeeld",
    "Each row as it will be imported. Rows with problems are shown in red.": (
        "Elke rij zoals hij geïmporteerd wordt. Rijen met problemen staan in rood."
    ),
    "Rows to import": "Te importeren rijen",
    "Working out what the import would do…": "Uitzoeken wat de import zou doen…",
    "{summary}. Rows with a problem: {problems}.": "{summary}. Rijen met een probleem: {problems}.",
    "Merges and possible duplicates": "Samenvoegingen en mogelijke dubbelen",
    "Ticked lines are merged. Untick a merge to keep the records apart; tick a possible duplicate to merge "
    "it. Space ticks the selected line.": (
        "Aangevinkte regels worden samengevoegd. Vink een samenvoeging uit om de gegevens apart te houden; "
        "vink een mogelijk dubbel aan om het samen te voegen. De spatiebalk vinkt de gekozen regel aan of uit."
    ),
    "Nothing to merge: every organisation and person in the file is new and unique.": (
        "Niets samen te voegen: elke organisatie en persoon in het bestand is nieuw en uniek."
    ),
    "&Import": "&Importeren",
    "Importing": "Importeren",
    "Progress of the import": "Voortgang van de import",
    "Importing {name}…": "{name} wordt geïmporteerd…",
    "{message} Nothing was imported.": "{message} Er is niets geïmporteerd.",
    "Imported": "Geïmporteerd",
    "What the import did": "Wat de import deed",
    "< &Back": "< &Vorige",
    "&Next >": "V&olgende >",
    "Cancel": "Annuleren",
    "&Finish": "&Voltooien",
    "--district: give the name of a district, or leave the option out.": (
        "--district: geef de naam van een gebied, of laat de optie weg."
    ),
    "this line is not in UTF-8 like the rest of the file; it was read as Windows-1252. "
    "Check its accented letters.": (
        "deze regel is niet in UTF-8 zoals de rest van het bestand; hij is gelezen als Windows-1252. "
        "Controleer de letters met accenten."
    ),
    "line {line} has a cell of more than {size} KB; no roster cell is that long. Check the file's quotes.": (
        "regel {line} heeft een cel van meer dan {size} KB; zo lang is geen cel van een lijst. "
        "Controleer de aanhalingstekens in het bestand."
    ),
    'line {line} opens a quote (") that is never closed, so the rest of the file would be read as one cell. '
    "Close the quote or remove it, and try again.": (
        'regel {line} opent een aanhalingsteken (") dat nergens wordt gesloten, zodat de rest van het bestand '
        "als één cel gelezen zou worden. Sluit het aanhalingsteken of haal het weg, en probeer het opnieuw."
    ),
    "the workbook is damaged (a tag longer than {size} bytes).": (
        "de werkmap is beschadigd (een tag langer dan {size} bytes)."
    ),
}
