"""The models' contract with QML: reading is free of side effects, every action is fenced,
and QML compares states by name, never by string."""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QMetaMethod, QObject

from catalogue.model import FieldKind, Identification
from drivers.printer.base import PrintOutcome
from kiosk.availability import OutOfServiceReason
from kiosk.identify import AccessKind
from kiosk.session import Delivery, IdentifyState, Overlay, Screen
from tests.support.configs import ROOT
from tests.ui.conftest import KioskDriver, read_sample_card
from ui.models import QML_TYPES
from ui.models.qmltypes import meta_name

Make = Callable[..., KioskDriver]


def own_properties(model: QObject) -> list[str]:
    mo = model.metaObject()
    indices = range(mo.propertyOffset(), mo.propertyCount())
    return [meta_name(mo.property(i).name()) for i in indices]


def read_twice_quietly(models: list[QObject]) -> None:
    """Every property read twice: the same value, and not one change signal on the way."""
    emitted: list[str] = []
    connections: list[tuple[Any, Callable[..., None]]] = []
    for model in models:
        mo = model.metaObject()
        for i in range(mo.methodOffset(), mo.methodCount()):
            method = mo.method(i)
            if method.methodType() is QMetaMethod.MethodType.Signal:
                name = meta_name(method.name())
                signal = getattr(model, name)

                def record(*_: object, where: str = f"{type(model).__name__}.{name}") -> None:
                    emitted.append(where)

                signal.connect(record)
                connections.append((signal, record))
    try:
        for model in models:
            for name in own_properties(model):
                first, second = model.property(name), model.property(name)
                assert first == second, f"{type(model).__name__}.{name}: {first!r} != {second!r}"
    finally:
        for signal, record in connections:
            signal.disconnect(record)
    assert emitted == []


def test_reading_a_property_changes_nothing(make_kiosk: Make) -> None:
    """No getter with a side effect (the identity photo's URL used to count up on every read,
    so each binding evaluation reloaded the photo). Checked on the screens with most state."""
    k = make_kiosk()
    models = k.ui.models.all()
    read_twice_quietly(models)  # attract
    k.click("startButton")
    k.wait_screen("home")
    k.click("tile_sperrmuell")
    k.click("proceedButton")
    k.wait_screen("identify")
    k.click("sampleCard_erika")
    k.type_into("canInput", "123456")
    k.click("accessSubmitButton")
    k.wait_for("confirmIdentityButton", timeout=10000)
    assert k.ui.models.identify.property("identityPhotoUrl") != ""
    read_twice_quietly(models)  # the identity to confirm, with its photo
    k.click("confirmIdentityButton")
    k.wait_screen("form")
    read_twice_quietly(models)
    k.click("nextButton")
    k.wait_for("input_items")
    k.type_into("input_items", "1 Sofa")
    k.type_into("input_volume", "2")
    k.type_into("input_preferred_date", k.clock.german(9))
    k.click("nextButton")
    k.wait_screen("review")
    read_twice_quietly(models)
    k.click("consentToggle")
    k.click("submitButton")
    k.wait_screen("done")
    k.wait_for("receiptImage")
    read_twice_quietly(models)


def test_the_identity_photo_reloads_when_the_identity_changes(make_kiosk: Make) -> None:
    """The URL changes with the identity read, so the image shows the new citizen's photo."""
    k = make_kiosk()
    urls = []
    for _ in range(2):
        k.click("startButton")
        k.wait_screen("home")
        k.click("tile_sperrmuell")
        k.click("proceedButton")
        k.wait_screen("identify")
        read_sample_card(k)
        k.wait_screen("form")
        urls.append(k.ui.models.identify.property("identityPhotoUrl"))
        k.click("cancelButton")
        k.click("cancelYesButton")
        k.wait_screen("attract")
        assert k.ui.models.identify.property("identityPhotoUrl") == ""
    assert urls[0] != urls[1] and all(urls)


def test_every_action_is_fenced() -> None:
    """Each slot QML can call goes through the one fence (ui.models.context.fenced): an error
    reaches the fault handler, never QML's log. A new unfenced slot fails here."""
    unfenced = []
    for name, cls, _ in QML_TYPES:
        if name == "Theme":
            continue  # presentation only: it touches no session or device
        mo = getattr(cls, "staticMetaObject")  # noqa: B009 - not in the stubs
        for i in range(mo.methodOffset(), mo.methodCount()):
            method = mo.method(i)
            if method.methodType() is QMetaMethod.MethodType.Slot:
                slot = getattr(cls, meta_name(method.name()))
                if not getattr(slot, "fenced", False):
                    unfenced.append(f"{name}.{meta_name(method.name())}")
    assert unfenced == []


#: Every value a state the core hands the UI can take; QML compares none of them as text.
STATE_VALUES = {
    str(v)
    for enum in (
        Screen,
        Overlay,
        IdentifyState,
        AccessKind,
        Delivery,
        PrintOutcome,
        OutOfServiceReason,
        Identification,
        FieldKind,
    )
    for v in enum
    if isinstance(v, StrEnum)
} | {"out_of_service", "printing"}

_COMPARISON = re.compile(r"""(?:[=!]==?\s*["']([^"']*)["'])|(?:["']([^"']*)["']\s*[=!]==?)""")


def test_qml_compares_no_state_as_a_string() -> None:
    found = []
    for path in sorted((ROOT / "ui" / "qml").rglob("*.qml")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for match in _COMPARISON.finditer(line):
                literal = match.group(1) or match.group(2)
                if literal in STATE_VALUES:
                    found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert found == []


def test_the_state_check_finds_a_string_comparison() -> None:
    line = 'visible: Navigation.screen === "review"'
    match = _COMPARISON.search(line)
    assert match is not None and match.group(1) in STATE_VALUES


def test_the_photo_screen_follows_a_language_switch(make_kiosk: Make) -> None:
    """Sibling of the review: the photo screen's label and help were notified only when the
    photos changed, so a language switch there left them in the old language."""
    k = make_kiosk()
    k.click("startButton")
    k.wait_screen("home")
    k.click("tile_maengel-melden")
    k.click("proceedButton")
    k.wait_screen("identify")
    k.click("skipIdentificationButton")
    k.wait_screen("form")
    k.click("choice_category_pothole")
    k.type_into("input_location", "Vor der Kirche")
    k.click("nextButton")
    k.wait_for("input_description")
    k.type_into("input_description", "Tiefes Schlagloch vor der Kirche.")
    k.click("nextButton")
    k.wait_screen("attachments")
    assert k.text_of("photosLabel") == "Foto des Mangels"
    k.choose_language("en")
    k.qtbot.waitUntil(lambda: k.text_of("photosLabel") == "Photo of the problem", timeout=3000)


def test_the_demo_lists_what_is_printed_on_each_sample(make_kiosk: Make) -> None:
    """One line per sample with something printed on it (the damaged card has nothing: no
    empty line for it)."""
    k = make_kiosk()
    k.click("startButton")
    k.wait_screen("home")
    k.click("tile_sperrmuell")
    k.click("proceedButton")
    k.wait_screen("identify")
    lines = k.text_of("demoSampleAccess").split("\n")
    assert [line.split(":")[0] for line in lines] == ["anna", "erika"]
    assert "123456" in lines[1]
