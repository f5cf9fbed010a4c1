"""The icons the kiosk's interface can draw for a service (``ui/qml/icons/<name>.svg``).

The catalogue names an icon per service; the terminal refuses a catalogue naming one that is not
here, so a municipality's typo shows at load time, not as a blank tile.
"""

from __future__ import annotations

KNOWN_ICONS = frozenset(
    {"pothole", "bulky-waste", "ballot", "certificate", "calendar", "upload", "status", "generic"}
)
