"""Phone numbers are only parsed, checked and formatted: the metadata per region, not the geocoder, carrier or
time-zone data (38 MB) that the library's own hook takes along."""

from PyInstaller.utils.hooks import collect_submodules

hiddenimports = collect_submodules(
    "phonenumbers",
    filter=lambda name: not name.startswith(
        ("phonenumbers.geo", "phonenumbers.carrier", "phonenumbers.timezone", "phonenumbers.tzdata")
    ),
)
