"""Dutch for the search index's messages (``teamlead check``)."""

NL: dict[str, str] = {
    "The search index is not kept up to date: triggers are missing ({names}).": (
        "De zoekindex wordt niet bijgehouden: er ontbreken triggers ({names})."
    ),
    "The search index of {table} is damaged.": "De zoekindex van {table} is beschadigd.",
    "The search index was paused for a bulk load and not rebuilt afterwards.": (
        "De zoekindex is gepauzeerd voor een bulkimport en daarna niet opnieuw opgebouwd."
    ),
    "The search index of {table} does not match the data: {missing} records missing, {extra} "
    "records that no longer exist.": (
        "De zoekindex van {table} klopt niet met de gegevens: {missing} records ontbreken, {extra} "
        "records bestaan niet meer."
    ),
}
