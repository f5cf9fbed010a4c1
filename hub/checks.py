"""Checking an opened submission against the catalogue, with the terminal's own rules.

The same :func:`kiosk.validation.check_field` the kiosk runs decides here, with "today" being
the day the citizen submitted (a submission delivered after a week offline is judged by the
day it was made). Problems name the field and the problem code, never the value.
"""

from __future__ import annotations

from kiosk.catalogue.model import Catalogue, Service
from kiosk.validation import check_field
from wire.submission import SubmissionData


def check_document(doc: SubmissionData, catalogue: Catalogue) -> tuple[Service | None, list[str]]:
    try:
        service = catalogue.service(doc.service_id)
    except KeyError:
        return None, [f"service {doc.service_id!r} is not in the catalogue"]
    problems: list[str] = []
    fields = {f.key: f for f in service.fields()}
    for key in doc.form:
        if key not in fields:
            problems.append(f"form.{key}: not a field of this service")
    today = doc.submitted_at.date()
    for key, spec in fields.items():
        found = check_field(spec, doc.form.get(key), today)
        if found is not None:
            problems.append(f"form.{key}: {found.problem.value}")
    count = len(doc.attachments)
    if not service.attachments.min_photos <= count <= service.attachments.max_photos:
        problems.append(
            f"attachments: {count} photos, the service takes "
            f"{service.attachments.min_photos} to {service.attachments.max_photos}"
        )
    return service, problems
