"""The hub under abuse, against real hub processes: password guessing and status look-ups
with forged X-Forwarded-For, guessing spread over addresses, many clients at once, and the
event loop staying free while passwords are checked."""

from __future__ import annotations

import re
import statistics
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from hub.state import RateLimiter
from tests.hub.conftest import CLERK_PASSWORD
from tests.support.hub_runner import HubRunner


def _hub(tmp_path_factory: pytest.TempPathFactory, name: str, *extra: str) -> Iterator[HubRunner]:
    runner = HubRunner(tmp_path_factory.mktemp(name) / "data")
    runner.setup("abuse-01")
    runner.cli("users", "add", "clerk", "--password-stdin", stdin=CLERK_PASSWORD + "\n")
    runner.start(*extra)
    yield runner
    runner.stop()


@pytest.fixture(scope="module")
def plain_hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubRunner]:
    """No proxy configured: every client is its connection's address."""
    yield from _hub(tmp_path_factory, "plain")


@pytest.fixture(scope="module")
def proxied_hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubRunner]:
    """Behind a reverse proxy on 127.0.0.1 that sets X-Forwarded-For."""
    yield from _hub(tmp_path_factory, "proxied", "--trusted-proxy", "127.0.0.1")


def guess(hub: HubRunner, user: str, forwarded_for: str, password: str = "falsch-1") -> int:
    with requests.Session() as browser:
        page = browser.get(hub.url + "/login", timeout=30)
        match = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
        assert match
        r = browser.post(
            hub.url + "/login",
            data={"username": user, "password": password, "csrf_token": match.group(1)},
            headers={"X-Forwarded-For": forwarded_for},
            timeout=60,
        )
        return r.status_code


def test_a_forged_forwarded_for_does_not_buy_guesses(plain_hub: HubRunner) -> None:
    # Each guess claims another address and names another account: without a trusted proxy
    # the hub counts the connection's address, so the guesses run out all the same.
    answers = [guess(plain_hub, f"user{n}", f"198.51.100.{n}") for n in range(12)]
    # (One guess more comes back every 30 s: on a slow machine a late one may pass again.)
    assert answers[:10] == [401] * 10 and answers[10] == 429


def test_status_lookups_with_a_forged_forwarded_for_are_limited(plain_hub: HubRunner) -> None:
    answers = []
    with requests.Session() as http:
        for n in range(14):
            r = http.get(
                plain_hub.url + f"/api/v1/status/AAAA-BBBB-{n:04d}",
                headers={"X-Forwarded-For": f"203.0.113.{n}"},
                timeout=10,
            )
            answers.append(r.status_code)
    assert answers[:10] == [404] * 10 and set(answers[10:]) == {429}


def test_behind_a_trusted_proxy_each_citizen_has_a_bucket(proxied_hub: HubRunner) -> None:
    with requests.Session() as http:
        for n in range(30):
            r = http.get(
                proxied_hub.url + "/api/v1/status/AAAA-BBBB-CCCC",
                headers={"X-Forwarded-For": f"203.0.113.{n}"},
                timeout=10,
            )
            assert r.status_code == 404  # thirty citizens, one look-up each: none refused
        # One of them looking up again and again meets the limit.
        answers = [
            http.get(
                proxied_hub.url + "/api/v1/status/AAAA-BBBB-CCCC",
                headers={"X-Forwarded-For": "203.0.113.7"},
                timeout=10,
            ).status_code
            for _ in range(12)
        ]
    assert 429 in answers


def test_guesses_spread_over_addresses_meet_the_account_limit(proxied_hub: HubRunner) -> None:
    answers = [guess(proxied_hub, "clerk", f"198.51.100.{n}") for n in range(12)]
    assert answers[:10] == [401] * 10 and answers[10] == 429
    # The account is throttled, not the hub: another clerk from another address logs in.
    assert guess(proxied_hub, "anna", "192.0.2.1") == 401


def test_the_limiter_is_bounded_and_thread_safe() -> None:
    limiter = RateLimiter(5.0, 60.0, max_keys=10_000)
    failures: list[BaseException] = []

    def flood(offset: int) -> None:
        try:
            for n in range(30_000):
                limiter.allow(f"{offset}-{n}")
        except BaseException as exc:  # noqa: BLE001 - the test reports whatever escaped
            failures.append(exc)

    threads = [threading.Thread(target=flood, args=(t,)) for t in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    assert len(limiter) == 10_000
    # A client that used its burst is still limited while others flood in after it.
    for _ in range(5):
        assert limiter.allow("guesser") == 0
    assert limiter.allow("guesser") > 0


def _healthz_ms(url: str) -> float:
    start = time.perf_counter()
    assert requests.get(url + "/healthz", timeout=60).status_code == 200
    return (time.perf_counter() - start) * 1000


def test_password_guessing_does_not_block_the_event_loop(proxied_hub: HubRunner) -> None:
    url = proxied_hub.url
    idle = statistics.median(_healthz_ms(url) for _ in range(20))
    # One password check alone, as a yardstick of what blocking would cost.
    start = time.perf_counter()
    assert guess(proxied_hub, "yardstick", "192.0.2.200") == 401
    check_ms = (time.perf_counter() - start) * 1000

    done = threading.Event()

    def guesser(n: int) -> None:
        for attempt in range(5):
            guess(proxied_hub, f"guess{n}", f"192.0.2.{n + 10}", f"falsch-{attempt}")

    busy: list[float] = []
    with ThreadPoolExecutor(6) as pool:
        futures = [pool.submit(guesser, n) for n in range(6)]
        pool_done = threading.Thread(
            target=lambda: ([f.result() for f in futures], done.set()), daemon=True
        )
        pool_done.start()
        while not done.wait(0.005):  # a monitor's pace, not a flood
            busy.append(_healthz_ms(url))
        for f in futures:
            f.result()
    assert len(busy) >= 5
    during = statistics.median(busy)
    # Blocked, /healthz would wait for password checks (~check_ms each); free, it stays
    # within an order of magnitude of idle — or far below one check on a loaded machine.
    assert during < max(10 * idle, check_ms / 5), (idle, during, check_ms)


def test_form_posts_are_bounded(plain_hub: HubRunner) -> None:
    # Starlette keeps a url-encoded form in memory: a huge login post must not get that far.
    huge = b"username=clerk&password=" + b"x" * (2 * 1024 * 1024)
    r = requests.post(
        plain_hub.url + "/login",
        data=huge,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        timeout=30,
    )
    assert r.status_code == 413

    def chunks() -> Iterator[bytes]:
        yield b"username=clerk&password="
        yield b"x" * 1024

    r = requests.post(
        plain_hub.url + "/login",
        data=chunks(),  # chunked, no length
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        timeout=30,
    )
    assert r.status_code == 411
    assert requests.get(plain_hub.url + "/healthz", timeout=10).json()["status"] == "ok"


def test_client_keys() -> None:
    from hub.state import client_key

    assert client_key("192.0.2.7") == "192.0.2.7"
    assert client_key("::ffff:192.0.2.7") == "192.0.2.7"
    # One IPv6 household or machine has a /64: rotating within it is one client.
    assert client_key("2001:db8:1:2::1") == client_key("2001:db8:1:2:ffff::9")
    assert client_key("2001:db8:1:2::1") != client_key("2001:db8:1:3::1")
    assert client_key(None) == "unknown"


@pytest.fixture(scope="module")
def lockout_hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubRunner]:
    yield from _hub(tmp_path_factory, "lockout", "--trusted-proxy", "127.0.0.1")


def _login(browser: requests.Session, hub: HubRunner, user: str, password: str, addr: str) -> int:
    page = browser.get(hub.url + "/login", timeout=30)
    match = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert match
    r = browser.post(
        hub.url + "/login",
        data={"username": user, "password": password, "csrf_token": match.group(1)},
        headers={"X-Forwarded-For": addr},
        allow_redirects=False,
        timeout=60,
    )
    return r.status_code


def test_a_strangers_guesses_do_not_lock_out_the_clerks_own_browser(
    lockout_hub: HubRunner,
) -> None:
    clerk = requests.Session()
    # The clerk's browser logged in before: it carries a signed device cookie for "clerk".
    assert _login(clerk, lockout_hub, "clerk", CLERK_PASSWORD, "203.0.113.5") == 303
    device = next(c for c in clerk.cookies if c.name == "pop_device")
    assert device.path == "/login" and device.has_nonstandard_attr("HttpOnly")
    assert device.expires is not None and device.expires > time.time() + 30 * 86400
    # A stranger guesses from one address until the account's bucket is empty.
    answers = [guess(lockout_hub, "clerk", "198.51.100.7") for _ in range(11)]
    assert answers[:10] == [401] * 10 and answers[10] == 429
    # The clerk's browser, from another address, is counted on its own bucket: it gets in.
    assert _login(clerk, lockout_hub, "clerk", CLERK_PASSWORD, "203.0.113.99") == 303
    # Untrusted browsers still meet the account's limit, the right password or not ...
    assert guess(lockout_hub, "clerk", "203.0.113.100", password=CLERK_PASSWORD) == 429
    # ... and so does a forged or altered device cookie, or one for another account.
    forged = requests.Session()
    forged.cookies.set("pop_device", device.value[:-2] + "AA", path="/login")
    assert _login(forged, lockout_hub, "clerk", CLERK_PASSWORD, "203.0.113.101") == 429
    # A trusted device that guesses wrong meets its own bucket.
    thief = requests.Session()
    thief.cookies.set("pop_device", device.value or "", path="/login")
    answers = [_login(thief, lockout_hub, "clerk", "falsch", "192.0.2.9") for _ in range(11)]
    assert answers[:10] == [401] * 10 and answers[10] == 429
    clerk.close(), forged.close(), thief.close()


def test_rotating_ipv6_networks_meet_the_site_limit(lockout_hub: HubRunner) -> None:
    # Each guess from another /64 of one /48, each at another account: no /64 and no account
    # meets its limit, the /48 does.
    answers: list[int] = []
    while 429 not in answers and len(answers) < 40:
        answers.append(
            guess(lockout_hub, f"nobody{len(answers)}", f"2001:db8:77:{len(answers):x}::1")
        )
    # (The /48's bucket gains a guess every 10 s: on a slow machine one or two more pass.)
    assert answers[:30] == [401] * 30 and answers[-1] == 429
    # Another site is not affected.
    assert guess(lockout_hub, "nobody", "2001:db8:78::1") == 401


def test_status_lookups_rotating_ipv6_networks_meet_the_site_limit(lockout_hub: HubRunner) -> None:
    answers: list[int] = []
    with requests.Session() as http:
        while 429 not in answers and len(answers) < 80:
            r = http.get(
                lockout_hub.url + "/api/v1/status/AAAA-BBBB-CCCC",
                headers={"X-Forwarded-For": f"2001:db8:99:{len(answers):x}::1"},
                timeout=10,
            )
            answers.append(r.status_code)
    # (The /48's bucket gains a look-up every second: on a slow machine some more pass.)
    assert answers[:60] == [404] * 60 and answers[-1] == 429
