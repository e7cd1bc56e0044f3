"""Start the app like ``streamlit run``, without Streamlit's legacy ``pages/`` behaviour.

Usage: ``python tools/serve.py run app.py [streamlit options]`` (what ``make run`` does).

Why: because the project has a ``pages/`` folder (the layout we want), Streamlit 1.67 treats the
*first* session after a server start as an old-style multipage app until ``st.navigation`` has
run once. A shared link such as ``/pijler-2`` opened first after a restart then shows a
"Page not found" dialog (the page itself still renders). ``st.navigation`` switches that legacy
mode off; we switch it off before the first session instead. Plain ``streamlit run app.py``
works too, with that one dialog on the very first deep link.
"""
import sys

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web.cli import main

PagesManager.uses_pages_directory = False

if __name__ == "__main__":
    sys.exit(main())
