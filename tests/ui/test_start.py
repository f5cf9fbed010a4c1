"""The kiosk's two-step start, as the citizen sees it: the attract screen is drawn from the
catalogue alone (the first frame), and the terminal is set up once it is on screen."""

from __future__ import annotations

from collections.abc import Callable

from tests.ui.conftest import KioskDriver

Make = Callable[..., KioskDriver]


def test_the_attract_screen_is_whole_before_the_set_up(make_kiosk: Make) -> None:
    k = make_kiosk(defer_setup=True)
    terminal = k.ui.terminal
    assert terminal.starting and terminal.session is None
    k.wait_screen("attract")
    # Everything the attract screen shows, from the catalogue: not a placeholder.
    assert "Musterstadt" in k.ui.models.kiosk.property("municipalityName")
    assert k.text_of("welcomeText")
    assert k.exists("startButton") and k.exists("attractLanguage_en")
    assert not k.exists("attractOfflineNotice")
    # The keyboard, the devices and the outbox come with the second step.
    assert k.find_all("inputPanel") == []
    assert terminal._equipment is None  # nothing of the devices built yet
    before = k.shot("start-first-frame")

    terminal.finish_start()
    assert terminal.session is not None
    k.wait_for("startButton")
    k.qtbot.waitUntil(lambda: len(k.find_all("inputPanel")) == 1)
    after = k.shot("start-set-up")
    # The citizen sees no change when the set-up is done.
    assert before.read_bytes() == after.read_bytes()
    k.click("startButton")
    k.wait_screen("home")


def test_a_touch_before_the_set_up_is_not_an_error(make_kiosk: Make) -> None:
    k = make_kiosk(defer_setup=True)
    k.wait_screen("attract")
    k.click("startButton")  # no session yet: nothing happens, nothing breaks
    assert k.screen == "attract"
    assert k.ui.terminal.reason is None
    k.ui.terminal.finish_start()
    k.click("startButton")
    k.wait_screen("home")
