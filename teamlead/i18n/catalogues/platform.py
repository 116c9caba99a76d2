"""Dutch for starting on a platform that lacks pieces, and for the About dialog's support details."""

NL: dict[str, str] = {
    "Teamlead cannot start its window: Qt's '{name}' platform plugin does not load ({error}).": (
        "Teamlead kan zijn venster niet openen: de platform-plug-in '{name}' van Qt laadt niet ({error})."
    ),
    "Teamlead cannot start its window: these system libraries are missing: {libraries}.\n"
    "On Debian or Ubuntu, install them with:\n    sudo apt-get install {packages}\n"
    "(on other systems, install the packages that provide these libraries). The commands work without them.": (
        "Teamlead kan zijn venster niet openen: deze systeembibliotheken ontbreken: {libraries}.\n"
        "Installeer ze op Debian of Ubuntu met:\n    sudo apt-get install {packages}\n"
        "(installeer op andere systemen de pakketten die deze bibliotheken leveren). De opdrachten werken "
        "ook zonder."
    ),
    "Details for a support request": "Gegevens voor een hulpvraag",
    "&Details for a support request:": "&Gegevens voor een hulpvraag:",
    "&Copy details": "Gegevens &kopiëren",
    "Database: {database}": "Database: {database}",
    "none open": "geen geopend",
    "Schema revision: {revision}": "Schemaversie: {revision}",
    "none": "geen",
}
