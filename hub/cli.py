"""``python -m hub``: run the hub and administer it (keys, terminals, clerks).

    python -m hub init --data-dir D [--key FILE]
    python -m hub serve --data-dir D [--key FILE] [--host 127.0.0.1] [--port 8700]
                        [--tls-name NAME ... [--terminal-port 8701] [--pki-dir P]
                         [--terminal-settings FILE]]
                        [--catalogue FILE] [--trusted-proxy ADDR ...] [--api-docs]
                        [--session-idle-minutes 480] [--session-max-hours 12]
                        [--smtp-host H --smtp-port 25 --mail-from A --status-url URL]
    python -m hub key export --data-dir D [--key FILE] --out FILE
    python -m hub terminals add ID --name N --place P --data-dir D [--credential-file F]
    python -m hub terminals enrol ID --hub-url https://H:P --data-dir D [--valid-hours 24]
                                     [--qr-file F.png] [--pki-dir P]
    python -m hub terminals list|revoke|disable|enable|self-test|restart|resend-dead-letters|
                            decommission ID ...
    python -m hub users add NAME --data-dir D [--password-stdin] [--role clerk|admin]
    python -m hub users role NAME clerk|admin --data-dir D
    python -m hub users list|disable|enable|remove [NAME] --data-dir D
    python -m hub demo-setup --data-dir D --terminal-id ID --kiosk-dir K

Exit codes: 0 done, 2 refused (with a message saying why).
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

if TYPE_CHECKING:
    from hub.pki import CertificateAuthority

from hub.auth import (
    authenticate_terminal,
    check_password,
    hash_password,
    new_secret,
    secret_digest,
)
from hub.calls.turn import TurnSettings
from hub.keys import create_key, key_path, load_key, make_private, public_key_document
from hub.store import Store
from wire.api import TERMINAL_ID_RE, bearer_token
from wire.call import MAX_MESSAGE_BYTES

DEMO_USER = "demo"
DEMO_PASSWORD = "demo"
#: How the demo clerk shows at the terminal in a call.
DEMO_DISPLAY_NAME = "Frau Demo"


class Refused(Exception):  # noqa: N818 - a user-facing refusal, not an error of ours
    pass


def _data_dir(args: argparse.Namespace) -> Path:
    path: Path = args.data_dir
    return path


def _key_file(args: argparse.Namespace) -> Path:
    configured: Path | None = getattr(args, "key", None)
    return key_path(_data_dir(args), configured)


def _store(args: argparse.Namespace) -> Store:
    data = _data_dir(args)
    if not (data / "hub.sqlite").exists():
        raise Refused(
            f"{data} is not a hub data folder yet; run: python -m hub init --data-dir {data}"
        )
    return Store(data / "hub.sqlite")


def _write_private(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    path.chmod(0o600)


def cmd_init(args: argparse.Namespace) -> None:
    data = _data_dir(args)
    data.mkdir(mode=0o700, parents=True, exist_ok=True)
    made = create_key(_key_file(args))
    make_private(data / "hub.sqlite")
    Store(data / "hub.sqlite").close()
    make_private(data / "hub.sqlite")
    print(f"hub data folder ready: {data}" + (" (new key made)" if made else ""))


def cmd_key_export(args: argparse.Namespace) -> None:
    key = load_key(_key_file(args))
    out: Path = args.out
    out.write_text(json.dumps(public_key_document(key), indent=1) + "\n", encoding="utf-8")
    print(f"public key written to {out}")


def cmd_terminals_add(args: argparse.Namespace) -> None:
    if not TERMINAL_ID_RE.match(args.id):
        raise Refused("a terminal id is lowercase letters, digits and dashes (e.g. buerger-01)")
    store = _store(args)
    secret = new_secret()
    if not store.add_terminal(args.id, args.name, args.place, secret_digest(secret)):
        raise Refused(f"a terminal {args.id!r} exists already (revoke it or pick another id)")
    _hand_out(args, bearer_token(args.id, secret))


def _hand_out(args: argparse.Namespace, token: str) -> None:
    if args.credential_file:
        _write_private(args.credential_file, token + "\n")
        print(f"credential written to {args.credential_file} (mode 0600)")
    else:
        print(token)
        print(
            "This credential is shown once. Put it into the terminal's hub-credential file.",
            file=sys.stderr,
        )


def cmd_terminals_list(args: argparse.Namespace) -> None:
    for t in _store(args).terminals():
        state = "revoked" if t.revoked_at else "active"
        print(f"{t.id}\t{t.name}\t{t.place}\t{state}")


def cmd_terminals_revoke(args: argparse.Namespace) -> None:
    import time

    store = _store(args)
    if not store.revoke_terminal(args.id):
        raise Refused(f"no active terminal {args.id!r}")
    now = time.time()
    if store.revoke_device_certificates(args.id, now):
        # The list the TLS listener checks: the hub takes it in without a restart.
        from hub.enrolment import revocations_changed

        revocations_changed(store, _ca(args), now)
    print(f"terminal {args.id} revoked")


def cmd_terminals_order(args: argparse.Namespace) -> None:
    """Disable a terminal (its out-of-order screen shows), enable it again, or have it test
    its devices: the order goes with the answer to its next health report, and the fleet page
    shows when it was done (and the self-test's results)."""
    import time

    store = _store(args)
    terminal = store.terminal(args.id)
    if terminal is None or terminal.revoked_at is not None:
        raise Refused(f"no active terminal {args.id!r}")
    kind = args.terminals_command.replace("-", "_")
    if kind == "decommission" and not args.yes:
        raise Refused(
            "decommissioning is for good (the terminal wipes its keys and queue, the hub then "
            "refuses it): add --yes"
        )
    from hub.fleet_actions import OrderError, place_order

    try:
        place_order(store, args.id, kind, time.time())
    except OrderError as exc:
        raise Refused(str(exc)) from exc
    print(f"terminal {args.id}: {kind} ordered (carried out at its next report)")


def cmd_terminals_enrol(args: argparse.Namespace) -> None:
    """A one-time enrolment code for a registered terminal, with the invitation (and its QR
    code) that the technician takes to it."""
    from hub.enrolment import issue_code
    from wire.enrolment import shown

    if not args.hub_url.startswith("https://"):
        raise Refused("--hub-url: the https:// address the terminal reaches the hub at")
    store = _store(args)
    try:
        issued = issue_code(store, _ca(args), args.id, args.hub_url, args.valid_hours * 3600.0)
    except ValueError as exc:
        raise Refused(str(exc)) from exc
    import datetime as dt

    until = dt.datetime.fromtimestamp(issued.expires_at).astimezone()
    print(f"enrolment code for {args.id}: {shown(issued.code)}")
    print(f"valid until {until:%Y-%m-%d %H:%M %Z}, once")
    print(f"hub CA fingerprint (SHA-256): {issued.invitation.ca_sha256}")
    print(f"invitation: {issued.invitation.text()}")
    if args.qr_file is not None:
        import qrcode

        # Mode 0600: it holds a live code until it is used or expires.
        fd = os.open(args.qr_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as qr_file:
            qrcode.make(issued.invitation.text()).save(qr_file)
        print(f"QR code written to {args.qr_file}")


def _ca(args: argparse.Namespace) -> CertificateAuthority:
    """The CA the hub serves with (made by its first start; never made here)."""
    from hub.pki import PKI_DIR, CertificateAuthority, PkiError

    try:
        return CertificateAuthority(args.pki_dir or _data_dir(args) / PKI_DIR, create=False)
    except PkiError as exc:
        raise Refused(str(exc)) from exc


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass("Password: ")
        if getpass.getpass("Again: ") != password:
            raise Refused("the two passwords differ")
    if len(password) < 8:
        raise Refused("a clerk's password has at least 8 characters")
    return password


#: Clerks work the inbox and the calls and see the fleet; admins also act on the terminals.
ROLES = ("clerk", "admin")


def cmd_users_add(args: argparse.Namespace) -> None:
    store = _store(args)
    display = _display_name(args.display_name)
    if not store.add_user(args.name, hash_password(_read_password(args)), display):
        raise Refused(f"a user {args.name!r} exists already")
    if args.role != "clerk":
        store.set_role(args.name, args.role)
    print(f"user {args.name} added ({args.role})")


def cmd_users_role(args: argparse.Namespace) -> None:
    if not _store(args).set_role(args.name, args.role):
        raise Refused(f"no user {args.name!r}")
    print(f"user {args.name} is now {args.role}")


def cmd_users_display_name(args: argparse.Namespace) -> None:
    display = _display_name(args.display_name)
    if not _store(args).set_display_name(args.name, display):
        raise Refused(f"no user {args.name!r}")
    print(f"user {args.name} is shown to citizens as {display or args.name!r}")


def _display_name(text: str) -> str:
    """What a terminal shows of the clerk in a call: a short name, plain text."""
    text = " ".join(text.split())
    if len(text) > 60 or any(not c.isprintable() for c in text):
        raise Refused("a display name is up to 60 printable characters, e.g. 'Frau Weber'")
    return text


def cmd_users_list(args: argparse.Namespace) -> None:
    for name, enabled in _store(args).users():
        print(f"{name}\t{'active' if enabled else 'disabled'}")


def cmd_users_disable(args: argparse.Namespace) -> None:
    if not _store(args).set_user_enabled(args.name, False):
        raise Refused(f"no user {args.name!r}")
    print(f"user {args.name} disabled; their sessions have ended")


def cmd_users_enable(args: argparse.Namespace) -> None:
    if not _store(args).set_user_enabled(args.name, True):
        raise Refused(f"no user {args.name!r}")
    print(f"user {args.name} enabled")


def cmd_users_remove(args: argparse.Namespace) -> None:
    if not _store(args).remove_user(args.name):
        raise Refused(f"no user {args.name!r}")
    print(f"user {args.name} removed; their sessions have ended")


def cmd_demo_setup(args: argparse.Namespace) -> None:
    """Idempotent: key, this terminal's credential and key in the kiosk folder, a demo clerk."""
    cmd_init(args)
    store = _store(args)
    kiosk: Path = args.kiosk_dir
    kiosk.mkdir(mode=0o700, parents=True, exist_ok=True)
    key = load_key(_key_file(args))
    (kiosk / "hub-public.jwk").write_text(json.dumps(public_key_document(key)), encoding="utf-8")
    credential = kiosk / "hub-credential"
    current = credential.read_text(encoding="utf-8").strip() if credential.exists() else ""
    if authenticate_terminal(store, f"Bearer {current}") is None:
        secret = new_secret()
        if not store.add_terminal(args.terminal_id, "Demo-Terminal", "Demo", secret_digest(secret)):
            store.set_terminal_secret(args.terminal_id, secret_digest(secret))
        _write_private(credential, bearer_token(args.terminal_id, secret) + "\n")
    if not check_password(store, DEMO_USER, DEMO_PASSWORD) and not store.add_user(
        DEMO_USER, hash_password(DEMO_PASSWORD), DEMO_DISPLAY_NAME
    ):
        store.set_password(DEMO_USER, hash_password(DEMO_PASSWORD))
        store.set_user_enabled(DEMO_USER, True)
    store.set_display_name(DEMO_USER, DEMO_DISPLAY_NAME)
    print(f"demo ready: terminal {args.terminal_id}, clerk login {DEMO_USER} / {DEMO_PASSWORD}")


def cmd_serve(args: argparse.Namespace) -> None:
    import uvicorn

    from common.supervised import install_excepthook
    from hub.app import HubSettings, StartupError, create_app
    from hub.mailer import MailSettings
    from hub.state import SessionPolicy

    data = _data_dir(args)
    key_file = _key_file(args)
    if not key_file.exists():
        raise Refused(f"no hub key at {key_file}; run: python -m hub init --data-dir {data}")
    tls = bool(args.tls_name)
    url = f"{'https' if tls else 'http'}://{args.host}:{args.port}"
    if args.smtp_host and not args.mail_from:
        raise Refused("--smtp-host needs --mail-from (the sender of receipt mails)")
    if args.session_idle_minutes <= 0 or args.session_max_hours <= 0:
        raise Refused("session lifetimes are positive")
    mail = MailSettings(
        smtp_host=args.smtp_host,
        smtp_port=args.smtp_port,
        sender=args.mail_from,
        status_url=args.status_url or f"{url}/status/{{tracking}}",
    )
    settings = HubSettings(
        data_dir=data,
        catalogue_path=args.catalogue or HubSettings(data).catalogue_path,
        cookie_secure=args.cookie_secure,
        mail=mail,
        csca_paths=tuple(args.csca or ()),
        key_path=args.key,
        sessions=SessionPolicy(
            idle_s=args.session_idle_minutes * 60.0, absolute_s=args.session_max_hours * 3600.0
        ),
        api_docs=args.api_docs,
        turn=_turn(args),
        pki_dir=args.pki_dir,
        terminal_port=args.terminal_port if args.tls_name else 0,
        terminal_url=args.terminal_url.rstrip("/"),
        terminal_settings=args.terminal_settings,
        **_upload_limits(args),
    )
    for path in settings.csca_paths:
        if not path.exists():
            raise Refused(f"--csca {path}: no such file or folder")
    # A thread of this process that dies of a bug is logged once and shows in /healthz.
    install_excepthook()
    try:
        app = create_app(settings)
    except StartupError as exc:
        raise Refused(str(exc)) from exc
    trusted: list[str] = args.trusted_proxy
    # No access log: request paths carry tracking codes, which are the citizens' keys.
    # X-Forwarded-For/-Proto are believed only from the configured proxies (uvicorn's default
    # trusts 127.0.0.1, so anyone on the machine — or a proxy passing the header through —
    # could pick the address the rate limits count).
    options: dict[str, Any] = {
        "access_log": False,
        "log_level": "warning",
        "proxy_headers": bool(trusted),
        "forwarded_allow_ips": trusted or [],
        # The call signalling's largest message (wire.call), not uvicorn's 16 MiB.
        "ws_max_size": MAX_MESSAGE_BYTES + 1024,
    }
    if tls:
        from hub import listeners

        if args.terminal_port == args.port:
            raise Refused("--terminal-port must differ from --port")
        ca = app.state.pki
        print(f"hub listening on {url} (clerk inbox: {url}/inbox), terminals on port "
              f"{args.terminal_port} (mutual TLS); CA fingerprint {ca.fingerprint}",
              flush=True)  # fmt: skip
        names = listeners.names(args.tls_name)
        where = listeners.Listeners(args.host, args.port, args.terminal_port, names)
        listeners.serve(app, ca, app.state.hub.store, where, **options)
        return
    print(f"hub listening on {url} (clerk inbox: {url}/inbox)", flush=True)
    uvicorn.run(app, host=args.host, port=args.port, **options)


def _turn(args: argparse.Namespace) -> TurnSettings:
    """The STUN/TURN servers handed to both ends of a video call (hub.calls.turn)."""
    urls = tuple(args.turn_url or ())
    for url in urls:
        if url.split(":", 1)[0] not in ("stun", "turn", "turns"):
            raise Refused(f"--turn-url {url}: a stun:, turn: or turns: URL")
    secret = ""
    if args.turn_secret_file is not None:
        try:
            secret = args.turn_secret_file.read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise Refused(f"--turn-secret-file: {exc.strerror}") from exc
        if not secret:
            raise Refused("--turn-secret-file is empty")
    if args.turn_relay_only and not urls:
        raise Refused("--turn-relay-only needs a --turn-url")
    return TurnSettings(urls=urls, secret=secret, relay_only=args.turn_relay_only)


class _UploadLimits(TypedDict, total=False):
    uploads_at_once: int
    uploads_per_terminal: int
    max_pending_attachment_bytes: int


def _upload_limits(args: argparse.Namespace) -> _UploadLimits:
    """The serve options that bound uploads, as HubSettings fields (absent: its defaults)."""
    limits: _UploadLimits = {}
    if args.uploads_at_once is not None:
        if args.uploads_at_once < 1:
            raise Refused("--uploads-at-once is at least 1")
        limits["uploads_at_once"] = args.uploads_at_once
    if args.uploads_per_terminal is not None:
        if args.uploads_per_terminal < 1:
            raise Refused("--uploads-per-terminal is at least 1")
        limits["uploads_per_terminal"] = args.uploads_per_terminal
    if args.max_pending_attachment_mb is not None:
        if args.max_pending_attachment_mb <= 0:
            raise Refused("--max-pending-attachment-mb is positive")
        limits["max_pending_attachment_bytes"] = int(args.max_pending_attachment_mb * 2**20)
    return limits


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m hub", description="The Point of Public hub.")
    sub = p.add_subparsers(dest="command", required=True)

    def command(
        name: str, func: object, parent: argparse._SubParsersAction[argparse.ArgumentParser] = sub
    ) -> argparse.ArgumentParser:
        c = parent.add_parser(name)
        c.add_argument("--data-dir", type=Path, required=True, help="the hub's data folder")
        c.set_defaults(func=func)
        return c

    def with_key(c: argparse.ArgumentParser) -> argparse.ArgumentParser:
        c.add_argument(
            "--key",
            type=Path,
            help="the hub's private key file (default: hub-key.jwk in the data folder); keep "
            "it apart from the data, e.g. on another volume",
        )
        return c

    with_key(command("init", cmd_init))
    serve = with_key(command("serve", cmd_serve))
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8700)
    serve.add_argument(
        "--tls-name",
        action="append",
        help="serve HTTPS with the hub's own CA, for this host name or address (repeatable); "
        "enrolled terminals then connect with mutual TLS to --terminal-port",
    )
    serve.add_argument(
        "--terminal-port",
        type=int,
        default=8701,
        help="with --tls-name: the enrolled terminals' port (mutual TLS)",
    )
    serve.add_argument("--pki-dir", type=Path, help="the CA's folder (default: pki/ in D)")
    serve.add_argument(
        "--terminal-url",
        default="",
        help="with --tls-name: where terminals reach --terminal-port (default: the host they "
        "enrolled at, with --terminal-port)",
    )
    serve.add_argument(
        "--terminal-settings",
        type=Path,
        help="with --tls-name: the enrolled terminals' settings (JSON: languages, timeouts, "
        "heartbeat; default: terminal-settings.json in D, if there is one)",
    )
    serve.add_argument("--catalogue", type=Path)
    serve.add_argument(
        "--csca",
        type=Path,
        action="append",
        help="CSCA certificates or master lists (a file or a folder; repeatable): the ID "
        "documents' chip data are verified against these",
    )
    serve.add_argument(
        "--cookie-secure",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="send the clerks' session cookie only over HTTPS (default; the hub belongs behind "
        "TLS). --no-cookie-secure for a local demo over plain http",
    )
    serve.add_argument(
        "--trusted-proxy",
        action="append",
        default=[],
        metavar="ADDR",
        help="a reverse proxy (address or network, e.g. 127.0.0.1 or 10.0.0.0/24) whose "
        "X-Forwarded-For and X-Forwarded-Proto are believed; repeatable. Default: none, every "
        "client is its connection's address",
    )
    serve.add_argument(
        "--turn-url",
        action="append",
        metavar="URL",
        help="a STUN or TURN server for the video calls (stun:, turn:, turns: URL); "
        "repeatable. Default: none, calls connect directly",
    )
    serve.add_argument(
        "--turn-secret-file",
        type=Path,
        metavar="FILE",
        help="coturn's static-auth-secret: the hub hands out time-limited TURN credentials",
    )
    serve.add_argument(
        "--turn-relay-only",
        action="store_true",
        help="both ends of a call send media only through the TURN server",
    )
    serve.add_argument(
        "--api-docs",
        action="store_true",
        help="serve the API description at /openapi.json (off by default)",
    )
    serve.add_argument(
        "--uploads-at-once",
        type=int,
        help="uploads received or stored at once; more are answered 503 with Retry-After "
        "(default 32)",
    )
    serve.add_argument(
        "--uploads-per-terminal",
        type=int,
        help="of those, from one terminal (default 4)",
    )
    serve.add_argument(
        "--max-pending-attachment-mb",
        type=float,
        help="MB of photos one terminal may have waiting for their submission; more are "
        "answered 507 and retried (default 200)",
    )
    serve.add_argument(
        "--session-idle-minutes",
        type=float,
        default=480.0,
        help="a clerk's session ends after this long without a request (default 480)",
    )
    serve.add_argument(
        "--session-max-hours",
        type=float,
        default=12.0,
        help="a clerk's session ends this long after login, however busy (default 12)",
    )
    serve.add_argument(
        "--smtp-host",
        default="",
        help="mail server for receipt mails (terminals offer them when their printer cannot "
        "print); none: such mails wait in the database",
    )
    serve.add_argument("--smtp-port", type=int, default=25)
    serve.add_argument("--mail-from", default="", help="sender address of receipt mails")
    serve.add_argument(
        "--status-url",
        default="",
        help="the citizens' status page in receipt mails, with {tracking}; default: this hub's",
    )
    key = sub.add_parser("key").add_subparsers(dest="key_command", required=True)
    with_key(command("export", cmd_key_export, key)).add_argument("--out", type=Path, required=True)
    terminals = sub.add_parser("terminals").add_subparsers(dest="terminals_command", required=True)
    add = command("add", cmd_terminals_add, terminals)
    add.add_argument("id")
    add.add_argument("--name", required=True)
    add.add_argument("--place", required=True)
    add.add_argument("--credential-file", type=Path)
    command("list", cmd_terminals_list, terminals)
    revoke = command("revoke", cmd_terminals_revoke, terminals)
    revoke.add_argument("id")
    revoke.add_argument("--pki-dir", type=Path, help="the CA's folder (default: pki/ in D)")
    command("disable", cmd_terminals_order, terminals).add_argument("id")
    command("enable", cmd_terminals_order, terminals).add_argument("id")
    command("self-test", cmd_terminals_order, terminals).add_argument("id")
    command("restart", cmd_terminals_order, terminals).add_argument("id")
    command("resend-dead-letters", cmd_terminals_order, terminals).add_argument("id")
    decommission = command("decommission", cmd_terminals_order, terminals)
    decommission.add_argument("id")
    decommission.add_argument("--yes", action="store_true", help="really (for good)")
    enrol = command("enrol", cmd_terminals_enrol, terminals)
    enrol.add_argument("id")
    enrol.add_argument("--hub-url", required=True, help="https://host:port the terminal uses")
    enrol.add_argument("--valid-hours", type=float, default=24.0)
    enrol.add_argument("--qr-file", type=Path, help="write the invitation's QR code (PNG)")
    enrol.add_argument("--pki-dir", type=Path, help="the CA's folder (default: pki/ in D)")
    users = sub.add_parser("users").add_subparsers(dest="users_command", required=True)
    uadd = command("add", cmd_users_add, users)
    uadd.add_argument("name")
    uadd.add_argument("--password-stdin", action="store_true")
    uadd.add_argument(
        "--display-name", default="", help="how citizens see the clerk in a call: 'Frau Weber'"
    )
    uadd.add_argument(
        "--role",
        choices=ROLES,
        default="clerk",
        help="admin: also registers, enrols and orders terminals on the fleet page",
    )
    role = command("role", cmd_users_role, users)
    role.add_argument("name")
    role.add_argument("role", choices=ROLES)
    shown = command("display-name", cmd_users_display_name, users)
    shown.add_argument("name")
    shown.add_argument("display_name", help="'' shows the login name")
    command("list", cmd_users_list, users)
    command("disable", cmd_users_disable, users).add_argument("name")
    command("enable", cmd_users_enable, users).add_argument("name")
    command("remove", cmd_users_remove, users).add_argument("name")
    demo = with_key(command("demo-setup", cmd_demo_setup))
    demo.add_argument("--terminal-id", required=True)
    demo.add_argument("--kiosk-dir", type=Path, required=True)
    return p


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    args = parser().parse_args(argv)
    try:
        args.func(args)
    except Refused as exc:
        print(f"hub: {exc}", file=sys.stderr)
        return 2
    return 0
