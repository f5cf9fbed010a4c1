"""``python -m offline_queue``: the technician's tool (see :mod:`offline_queue.technician`)."""

import sys

from offline_queue.technician import main

sys.exit(main())
