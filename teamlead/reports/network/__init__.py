"""The network map as pictures and a workbook: which links are drawn (:mod:`.graph`), where everything goes
(:mod:`.layout`), and one writer per format. Pure: no database and no Qt, so the command line, the district
report and the app (which draws the same :class:`.layout.Layout` with Qt) share one picture."""
