"""``python -m doenvermogen.letters.analysis serve --address PATH``: run the analysis pool."""

from .pool import main

raise SystemExit(main())
