"""Alembic migrations of the results store, run by ``ResultStore.open`` (see ``game/store/store.py``).

To change the schema, add ``versions/NNNN_what.py`` after the newest revision (``script.py.mako`` is
its template) and change ``schema.py`` to match; a test checks that the two agree on both databases.
"""
