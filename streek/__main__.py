"""Command line: ``python -m streek validate [DATA_DIR]``.

Other sub-commands (import, export, deck) register themselves in ``streek.cli``."""
from streek.cli import main

raise SystemExit(main())
