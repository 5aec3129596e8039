"""Storage: what the page keeps in the database (SQLAlchemy). The scenario library is still
``model/library.py`` (it moves here later); the official figures a user adds are :mod:`store.figures`."""
