"""The catalogue loader: the demo catalogue, and what an editor is told about a broken one."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalogue.loader import (
    CatalogueError,
    CatalogueProblem,
    iter_problems,
    load_catalogue,
)
from catalogue.model import (
    Catalogue,
    FieldKind,
    Identification,
    IdentityAttribute,
    LocalText,
    ServiceKind,
    TextFormat,
)
from tests.support.configs import ROOT
from ui.icons import KNOWN_ICONS

DEMO = ROOT / "catalogues" / "musterstadt.yaml"

NAME_FIELD = """\
          - key: name
            type: text
            required: true
            label: {de: "Name", en: "Name"}
"""
NOTE_FIELD = """\
          - key: note
            type: multiline
            label: {de: "Notiz", en: "Note"}
"""
SERVICE = (
    """\
  - id: svc-a
    version: 2
    icon: generic
    identification: none
    title: {de: "Titel", en: "Title"}
    summary: {de: "Kurz", en: "Short"}
    description: {de: "Lang", en: "Long"}
    receipt_text: {de: "Danke", en: "Thanks"}
    pages:
      - key: page-1
        title: {de: "Seite", en: "Page"}
        fields:
"""
    + NAME_FIELD
    + NOTE_FIELD
)
VALID = (
    """\
# A small catalogue that is correct; each test breaks one thing.
municipality:
  id: testdorf
  name: {de: "Testdorf", en: "Test village"}
  time_zone: Europe/Berlin
languages: [de, en]
welcome: {de: "Willkommen", en: "Welcome"}
privacy_notice: {de: "Datenschutz", en: "Privacy"}
services:
"""
    + SERVICE
)


def write(folder: Path, text: str, name: str = "ort.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """The 1-based line of the ``occurrence``-th line containing ``needle``."""
    hits = [n for n, line in enumerate(text.splitlines(), start=1) if needle in line]
    assert len(hits) >= occurrence, f"{needle!r} is not in the text {occurrence} times"
    return hits[occurrence - 1]


def problems_of(path: Path) -> list[CatalogueProblem]:
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(path, KNOWN_ICONS)
    problems = caught.value.problems
    assert problems, "a CatalogueError without problems tells the editor nothing"
    text = str(caught.value)
    for problem in problems:
        assert str(problem) in text
    return problems


def replaced(old: str, new: str, text: str = VALID) -> str:
    assert text.count(old) >= 1, old
    return text.replace(old, new, 1)


# --- the demo catalogue --------------------------------------------------------------------


def test_demo_catalogue_loads_with_seven_services_and_the_call_back_form() -> None:
    catalogue = load_catalogue(DEMO)
    assert isinstance(catalogue, Catalogue)
    assert catalogue.municipality_id == "musterstadt"
    assert catalogue.municipality_name.get("en") == "Municipality of Musterstadt"
    assert catalogue.languages == ("de", "en", "de-x-ls")
    assert [s.id for s in catalogue.services] == [
        "maengel-melden",
        "sperrmuell",
        "briefwahl",
        "meldebescheinigung",
        "termin",
        "unterlagen-nachreichen",
        "antragsstatus",
        "rueckruf",
    ]
    # Seven tiles: the call-back form is reached from the video call, not from home.
    assert [s.id for s in catalogue.services if not s.listed] == ["rueckruf"]
    assert catalogue.contact is not None and catalogue.contact.call_back_service == "rueckruf"
    assert "Bürgerterminal" in catalogue.welcome.get("de")
    assert "GDPR" in catalogue.privacy_notice.get("en")


def test_demo_catalogue_details() -> None:
    catalogue = load_catalogue(DEMO)
    maengel = catalogue.service("maengel-melden")
    assert maengel.identification is Identification.OPTIONAL
    assert maengel.icon == "pothole"
    assert (maengel.attachments.min_photos, maengel.attachments.max_photos) == (1, 3)
    assert [c.value for c in maengel.fields()[0].choices] == [
        "pothole",
        "street_light",
        "dumping",
        "other",
    ]
    sperrmuell = catalogue.service("sperrmuell")
    volume = next(f for f in sperrmuell.fields() if f.key == "volume")
    assert volume.kind is FieldKind.NUMBER
    assert (volume.min_value, volume.max_value) == (0.5, 8.0)
    assert volume.required is True
    address = next(f for f in sperrmuell.fields() if f.key == "address")
    assert address.prefill is IdentityAttribute.ADDRESS
    assert catalogue.service("briefwahl").identification is Identification.REQUIRED
    assert catalogue.service("termin").identification is Identification.NONE
    tracking = catalogue.service("antragsstatus").fields()[0]
    assert tracking.text_format is TextFormat.TRACKING_NUMBER
    # Each field knows its line, so later messages can point at it.
    source = DEMO.read_text(encoding="utf-8").splitlines()
    assert "key: volume" in source[volume.line - 1]
    with pytest.raises(KeyError):
        catalogue.service("gibt-es-nicht")


def test_local_text_falls_back_to_the_default_language() -> None:
    text = LocalText.of(de="Hallo", en="Hello")
    assert text.get("en") == "Hello"
    assert text.get("fr") == "Hallo"
    assert LocalText.of(en="Hello").get("fr") == "Hello"
    assert LocalText(()).get("de") == ""


def test_the_small_catalogue_is_valid(tmp_path: Path) -> None:
    catalogue = load_catalogue(write(tmp_path, VALID))
    assert catalogue.time_zone.key == "Europe/Berlin"
    [service] = catalogue.services
    assert service.id == "svc-a"
    assert service.version == 2
    assert service.duration_minutes == 5
    assert [f.key for f in service.fields()] == ["name", "note"]
    assert service.fields()[0].line == line_of(VALID, "- key: name")


# --- one mistake, one message at the right line -------------------------------------------

CHOICE_ONE = """\
          - key: kind
            type: choice
            label: {de: "Art", en: "Kind"}
            choices:
              - value: only
                label: {de: "Einzig", en: "Only"}
"""
BAD_PATTERN = """\
          - key: code
            type: text
            pattern: "[A-Z"
            pattern_hint: {de: "Großbuchstaben", en: "Capitals"}
            label: {de: "Code", en: "Code"}
"""
PREFILL_NUMBER = """\
          - key: amount
            type: number
            prefill: given_names
            label: {de: "Anzahl", en: "Amount"}
"""
MIN_ABOVE_MAX = """\
          - key: amount
            type: number
            min: 10
            max: 5
            label: {de: "Anzahl", en: "Amount"}
"""
LENGTH_EMPTY = """\
          - key: note
            type: multiline
            min_length: 50
            max_length: 10
            label: {de: "Notiz", en: "Note"}
"""
DAYS_EMPTY = """\
          - key: day
            type: date
            min_days: 30
            max_days: 7
            label: {de: "Tag", en: "Day"}
"""

# (id, old text, new text, the needle on the line the problem must name, words it must use)
BROKEN: list[tuple[str, str, str, str, list[str]]] = [
    (
        "unknown field type",
        "type: multiline",
        "type: txt",
        "type: txt",
        ["field type 'txt' is unknown", "text, multiline", "field 'note'"],
    ),
    (
        "unknown icon",
        "icon: generic",
        "icon: rocket",
        "icon: rocket",
        ["icon 'rocket' is unknown", "pothole"],
    ),
    (
        "choice with one choice",
        NOTE_FIELD,
        CHOICE_ONE,
        "- key: kind",
        ["at least two 'choices'", "field 'kind'"],
    ),
    (
        "bad regex",
        NOTE_FIELD,
        BAD_PATTERN,
        'pattern: "[A-Z"',
        ["not a valid regular expression", "field 'code'"],
    ),
    (
        "prefill on a number",
        NOTE_FIELD,
        PREFILL_NUMBER,
        "prefill: given_names",
        ["'given_names' cannot fill a field of type 'number'"],
    ),
    ("min above max", NOTE_FIELD, MIN_ABOVE_MAX, "- key: amount", ["min/max range is empty"]),
    ("length range empty", NOTE_FIELD, LENGTH_EMPTY, "- key: note", ["length range is empty"]),
    (
        "days range empty",
        NOTE_FIELD,
        DAYS_EMPTY,
        "- key: day",
        ["min_days/max_days range is empty"],
    ),
    (
        "missing english title",
        'title: {de: "Titel", en: "Title"}',
        'title: {de: "Titel"}',
        'title: {de: "Titel"}',
        ["language 'en' is missing", "service 'svc-a'"],
    ),
    (
        "language not in the catalogue",
        'summary: {de: "Kurz", en: "Short"}',
        'summary: {de: "Kurz", en: "Short", fr: "Court"}',
        "summary:",
        ["language 'fr' is not one of the catalogue's languages"],
    ),
    (
        "typo in a field entry",
        "            required: true\n",
        "            requird: true\n",
        "requird: true",
        ["'requird' is not a known entry"],
    ),
    (
        "typo in a service entry",
        "    version: 2\n",
        "    verison: 2\n",
        "verison: 2",
        ["'verison' is not a known entry", "receipt_text"],
    ),
    (
        "duplicate field key",
        "          - key: note\n",
        "          - key: name  # again\n",
        "# again",
        ["field key 'name' is used twice"],
    ),
    (
        "unknown identification",
        "identification: none",
        "identification: sometimes",
        "identification: sometimes",
        ["identification 'sometimes' is unknown", "optional"],
    ),
    (
        "version not a number",
        "version: 2",
        "version: zwei",
        "version: zwei",
        ["'version' must be a whole number, not 'zwei'"],
    ),
    ("version zero", "version: 2", "version: 0", "version: 0", ["'version' must be at least 1"]),
    (
        "required not a boolean",
        "required: true",
        "required: vielleicht",
        "required: vielleicht",
        ["'required' must be true or false"],
    ),
    (
        "service id with capitals",
        "- id: svc-a",
        "- id: Svc-A",
        "- id: Svc-A",
        ["'id' must be lower-case letters"],
    ),
    (
        "choices on a text field",
        "            required: true\n",
        "            choices: []\n",
        "choices: []",
        ["'choices' only belongs to fields of type"],
    ),
    (
        "unknown prefill",
        NOTE_FIELD,
        NOTE_FIELD + "            prefill: shoe_size\n",
        "prefill: shoe_size",
        ["identity attribute 'shoe_size' is unknown"],
    ),
    (
        "field without type",
        "            type: multiline\n",
        "",
        "- key: note",
        ["'type' is missing"],
    ),
    (
        "too many photos",
        "    pages:\n",
        "    attachments:\n      max_photos: 11\n"
        "      label: {de: Fotos, en: Photos}\n    pages:\n",
        "max_photos: 11",
        ["'max_photos' can be at most 10"],
    ),
    (
        "text instead of a mapping",
        'label: {de: "Notiz", en: "Note"}',
        "label: Notiz",
        "label: Notiz",
        ["expected a set of 'name: value' entries"],
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "needle", "words"),
    [pytest.param(o, n, nd, w, id=i) for i, o, n, nd, w in BROKEN],
)
def test_a_mistake_is_reported_with_file_line_and_field(
    tmp_path: Path, old: str, new: str, needle: str, words: list[str]
) -> None:
    text = replaced(old, new)
    path = write(tmp_path, text)
    problems = problems_of(path)
    assert len(problems) == 1, [str(p) for p in problems]
    [problem] = problems
    assert problem.file == path
    assert problem.line == line_of(text, needle)
    message = str(problem)
    assert message.startswith(f"ort.yaml, line {problem.line}")
    for word in words:
        assert word in message


def test_duplicate_service_id_points_at_the_second_service(tmp_path: Path) -> None:
    text = VALID + SERVICE
    [problem] = problems_of(write(tmp_path, text))
    assert problem.line == line_of(text, "- id: svc-a", occurrence=2)
    assert problem.where == "service 'svc-a'"
    assert "service id is used twice" in problem.message


def test_every_problem_in_a_file_is_reported_at_once(tmp_path: Path) -> None:
    text = replaced("icon: generic", "icon: rocket")
    text = replaced("type: multiline", "type: txt", text)
    text = replaced('summary: {de: "Kurz", en: "Short"}', 'summary: {de: "Kurz"}', text)
    text = replaced("version: 2", "version: -1", text)
    problems = problems_of(write(tmp_path, text))
    assert sorted(p.line for p in problems) == sorted(
        [
            line_of(text, "icon: rocket"),
            line_of(text, "type: txt"),
            line_of(text, "summary:"),
            line_of(text, "version: -1"),
        ]
    )
    assert len(list(iter_problems(CatalogueError(problems)))) == 4


def test_invalid_yaml_names_its_line(tmp_path: Path) -> None:
    text = replaced('summary: {de: "Kurz", en: "Short"}', "summary: Kurz: kurz")
    [problem] = problems_of(write(tmp_path, text))
    assert problem.line == line_of(text, "summary: Kurz: kurz")
    assert "not valid YAML" in problem.message
    assert "mapping values are not allowed" in problem.message  # libyaml: "in this context"


def test_unclosed_bracket_is_invalid_yaml(tmp_path: Path) -> None:
    text = replaced("languages: [de, en]", "languages: [de, en")
    [problem] = problems_of(write(tmp_path, text))
    assert "not valid YAML" in problem.message
    assert problem.line >= line_of(text, "languages: [de, en")


@pytest.mark.parametrize("text", ["", "\n\n", "# nothing but a comment\n"])
def test_an_empty_file_is_reported(tmp_path: Path, text: str) -> None:
    [problem] = problems_of(write(tmp_path, text))
    assert problem.line == 1
    assert "empty" in problem.message


def test_a_list_at_the_top_is_reported(tmp_path: Path) -> None:
    [problem] = problems_of(write(tmp_path, "- one\n- two\n"))
    assert problem.line == 1
    assert "expected a set of 'name: value' entries" in problem.message


def test_missing_parts_of_a_catalogue(tmp_path: Path) -> None:
    problems = problems_of(write(tmp_path, "welcome: {de: Hallo}\n"))
    messages = "\n".join(p.message for p in problems)
    assert "'municipality' is missing" in messages
    assert "'languages' is missing or empty" in messages
    assert "'services' is missing or empty" in messages
    assert "'privacy_notice' is missing" in messages


@pytest.mark.parametrize(
    ("zone", "words"),
    [
        ("Mars/Olympus_Mons", "the time zone 'Mars/Olympus_Mons' is unknown"),
        ("Europe", "the time zone 'Europe' is unknown"),
        ("/etc/localtime", "is unknown"),
        ("../../etc/passwd", "is unknown"),
        ("zone.tab", "is unknown"),
        ("[Europe/Berlin]", "expected a single value"),
    ],
)
def test_an_unknown_time_zone_is_reported_at_its_line(
    tmp_path: Path, zone: str, words: str
) -> None:
    text = replaced("time_zone: Europe/Berlin", f"time_zone: {zone}")
    [problem] = problems_of(write(tmp_path, text))
    assert problem.line == line_of(text, "time_zone:")
    assert words in problem.message


def test_a_catalogue_without_time_zone_is_refused(tmp_path: Path) -> None:
    # No default: the machine's own zone is a guess, and hubs often run in UTC.
    text = replaced("  time_zone: Europe/Berlin\n", "")
    [problem] = problems_of(write(tmp_path, text))
    assert problem.line == line_of(text, "id: testdorf")  # where the municipality starts
    assert "'time_zone' is missing" in problem.message and "Europe/Berlin" in problem.message


def test_today_is_the_municipality_s_day(tmp_path: Path) -> None:
    from datetime import UTC, datetime, timedelta

    catalogue = load_catalogue(write(tmp_path, VALID))
    zone = catalogue.time_zone
    # The next local midnight, from the clock: at 00:05 there it is already tomorrow, while
    # in UTC it is still today's date.
    local_now = datetime.now(UTC).astimezone(zone)
    midnight = datetime.combine(local_now.date() + timedelta(days=1), datetime.min.time(), zone)
    just_after = (midnight + timedelta(minutes=5)).astimezone(UTC)
    assert catalogue.today(just_after) == midnight.date()
    assert just_after.date() == midnight.date() - timedelta(days=1)
    assert catalogue.today(just_after - timedelta(minutes=10)) == just_after.date()


def test_a_service_without_pages_or_photos(tmp_path: Path) -> None:
    text = VALID.split("    pages:\n")[0]
    [problem] = problems_of(write(tmp_path, text))
    assert problem.line == line_of(text, "- id: svc-a")
    assert "at least one form page or photos" in problem.message


def test_missing_file_is_a_catalogue_error(tmp_path: Path) -> None:
    [problem] = problems_of(tmp_path / "fehlt.yaml")
    assert problem.line == 0
    assert "cannot be read" in problem.message


def test_a_file_that_is_not_utf8_is_a_catalogue_error(tmp_path: Path) -> None:
    path = tmp_path / "ort.yaml"
    path.write_bytes(VALID.replace("Titel", "Übersicht").encode("latin-1"))
    [problem] = problems_of(path)
    assert "cannot be read" in problem.message


def test_every_icon_the_interface_draws_is_accepted(tmp_path: Path) -> None:
    for icon in sorted(KNOWN_ICONS):
        load_catalogue(write(tmp_path, replaced("icon: generic", f"icon: {icon}")), KNOWN_ICONS)


def test_an_icon_the_interface_cannot_draw_is_refused_at_the_terminal_only(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, replaced("icon: generic", "icon: rocket"))
    load_catalogue(path)  # the hub draws no icons
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(path, KNOWN_ICONS)
    [problem] = raised.value.problems
    assert "the icon 'rocket' is unknown" in problem.message


def test_every_known_icon_has_its_picture() -> None:
    folder = Path(__file__).resolve().parents[2] / "ui" / "qml" / "icons"
    assert {p.stem for p in folder.glob("*.svg")} >= KNOWN_ICONS


# --- arbitrary input never escapes as anything but CatalogueError ----------------------------

YAMLISH = st.sampled_from(
    [
        *"abcdeklnptuvy019 -_:{}[],'\"#&*!|>?%@`\n\t.",
        "services:",
        "languages:",
        "- id: x",
        "key:",
        "type:",
        "  ",
        "\n  - ",
        "{de: a, en: b}",
        "pages:",
        "fields:",
        "choices:",
        "prefill:",
        "pattern:",
        "&a ",
        "*a",
        "!!python/object",
    ]
)
ARBITRARY = st.characters(exclude_categories=["Cs"])


def _load_any(folder: Path, text: str) -> None:
    path = write(folder, text, "any.yaml")
    try:
        load_catalogue(path)
    except CatalogueError as exc:
        for problem in exc.problems:
            assert problem.line >= 0
            assert str(problem).startswith("any.yaml, line ")


@settings(
    max_examples=300,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=st.lists(YAMLISH | ARBITRARY, max_size=80).map("".join))
def test_arbitrary_text_gives_only_catalogue_errors(tmp_path: Path, text: str) -> None:
    _load_any(tmp_path, text)


@settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_a_damaged_demo_catalogue_gives_only_catalogue_errors(
    tmp_path: Path, data: st.DataObject
) -> None:
    lines = DEMO.read_text(encoding="utf-8").splitlines()
    for _ in range(data.draw(st.integers(1, 4))):
        index = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["delete", "duplicate", "indent", "garble"]))
        if action == "delete":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        elif action == "indent":
            lines[index] = "  " + lines[index]
        else:
            lines[index] = data.draw(st.lists(YAMLISH, max_size=12).map("".join))
    _load_any(tmp_path, "\n".join(lines))


# --- found while testing: inputs that escape as other exceptions -------------------------------


@pytest.mark.parametrize(
    "text", ['welcome: {de: "Hallo\x07"}\n', "\x00", "a: b\x1b\n"], ids=["bell", "nul", "escape"]
)
def test_control_characters_are_a_catalogue_error(tmp_path: Path, text: str) -> None:
    # yaml.reader.ReaderError is a YAMLError but not a MarkedYAMLError: it escapes the loader.
    [problem] = problems_of(write(tmp_path, text))
    assert "not valid YAML" in problem.message


def test_deep_nesting_is_a_catalogue_error(tmp_path: Path) -> None:
    # PyYAML composes recursively; a few thousand brackets exhaust Python's recursion limit.
    problems_of(write(tmp_path, "services: " + "[" * 3000 + "]" * 3000 + "\n"))


@pytest.mark.parametrize("pattern", ["a{4294967296}", "x{1,99999999999}"])
def test_regex_with_a_huge_repetition_is_a_catalogue_error(tmp_path: Path, pattern: str) -> None:
    # re.compile raises OverflowError (not re.error) for repetition counts above its maximum.
    text = replaced(NOTE_FIELD, BAD_PATTERN.replace('"[A-Z"', f'"{pattern}"'))
    [problem] = problems_of(write(tmp_path, text))
    assert problem.line == line_of(text, "pattern:")


def test_date_bounds_beyond_the_calendar_are_refused(tmp_path: Path) -> None:
    # min_days: 100000000 loads, and then every check of that field raises OverflowError
    # (today + timedelta(days=...) leaves the calendar) when a citizen presses "next".
    field = DAYS_EMPTY.replace("min_days: 30", "min_days: 100000000").replace(
        "max_days: 7", "max_days: 100000001"
    )
    text = replaced(NOTE_FIELD, field)
    problems = problems_of(write(tmp_path, text))
    assert {p.line for p in problems} == {line_of(text, "min_days:"), line_of(text, "max_days:")}
    assert any("min_days" in p.message for p in problems)
    assert any("max_days" in p.message for p in problems)


# --- the town hall's contact ("Mit dem Rathaus sprechen") -----------------------------------

CONTACT = """\
  contact:
    phone: "+49 30 23125 100"
    hours: {de: "Mo–Fr 8–16 Uhr", en: "Mon–Fri 8 am–4 pm"}
"""


def with_contact(contact: str = CONTACT) -> str:
    return replaced("  time_zone: Europe/Berlin\n", "  time_zone: Europe/Berlin\n" + contact)


def test_the_contact_is_optional_and_read_when_given(tmp_path: Path) -> None:
    assert load_catalogue(write(tmp_path, VALID), KNOWN_ICONS).contact is None
    contact = load_catalogue(write(tmp_path, with_contact()), KNOWN_ICONS).contact
    assert contact is not None
    assert contact.phone == "+49 30 23125 100" and contact.dial == "+493023125100"
    assert contact.hours.get("en") == "Mon–Fri 8 am–4 pm"


def test_the_demo_catalogue_names_a_number_and_hours() -> None:
    contact = load_catalogue(DEMO).contact
    assert contact is not None and contact.phone.startswith("+49 ")
    assert contact.hours.get("de") and contact.hours.get("en")


@pytest.mark.parametrize(
    "phone",
    ["030 23125 100", "+49 (30) 23125", "+49-30-23125100", "+49  30 23125", "+0 30 23125", "+49"],
)
def test_a_phone_number_not_in_international_form_is_refused_at_its_line(
    tmp_path: Path, phone: str
) -> None:
    text = with_contact(CONTACT.replace("+49 30 23125 100", phone))
    (problem,) = problems_of(write(tmp_path, text))
    assert problem.line == line_of(text, "phone:")
    assert problem.where == "municipality.contact"
    assert "+49 30 1234567" in problem.message  # an example of what is meant


def test_a_contact_without_phone_or_hours_in_every_language_is_refused(tmp_path: Path) -> None:
    text = with_contact('  contact:\n    hours: {de: "Mo–Fr 8–16 Uhr"}\n    fax: 1\n')
    problems = problems_of(write(tmp_path, text))
    messages = sorted(p.message for p in problems)
    assert any("'phone' is missing" in m for m in messages), messages
    assert any("language 'en' is missing" in m for m in messages), messages
    assert any("'fax' is not a known entry" in m for m in messages), messages
    assert all(p.line >= line_of(text, "contact:") for p in problems)


# --- tracking numbers: what the catalogue shows is what a receipt prints ---------------------


def test_every_example_tracking_number_in_the_shipped_catalogues_is_a_real_one() -> None:
    """A citizen copies the example's shape: it must be the shape of the receipt's codes."""
    import re

    from wire.tracking import LENGTH, normalise_tracking_code

    looks_like_a_code = re.compile(r"\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]+\b")
    checked = 0
    for path in sorted((ROOT / "catalogues").glob("*.yaml")):
        for service in load_catalogue(path).services:
            for field in service.fields():
                if field.text_format is not TextFormat.TRACKING_NUMBER:
                    continue
                for language in ("de", "en"):
                    for example in looks_like_a_code.findall(field.help.get(language)):
                        checked += 1
                        assert normalise_tracking_code(example) == example, (path, example)
                        assert len(example.replace("-", "")) == LENGTH
    assert checked >= 2


def test_a_max_length_beyond_what_a_submission_carries_is_refused_at_its_line(
    tmp_path: Path,
) -> None:
    from wire.api import MAX_FIELD_TEXT

    text = replaced(
        "            type: multiline\n",
        f"            type: multiline\n            max_length: {MAX_FIELD_TEXT + 1}\n",
    )
    (problem,) = problems_of(write(tmp_path, text))
    assert problem.line == line_of(text, "max_length:")
    assert f"at most {MAX_FIELD_TEXT}" in problem.message


def test_a_status_lookup_asks_for_one_tracking_number_only(tmp_path: Path) -> None:
    lookup = replaced("    version: 2\n", "    version: 2\n    kind: status_lookup\n")
    [problem] = problems_of(write(tmp_path, lookup))
    assert "exactly one field, of format 'tracking_number'" in problem.message
    assert problem.line == lookup.splitlines().index("  - id: svc-a") + 1
    code_only = lookup.replace(NAME_FIELD + NOTE_FIELD, CODE_FIELD)
    [service] = load_catalogue(write(tmp_path, code_only), KNOWN_ICONS).services
    assert service.kind is ServiceKind.STATUS_LOOKUP


def test_the_demo_s_antragsstatus_is_a_status_lookup() -> None:
    catalogue = load_catalogue(DEMO, KNOWN_ICONS)
    kinds = {s.id: s.kind for s in catalogue.services}
    assert kinds["antragsstatus"] is ServiceKind.STATUS_LOOKUP
    assert {k for k, v in kinds.items() if v is ServiceKind.STATUS_LOOKUP} == {"antragsstatus"}


CODE_FIELD = """\
          - key: code
            type: text
            required: true
            format: tracking_number
            label: {de: "Vorgangsnummer", en: "Tracking number"}
"""


def test_the_call_back_form_is_a_service_of_the_catalogue(tmp_path: Path) -> None:
    # svc-a: one page, no identification, no photos: a call-back form can be it.
    text = with_contact(CONTACT + "    call_back_service: svc-a\n")
    text = replaced("  - id: svc-a\n", "  - id: svc-a\n    listed: false\n", text)
    catalogue = load_catalogue(write(tmp_path, text), KNOWN_ICONS)
    assert catalogue.contact is not None and catalogue.contact.call_back_service == "svc-a"
    assert not catalogue.service("svc-a").listed
    # A name that is no service, and a service that asks for an ID card: refused at the line.
    for service, says in (("svc-z", "no service 'svc-z'"), ("svc-a", "must file a submission")):
        bad = with_contact(CONTACT + f"    call_back_service: {service}\n")
        if service == "svc-a":
            bad = replaced("    identification: none\n", "    identification: required\n", bad)
        (problem,) = problems_of(write(tmp_path, bad))
        assert problem.where == "municipality.contact.call_back_service"
        assert says in problem.message
