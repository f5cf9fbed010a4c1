"""The out-of-order screen the hub's order brings (issue 16): the town hall's telephone and
hours, and back in service with the next order."""

from __future__ import annotations

from collections.abc import Callable

from tests.ui.conftest import KioskDriver
from wire.orders import Order

Make = Callable[..., KioskDriver]


def test_a_disabled_terminal_shows_where_to_turn_and_comes_back(make_kiosk: Make) -> None:
    k = make_kiosk()
    k.wait_screen("attract")
    k.ui.terminal.orders.carry_out((Order(1, "disable"),))
    k.wait_screen("out_of_service")
    assert "außer Betrieb" in k.text_of("outOfServiceTitle")
    assert k.find("outOfServicePhone").isVisible()
    assert "Erreichbar" in k.text_of("outOfServiceHours")
    k.shot("out-of-order")
    k.ui.terminal.orders.carry_out((Order(2, "enable"),))
    k.wait_screen("attract")
