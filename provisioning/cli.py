"""The technician's command line on the terminal (``python -m provisioning``), over SSH:

- ``enrol --invitation TEXT`` (or ``--hub URL --code C --ca-fingerprint F``): enrol;
- ``status``: enrolment, certificate and the hub's configuration version;
- ``self-test``: the way to the hub over mutual TLS, the clock, the TURN servers, the disk;
- ``pin``: set the service mode's technician PIN;
- ``reset --yes``: forget the enrolment.

``--data-dir`` names the terminal's data folder, as its configuration does.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from provisioning.identity import DeviceIdentity

#: The terminal's data folder unless its configuration says otherwise (``[terminal] data_dir``,
#: the same default); the identity lies in ``identity/`` there.
DEFAULT_DATA_DIR = Path("~/.local/share/point-of-public")
IDENTITY_DIR = "identity"
#: The kiosk's mark of a decommissioned terminal (kiosk.terminal.DECOMMISSIONED_MARKER).
DECOMMISSIONED_MARKER = "decommissioned"


def _owner(folder: Path) -> int | None:
    try:
        return folder.stat().st_uid
    except OSError:
        return None


def identity_in(data_dir: Path) -> DeviceIdentity:
    return DeviceIdentity(data_dir.expanduser() / IDENTITY_DIR)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m provisioning", description=__doc__)
    p.add_argument(
        "--data-dir",
        type=Path,
        default=DEFAULT_DATA_DIR,
        help="the terminal's data folder, as its configuration names it ([terminal] data_dir)",
    )
    sub = p.add_subparsers(dest="command", required=True)
    enrol = sub.add_parser("enrol", help="enrol this terminal with the hub")
    enrol.add_argument("--invitation", help="the invitation's text (from its QR code)")
    enrol.add_argument("--hub", help="the hub's https:// address (without --invitation)")
    enrol.add_argument("--code", help="the enrolment code, e.g. K7QM-2XDF-9PRW")
    enrol.add_argument("--ca-fingerprint", help="the hub CA's SHA-256 fingerprint (64 hex)")
    sub.add_parser("status", help="whether and how this terminal is enrolled")
    sub.add_parser(
        "self-test",
        help="check the way to the hub (mutual TLS), the clock, the TURN servers and the disk "
        "(the devices are the running kiosk's: the service mode or the fleet page tests them)",
    )
    pin = sub.add_parser("pin", help="set the technician PIN of the service mode")
    pin.add_argument("--pin-stdin", action="store_true", help="read the PIN from stdin")
    reset = sub.add_parser(
        "reset", help="forget the enrolment: the key is overwritten and removed (enrol again)"
    )
    reset.add_argument("--yes", action="store_true", help="really (the key cannot come back)")
    return p


def main(
    argv: Sequence[str] | None = None, out: TextIO = sys.stdout, err: TextIO = sys.stderr
) -> int:
    args = parser().parse_args(argv)
    identity = identity_in(args.data_dir)
    owner = _owner(args.data_dir.expanduser())
    if owner is not None and owner != os.geteuid():
        # (run with sudo, say): the kiosk, running as the folder's owner, could not read the
        # key this would make, or would not even see it
        print(
            f"refused: {args.data_dir} belongs to another user; run this as that user "
            "(the one the kiosk runs as)",
            file=err,
        )
        return 2
    if args.command == "status":
        return _status(identity, out, args.data_dir.expanduser())
    if args.command == "self-test":
        from provisioning.self_check import run

        return run(identity, args.data_dir.expanduser(), out)
    if args.command == "pin":
        return _pin(args, out, err)
    if args.command == "reset":
        if not args.yes:
            print("refused: reset deletes this terminal's key for good; add --yes", file=err)
            return 2
        identity.wipe()
        from provisioning.configuration import FOLDER, ConfigurationStore

        ConfigurationStore(args.data_dir.expanduser() / FOLDER).wipe()
        print("enrolment forgotten: enrol the terminal again to reach the hub", file=out)
        return 0
    return _enrol(args, identity, out, err)


def _status(identity: DeviceIdentity, out: TextIO, data_dir: Path) -> int:
    from provisioning.configuration import FOLDER, ConfigurationStore

    enrolment = identity.enrolment()
    expires = identity.expires()
    if not identity.enrolled or enrolment is None or expires is None:
        print("not enrolled", file=out)
        return 0
    print(f"enrolled as {enrolment.terminal_id}", file=out)
    print(f"hub: {enrolment.terminal_url} (enrolled at {enrolment.hub_url})", file=out)
    print(f"certificate valid until {expires:%Y-%m-%d %H:%M} UTC", file=out)
    current = ConfigurationStore(data_dir / FOLDER).current()
    if current is None:
        print("configuration: none from the hub yet (the kiosk fetches it)", file=out)
    else:
        print(f"configuration: version {current.version} from the hub", file=out)
    return 0


def _pin(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """The service mode's PIN: typed twice (or one line on stdin), kept as a salted hash."""
    import getpass

    from provisioning.pins import pin_problem, write_pin

    if args.pin_stdin:
        pin = again = sys.stdin.readline().strip()
    else:
        pin = getpass.getpass("technician PIN: ")
        again = getpass.getpass("the same again: ")
    if pin != again:
        print("refused: the two PINs differ", file=err)
        return 2
    problem = pin_problem(pin)
    if problem is not None:
        print(f"refused: {problem}", file=err)
        return 2
    write_pin(args.data_dir.expanduser(), pin)
    print("technician PIN set (stored hashed; the lockout is reset)", file=out)
    return 0


def _enrol(args: argparse.Namespace, identity: DeviceIdentity, out: TextIO, err: TextIO) -> int:
    from provisioning.enrol import EnrolmentError, enrol
    from wire.enrolment import Invitation, InvitationError, normalise_code, parse_invitation

    try:
        if args.invitation:
            invitation = parse_invitation(args.invitation.strip())
        else:
            if not (args.hub and args.code and args.ca_fingerprint):
                raise InvitationError("give --invitation, or --hub, --code and --ca-fingerprint")
            code = normalise_code(args.code)
            if code is None:
                raise InvitationError("the enrolment code is not a valid code")
            fingerprint = args.ca_fingerprint.replace(":", "").lower()
            invitation = parse_invitation(
                Invitation(args.hub.rstrip("/"), code, fingerprint).text()
            )
        enrolment = enrol(invitation, identity)
    except (InvitationError, EnrolmentError) as exc:
        print(f"refused: {exc}", file=err)
        return 2
    # Enrolled again after a decommissioning: the kiosk may serve once it has its hub's key.
    (args.data_dir.expanduser() / DECOMMISSIONED_MARKER).unlink(missing_ok=True)
    print(f"enrolled as {enrolment.terminal_id}; the hub: {enrolment.terminal_url}", file=out)
    print("restart the kiosk (or the terminal) to talk to the hub this way", file=out)
    return 0
