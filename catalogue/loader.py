"""Load a municipality's service catalogue from YAML and check it thoroughly.

Every problem is reported with the file, the line and the field it concerns, in words a
municipal editor understands ("Line 42, service 'sperrmuell', field 'items': the type 'txt'
is unknown; use one of ..."). The loader collects all problems before it gives up, so one
edit can fix them all. It raises only :class:`CatalogueError`.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from catalogue.checker import ID_RE, Checker, iter_problems
from catalogue.fields import problem_at, read_attachments, read_page
from catalogue.model import (
    EMPTY_TEXT,
    Attachments,
    Catalogue,
    Contact,
    Identification,
    Page,
    Service,
    ServiceKind,
    TextFormat,
)
from catalogue.problems import CatalogueError, CatalogueProblem

__all__ = ["CatalogueError", "CatalogueProblem", "iter_problems", "load_catalogue"]

#: A telephone number as E.164 writes it (+, country code, number; at most 15 digits), with
#: single spaces between groups as people write it on a sign: "+49 30 1234567".
_PHONE = re.compile(r"\+[1-9][0-9]*(?: [0-9]+)*")
#: libyaml's parser where PyYAML was built with it (Debian's and the wheels are): ~10× faster
#: than the pure-Python one (2 ms instead of 27 ms for the demo catalogue, before the first
#: frame), with the same nodes and line marks.
_LOADER: type[yaml.SafeLoader] | type[yaml.CSafeLoader] = getattr(
    yaml, "CSafeLoader", yaml.SafeLoader
)


def load_catalogue(path: Path, known_icons: Collection[str] | None = None) -> Catalogue:
    """Read and check the catalogue at ``path``; raise :class:`CatalogueError` if unusable.

    ``known_icons`` are the icon names the terminal's interface can draw (``ui.icons``); the hub
    shows no icons and passes none, so any well-formed name is accepted there.
    """
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogueError(
            [CatalogueProblem(path, 0, "", f"the file cannot be read ({exc})")]
        ) from exc
    try:
        root = yaml.compose(source, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 0
        raise CatalogueError(
            [CatalogueProblem(path, line, "", f"the file is not valid YAML: {exc.problem}")]
        ) from exc
    except yaml.YAMLError as exc:  # e.g. ReaderError: control characters in the text
        raise CatalogueError(
            [CatalogueProblem(path, 0, "", f"the file is not valid YAML text: {exc}")]
        ) from exc
    except RecursionError as exc:
        raise CatalogueError(
            [CatalogueProblem(path, 0, "", "the file is nested too deeply")]
        ) from exc
    if root is None:
        raise CatalogueError([CatalogueProblem(path, 1, "", "the file is empty")])
    try:
        return _parse(root, path, known_icons)
    except RecursionError as exc:
        raise CatalogueError(
            [CatalogueProblem(path, 0, "", "the file is nested too deeply")]
        ) from exc


def _parse(root: yaml.Node, path: Path, known_icons: Collection[str] | None) -> Catalogue:
    languages = _languages(root)
    c = Checker(path, languages, known_icons)
    top = c.mapping(root, "")
    if top is None:
        raise CatalogueError(c.problems)
    c.allowed_keys(top, {"municipality", "languages", "welcome", "privacy_notice", "services"}, "")
    muni = c.mapping(top["municipality"], "municipality") if "municipality" in top else None
    muni_id, muni_name, zone = "", EMPTY_TEXT, ZoneInfo("UTC")
    contact: Contact | None = None
    if muni is None:
        c.problem(root, "", "'municipality' is missing (id, name and time_zone)")
    else:
        c.allowed_keys(muni, {"id", "name", "time_zone", "contact"}, "municipality")
        muni_id = c.identifier(muni, "id", top["municipality"], "municipality")
        muni_name = c.text(muni, "name", top["municipality"], "municipality")
        zone = _time_zone(c, muni, top["municipality"]) or zone
        contact = _contact(c, muni.get("contact"))
    if not languages:
        c.problem(root, "", "'languages' is missing or empty, e.g. [de, en]")
    welcome = c.text(top, "welcome", root, "")
    privacy = c.text(top, "privacy_notice", root, "")
    services: list[Service] = []
    seen: set[str] = set()
    service_nodes = c.sequence(top["services"], "services") if "services" in top else []
    if not service_nodes:
        c.problem(root, "", "'services' is missing or empty: a catalogue needs at least one")
    for index, node in enumerate(service_nodes):
        service = _service(c, node, index)
        if service is None:
            continue
        if service.id in seen:
            c.problem(node, f"service '{service.id}'", "this service id is used twice")
        seen.add(service.id)
        services.append(service)
    if contact is not None and contact.call_back_service and muni is not None:
        _check_call_back(c, muni.get("contact"), contact.call_back_service, services)
    if c.problems:
        raise CatalogueError(c.problems)
    return Catalogue(
        muni_id, muni_name, languages, tuple(services), welcome, privacy, zone, contact
    )


def _check_call_back(
    c: Checker, node: yaml.Node | None, service_id: str, services: list[Service]
) -> None:
    """The call-back request is a form of this catalogue that files a submission and needs no
    identification, photos or chip: it is filled in over the video call's screen."""
    where = "municipality.contact.call_back_service"
    found = next((s for s in services if s.id == service_id), None)
    if node is None:
        return
    if found is None:
        c.problem(node, where, f"no service '{service_id}' in this catalogue")
    elif (
        found.kind is not ServiceKind.SUBMISSION
        or found.identification is not Identification.NONE
        or found.attachments.max_photos
        or len(found.pages) != 1
    ):
        c.problem(
            node,
            where,
            f"the service '{service_id}' must file a submission with one page, "
            "no identification and no photos",
        )


def _contact(c: Checker, node: yaml.Node | None) -> Contact | None:
    """``municipality.contact``: how a citizen reaches the town hall from the terminal."""
    if node is None:
        return None
    where = "municipality.contact"
    m = c.mapping(node, where)
    if m is None:
        return None
    c.allowed_keys(m, {"phone", "hours", "call_back_service"}, where)
    phone = ""
    if "phone" not in m:
        c.problem(node, where, "'phone' is missing, e.g. \"+49 30 1234567\"")
    else:
        phone = (c.scalar(m["phone"], where) or "").strip()
        digits = sum(ch.isdigit() for ch in phone)
        if not _PHONE.fullmatch(phone) or not 7 <= digits <= 15:
            c.problem(
                m["phone"],
                where,
                f"the phone number '{phone[:40]}' must be written internationally: +, the "
                "country code and the number, digits and single spaces only "
                '(7 to 15 digits), e.g. "+49 30 1234567"',
            )
    hours = c.text(m, "hours", node, where)
    call_back = ""
    if "call_back_service" in m:
        call_back = c.scalar(m["call_back_service"], where) or ""
    return Contact(phone, hours, call_back)


def _time_zone(c: Checker, muni: dict[str, yaml.Node], owner: yaml.Node) -> ZoneInfo | None:
    # Required, with no default: the machine's own zone would be a guess (hubs often run in
    # UTC), and a wrong guess refuses valid forms around midnight.
    where = "municipality"
    node = muni.get("time_zone")
    if node is None:
        c.problem(owner, where, "'time_zone' is missing: the municipality's, e.g. Europe/Berlin")
        return None
    name = c.scalar(node, where)
    if name is None:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: e.g. a folder's name
        c.problem(
            node,
            where,
            f"the time zone '{name[:60]}' is unknown; use a name of the tz database, "
            "e.g. Europe/Berlin",
        )
        return None


def _languages(root: yaml.Node) -> tuple[str, ...]:
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if key.value == "languages" and isinstance(value, yaml.SequenceNode):
                return tuple(str(v.value) for v in value.value if isinstance(v, yaml.ScalarNode))
    return ()


def _service(c: Checker, node: yaml.Node, index: int) -> Service | None:
    where = f"service {index + 1}"
    m = c.mapping(node, where)
    if m is None:
        return None
    sid = c.identifier(m, "id", node, where)
    where = f"service '{sid}'" if sid else where
    c.allowed_keys(
        m,
        {
            "id",
            "version",
            "title",
            "summary",
            "description",
            "icon",
            "identification",
            "duration_minutes",
            "pages",
            "attachments",
            "receipt_text",
            "kind",
            "listed",
        },
        where,
    )
    kind = ServiceKind.SUBMISSION
    if "kind" in m:
        kind = c.enum(m["kind"], ServiceKind, where, "service kind") or kind
    icon = "generic"
    if "icon" in m:
        icon = c.scalar(m["icon"], where) or "generic"
        if c.known_icons is not None and icon not in c.known_icons:
            known = ", ".join(sorted(c.known_icons))
            c.problem(m["icon"], where, f"the icon '{icon}' is unknown; use one of: {known}")
        elif not ID_RE.match(icon):
            c.problem(m["icon"], where, f"the icon '{icon}' is not a valid icon name")
    ident = Identification.NONE
    if "identification" in m:
        ident = c.enum(m["identification"], Identification, where, "identification") or ident
    pages = tuple(
        p
        for i, pn in enumerate(c.sequence(m["pages"], where) if "pages" in m else [])
        if (p := read_page(c, pn, where, i)) is not None
    )
    keys: set[str] = set()
    for page in pages:
        for f in page.fields:
            if f.key in keys:
                c.problems.append(
                    problem_at(c, f.line, where, f"the field key '{f.key}' is used twice")
                )
            keys.add(f.key)
    attachments = read_attachments(c, m.get("attachments"), where)
    if not pages and attachments.max_photos == 0:
        c.problem(node, where, "a service needs at least one form page or photos")
    if kind is ServiceKind.STATUS_LOOKUP:
        _check_lookup(c, node, where, pages, attachments, ident)
    return Service(
        id=sid,
        version=c.integer(m, "version", where, 1, low=1) or 1,
        title=c.text(m, "title", node, where),
        summary=c.text(m, "summary", node, where),
        description=c.text(m, "description", node, where),
        icon=icon,
        identification=ident,
        duration_minutes=c.integer(m, "duration_minutes", where, 5, low=1) or 5,
        pages=pages,
        attachments=attachments,
        receipt_text=c.text(m, "receipt_text", node, where),
        kind=kind,
        listed=c.boolean(m, "listed", where, True),
    )


def _check_lookup(
    c: Checker,
    node: yaml.Node,
    where: str,
    pages: tuple[Page, ...],
    attachments: Attachments,
    ident: Identification,
) -> None:
    """A status look-up asks for one thing, the tracking number, and sends nothing."""
    fields = [f for p in pages for f in p.fields]
    if len(fields) != 1 or fields[0].text_format is not TextFormat.TRACKING_NUMBER:
        c.problem(
            node,
            where,
            "a status_lookup service has exactly one field, of format 'tracking_number'",
        )
    if attachments.max_photos or ident is not Identification.NONE:
        c.problem(node, where, "a status_lookup service takes no photos and no identification")
