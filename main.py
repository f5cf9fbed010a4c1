"""Point of Public kiosk: ``python main.py`` starts the demo (simulated devices, windowed).

Options: ``--config FILE`` (default: config/demo.toml), ``--fullscreen``, ``--portrait``,
``--read-aloud``,
``--data-dir DIR``, ``--debug``. A configuration that cannot be used is explained on stderr
(exit code 2); the terminal itself never shows a traceback.
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import os
import sys
from pathlib import Path

from kiosk.config import ConfigError, Orientation, load_config

DEFAULT_CONFIG = Path(__file__).resolve().parent / "config" / "demo.toml"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="point-of-public", description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, default=DEFAULT_CONFIG)
    parser.add_argument("--fullscreen", action="store_true", help="fill the screen (terminals)")
    parser.add_argument("--portrait", action="store_true", help="1080×1920 portrait layout")
    parser.add_argument("--read-aloud", action="store_true", help="read the screens aloud")
    parser.add_argument("--data-dir", type=Path, help="override the data folder")
    parser.add_argument("--hub-url", help="override the hub's address (scripts/demo's local hub)")
    parser.add_argument("--debug", action="store_true", help="verbose log, with tracebacks")
    # For bench/cold_start.py: print "first-frame" when the attract screen is on screen, exit.
    parser.add_argument("--exit-after-first-frame", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        # python-escpos calls logging.basicConfig() when it is imported (escpos.capabilities,
        # 3.1): had anything imported it first, ours would be ignored, and with it --debug and
        # every INFO line (the terminal's "in service").
        force=True,
    )
    # urllib3 logs each request line at DEBUG, and a status look-up's URL holds the citizen's
    # tracking code: no personal data in logs, --debug or not.
    logging.getLogger("urllib3").setLevel(logging.WARNING)
    try:
        config = load_config(args.config, data_dir_override=args.data_dir)
    except ConfigError as exc:
        print(exc, file=sys.stderr)  # noqa: T201 - the technician's message on the console
        return 2
    display = config.display
    if args.fullscreen:
        display = dataclasses.replace(display, fullscreen=True)
    if args.portrait:
        display = dataclasses.replace(display, orientation=Orientation.PORTRAIT)
    if args.read_aloud:
        display = dataclasses.replace(display, read_aloud=True)
    config = dataclasses.replace(config, display=display)
    if args.hub_url:
        config = dataclasses.replace(config, hub=dataclasses.replace(config.hub, url=args.hub_url))
        if config.demo:
            # The demo's receipts point at the local hub's status page.
            config = dataclasses.replace(
                config, status_url=args.hub_url.rstrip("/") + "/status/{tracking}"
            )

    from ui.app import RESTART_EXIT_CODE, run  # Qt only once the configuration is good

    code = run(config, exit_after_first_frame=args.exit_after_first_frame)
    if code == RESTART_EXIT_CODE:
        # The hub ordered a restart: the same program and arguments, a fresh process (its
        # devices, threads and configuration all read anew), whatever supervises it or not.
        logging.getLogger(__name__).warning("restarting on the hub's order")
        logging.shutdown()
        os.execv(sys.executable, [sys.executable, *sys.orig_argv[1:]])
    return code


if __name__ == "__main__":
    sys.exit(main())
