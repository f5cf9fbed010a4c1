"""The hub keeps every service version it has loaded and checks a submission against its own.

A new catalogue often reaches the hub before the terminals (or after): submissions made with
the older version must still be accepted, a version the hub has not seen yet must be deferred
(the terminal sends it again later), never refused for good, and a published version must not
change what it accepts. Everything here runs a real hub process over HTTP.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import requests

from catalogue.loader import load_catalogue
from hub.archive import ARCHIVE_DIR, ArchiveError, open_archive
from tests.hub.conftest import LiveHub, termin
from tests.support.clock import FrozenClock
from tests.support.configs import ROOT
from tests.support.hub_runner import HubRunner
from wire.api import ProblemType
from wire.sealing import load_public_key

DEMO = (ROOT / "catalogues" / "musterstadt.yaml").read_text(encoding="utf-8")
# termin, version 1: the preferred day lies 1 to 60 days ahead.
TERMIN_V1 = "    version: 1\n    icon: calendar\n"
TERMIN_DAYS = "            min_days: 1\n            max_days: 60\n"


def termin_version(text: str, version: int, max_days: int = 60, title: str = "") -> str:
    assert text.count(TERMIN_V1) == 1 and text.count(TERMIN_DAYS) == 1
    text = text.replace(TERMIN_V1, f"    version: {version}\n    icon: calendar\n")
    text = text.replace(TERMIN_DAYS, f"            min_days: 1\n            max_days: {max_days}\n")
    if title:
        text = text.replace('title: {de: "Termin im Bürgerbüro"', f'title: {{de: "{title}"', 1)
    return text


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[LiveHub]:
    runner = HubRunner(tmp_path / "hub")
    credential, key = runner.setup("village-01")
    hub = LiveHub(runner, credential.read_text().strip(), load_public_key(key), "village-01")
    yield hub
    hub.http.close()
    runner.stop()


def serve(hub: LiveHub, tmp_path: Path, text: str, name: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    hub.runner.stop()
    hub.runner.start("--catalogue", str(path))
    return path


def ask(hub: LiveHub, version: int, days: int) -> requests.Response:
    clock = FrozenClock(datetime.now(UTC))
    doc = termin(hub.terminal_id, service={"id": "termin", "version": version})
    doc["submitted_at"] = clock.now.isoformat()
    doc["form"]["preferred_date"] = clock.day(days).isoformat()
    return hub.put_data(doc)


def test_each_submission_is_checked_against_its_own_service_version(
    hub: LiveHub, tmp_path: Path
) -> None:
    serve(hub, tmp_path, DEMO, "v1.yaml")
    # The hub gets version 2 (at most 30 days ahead) before the terminals do.
    serve(hub, tmp_path, termin_version(DEMO, 2, max_days=30), "v2.yaml")

    made_with_v1 = ask(hub, version=1, days=45)
    assert made_with_v1.status_code == 201, made_with_v1.text
    too_late_for_v2 = ask(hub, version=2, days=45)
    assert too_late_for_v2.status_code == 422
    assert too_late_for_v2.json()["problems"] == ["form.preferred_date: date_too_late"]
    assert ask(hub, version=2, days=30).status_code == 201

    archive = hub.runner.data_dir / ARCHIVE_DIR / "termin"
    assert sorted(p.name for p in archive.iterdir()) == ["1.yaml", "2.yaml"]
    # A restart with the old catalogue again (a rollback) keeps both versions.
    serve(hub, tmp_path, DEMO, "v1-again.yaml")
    assert ask(hub, version=2, days=30).status_code == 201
    assert ask(hub, version=1, days=45).status_code == 201


def test_a_version_the_hub_has_not_seen_is_deferred_not_refused(
    hub: LiveHub, tmp_path: Path
) -> None:
    serve(hub, tmp_path, DEMO, "v1.yaml")
    # The terminals got version 2 first: the hub says "later", so the terminal keeps it and
    # sends it again (a 4xx problem would make it a dead letter).
    early = ask(hub, version=2, days=10)
    assert early.status_code == 503, early.text
    assert early.json()["type"] == ProblemType.UNAVAILABLE.value
    assert int(early.headers["Retry-After"]) > 0
    assert ask(hub, version=999_999, days=10).status_code == 503
    # Beyond what a version can be (wire.submission bounds it): refused, not deferred.
    assert ask(hub, version=2**63, days=10).status_code == 422
    unknown = termin(hub.terminal_id, service={"id": "neuer-dienst", "version": 1})
    assert hub.put_data(unknown).status_code == 503
    # Once the hub has the catalogue with version 2, the same submission goes in.
    serve(hub, tmp_path, termin_version(DEMO, 2), "v2.yaml")
    assert ask(hub, version=2, days=10).status_code == 201


def test_a_changed_rule_under_a_published_version_stops_the_hub(
    hub: LiveHub, tmp_path: Path
) -> None:
    serve(hub, tmp_path, DEMO, "v1.yaml")
    archived = hub.runner.data_dir / ARCHIVE_DIR / "termin" / "1.yaml"
    before = hashlib.sha256(archived.read_bytes()).hexdigest()
    changed = termin_version(DEMO, 1, max_days=30)
    with pytest.raises(RuntimeError, match="did not start"):
        serve(hub, tmp_path, changed, "v1-changed.yaml")
    log = hub.runner.log_path.read_text(encoding="utf-8")
    assert "service 'termin' version 1: field 'preferred_date' changed" in log
    assert "higher 'version' in v1-changed.yaml" in log
    assert "Traceback" not in log
    assert hashlib.sha256(archived.read_bytes()).hexdigest() == before
    hub.runner.process = None  # it exited by itself


def test_texts_can_be_corrected_under_the_same_version(hub: LiveHub, tmp_path: Path) -> None:
    serve(hub, tmp_path, DEMO, "v1.yaml")
    serve(hub, tmp_path, termin_version(DEMO, 1, title="Termin im Rathaus"), "typo.yaml")
    assert ask(hub, version=1, days=45).status_code == 201


def test_the_archive_reads_back_exactly_what_the_catalogue_said(tmp_path: Path) -> None:
    # YAML 1.1 reads yes/no/on/off as booleans; the catalogue loader reads the text as written.
    # The archived copy must not turn a choice value "no" into False (then "false").
    text = DEMO.replace("              - value: other\n", "              - value: 'no'\n", 1)
    path = tmp_path / "ort.yaml"
    path.write_text(text, encoding="utf-8")
    catalogue = load_catalogue(path)
    first = open_archive(tmp_path / "data", catalogue, path)
    again = open_archive(tmp_path / "data", catalogue, path)  # read from the files this time
    for service in catalogue.services:
        stored = again.service(service.id, service.version)
        assert stored == service == first.service(service.id, service.version)
    archived = load_catalogue(tmp_path / "data" / ARCHIVE_DIR / "maengel-melden" / "1.yaml")
    assert [c.value for c in archived.services[0].fields()[0].choices][-1] == "no"


def test_a_damaged_archive_file_stops_the_hub(tmp_path: Path) -> None:
    path = tmp_path / "ort.yaml"
    path.write_text(DEMO, encoding="utf-8")
    catalogue = load_catalogue(path)
    open_archive(tmp_path / "data", catalogue, path)
    (tmp_path / "data" / ARCHIVE_DIR / "termin" / "1.yaml").write_text("services: [", "utf-8")
    with pytest.raises(ArchiveError, match=r"termin/1.yaml cannot be read"):
        open_archive(tmp_path / "data", catalogue, path)
