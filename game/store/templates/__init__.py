"""The team report's Jinja2 template and its stylesheet (package data, read by ``game.store.report``)."""
