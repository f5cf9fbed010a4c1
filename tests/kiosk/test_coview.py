"""The form as the clerk sees it in a call, and what of the clerk's suggestions it can take."""

from __future__ import annotations

import json

from kiosk.call.coview import accepted_value, form_snapshot, shown
from kiosk.session.visit import Visit
from tests.support.clock import RUN_STARTED, demo_catalogue
from wire.coview import Suggestion

#: (Through the suite's clock seam, never a fixed date.)
TODAY = RUN_STARTED.date()


def test_values_read_as_a_person_reads_them() -> None:
    termin = demo_catalogue().service("termin")
    fields = {f.key: f for f in termin.fields()}
    assert shown(fields["morning"], "yes", "de") == "Ja"
    assert shown(fields["morning"], "no", "en") == "No"
    assert shown(fields["topic"], "registration", "de") != "registration"
    assert shown(fields["topic"], None, "de") == ""


def test_an_address_is_one_line_and_only_its_parts_are_taken() -> None:
    service = next(
        s
        for s in demo_catalogue().services
        if any(f.kind.value == "address" and f.prefill is None for f in s.fields())
    )
    spec = next(f for f in service.fields() if f.kind.value == "address" and f.prefill is None)
    visit = Visit(service=service)
    value = {"street": "Hauptstraße", "house_number": "5", "postcode": "12345", "city": "Dorf"}
    assert shown(spec, value, "de") == "Hauptstraße 5, 12345 Dorf"

    def taken(suggested: str | dict[str, str]) -> object:
        return accepted_value(service, visit, Suggestion(spec.key, suggested), TODAY)

    assert taken({"street": " Hauptstraße "}) == {
        "street": "Hauptstraße",
        "house_number": "",
        "postcode": "",
        "city": "",
    }
    # Only the parts suggested change: the rest stays as the citizen entered it.
    visit.values[spec.key] = dict(value)
    assert taken({"house_number": "7"}) == {**value, "house_number": "7"}
    assert taken({"iban": "DE00"}) is None
    assert taken({"street": "Haupt\nstraße"}) is None  # no line breaks into an address
    assert taken({"postcode": "1234x"}) is None  # the field's own check refuses it
    assert taken("Hauptstraße 5") is None
    # A field from the chip is locked: no suggestion for it is taken.
    visit.prefilled.add(spec.key)
    assert taken({"street": "x"}) is None
    assert accepted_value(None, visit, Suggestion(spec.key, "x"), TODAY) is None


def test_a_text_the_field_would_refuse_is_not_offered() -> None:
    service = demo_catalogue().service("maengel-melden")
    visit = Visit(service=service)

    def taken(suggested: str) -> object:
        return accepted_value(service, visit, Suggestion("location", suggested), TODAY)

    assert taken("  Kirchplatz 1 ") == "Kirchplatz 1"
    assert taken("ab") is None  # shorter than the field's min_length
    assert taken("x" * 1001) is None  # longer than the terminal's text box shows
    assert taken("") == ""  # (an empty suggestion: the citizen sees it would clear the field)


def test_before_a_service_is_chosen_the_clerk_sees_an_empty_form() -> None:
    form = json.loads(form_snapshot(Visit(), "de"))
    assert form["service"] == "" and form["pages"] == [] and form["pending"] == {}


def test_the_chip_s_photo_goes_only_when_there_is_one_and_it_fits() -> None:
    from types import SimpleNamespace

    from kiosk.call.coview import photo_message
    from wire.coview import MAX_PHOTO_BYTES

    visit = Visit()
    assert photo_message(visit) is None  # no document read
    visit.identity = SimpleNamespace(photo_jpeg=bytearray())  # type: ignore[assignment]
    assert photo_message(visit) is None  # a chip without a photo
    visit.identity = SimpleNamespace(photo_jpeg=bytearray(b"\x89PNG" + b"x" * 100))  # type: ignore[assignment]
    sent = photo_message(visit)
    assert sent is not None and json.loads(sent)["mime"] == "image/png"
    visit.identity = SimpleNamespace(  # type: ignore[assignment]
        photo_jpeg=bytearray(b"\xff\xd8" + b"x" * MAX_PHOTO_BYTES)
    )
    assert photo_message(visit) is None  # too large for the channel: not sent


def test_a_long_form_still_fits_the_channel_shortened() -> None:
    from wire.coview import MAX_MESSAGE_BYTES

    service = demo_catalogue().service("maengel-melden")
    visit = Visit(service=service)
    visit.values.update({"location": "Kirchplatz", "description": "ü" * 20_000})
    sent = form_snapshot(visit, "de")
    assert len(sent.encode()) <= MAX_MESSAGE_BYTES
    fields = {f["key"]: f for page in json.loads(sent)["pages"] for f in page["fields"]}
    assert fields["location"]["value"] == "Kirchplatz"
    assert fields["description"]["value"] == "ü" * 1000 + "…"
    visit.values.update({f"x{n}": "y" for n in range(3)})  # (not on the form: not sent)
    assert '"x0"' not in form_snapshot(visit, "de")
