"""Test-wide settings. Qt reads its environment once, so it is set before anything imports Qt."""

from __future__ import annotations

import os
import tempfile

# Offscreen: Qt Quick renders in software. A test that must see what a GPU draws (the camera
# preview's video) runs itself again under Xvfb, on Mesa's OpenGL (tests/support/xvfb.py).
os.environ["QT_QPA_PLATFORM"] = "xcb" if os.environ.get("POP_TEST_ON_XVFB") else "offscreen"
os.environ["QT_IM_MODULE"] = "qtvirtualkeyboard"
os.environ["QT_QUICK_CONTROLS_STYLE"] = "Basic"
# Qt writes shader and QML caches under ~/.cache: keep tests from touching the user's home.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="pop-test-cache-")
os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.mkdtemp(prefix="pop-test-runtime-"))
