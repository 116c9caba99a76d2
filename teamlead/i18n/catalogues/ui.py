"""Dutch for the app's frame: main window, menus, welcome page, dashboard, search, settings, messages."""

NL: dict[str, str] = {
    "Teamlead": "Teamlead",
    "Something went wrong and the action was not completed. The details are in the log.": (
        "Er ging iets mis en de actie is niet uitgevoerd. De details staan in het logboek."
    ),
}
