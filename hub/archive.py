"""Every service definition the hub has loaded, kept by (service id, version).

Terminals name the version of the service their citizen filled in (``service.version``), and
they get a new catalogue later than the hub does, or earlier. The hub therefore validates a
submission against the definition of *that* version, not against its current catalogue: a new
catalogue rolled out to the hub first must not make the terminals' submissions invalid.

Each definition is kept as a file, ``<data dir>/catalogue-archive/<service id>/<version>.yaml``:
a one-service catalogue (with the municipality's frame as it was then) in the catalogue's own
format, read back with the terminal's own loader, so there is one parser and one set of checks.
A file is written once, atomically, and never changed.

A published version must not change what it accepts: if the current catalogue's definition of
an archived (id, version) accepts other forms than the archived one (a field, a bound, a choice,
the photos, the identification), the hub refuses to start and says which service to give a new
version. Texts (titles, labels, help, icon, duration) may be corrected under the same version;
the archive keeps the rules, which are all that validation uses.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

import yaml

from catalogue.loader import CatalogueError, load_catalogue
from catalogue.model import EMPTY_TEXT, Catalogue, LocalText, Service

ARCHIVE_DIR = "catalogue-archive"
_VERSION_FILE = re.compile(r"^([1-9][0-9]{0,17})\.yaml$")
_T = TypeVar("_T")


class ArchiveError(Exception):
    """The hub cannot start with this catalogue and archive; the message says what to do."""


@dataclass(frozen=True)
class ServiceArchive:
    """The definitions a submission can be checked against, by (id, version)."""

    services: dict[tuple[str, int], Service]
    #: The current catalogue: its time zone says which day a submission was made on.
    catalogue: Catalogue

    def service(self, service_id: str, version: int) -> Service | None:
        return self.services.get((service_id, version))

    def today(self, at: datetime) -> date:
        return self.catalogue.today(at)


def open_archive(data_dir: Path, catalogue: Catalogue, catalogue_path: Path) -> ServiceArchive:
    """Load the archive under ``data_dir``, add the current catalogue's new definitions to it.

    Raises :class:`ArchiveError` if an archived version's rules were changed, or an archive
    file cannot be read (a lost version would turn valid submissions away).
    """
    folder = data_dir / ARCHIVE_DIR
    try:
        services = dict(_load_all(folder))
    except OSError as exc:
        raise ArchiveError(f"cannot read the archive of service versions {folder}: {exc}") from exc
    current = {(s.id, s.version): s for s in catalogue.services}
    changed = [_changed(old, current[key]) for key, old in services.items() if key in current]
    problems = [c for c in changed if c]
    if problems:
        raise ArchiveError(
            "the catalogue changes services that terminals may already have sent under the "
            "same version:\n"
            + "\n".join(f"  - {p}" for p in problems)
            + f"\nGive each of these a higher 'version' in {catalogue_path.name}; the hub keeps "
            f"the old version for submissions made with it (archive: {folder})."
        )
    new = [key for key in current if key not in services]
    if new:
        raw = _raw_services(catalogue_path)
        for service_id, version in new:
            if service_id not in raw.services:
                raise ArchiveError(
                    f"{catalogue_path.name} changed while the hub was reading it; start again"
                )
            path = folder / service_id / f"{version}.yaml"
            try:
                _write_once(path, raw.one_service(service_id))
            except OSError as exc:
                raise ArchiveError(f"cannot keep the service definition in {path}: {exc}") from exc
            archived = _load_one(path)
            if archived is None or _rules(archived) != _rules(current[(service_id, version)]):
                path.unlink()
                raise ArchiveError(
                    f"{catalogue_path.name} changed while the hub was reading it; start again"
                )
            services[(service_id, version)] = archived
    services.update(current)  # the same rules; the current texts
    return ServiceArchive(services, catalogue)


# --- comparing -------------------------------------------------------------------------------


def _without_texts(value: _T) -> _T:
    """``value`` with every text blanked, recursively through dataclasses and tuples."""
    if isinstance(value, LocalText):
        return EMPTY_TEXT  # type: ignore[return-value]
    if isinstance(value, tuple):
        return tuple(_without_texts(v) for v in value)  # type: ignore[return-value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: _without_texts(getattr(value, f.name)) for f in dataclasses.fields(value)
        }
        return dataclasses.replace(value, **changes)
    return value


def _rules(service: Service) -> Service:
    """What decides whether a submission is valid: everything but the texts and looks.

    Blanking (rather than picking the rule fields) keeps a rule added to the model later
    inside the comparison without anyone remembering to add it here."""
    return dataclasses.replace(_without_texts(service), icon="", duration_minutes=0)


def _changed(old: Service, new: Service) -> str:
    """ "" if ``new`` accepts the same submissions as ``old``, else what differs."""
    a, b = _rules(old), _rules(new)
    if a == b:
        return ""
    what: list[str] = []
    if a.identification != b.identification:
        what.append("identification")
    if a.attachments != b.attachments:
        what.append("photos")
    fields_a = {f.key: f for f in a.fields()}
    fields_b = {f.key: f for f in b.fields()}
    for key in sorted(fields_a.keys() | fields_b.keys()):
        if key not in fields_b:
            what.append(f"field '{key}' removed")
        elif key not in fields_a:
            what.append(f"field '{key}' added")
        elif fields_a[key] != fields_b[key]:
            what.append(f"field '{key}' changed")
    if not what:
        what.append("pages")
    return f"service '{old.id}' version {old.version}: " + ", ".join(what)


# --- files -----------------------------------------------------------------------------------


def _load_all(folder: Path) -> Iterator[tuple[tuple[str, int], Service]]:
    if not folder.is_dir():
        return
    for service_dir in sorted(p for p in folder.iterdir() if p.is_dir()):
        for path in sorted(service_dir.iterdir()):
            match = _VERSION_FILE.match(path.name)
            if match is None:
                continue  # e.g. a temporary file left by a power cut while writing
            service = _load_one(path)
            if service is None or (service.id, service.version) != (
                service_dir.name,
                int(match[1]),
            ):
                raise ArchiveError(
                    f"the archived service definition {path} is not the one its name says; "
                    "restore it from a backup"
                )
            yield (service.id, service.version), service


def _load_one(path: Path) -> Service | None:
    try:
        archived = load_catalogue(path)
    except CatalogueError as exc:
        raise ArchiveError(
            f"the archived service definition {path} cannot be read; restore it from a "
            f"backup:\n{exc}"
        ) from exc
    return archived.services[0] if len(archived.services) == 1 else None


def _write_once(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically and durably (the directory entry included)."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        Path(tmp).replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(tmp).unlink()
        raise
    for folder in (path.parent, path.parent.parent):
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


@dataclass(frozen=True)
class _RawCatalogue:
    frame: dict[str, Any]
    services: dict[str, Any]

    def one_service(self, service_id: str) -> str:
        frame = dict(self.frame)
        municipality = frame.get("municipality")
        if isinstance(municipality, dict) and isinstance(municipality.get("contact"), dict):
            # Which form asks for a call back concerns the terminals, not this service's rules
            # (and names a service that a one-service catalogue does not hold).
            contact = {k: v for k, v in municipality["contact"].items() if k != "call_back_service"}
            frame["municipality"] = {**municipality, "contact": contact}
        data = {**frame, "services": [self.services[service_id]]}
        header = (
            "# Archived by the hub: the definition terminals used for this service version.\n"
            "# Written once, never changed (see hub/archive.py).\n"
        )
        return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def _raw_services(path: Path) -> _RawCatalogue:
    """The catalogue as the loader sees it: every value the text written in the file, so
    that the archived copy reads back exactly the same (no YAML 1.1 ``yes`` → ``True``)."""
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ArchiveError(f"{path.name} changed while the hub was reading it: {exc}") from exc
    data = _plain(root) if root is not None else None
    if not isinstance(data, dict):
        raise ArchiveError(f"{path.name} changed while the hub was reading it; start again")
    frame = {k: v for k, v in data.items() if k != "services"}
    services = {s["id"]: s for s in data.get("services") or [] if isinstance(s, dict) and "id" in s}
    return _RawCatalogue(frame, services)


def _plain(node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        return {str(k.value): _plain(v) for k, v in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [_plain(n) for n in node.value]
    return str(node.value)
