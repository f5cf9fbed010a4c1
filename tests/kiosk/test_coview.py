"""The form as the clerk sees it in a call, and what of the clerk's suggestions it can take."""

from __future__ import annotations

import json

from kiosk.call.coview import accepted_value, form_snapshot, shown
from kiosk.session.visit import Visit
from tests.support.clock import demo_catalogue
from wire.coview import Suggestion


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
    taken = accepted_value(service, visit, Suggestion(spec.key, {"street": " Hauptstraße "}))
    assert taken == {"street": "Hauptstraße", "house_number": "", "postcode": "", "city": ""}
    assert accepted_value(service, visit, Suggestion(spec.key, {"iban": "DE00"})) is None
    assert accepted_value(service, visit, Suggestion(spec.key, "Hauptstraße 5")) is None
    # A field from the chip is locked: no suggestion for it is taken.
    visit.prefilled.add(spec.key)
    assert accepted_value(service, visit, Suggestion(spec.key, {"street": "x"})) is None
    assert accepted_value(None, visit, Suggestion(spec.key, "x")) is None


def test_before_a_service_is_chosen_the_clerk_sees_an_empty_form() -> None:
    form = json.loads(form_snapshot(Visit(), "de"))
    assert form["service"] == "" and form["pages"] == [] and form["pending"] == {}
