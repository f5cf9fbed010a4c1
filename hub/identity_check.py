"""The hub's own identity check: the chip's evidence, not the terminal's word.

A terminal's credential is a file on its disk; whoever holds it can send any document. So the
hub does not take ``identity.authenticity`` from the terminal. It takes the files the terminal
read from the chip (``identity.evidence``: EF.SOD, DG1, DG11, see :mod:`wire.evidence`) and

1. checks that every data group sent hashes to its value in EF.SOD (otherwise the files cannot
   have come from any chip: refused);
2. runs passive authentication against the hub's own CSCA trust store (``serve --csca``) at
   the time the hub received the submission: valid / invalid / unknown CSCA — stored either
   way, the clerk sees the verdict;
3. recomputes the holder's data from the signed DG1/DG11 exactly as the terminal prefills the
   form (:mod:`drivers.card.icao.holder`) and checks that every field the terminal marks as
   read from the chip (``identity.prefilled_fields``) holds that value (otherwise: refused);
4. enforces the service's ``identification: required``: no evidence, no submission; and
   refuses a document that had expired when the form was submitted (the terminal does too).

What this does not prove — a chip cloned with its files, or evidence replayed from another
submission — is written in docs/HUB.md (Chip/Active Authentication, a hub-issued challenge).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from drivers.card.icao import passive
from drivers.card.icao.holder import Holder, holder_from_files
from drivers.card.icao.lds import LdsError
from hub.problems import ProblemError
from kiosk.catalogue.model import Catalogue, Field, Identification, IdentityAttribute, Service
from kiosk.validation import FieldValue, normalise
from wire.api import ProblemType
from wire.evidence import EvidenceError, decode_evidence
from wire.submission import Identity, SubmissionData

log = logging.getLogger(__name__)


class IdentityVerdict(StrEnum):
    VALID = "valid"
    INVALID = "invalid"
    UNKNOWN_CSCA = "unknown_csca"
    NO_EVIDENCE = "no_evidence"  # no chip data: nothing the hub could check


@dataclass(frozen=True)
class IdentityCheck:
    verdict: IdentityVerdict
    reason: str  # for the clerk and the log: never a value from the document
    #: Why intake refuses the submission (None: it may be stored with the verdict).
    refusal: str | None = None
    #: The holder as the signed DG1/DG11 say (for the clerk), when the evidence held DG1.
    holder: Holder | None = None
    #: Fields a chip attribute fills that the citizen typed, with a value other than the chip's.
    differing: tuple[str, ...] = ()


def _prefill_value(attribute: IdentityAttribute, holder: Holder) -> FieldValue:
    """What the terminal puts into a field (kiosk/session.py's ``_prefill``)."""
    values: dict[IdentityAttribute, FieldValue] = {
        IdentityAttribute.GIVEN_NAMES: holder.given_names,
        IdentityAttribute.FAMILY_NAME: holder.family_name,
        IdentityAttribute.DATE_OF_BIRTH: holder.date_of_birth.strftime("%d.%m.%Y"),
        IdentityAttribute.NATIONALITY: holder.nationality,
        IdentityAttribute.DOCUMENT_NUMBER: holder.document_number,
        IdentityAttribute.ADDRESS: dict(holder.address),
    }
    return values[attribute]


def _signed_value(spec: Field, holder: Holder) -> FieldValue | None:
    if spec.prefill is None:
        return None
    value = _prefill_value(spec.prefill, holder)
    return normalise(spec, value) if value else None


def _claimed(identity: Identity) -> list[str] | None:
    # wire.submission's model already guarantees distinct form keys; kept as the one place
    # that would notice a looser model.
    claimed = list(identity.prefilled_fields)
    if not all(isinstance(k, str) for k in claimed):
        return None
    return claimed


def identity_fields(doc: SubmissionData) -> Identity | None:
    """``doc.identity`` as typed by wire.submission (the one place that knows how it is
    represented), or None."""
    return doc.identity


def check_identity(
    doc: SubmissionData, service: Service | None, trust: passive.TrustStore, at: datetime
) -> IdentityCheck:
    """The hub's verdict on ``doc``'s identity. Never raises for anything a terminal sends."""
    identity = identity_fields(doc)
    required = service is not None and service.identification is Identification.REQUIRED
    claimed = _claimed(identity) if identity is not None else []
    if claimed is None:
        return IdentityCheck(
            IdentityVerdict.NO_EVIDENCE,
            "identity.prefilled_fields malformed",
            refusal="identity.prefilled_fields: not a list of field names",
        )
    evidence_obj = identity.evidence if identity is not None and identity.evidence else None
    if evidence_obj is None:
        refusal = None
        if required:
            refusal = "this service needs an identity document read from its chip"
        elif claimed:
            refusal = "fields are marked as read from the chip, but no chip data came with them"
        return IdentityCheck(IdentityVerdict.NO_EVIDENCE, "no chip data sent", refusal)
    try:
        evidence = decode_evidence(evidence_obj)
    except EvidenceError as exc:
        return IdentityCheck(IdentityVerdict.INVALID, str(exc), refusal=str(exc))
    mismatch = passive.data_group_mismatch(evidence.sod, evidence.data_groups)
    if mismatch is not None:
        return IdentityCheck(IdentityVerdict.INVALID, mismatch, refusal=f"chip data: {mismatch}")
    if 1 not in evidence.data_groups:
        reason = "chip data without DG1"
        return IdentityCheck(IdentityVerdict.INVALID, reason, refusal=reason)
    try:
        holder = holder_from_files(evidence.data_groups[1], evidence.data_groups.get(11), at.date())
    except (LdsError, ValueError) as exc:
        reason = f"chip data: {exc}"
        return IdentityCheck(IdentityVerdict.INVALID, reason, refusal=reason)

    # The terminal refuses an expired document when it reads it; a day's grace for a read just
    # before midnight that was submitted just after.
    if holder.expiry < doc.submitted_at.date() - timedelta(days=1):
        reason = "the identity document had expired when the form was submitted"
        return IdentityCheck(IdentityVerdict.INVALID, reason, refusal=reason, holder=holder)
    specs = {f.key: f for f in service.fields()} if service is not None else {}
    forged: list[str] = []
    # Without the service (gone from the catalogue since it was stored) no field can be mapped
    # to the chip: the passive authentication's verdict stands alone.
    for key in claimed if service is not None else ():
        spec = specs.get(key)
        signed = _signed_value(spec, holder) if spec is not None else None
        if signed is None or doc.form.get(key) != signed:
            forged.append(key)
    if forged:
        # Names the fields, never their values.
        refusal = "differs from the chip's signed data: " + ", ".join(f"form.{k}" for k in forged)
        return IdentityCheck(IdentityVerdict.INVALID, refusal, refusal=refusal, holder=holder)
    differing = tuple(
        key
        for key, spec in specs.items()
        if key not in claimed
        and key in doc.form
        and (signed := _signed_value(spec, holder)) is not None
        and doc.form[key] != signed
    )
    result = passive.verify(evidence.sod, evidence.data_groups, trust, at=at)
    return IdentityCheck(
        IdentityVerdict(result.verdict.value), result.reason, holder=holder, differing=differing
    )


def enforce_identity(
    doc: SubmissionData, catalogue: Catalogue, trust: passive.TrustStore
) -> IdentityCheck:
    """Intake: refuse (422, identity-not-verified) what cannot be a genuine identification;
    anything else may be stored, with the verdict the clerk will see."""
    try:
        service: Service | None = catalogue.service(doc.service_id)
    except KeyError:
        service = None
    check = check_identity(doc, service, trust, datetime.now(UTC))
    if check.refusal is not None:
        log.warning("submission refused: identity not verified (%s)", check.refusal)
        raise ProblemError(
            422,
            ProblemType.IDENTITY_NOT_VERIFIED,
            "The identity data do not hold up: " + check.refusal,
        )
    return check
