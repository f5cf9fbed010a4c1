"""Enrolment and mutual TLS: how long a terminal takes from its code to a certificate, what a
TLS handshake with a device certificate costs, and whether the terminal's connections are
reused.

A real hub process with its own CA serves HTTPS on two ports (``serve --tls-name``). Then:

1. **Enrolment:** N terminals are registered and given codes (the hub's CLI, not timed); each
   is then enrolled as the technician's command does it (``provisioning.enrol``: the CA
   fetched and checked against the fingerprint, a key made, the code and signing request
   sent, the certificate stored): code entered → certificate on disk; and on to a configured
   terminal: the hub's signed configuration fetched, checked (signature, catalogue, key) and
   kept.
2. **Handshakes:** a fresh connection's GET of the probe on the terminals' port with the
   device certificate (mutual TLS, the handshake the hub really does), beside the same on the
   browsers' port without one (server-authenticated TLS), side by side in the same run.
3. **Reuse:** 200 probes through one client session (the delivery worker's), timed against
   200 probes each on a new connection, and the connections the hub saw counted.

    .venv/bin/python bench/enrolment.py [--terminals 20]

Ends with one line of JSON.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from catalogue.loader import load_catalogue  # noqa: E402
from provisioning.configuration import FOLDER, ConfigurationStore, update  # noqa: E402
from provisioning.enrol import enrol  # noqa: E402
from provisioning.identity import DeviceIdentity  # noqa: E402
from tests.support.hub_runner import HubRunner  # noqa: E402
from wire.api import PROBE_PATH  # noqa: E402
from wire.enrolment import parse_invitation  # noqa: E402

ROUNDS = 200


def kiosk_check(folder: Path) -> None:
    """What the kiosk checks before it takes a configuration: the catalogue and the key."""
    from provisioning.configuration import CATALOGUE, HUB_KEY
    from wire.sealing import load_public_key

    load_catalogue(folder / CATALOGUE)
    load_public_key(folder / HUB_KEY)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--terminals", type=int, default=20)
    args = parser.parse_args()
    import requests

    work = Path(tempfile.mkdtemp(prefix="pop-bench-enrolment-"))
    hub = HubRunner(work / "hub", tls=True)
    hub.cli("init")
    hub.start()
    try:
        invitations = []
        for n in range(args.terminals):
            terminal = f"bench-{n:03d}"
            hub.cli("terminals", "add", terminal, "--name", "B", "--place", "Benchdorf")
            out = hub.cli("terminals", "enrol", terminal, "--hub-url", hub.url)
            line = next(x for x in out.splitlines() if x.startswith("invitation: "))
            invitations.append(parse_invitation(line.split(" ", 1)[1]))
        enrol_s = []
        configured_s = []
        identities = []
        for n, invitation in enumerate(invitations):
            identity = DeviceIdentity(work / f"terminal-{n}" / "identity")
            started = time.perf_counter()
            enrol(invitation, identity)
            enrol_s.append(time.perf_counter() - started)
            # Then its configuration, fetched, its signature and content checked, kept: the
            # terminal can serve (what the kiosk does right after the restart enrolment asks).
            found = update(
                identity,
                ConfigurationStore(identity.folder.parent / FOLDER),
                kiosk_check,
                dt.datetime.now(dt.UTC),
            )
            assert found is not None
            configured_s.append(time.perf_counter() - started)
            identities.append(identity)
        identity = identities[0]
        cert = (str(identity.cert_file), str(identity.key_file))
        verify = str(identity.ca_file)
        params = {"nonce": "b" * 16}

        def fresh(url: str, with_cert: bool) -> float:
            started = time.perf_counter()
            with requests.Session() as http:
                answer = http.get(
                    url + PROBE_PATH,
                    params=params,
                    cert=cert if with_cert else None,
                    verify=verify,
                    timeout=10,
                )
            elapsed = time.perf_counter() - started
            assert answer.status_code in (200, 401), answer.status_code
            return elapsed

        mutual = [fresh(hub.terminal_url, True) for _ in range(ROUNDS)]
        server_only = [fresh(hub.url, False) for _ in range(ROUNDS)]
        with requests.Session() as http:
            http.trust_env = False  # (as the terminal: REQUESTS_CA_BUNDLE would win over verify)
            http.cert, http.verify = cert, verify
            http.get(hub.terminal_url + PROBE_PATH, params=params, timeout=10)  # (connected)
            started = time.perf_counter()
            for _ in range(ROUNDS):
                assert http.get(hub.terminal_url + PROBE_PATH, params=params, timeout=10).ok
            reused_s = (time.perf_counter() - started) / ROUNDS
            adapter = http.get_adapter(hub.terminal_url)
            assert isinstance(adapter, requests.adapters.HTTPAdapter)
            pools = adapter.poolmanager.pools
            # (keys(): the container refuses to be iterated, for thread safety)
            connections = sum(pools[key].num_connections for key in pools.keys())  # noqa: SIM118
    finally:
        hub.stop()
        shutil.rmtree(work, ignore_errors=True)

    figures = {
        "enrolment_median_s": round(statistics.median(enrol_s), 3),
        "enrolment_max_s": round(max(enrol_s), 3),
        "code_to_configured_median_s": round(statistics.median(configured_s), 3),
        "code_to_configured_max_s": round(max(configured_s), 3),
        "mtls_new_connection_median_ms": round(statistics.median(mutual) * 1000, 2),
        "tls_new_connection_median_ms": round(statistics.median(server_only) * 1000, 2),
        "mtls_over_tls_ratio": round(statistics.median(mutual) / statistics.median(server_only), 2),
        "mtls_reused_connection_mean_ms": round(reused_s * 1000, 2),
        "connections_for_201_requests": connections,
    }
    print(f"enrolment, code → certificate ({args.terminals} terminals): median "
          f"{figures['enrolment_median_s']} s, slowest {figures['enrolment_max_s']} s; "
          f"code → configured (its signed configuration checked and kept): median "
          f"{figures['code_to_configured_median_s']} s, slowest "
          f"{figures['code_to_configured_max_s']} s")  # fmt: skip
    print(f"a request on a new connection: mutual TLS {figures['mtls_new_connection_median_ms']}"
          f" ms, server-only TLS {figures['tls_new_connection_median_ms']} ms "
          f"({figures['mtls_over_tls_ratio']}×)")  # fmt: skip
    print(f"a request on the terminal's kept connection: "
          f"{figures['mtls_reused_connection_mean_ms']} ms (mean); {connections} connection(s) "
          f"for {ROUNDS + 1} requests")  # fmt: skip
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
