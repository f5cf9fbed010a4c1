"""Cold start of the kiosk to its first rendered frame, and its peak memory, beside headless
Chromium rendering an equivalent static attract page (the "web kiosk" baseline).

    .venv/bin/python bench/cold_start.py            # 10 measured runs of each, about 20 s
    .venv/bin/python bench/cold_start.py --runs 3   # quick look

Per run, interleaved (kiosk, Chromium, Chromium, kiosk, ...):

- kiosk: ``main.py --exit-after-first-frame`` offscreen; time = spawn to reading the
  ``first-frame`` line from its stdout; peak RSS = ``ru_maxrss`` of the child (``os.wait4``).
  The kiosk starts in two steps: the attract screen is drawn from the catalogue, then the
  outbox, the hub's key, the devices and delivery are set up. The second time, spawn to the
  ``ready`` line (the terminal can serve a citizen), is reported beside the first.
  Python runs from byte-compiled modules, as on an installed terminal (pip compiles them): the
  warm-up run writes them to a private ``PYTHONPYCACHEPREFIX`` (the checkout is not touched;
  ``PYTHONDONTWRITEBYTECODE`` in the caller's environment is dropped for the kiosk).
- Chromium: ``--headless --screenshot`` of ``attract.html``; time = spawn to process exit (the
  screenshot is written once the first frame is rendered); peak RSS = the largest sum of RSS
  over the whole process tree, sampled from /proc every ~5 ms.

PSS (proportional set size, which splits shared pages fairly between processes) comes from
/proc/<pid>/smaps_rollup, which costs ~1.5 ms per Chromium process to read. Sampling it would
slow down what is being timed, so it is measured in separate, untimed runs (``--pss-runs``).

Waiting is always on a signal (a pidfd for process exit, the stdout pipe for the line, both in
one ``poll``); the poll timeout of ~5 ms is only the memory sampling interval. The last line of
output is one JSON object with every figure.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.metadata
import json
import os
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import importtime  # bench/importtime.py, beside this script

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
READY_LINE = b"first-frame"
SERVING_LINE = b"ready"
SAMPLE_INTERVAL_MS = 5.0
RUN_TIMEOUT_S = 60.0
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024
TICKS_PER_S = os.sysconf("SC_CLK_TCK")
#: The goals (issue 13): first frame within 0.35 s, and at most half of Chromium. "Half of
#: Chromium" is checked for both start time and peak memory.
GOAL_START_S = 0.35
GOAL_START_RATIO = 0.5
GOAL_RSS_RATIO = 0.5

ATTRACT_HTML = """<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>Bürgerterminal</title>
<style>
  html, body { margin: 0; height: 100%; }
  body {
    background: #003a66; color: #ffffff; font-family: "DejaVu Sans", sans-serif;
    display: flex; align-items: center; justify-content: center;
  }
  main {
    width: min(calc(100% - 96px), 1536px); display: flex; flex-direction: column;
    align-items: center; gap: 36px; text-align: center;
  }
  h1 { font-size: 44px; margin: 0; }
  h2 { font-size: 64px; margin: 0; }
  p { font-size: 34px; margin: 0; }
  button {
    font: inherit; font-size: 28px; min-height: 96px; padding: 8px 24px; border-radius: 14px;
    border: 3px solid #005a9c; background: #ffffff; color: #1d1d1b;
  }
  button.primary { background: #005a9c; color: #ffffff; border: 0; font-weight: bold; }
  button.start { font-size: 34px; min-height: 144px; width: min(100%, 768px); }
  .languages { display: flex; gap: 24px; }
</style>
</head>
<body>
<main>
  <h1>Gemeinde Musterstadt</h1>
  <h2>Willkommen im Bürgerterminal. Ihr Rathaus – rund um die Uhr.</h2>
  <p>Mängel melden, Anträge stellen, Termine anfragen – und per Video mit dem Rathaus
     sprechen.</p>
  <button class="primary start">Hier berühren, um zu beginnen</button>
  <div class="languages">
    <button class="primary">Deutsch</button>
    <button>English</button>
  </div>
</main>
</body>
</html>
"""


# --- /proc sampling ---------------------------------------------------------------------------


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="ascii", errors="replace") as f:  # noqa: PTH123 - hot loop
            return f.read()
    except OSError:  # the process is gone, or the file is not readable
        return None


def _cpu_s(pid: int) -> float | None:
    """User + system time of a running process (not of its children), from /proc."""
    stat = _read(f"/proc/{pid}/stat")
    if stat is None:
        return None
    fields = stat.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS_PER_S  # utime, stime (14, 15)


def _pids() -> set[int]:
    return {int(name) for name in os.listdir("/proc") if name.isdigit()}  # noqa: PTH208 - hot loop


class TreeSampler:
    """The summed memory of a process and all its descendants, from /proc.

    /proc/<pid>/task/*/children is not available on every kernel, so the tree is built from
    each process's parent (read once per pid from /proc/<pid>/stat and cached).
    """

    def __init__(self, pss: bool) -> None:
        self.pss = pss
        self._parent: dict[int, int] = {}
        self.peak_rss_kb = 0
        self.peak_pss_kb = 0
        self.peak_processes = 0
        self.samples = 0
        self.refresh()  # cache the processes that exist already, so the first ticks are cheap

    def refresh(self) -> set[int]:
        alive = _pids()
        for pid in list(self._parent):
            if pid not in alive:
                del self._parent[pid]
        for pid in alive - self._parent.keys():
            stat = _read(f"/proc/{pid}/stat")
            if stat is not None:
                # "pid (comm) state ppid ...": comm may contain spaces and parentheses.
                self._parent[pid] = int(stat.rsplit(")", 1)[1].split()[1])
        return alive

    def tree(self, root: int) -> list[int]:
        self.refresh()
        children: dict[int, list[int]] = {}
        for pid, parent in self._parent.items():
            children.setdefault(parent, []).append(pid)
        members, stack = [], [root]
        while stack:
            pid = stack.pop()
            members.append(pid)
            stack.extend(children.get(pid, ()))
        return members

    def sample(self, root: int) -> None:
        rss = pss = count = 0
        for pid in self.tree(root):
            statm = _read(f"/proc/{pid}/statm")
            if statm is None:
                continue
            count += 1
            rss += int(statm.split()[1]) * PAGE_KB
            if self.pss:
                rollup = _read(f"/proc/{pid}/smaps_rollup") or ""
                pss += next(
                    (
                        int(line.split()[1])
                        for line in rollup.splitlines()
                        if line.startswith("Pss:")
                    ),
                    0,
                )
        self.samples += 1
        self.peak_rss_kb = max(self.peak_rss_kb, rss)
        self.peak_pss_kb = max(self.peak_pss_kb, pss)
        self.peak_processes = max(self.peak_processes, count)


# --- one run ----------------------------------------------------------------------------------


class RunError(RuntimeError):
    pass


@dataclass(frozen=True)
class Run:
    #: Spawn to the ready line (kiosk) or to the process's exit (Chromium), seconds.
    ready_s: float
    #: Spawn to the kiosk's "ready" line (set up, able to serve), seconds; None for Chromium.
    serving_s: float | None
    exit_s: float
    #: ru_maxrss of the spawned process alone (exact, kept by the kernel).
    maxrss_kb: int
    #: Largest sampled sum over the process tree.
    tree_rss_kb: int
    tree_pss_kb: int
    processes: int
    samples: int
    #: CPU time (user + system) the process had used at the ready line (kiosk), or in all
    #: (Chromium: with the children it waited for). On a busy machine wall time measures the
    #: other processes too; CPU time does not, so it is the figure to compare there.
    cpu_s: float


def run_once(
    cmd: Sequence[str], env: dict[str, str], log: Path, *, wait_line: bool, pss: bool = False
) -> Run:
    """Spawn ``cmd``; sample its tree until it exits; return the timings and memory."""
    sampler = TreeSampler(pss)
    with log.open("wb") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(
            cmd,
            env=env,
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE if wait_line else subprocess.DEVNULL,
            stderr=err,
        )
    pidfd = os.pidfd_open(proc.pid)
    poller = select.poll()
    poller.register(pidfd, select.POLLIN)
    out_fd = proc.stdout.fileno() if proc.stdout is not None else -1
    if out_fd >= 0:
        poller.register(out_fd, select.POLLIN)
    output = b""
    ready_cpu_s: float | None = None
    ready_at: float | None = None
    serving_at: float | None = None
    exited_at: float | None = None
    try:
        while exited_at is None:
            sampler.sample(proc.pid)
            # Blocks until the line arrives or the process exits; the timeout only paces the
            # memory samples.
            events = poller.poll(SAMPLE_INTERVAL_MS)
            now = time.perf_counter()
            for fd, _ in events:
                if fd == out_fd:
                    chunk = os.read(out_fd, 65536)
                    if not chunk:
                        poller.unregister(out_fd)
                        out_fd = -1
                    output += chunk
                    if ready_at is None and READY_LINE in output.splitlines():
                        ready_at = now
                        ready_cpu_s = _cpu_s(proc.pid)
                        sampler.sample(proc.pid)  # the memory at the first frame, too
                    if serving_at is None and SERVING_LINE in output.splitlines():
                        serving_at = now
                elif fd == pidfd:
                    exited_at = now
            if now - started > RUN_TIMEOUT_S:
                proc.kill()
                raise RunError(f"{cmd[0]} did not finish within {RUN_TIMEOUT_S:.0f} s")
        if proc.stdout is not None:
            output += proc.stdout.read()  # the process is gone: this returns at once
            if ready_at is None and READY_LINE in output.splitlines():
                ready_at = exited_at
            if serving_at is None and SERVING_LINE in output.splitlines():
                serving_at = exited_at
    finally:
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        os.close(pidfd)
        if proc.stdout is not None:
            proc.stdout.close()
    if proc.returncode != 0:
        raise RunError(f"{cmd[0]} exited with {proc.returncode}; see {log}")
    if wait_line and ready_at is None:
        raise RunError(f"{cmd[0]} exited without printing {READY_LINE.decode()!r}; see {log}")
    return Run(
        ready_s=(ready_at if wait_line and ready_at is not None else exited_at) - started,
        serving_s=None if serving_at is None else serving_at - started,
        exit_s=exited_at - started,
        maxrss_kb=usage.ru_maxrss,
        tree_rss_kb=sampler.peak_rss_kb,
        tree_pss_kb=sampler.peak_pss_kb,
        processes=sampler.peak_processes,
        samples=sampler.samples,
        cpu_s=(
            ready_cpu_s
            if wait_line and ready_cpu_s is not None
            else usage.ru_utime + usage.ru_stime
        ),
    )


# --- the two contenders -------------------------------------------------------------------------

#: Nothing listens here: the delivery worker finds the hub down, as a terminal may at start.
HUB_URL = "http://127.0.0.1:9"
#: The kiosk logs this (a warning) when it starts out of service: its first frame is then the
#: out-of-service screen, not the attract screen.
OUT_OF_SERVICE_LINE = b"terminal out of service"


def provision(data_dir: Path) -> None:
    """What a terminal's data folder holds once set up: the hub's public key and this
    terminal's credential. Without them the kiosk starts out of service, and its first frame
    would be the out-of-service screen instead of the attract screen."""
    sys.path.insert(0, str(ROOT))
    from wire.sealing import generate_key, public_jwk

    data_dir.mkdir(mode=0o700)
    key = data_dir / "hub-public.jwk"
    key.write_text(json.dumps(public_jwk(generate_key())), encoding="utf-8")
    credential = "bench-terminal.not-a-real-secret-0123\n"
    (data_dir / "hub-credential").write_text(credential, encoding="utf-8")


class Bench:
    def __init__(self, tmp: Path, drop_caches: bool = False) -> None:
        self.tmp = tmp
        self.drop_caches = drop_caches
        self.kiosk_cache = tmp / "kiosk-cache"  # reused across runs, like a terminal's
        self.kiosk_data = tmp / "kiosk-data"
        provision(self.kiosk_data)
        self.chromium_home = tmp / "chromium-home"  # ~/.pki and friends, reused
        self.html = tmp / "attract.html"
        self.html.write_text(ATTRACT_HTML, encoding="utf-8")
        self.chromium_home.mkdir()
        self._profiles = 0

    def cold(self) -> None:
        """With --drop-caches: empty the kernel's page cache, so every file (Python, Qt,
        Chromium) comes from disk, as on a terminal's first start after boot."""
        if self.drop_caches:
            os.sync()
            Path("/proc/sys/vm/drop_caches").write_text("3\n", encoding="ascii")

    def kiosk_env(self, cache: Path | None = None) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update(
            QT_QPA_PLATFORM="offscreen",
            QT_IM_MODULE="qtvirtualkeyboard",
            XDG_CACHE_HOME=str(cache or self.kiosk_cache),
            PYTHONPYCACHEPREFIX=str(self.tmp / "pycache"),
        )
        return env

    def kiosk(
        self, *, cache: Path | None = None, pss: bool = False, options: Sequence[str] = ()
    ) -> Run:
        """One kiosk start; ``options`` go to main.py (bench/speech.py: ``--read-aloud``)."""
        self.cold()
        env = self.kiosk_env(cache)
        cmd = [
            sys.executable,
            str(ROOT / "main.py"),
            "--exit-after-first-frame",
            "--data-dir",
            str(self.kiosk_data),
            "--hub-url",
            HUB_URL,
            *options,
        ]
        log = self.tmp / "kiosk.log"
        run = run_once(cmd, env, log, wait_line=True, pss=pss)
        if OUT_OF_SERVICE_LINE in log.read_bytes():
            raise RunError(f"the kiosk was not in service (no attract screen); see {log}")
        if run.serving_s is None:
            # A kiosk from before the two-step start (run for a side-by-side baseline) set
            # everything up before its first frame and printed no "ready".
            run = dataclasses.replace(run, serving_s=run.ready_s)
        return run

    def kiosk_imports(self) -> list[importtime.Import]:
        """One untimed run with ``-X importtime``: the imports done before the first frame
        (stderr and stdout share one pipe, so the ``first-frame`` line marks the cut)."""
        env = self.kiosk_env()
        cmd = [
            sys.executable,
            "-X",
            "importtime",
            str(ROOT / "main.py"),
            "--exit-after-first-frame",
            "--data-dir",
            str(self.kiosk_data),
            "--hub-url",
            HUB_URL,
        ]
        proc = subprocess.run(
            cmd,
            env=env,
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            timeout=RUN_TIMEOUT_S,
            check=False,
        )
        lines = proc.stdout.decode("utf-8", errors="replace").splitlines()
        if proc.returncode != 0 or READY_LINE.decode() not in lines:
            raise RunError(f"the -X importtime run failed (exit {proc.returncode})")
        return importtime.parse(lines[: lines.index(READY_LINE.decode())])

    def chromium(self, *, pss: bool = False) -> Run:
        self.cold()
        self._profiles += 1
        profile = self.tmp / f"chromium-profile-{self._profiles}"  # fresh for every run
        shot = self.tmp / "chromium.png"
        shot.unlink(missing_ok=True)
        env = dict(
            os.environ,
            HOME=str(self.chromium_home),
            XDG_CACHE_HOME=str(self.chromium_home / ".cache"),
            XDG_CONFIG_HOME=str(self.chromium_home / ".config"),
        )
        cmd = [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--window-size=1920,1080",
            f"--screenshot={shot}",
            self.html.as_uri(),
        ]
        run = run_once(cmd, env, self.tmp / "chromium.log", wait_line=False, pss=pss)
        if not shot.exists() or shot.stat().st_size == 0:
            raise RunError(f"Chromium wrote no screenshot; see {self.tmp / 'chromium.log'}")
        shutil.rmtree(profile, ignore_errors=True)
        return run


# --- report -----------------------------------------------------------------------------------


def mb(kb: float) -> float:
    return kb / 1024.0


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def spread(values: Sequence[float], unit: str, scale: Callable[[float], float] = float) -> str:
    return (
        f"median {scale(median(values)):8.3f} {unit}   min {scale(min(values)):8.3f}   "
        f"max {scale(max(values)):8.3f}"
    )


def versions() -> str:
    try:
        qt = importlib.metadata.version("PySide6-Essentials")
    except importlib.metadata.PackageNotFoundError:
        qt = "?"
    chromium = subprocess.run(
        [CHROMIUM, "--version"], capture_output=True, text=True, timeout=30, check=False
    ).stdout.strip()
    return f"PySide6 {qt}; {chromium or 'Chromium ?'}; {os.cpu_count()} CPUs"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="measured runs of each (10)")
    parser.add_argument(
        "--pss-runs",
        type=int,
        default=3,
        help="extra untimed runs of each that sample PSS (3; 0 = skip)",
    )
    parser.add_argument(
        "--drop-caches",
        action="store_true",
        help="empty the page cache before every run (needs root): a start after boot",
    )
    args = parser.parse_args(argv)
    if args.drop_caches and not os.access("/proc/sys/vm/drop_caches", os.W_OK):
        parser.error("--drop-caches needs root (it writes /proc/sys/vm/drop_caches)")
    if args.runs < 1 or args.pss_runs < 0:
        parser.error("--runs must be at least 1 and --pss-runs at least 0")
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} is missing", file=sys.stderr)
        return 2

    print(f"cold start: kiosk (offscreen) vs headless Chromium — {versions()}")
    with tempfile.TemporaryDirectory(prefix="pop-cold-start-") as tmp_name:
        bench = Bench(Path(tmp_name), drop_caches=args.drop_caches)
        if args.drop_caches:
            print("page cache dropped before every run (cold disk)")
        try:
            return report(bench, args.runs, args.pss_runs)
        except RunError as exc:
            print(f"FAILED: {exc}", file=sys.stderr)
            for name in ("kiosk.log", "chromium.log"):
                log = bench.tmp / name
                if log.exists():
                    tail = log.read_text(encoding="utf-8", errors="replace").splitlines()[-15:]
                    print(f"--- last lines of {name}:", *tail, sep="\n", file=sys.stderr)
            return 1


def report(bench: Bench, runs: int, pss_runs: int) -> int:
    # Warm-up, not counted: loads Python, Qt and Chromium into the OS page cache. The kiosk's
    # warm-up uses a throw-away XDG cache, so the next run really starts with an empty one.
    print(
        "warm-up: 1 kiosk run (throw-away cache; byte-compiles the kiosk's modules) + 1 "
        "Chromium run, not counted"
    )
    bench.kiosk(cache=bench.tmp / "warm-up-cache")
    bench.chromium()
    first = bench.kiosk()  # empty qmlcache: QML compiled from source, then cached
    print(
        f"first-ever kiosk run (empty XDG_CACHE_HOME, not counted): {first.ready_s:.3f} s, "
        f"peak RSS {mb(first.maxrss_kb):.1f} MB"
    )

    kiosk: list[Run] = []
    chromium: list[Run] = []
    print(
        f"{runs} measured runs, interleaved (cache reused across kiosk runs; Chromium gets a "
        "fresh --user-data-dir each run):"
    )
    for i in range(runs):
        order = ("kiosk", "chromium") if i % 2 == 0 else ("chromium", "kiosk")
        for who in order:
            if who == "kiosk":
                kiosk.append(bench.kiosk())
            else:
                chromium.append(bench.chromium())
        k, c = kiosk[-1], chromium[-1]
        print(
            f"  run {i + 1:2d}: kiosk {k.ready_s:6.3f} s {mb(k.maxrss_kb):6.1f} MB   |   "
            f"Chromium {c.ready_s:6.3f} s {mb(c.tree_rss_kb):6.1f} MB in {c.processes} "
            "processes"
        )

    kiosk_pss: list[int] = []
    chromium_pss: list[int] = []
    if pss_runs:
        print(f"PSS: {pss_runs} extra untimed runs of each, smaps_rollup sampled every tick")
        for _ in range(pss_runs):
            kiosk_pss.append(bench.kiosk(pss=True).tree_pss_kb)
            chromium_pss.append(bench.chromium(pss=True).tree_pss_kb)
        if not median(kiosk_pss) or not median(chromium_pss):
            print("PSS: /proc/<pid>/smaps_rollup is not readable here; no PSS figures")
            kiosk_pss, chromium_pss = [], []
    has_pss = bool(kiosk_pss)
    imports = bench.kiosk_imports()
    pss_ratio = median(kiosk_pss) / median(chromium_pss) if has_pss else None

    k_time = median([r.ready_s for r in kiosk])
    c_time = median([r.ready_s for r in chromium])
    k_rss = median([r.maxrss_kb for r in kiosk])
    c_rss = median([r.tree_rss_kb for r in chromium])
    start_ratio = k_time / c_time
    rss_ratio = k_rss / c_rss

    print()
    print("kiosk   time to first frame  ", spread([r.ready_s for r in kiosk], "s "))
    serving = [r.serving_s for r in kiosk if r.serving_s is not None]
    print("kiosk   time to ready (set up)", spread(serving, "s "))
    print("kiosk   time to process exit ", spread([r.exit_s for r in kiosk], "s "))
    print("kiosk   peak RSS (ru_maxrss) ", spread([r.maxrss_kb for r in kiosk], "MB", mb))
    print("kiosk   peak RSS (sampled)   ", spread([r.tree_rss_kb for r in kiosk], "MB", mb))
    print("kiosk   CPU to first frame   ", spread([r.cpu_s for r in kiosk], "s "))
    print("Chromium time to exit (shot) ", spread([r.ready_s for r in chromium], "s "))
    print("Chromium CPU, reaped tree    ", spread([r.cpu_s for r in chromium], "s "))
    print("Chromium peak RSS, tree sum  ", spread([r.tree_rss_kb for r in chromium], "MB", mb))
    print("Chromium browser ru_maxrss   ", spread([r.maxrss_kb for r in chromium], "MB", mb))
    print(f"Chromium processes at most    {max(r.processes for r in chromium)}")
    if has_pss:
        print("kiosk   peak PSS             ", spread(kiosk_pss, "MB", mb))
        print("Chromium peak PSS, tree sum  ", spread(chromium_pss, "MB", mb))
    print()
    print("\n".join(importtime.report(imports)))
    print()
    print(
        f"ratio kiosk/Chromium: start {start_ratio:.2f}×, peak RSS {rss_ratio:.2f}×"
        + (f", peak PSS {pss_ratio:.2f}×" if pss_ratio is not None else "")
    )
    start_met = k_time <= GOAL_START_S
    ratio_met = start_ratio <= GOAL_START_RATIO
    rss_met = rss_ratio <= GOAL_RSS_RATIO
    print(
        f"goal: first frame ≤ {GOAL_START_S:.2f} s: {k_time:.3f} s — "
        f"{'MET' if start_met else 'NOT MET'}"
    )
    print(
        f"goal: start ≤ {GOAL_START_RATIO}× Chromium: {start_ratio:.2f}× — "
        f"{'MET' if ratio_met else 'NOT MET'}"
    )
    print(
        f"goal: peak memory ≤ {GOAL_RSS_RATIO}× Chromium: {rss_ratio:.2f}× — "
        f"{'MET' if rss_met else 'NOT MET'}"
    )

    figures: dict[str, object] = {
        "runs": runs,
        "page_cache_dropped": bench.drop_caches,
        "kiosk_cold_start_s": round(k_time, 4),
        "kiosk_cpu_to_first_frame_s": round(median([r.cpu_s for r in kiosk]), 4),
        "chromium_cpu_s": round(median([r.cpu_s for r in chromium]), 4),
        "cpu_ratio": round(
            median([r.cpu_s for r in kiosk]) / median([r.cpu_s for r in chromium]), 3
        ),
        "chromium_cold_start_s": round(c_time, 4),
        "start_ratio": round(start_ratio, 3),
        "kiosk_peak_rss_mb": round(mb(k_rss), 1),
        "chromium_peak_rss_mb": round(mb(c_rss), 1),
        "rss_ratio": round(rss_ratio, 3),
        "kiosk_first_ever_start_s": round(first.ready_s, 4),
        "kiosk_first_ever_peak_rss_mb": round(mb(first.maxrss_kb), 1),
        "kiosk_ready_s": round(median(serving), 4),
        "kiosk_exit_s": round(median([r.exit_s for r in kiosk]), 4),
        "chromium_max_processes": max(r.processes for r in chromium),
        "kiosk_peak_pss_mb": round(mb(median(kiosk_pss)), 1) if has_pss else None,
        "chromium_peak_pss_mb": round(mb(median(chromium_pss)), 1) if has_pss else None,
        "pss_ratio": round(pss_ratio, 3) if pss_ratio is not None else None,
        "imports_before_first_frame_ms": round(importtime.total_ms(imports), 1),
        "import_top_ms": {
            i.name: round(i.cumulative_us / 1000, 1) for i in importtime.top(imports, 8)
        },
        "imports_not_needed": [
            " <- ".join(importtime.chain(imports, i.name)) for i in importtime.unwanted(imports)
        ],
        "goal_start_met": start_met,
        "goal_start_ratio_met": ratio_met,
        "goal_rss_met": rss_met,
    }
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
