"""Stored measurements on top of the read-only seed in ``data/``.

- :mod:`streek.db.engine`   which database (SQLite file by default, PostgreSQL with DATABASE_URL)
- :mod:`streek.db.schema`   tables and the ordered, versioned migrations
- :mod:`streek.db.store`    add, list, history and undo, each in one transaction
- :mod:`streek.db.importer` reading CSV/XLSX, checking every row, preview and write
- :mod:`streek.db.cli`      ``python -m streek import|export|hash-password``

Never imports streamlit.
"""
from streek.db.engine import database_url, get_engine  # noqa: F401
from streek.db.store import Store  # noqa: F401
