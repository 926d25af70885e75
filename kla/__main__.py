"""``python -m kla <command>``: see ``kla.cli``.

``serve`` goes to the UI layer (``kla.ui.serve``) before the core CLI is imported: this entry
point is the one place where the core's command line and the Streamlit server meet
(tests/test_layers.py). ``python -m kla serve --help`` is the core CLI's help line for it.
"""

import sys

if sys.argv[1:2] == ["serve"] and not {"-h", "--help"} & set(sys.argv[2:]):
    from kla.ui import serve

    sys.exit(serve.main(sys.argv[2:]))

from kla.cli import main

sys.exit(main())
