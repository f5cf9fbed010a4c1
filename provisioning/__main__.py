"""``python -m provisioning``: the technician's commands on the terminal, usable over SSH.

    python -m provisioning [--data-dir D] enrol --invitation 'POP-ENROL:1;hub=…;code=…;ca=…'
    python -m provisioning [--data-dir D] enrol --hub https://H:P --code K7QM-2XDF-9PRW \
                                                --ca-fingerprint HEX
    python -m provisioning [--data-dir D] status
    python -m provisioning [--data-dir D] reset --yes

The identity lies in the terminal's data folder (``identity/``; D as ``[terminal] data_dir``
in its configuration, ``~/.local/share/point-of-public`` by default).
Exit codes: 0 done, 2 refused (with a message saying why).
"""

import sys

from provisioning.cli import main

sys.exit(main())
