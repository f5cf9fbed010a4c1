"""The bounds of a terminal's health-report interval (``[hub] health_interval_s``), which the
terminal's configuration and the hub's model (:mod:`wire.health`) both check. A module of its
own: the configuration is read before the first frame, the health model only afterwards."""

from __future__ import annotations

MIN_REPORT_INTERVAL_S = 10.0
MAX_REPORT_INTERVAL_S = 86400.0
