"""Settings › Districts, neighbourhoods and domains: add, rename, merge and delete them (the Settings dialog's
second tab). :mod:`.page` is the page, :mod:`.panel` one of its three lists with its actions, :mod:`.models`
the lists' table models, :mod:`.dialogs` the name and merge dialogs."""
