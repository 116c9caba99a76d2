"""Dutch for the reports, `teamlead report`, `export` and `consolidate`."""

NL: dict[str, str] = {
    # Report names, audiences, title block
    "District report": "Gebiedsrapportage",
    "Partner roster": "Partneroverzicht",
    "Contact sheet": "Bellijst",
    "Agreements register": "Afsprakenregister",
    "Meeting pack": "Vergadermap",
    "City overview": "Stadsoverzicht",
    "City: about the network, safe to forward": "Stad: over het netwerk, veilig om door te sturen",
    "District: contains personal data, do not forward": "Gebied: bevat persoonsgegevens, niet doorsturen",
    "Period": "Periode",
    "Audience": "Publiek",
    "Period from": "Periode vanaf",
    "Period to": "Periode tot en met",
    "Situation on": "Stand op",
    "Made on": "Gemaakt op",
    "Made at": "Gemaakt op",
    "Page {page} of {pages}": "Pagina {page} van {pages}",
    "Report": "Rapportage",
    "Field": "Veld",
    "Value": "Waarde",
    "About": "Over",
    "Format version": "Formaatversie",
    "Teamlead version": "Teamlead-versie",
    # Key figures
    "Figure": "Kengetal",
    "Key figures": "Kerncijfers",
    "Active partners": "Actieve partners",
    "Partners joined": "Partners bijgekomen",
    "Partners left": "Partners vertrokken",
    "Share of active partners contacted": "Deel actieve partners gesproken",
    "Contact moments": "Contactmomenten",
    "Signals": "Signalen",
    "Meetings held": "Gehouden overleggen",
    "Average attendance (where taken)": "Gemiddelde opkomst (waar bijgehouden)",
    "Meetings without attendance taken": "Overleggen zonder aanwezigheidslijst",
    "Signals closed": "Signalen afgesloten",
    "Share of closed signals fed back": "Deel afgesloten signalen teruggekoppeld",
    "Median hours to first partner asked": "Mediaan uren tot eerste partner gevraagd",
    "Signals: {theme}": "Signalen: {theme}",
    "Period complete": "Periode volledig",
    "complete": "volledig",
    "interim": "tussentijds",
    "interim, up to {date}": "tussentijds, tot en met {date}",
    "Q{quarter} {year}": "{quarter}e kwartaal {year}",
    "Q{quarter}": "{quarter}e kw.",
    "* interim: the quarter was not over when a district's report was made.": (
        "* tussentijds: het kwartaal was nog niet voorbij toen de rapportage van een gebied gemaakt werd."
    ),
    "Agreements made": "Afspraken gemaakt",
    "Agreements done": "Afspraken afgerond",
    "Agreements overdue": "Afspraken over tijd",
    "Share done on time": "Deel op tijd afgerond",
    "Active partners: {domain}": "Actieve partners: {domain}",
    "Contact moments: {kind}": "Contactmomenten: {kind}",
    "Meetings held: {kind}": "Gehouden overleggen: {kind}",
    "Number": "Aantal",
    # Network and trend
    "The network": "Het netwerk",
    "Network": "Netwerk",
    "Active partners on the period's last day, by neighbourhood and domain. Shaded: no partner.": (
        "Actieve partners op de laatste dag van de periode, per buurt en domein. Gekleurd: geen partner."
    ),
    "Whole district (no neighbourhood)": "Heel het gebied (geen buurt)",
    "Whole district": "Heel het gebied",
    "No active partners.": "Geen actieve partners.",
    "Total": "Totaal",
    "Trend over eight quarters": "Ontwikkeling over acht kwartalen",
    # Meetings, agreements, reflection, narrative
    "Present / invited": "Aanwezig / uitgenodigd",
    "No meetings were held in this period.": "In deze periode zijn geen overleggen gehouden.",
    "Made": "Gemaakt",
    "Done on": "Afgerond op",
    "Made in this period": "Gemaakt in deze periode",
    "Done in this period": "Afgerond in deze periode",
    "Overdue at the end of the period": "Over tijd aan het eind van de periode",
    "None.": "Geen.",
    "Held": "Gehouden",
    "Present of invited": "Aanwezig van uitgenodigd",
    "Every meeting held is listed in the appendix.": "Alle gehouden overleggen staan in de bijlage.",
    "Longest overdue ({shown} of {count})": "Langst over tijd ({shown} van {count})",
    "Overdue ({count})": "Over tijd ({count})",
    "Every agreement is listed in the appendix.": "Alle afspraken staan in de bijlage.",
    "The latest {shown} of {count}; the appendix holds them all.": (
        "De laatste {shown} van {count}; de bijlage bevat ze allemaal."
    ),
    "Appendix: every meeting and agreement of the period": "Bijlage: alle overleggen en afspraken van de periode",
    "Agreements made in this period": "Afspraken gemaakt in deze periode",
    "Agreements done in this period": "Afspraken afgerond in deze periode",
    "Agreements overdue at the end of the period": "Afspraken over tijd aan het eind van de periode",
    "Reflection": "Reflectie",
    "What goes well?": "Wat gaat goed?",
    "What can be better?": "Wat kan beter?",
    "What can we do ourselves?": "Wat kunnen we zelf doen?",
    "Where do we need help?": "Waar hebben we hulp bij nodig?",
    "Question": "Vraag",
    "Answer": "Antwoord",
    "No local reflection was recorded in this period.": (
        "In deze periode is geen lokale reflectie vastgelegd."
    ),
    "Narrative": "Toelichting",
    "No narrative was written.": "Er is geen toelichting geschreven.",
    "There is no data for this district in this period.": (
        "Er zijn geen gegevens voor dit gebied in deze periode."
    ),
    # Roster, contacts, register, meeting pack
    "Organisation": "Organisatie",
    "Organisations": "Organisaties",
    "Neighbourhoods": "Buurten",
    "District": "Gebied",
    "Joined": "Partner sinds",
    "Phone": "Telefoon",
    "Contacts": "Contactpersonen",
    "Organisation's contact": "Contact organisatie",
    "No domain": "Geen domein",
    "No district": "Geen gebied",
    "There are no active partners on this day.": "Er zijn op deze dag geen actieve partners.",
    "There are no contact persons on this day.": "Er zijn op deze dag geen contactpersonen.",
    "Id": "Id",
    "From": "Van",
    "To": "Naar",
    "History": "Geschiedenis",
    "Comment": "Opmerking",
    "Responsible": "Verantwoordelijk",
    "No agreement was open or changed in this period.": (
        "In deze periode stond geen afspraak open en veranderde er geen."
    ),
    "Agenda": "Agenda",
    "Item": "Punt",
    "Details": "Toelichting",
    "No agenda yet.": "Nog geen agenda.",
    "Invitees": "Genodigden",
    "Attendance": "Aanwezigheid",
    "Nobody is invited yet.": "Er is nog niemand uitgenodigd.",
    "Open agreements": "Openstaande afspraken",
    "No open agreements with these partners.": "Geen openstaande afspraken met deze partners.",
    "Attendance sheet": "Presentielijst",
    "Signature": "Handtekening",
    "Starts": "Begint",
    "Where": "Waar",
    "Cancelled": "Afgelast",
    "Present": "Aanwezig",
    "Invited": "Uitgenodigd",
    "Excused": "Afgemeld",
    "Absent": "Afwezig",
    # Command line and errors
    "Write a report; the format follows the file's extension ({formats}). Without dates a report covers "
    "the last full calendar quarter.": (
        "Schrijf een rapportage; het formaat volgt de extensie van het bestand ({formats}). "
        "Zonder datums gaat een rapportage over het laatste volledige kwartaal."
    ),
    "one of: {kinds}": "een van: {kinds}",
    "the file to write": "het bestand om te schrijven",
    "first day of the period (YYYY-MM-DD)": "eerste dag van de periode (JJJJ-MM-DD)",
    "last day of the period (YYYY-MM-DD)": "laatste dag van de periode (JJJJ-MM-DD)",
    "the district the report is about": "het gebied waar de rapportage over gaat",
    "who may read it: city (safe to forward) or district": (
        "wie het mag lezen: city (stad, veilig om door te sturen) of district (gebied)"
    ),
    "the meeting of a meeting pack": "het overleg van een vergadermap",
    "There is no meeting with id {id}. 'teamlead meetings' lists the meetings and their ids.": (
        "Er is geen overleg met id {id}. 'teamlead meetings' toont de overleggen en hun id's."
    ),
    "The database has no district yet, so there is nothing to report on. Add a district first.": (
        "De database heeft nog geen gebied, dus er is niets om over te rapporteren. "
        "Voeg eerst een gebied toe."
    ),
    "Choose a district with --district. Districts: {districts}.": (
        "Kies een gebied met --district. Gebieden: {districts}."
    ),
    "{path}: the file name must end in {formats}.": "{path}: de bestandsnaam moet eindigen op {formats}.",
    " or ": " of ",
    "Unknown report kind {kind!r}; choose one of {kinds}.": (
        "Onbekende soort rapportage {kind!r}; kies uit {kinds}."
    ),
    "Unknown audience {audience!r}; choose city or district.": (
        "Onbekend publiek {audience!r}; kies city of district."
    ),
    "The {kind} report holds personal data and exists only for the district audience.": (
        "De rapportage {kind} bevat persoonsgegevens en bestaat alleen voor het publiek district."
    ),
    "Say which meeting with --meeting ID ('teamlead meetings' lists the ids).": (
        "Geef het overleg aan met --meeting ID ('teamlead meetings' toont de id's)."
    ),
    "Cannot write {path}: {reason}. Close the file if another program has it open, "
    "or choose another folder.": (
        "Kan {path} niet schrijven: {reason}. Sluit het bestand als een ander programma het open heeft, of "
        "kies een andere map."
    ),
    "{path} is a folder; give a file name.": "{path} is een map; geef een bestandsnaam.",
    "{path} is not a file (a device or a pipe?); give a file name.": (
        "{path} is geen bestand (een apparaat of een pijp?); geef een bestandsnaam."
    ),
    # Export and consolidation
    "write the whole database as one Excel workbook": "schrijf de hele database als één Excel-werkmap",
    "Write the whole database as one workbook, a sheet per kind of record.": (
        "Schrijf de hele database als één werkmap, een werkblad per soort gegeven."
    ),
    "combine districts' report workbooks into one city overview": (
        "voeg de rapportagewerkmappen van gebieden samen tot één stadsoverzicht"
    ),
    "Combine city-audience district report workbooks (.xlsx) of the same period into one city "
    "overview (.xlsx or .pdf): one column per district, in the order given, and a total.": (
        "Voeg gebiedsrapportages voor de stad (.xlsx) over dezelfde periode samen tot één stadsoverzicht "
        "(.xlsx of .pdf): een kolom per gebied, in de gegeven volgorde, en een totaal."
    ),
    "district report workbooks (.xlsx)": "werkmappen met gebiedsrapportages (.xlsx)",
    "{path} is not a city-audience district report workbook of format version {version} ({why}). "
    "Make it with 'teamlead report district --audience city -o FILE.xlsx'.": (
        "{path} is geen gebiedsrapportage voor de stad met formaatversie {version} ({why}). "
        "Maak die met 'teamlead report district --audience city -o BESTAND.xlsx'."
    ),
    "{path} does not exist.": "{path} bestaat niet.",
    "not an .xlsx file": "geen .xlsx-bestand",
    "cannot be read: {reason}": "niet te lezen: {reason}",
    "no Summary sheet": "geen werkblad Summary",
    "the Summary sheet has no key/value header": "het werkblad Summary heeft geen kopregel key/value",
    "format_version is {value}": "format_version is {value}",
    "{path} was made by an earlier Teamlead (format_version {version}); make the report "
    "again with this version: 'teamlead report district --audience city -o FILE.xlsx'.": (
        "{path} is gemaakt met een eerdere Teamlead (format_version {version}); maak de rapportage "
        "opnieuw met deze versie: 'teamlead report district --audience city -o BESTAND.xlsx'."
    ),
    "{path} is one of the files to combine; write the city overview to another file.": (
        "{path} is een van de samen te voegen bestanden; schrijf het stadsoverzicht naar een ander bestand."
    ),
    "row {row} of the Summary sheet is not a key of the district report": (
        "rij {row} van het werkblad Summary is geen sleutel van de gebiedsrapportage"
    ),
    "row {row} of the Summary sheet repeats the key {key}": (
        "rij {row} van het werkblad Summary herhaalt de sleutel {key}"
    ),
    "row {row} of the Summary sheet: {key} has no valid value": (
        "rij {row} van het werkblad Summary: {key} heeft geen geldige waarde"
    ),
    "the Trend sheet has no key header": "het werkblad Trend heeft geen kopregel key",
    "the Trend sheet's columns are not quarters": "de kolommen van het werkblad Trend zijn geen kwartalen",
    "row {row} of the Trend sheet is not a key of the district report": (
        "rij {row} van het werkblad Trend is geen sleutel van de gebiedsrapportage"
    ),
    "row {row} of the Trend sheet: {key} has no valid value": (
        "rij {row} van het werkblad Trend: {key} heeft geen geldige waarde"
    ),
    "text": "tekst",
    "its audience is {value}": "het publiek is {value}",
    "{keys} missing": "{keys} ontbreekt",
    "period_from and period_to are not a period": "period_from en period_to vormen geen periode",
    "Each district may be given once; these files are about the same district: {files}.": (
        "Elk gebied mag één keer voorkomen; deze bestanden gaan over hetzelfde gebied: {files}."
    ),
    "All files must cover the same period as {first} ({start} – {end}); these do not: {files}.": (
        "Alle bestanden moeten over dezelfde periode gaan als {first} ({start} – {end}); deze niet: {files}."
    ),
    "Key figures per district": "Kerncijfers per gebied",
    "Totals: counts are summed; shares and averages are weighted by what they divide by.": (
        "Totalen: aantallen zijn opgeteld; aandelen en gemiddelden zijn gewogen naar waardoor ze gedeeld worden."
    ),
    # The Reports section
    "PDF": "PDF",
    "Excel workbook": "Excel-werkmap",
    "Make &report…": "&Rapportage maken…",
    "Show in &folder": "In &map tonen",
    "What the city should know about this quarter: what went well, what needs attention.": (
        "Wat de stad over dit kwartaal moet weten: wat ging goed, wat vraagt aandacht."
    ),
    "&Save narrative": "Toelichting op&slaan",
    "Narrative for the district report": "Toelichting bij de gebiedsrapportage",
    "Save the report as": "Rapportage opslaan als",
    "Making the report…": "De rapportage wordt gemaakt…",
    "Written: {path}": "Geschreven: {path}",
    "The report could not be made: {error}": "De rapportage kon niet worden gemaakt: {error}",
    "Cancelled; no file was written.": "Geannuleerd; er is geen bestand geschreven.",
    "&Report:": "&Rapportage:",
    "&District:": "&Gebied:",
    "&Quarter:": "&Kwartaal:",
    "&Audience:": "&Publiek:",
    "&Format:": "&Formaat:",
    "Narrative saved.": "Toelichting opgeslagen.",
    "Gathering the data": "Gegevens verzamelen",
    "Writing the file": "Bestand schrijven",
    "far larger than a district report": "veel groter dan een gebiedsrapportage",
    "The folder {folder} does not exist. Create it first, or choose another.": (
        "De map {folder} bestaat niet. Maak hem eerst aan, of kies een andere."
    ),
    "[cannot be shown]": "[niet weer te geven]",
}
