"""The hub's own identity check: the chip's evidence, not the terminal's word.

A terminal's credential is a file on its disk; whoever holds it can send any document. So the
hub does not take ``identity.authenticity`` from the terminal. It takes the files the terminal
read from the chip (``identity.evidence``: EF.SOD, DG1, DG11, see :mod:`wire.evidence`) and

1. checks that every data group sent hashes to its value in EF.SOD, and that every one of
   DG1/DG11/DG14/DG15 EF.SOD lists was sent (otherwise refused);
2. recomputes the holder's data from the signed DG1/DG11 exactly as the terminal prefills the
   form (:mod:`drivers.card.icao.holder`) and requires that value in every field the terminal
   would have locked — marked in ``identity.prefilled_fields`` or not (otherwise: refused);
3. refuses a document that had expired when the form was submitted (bounded by
   :data:`MAX_OFFLINE` against a backdated ``submitted_at``), and enforces the service's
   ``identification: required``: no evidence, no submission;
4. where the chip offers Active Authentication (DG15), checks its signature over the
   challenge derived from the submission id (refused if it does not verify: replayed);
5. runs passive authentication against the hub's own CSCA trust store (``serve --csca``) at
   the time the hub received the submission: valid / invalid / unknown CSCA — stored either
   way, the clerk sees the verdict.

What this does not prove (a chip without Active Authentication, e.g. the German ID card, can
be cloned with its files) is written in docs/HUB.md.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from catalogue.model import Field, Identification, IdentityAttribute, Service
from catalogue.validation import FieldValue, check_field, normalise
from drivers.card.icao import active, passive
from drivers.card.icao.holder import Holder, holder_from_files
from drivers.card.icao.lds import LdsError
from hub.problems import ProblemError
from wire.api import ProblemType
from wire.evidence import Evidence, EvidenceError, decode_evidence
from wire.submission import Identity, SubmissionData

log = logging.getLogger(__name__)


#: The longest a terminal may hold a submission before the hub receives it: a terminal in a
#: village hall offline over a holiday fortnight and more. A document's expiry is judged no
#: earlier than this before receipt, so a backdated ``submitted_at`` cannot revive an expired
#: document for longer than this.
MAX_OFFLINE = timedelta(days=30)
#: How far a terminal's clock may run ahead of the hub's (NTP keeps both within seconds; a
#: terminal without NTP for a while drifts by minutes). A ``submitted_at`` later than receipt
#: plus this is refused at intake.
CLOCK_SKEW = timedelta(minutes=5)


class ChipProof(StrEnum):
    """Did the chip prove to the hub that it is the original, for this submission?"""

    #: The chip signed a challenge derived from this submission's id with DG15's key.
    ACTIVE_AUTHENTICATION = "active_authentication"
    #: No Active Authentication (the German ID card has only Chip Authentication, which
    #: leaves nothing the hub can check afterwards): the clerk sees "nicht prüfbar".
    NOT_CHECKABLE = "not_checkable"
    UNUSABLE_KEY = "unusable_key"  # DG15 in a form this hub cannot use


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
    chip: ChipProof = ChipProof.NOT_CHECKABLE


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


def _field_problems(
    doc: SubmissionData, specs: dict[str, Field], claimed: list[str], holder: Holder
) -> tuple[list[str], tuple[str, ...]]:
    """(fields that must hold the chip's value and do not, fields a citizen may have corrected
    that differ from it).

    The terminal prefills every field a chip attribute fills and locks it when the form
    accepts the chip's value (kiosk/session.py ``_prefill``): the citizen cannot change it.
    So the hub applies the same rule, whatever ``prefilled_fields`` says: a field whose signed
    value the form accepts must hold exactly that value — otherwise a terminal's credential
    and one genuine card would file in anyone's name by leaving the names unmarked. Only a
    value the form does not accept (a street without a number, a foreign postcode) may have
    been corrected by hand; the clerk sees those as differing.
    """
    today = doc.submitted_at.date()
    forged = [key for key in claimed if key not in specs]
    differing: list[str] = []
    for key, spec in specs.items():
        raw = _prefill_value(spec.prefill, holder) if spec.prefill is not None else None
        if not raw:
            if key in claimed:
                forged.append(key)  # marked as from the chip, which has no such value
            continue
        signed = normalise(spec, raw)
        locked = check_field(spec, raw, today) is None
        if key in claimed or locked:
            if doc.form.get(key) != signed:
                forged.append(key)
        elif key in doc.form and doc.form[key] != signed:
            differing.append(key)
    return sorted(forged), tuple(differing)


def _effective_time(doc: SubmissionData, at: datetime) -> datetime:
    """When the form counts as submitted for the document's expiry: the terminal's
    ``submitted_at``, but never earlier than the longest a terminal may hold a submission
    before the hub receives it — a backdated ``submitted_at`` does not revive an expired
    document (intake refuses one from the future, see :data:`CLOCK_SKEW`)."""
    return max(doc.submitted_at, at - MAX_OFFLINE)


def _chip_proof(evidence: Evidence, submission_id: str) -> tuple[ChipProof, str | None]:
    """Active Authentication, bound to this submission: (what the clerk sees, refusal)."""
    dg15 = evidence.data_groups.get(15)
    if dg15 is None:
        return ChipProof.NOT_CHECKABLE, None
    try:
        key = active.parse_dg15(dg15)
        dg14 = evidence.data_groups.get(14)
        ecdsa_hash = active.ecdsa_hash_from_dg14(dg14) if dg14 is not None else None
    except active.ActiveAuthError:
        # DG15 is covered by EF.SOD (checked before): a key this hub cannot use is the
        # issuer's choice, as the terminal judges it (drivers/card/genuine.py).
        return ChipProof.UNUSABLE_KEY, None
    if evidence.aa_signature is None:
        return ChipProof.NOT_CHECKABLE, "the chip offers Active Authentication; no signature sent"
    challenge = active.submission_challenge(submission_id)
    try:
        signed = active.verify(key, challenge, evidence.aa_signature, ecdsa_hash)
    except (ValueError, ArithmeticError):
        signed = False
    if not signed:
        # Another submission's signature (replayed evidence) or none from this chip.
        return (
            ChipProof.NOT_CHECKABLE,
            "the chip's Active Authentication is not for this submission",
        )
    return ChipProof.ACTIVE_AUTHENTICATION, None


def check_identity(
    doc: SubmissionData, service: Service | None, trust: passive.TrustStore, at: datetime
) -> IdentityCheck:
    """The hub's verdict on ``doc``'s identity. Never raises for anything a terminal sends.

    ``at``: when the hub received the submission."""
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
    # EF.SOD's signed list names every data group the document has: one left out of the
    # evidence hides something (DG11: a hand-typed address would pass as unchecked; DG14/DG15:
    # the chip's own proof of being the original).
    listed = passive.listed_data_groups(evidence.sod)
    withheld = [n for n in passive.EVIDENCE_GROUPS if n in listed and n not in evidence.data_groups]
    if withheld:
        reason = "EF.SOD lists " + ", ".join(f"DG{n}" for n in withheld) + ", not sent"
        return IdentityCheck(IdentityVerdict.INVALID, reason, refusal=reason)
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
    if holder.expiry < _effective_time(doc, at).date() - timedelta(days=1):
        reason = "the identity document had expired when the form was submitted"
        return IdentityCheck(IdentityVerdict.INVALID, reason, refusal=reason, holder=holder)
    specs = {f.key: f for f in service.fields()} if service is not None else {}
    # Without the service (gone from the catalogue since it was stored) no field can be mapped
    # to the chip: the passive authentication's verdict stands alone.
    forged, differing = (
        _field_problems(doc, specs, claimed, holder) if service is not None else ([], ())
    )
    if forged:
        # Names the fields, never their values.
        refusal = "differs from the chip's signed data: " + ", ".join(f"form.{k}" for k in forged)
        return IdentityCheck(IdentityVerdict.INVALID, refusal, refusal=refusal, holder=holder)
    proof, refusal = _chip_proof(evidence, doc.id)
    if refusal is not None:
        return IdentityCheck(IdentityVerdict.INVALID, refusal, refusal=refusal, holder=holder)
    result = passive.verify(evidence.sod, evidence.data_groups, trust, at=at)
    return IdentityCheck(
        IdentityVerdict(result.verdict.value),
        result.reason,
        holder=holder,
        differing=differing,
        chip=proof,
    )


def enforce_identity(
    doc: SubmissionData, service: Service | None, trust: passive.TrustStore
) -> IdentityCheck:
    """Intake: refuse (422, identity-not-verified) what cannot be a genuine identification;
    anything else may be stored, with the verdict the clerk will see. ``service``: the
    definition of the version the submission names (hub.archive)."""
    check = check_identity(doc, service, trust, datetime.now(UTC))
    if check.refusal is not None:
        log.warning("submission refused: identity not verified (%s)", check.refusal)
        raise ProblemError(
            422,
            ProblemType.IDENTITY_NOT_VERIFIED,
            "The identity data do not hold up: " + check.refusal,
        )
    return check
