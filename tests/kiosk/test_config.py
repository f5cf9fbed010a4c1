"""The configuration file: what loads, and what a technician is told when it does not."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import (
    MIN_WARNING_S,
    ConfigError,
    DeviceChoice,
    KioskConfig,
    Orientation,
    load_config,
)
from tests.support.configs import ROOT

#: A complete configuration, table by table; values are TOML source text.
BASE: dict[str, dict[str, str]] = {
    "terminal": {
        "id": '"t-01"',
        "municipality": '"Musterstadt"',
        "demo": "false",
        "data_dir": '"data"',
        "status_url": '"https://status.example.org/{tracking}"',
    },
    "catalogue": {"path": '"catalogue.yaml"'},
    "languages": {"available": '["de", "en"]', "default": '"de"'},
    "timeouts": {
        "inactivity_s": "90",
        "warning_s": "30",
        "done_s": "60",
        "out_of_service_retry_s": "30",
    },
    "devices": {
        "card_reader": '"simulated"',
        "printer": '"simulated"',
        "camera": '"simulated"',
        "simulated_read_s": "0.8",
    },
    "display": {"fullscreen": "false", "orientation": '"landscape"'},
}

Changes = dict[tuple[str, str], str | None]


def render(changes: Changes | None = None) -> str:
    """BASE with some values replaced (``None``: the key is left out), as TOML text."""
    changes = changes or {}
    tables: dict[str, dict[str, str]] = {t: dict(keys) for t, keys in BASE.items()}
    for (table, key), value in changes.items():
        keys = tables.setdefault(table, {})
        if value is None:
            keys.pop(key, None)
        else:
            keys[key] = value
    out = []
    for table, keys in tables.items():
        out.append(f"[{table}]")
        out.extend(f"{key} = {value}" for key, value in keys.items())
        out.append("")
    return "\n".join(out)


def write(folder: Path, text: str, name: str = "kiosk.toml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    error = caught.value
    assert error.path == path
    text = str(error)
    assert str(path) in text
    for problem in error.problems:
        assert problem in text
    return error.problems


# --- configurations that load ------------------------------------------------------------------


def test_demo_configuration_loads() -> None:
    config = load_config(ROOT / "config" / "demo.toml")
    assert isinstance(config, KioskConfig)
    assert config.terminal_id == "demo-terminal-01"
    assert config.municipality == "Musterstadt"
    assert config.demo is True
    assert config.catalogue_path == ROOT / "catalogues" / "musterstadt.yaml"
    assert config.catalogue_path.is_file()
    assert config.data_dir == (ROOT / ".demo-data").resolve()
    assert config.languages == ("de", "de-x-ls", "en", "tr", "ar", "uk", "ru")
    assert config.default_language == "de"
    assert config.timeouts.inactivity_s == 90.0
    assert config.timeouts.warning_s == 30.0
    assert config.timeouts.done_s == 60.0
    assert config.devices.card_reader is DeviceChoice.SIMULATED
    assert config.devices.simulated_read_s == 0.8
    assert config.display.orientation is Orientation.LANDSCAPE
    assert "{tracking}" in config.status_url
    assert config.source == ROOT / "config" / "demo.toml"


def test_example_configuration_loads_with_every_default() -> None:
    config = load_config(ROOT / "config" / "kiosk.example.toml")
    assert config.terminal_id == "unenrolled"
    assert config.demo is False
    assert config.catalogue_path == ROOT / "catalogues" / "musterstadt.yaml"
    # "~" is the user's home, not a folder named "~" next to the file.
    assert config.data_dir == Path("~/.local/share/point-of-public").expanduser()
    assert config.timeouts.out_of_service_retry_s == 30.0
    assert config.display.fullscreen is False
    assert config.devices.sound_settings.echo_cancel is True


def test_real_sound_names_its_server_and_devices(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        render(
            {
                ("devices", "sound"): '"real"',
                ("sound", "server"): '"unix:/run/pulse/native"',
                ("sound", "microphone"): '"alsa_input.usb-mic"',
                ("sound", "echo_cancel"): "false",
            }
        ),
    )
    devices = load_config(path).devices
    assert devices.sound is DeviceChoice.REAL
    sound = devices.sound_settings
    assert (sound.server, sound.microphone, sound.loudspeaker) == (
        "unix:/run/pulse/native",
        "alsa_input.usb-mic",
        "",
    )
    assert sound.echo_cancel is False and sound.playback_latency_ms == 60


def test_data_dir_override_wins(tmp_path: Path) -> None:
    config = load_config(ROOT / "config" / "demo.toml", data_dir_override=tmp_path)
    assert config.data_dir == tmp_path


def test_relative_paths_are_taken_from_the_configuration_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(
        tmp_path / "etc" / "pop",
        render(
            {
                ("catalogue", "path"): '"catalogues/ort.yaml"',
                ("terminal", "data_dir"): '"../var"',
            }
        ),
    )
    elsewhere = tmp_path / "somewhere-else"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    config = load_config(path)
    assert config.catalogue_path == (tmp_path / "etc" / "pop" / "catalogues" / "ort.yaml")
    assert config.data_dir == tmp_path / "etc" / "var"
    assert config.catalogue_path.is_absolute()


def test_absolute_paths_stay_as_they_are(tmp_path: Path) -> None:
    catalogue = tmp_path / "abs" / "cat.yaml"
    path = write(tmp_path / "conf", render({("catalogue", "path"): f'"{catalogue}"'}))
    assert load_config(path).catalogue_path == catalogue


def test_missing_optional_settings_fall_back_to_defaults(tmp_path: Path) -> None:
    path = write(
        tmp_path, '[terminal]\nmunicipality = "Musterstadt"\n[catalogue]\npath = "cat.yaml"\n'
    )
    config = load_config(path)
    assert config.terminal_id == "unenrolled"
    assert config.languages == ("de", "en")
    assert config.timeouts.warning_s == 30.0
    assert config.devices.printer is DeviceChoice.SIMULATED


def test_whole_numbers_are_accepted_where_seconds_are_asked(tmp_path: Path) -> None:
    path = write(
        tmp_path, render({("timeouts", "warning_s"): "20", ("devices", "simulated_read_s"): "0"})
    )
    config = load_config(path)
    assert config.timeouts.warning_s == float(MIN_WARNING_S)
    assert config.devices.simulated_read_s == 0.0


# --- configurations that are refused, each with one clear message ------------------------------

INVALID: list[tuple[str, Changes, list[str]]] = [
    (
        "warning too short",
        {("timeouts", "warning_s"): "19"},
        ["[timeouts] warning_s", "at least 20 seconds"],
    ),
    (
        "typo in a key",
        {("timeouts", "inactivty_s"): "90"},
        ["[timeouts] inactivty_s", "unknown setting", "typo"],
    ),
    (
        "unknown table",
        {("dispaly", "fullscreen"): "true"},
        ["[dispaly] fullscreen", "unknown setting"],
    ),
    (
        "seconds as text",
        {("timeouts", "inactivity_s"): '"90"'},
        ["[timeouts] inactivity_s", "must be a number"],
    ),
    (
        "boolean as text",
        {("display", "fullscreen"): '"yes"'},
        ["[display] fullscreen", "must be true or false"],
    ),
    (
        "number for a boolean",
        {("terminal", "demo"): "1"},
        ["[terminal] demo", "must be true or false"],
    ),
    (
        "boolean for seconds",
        {("timeouts", "done_s"): "true"},
        ["[timeouts] done_s", "must be a number"],
    ),
    ("id as a number", {("terminal", "id"): "42"}, ["[terminal] id", "must be text in quotes"]),
    (
        "languages not a list",
        {("languages", "available"): '"de"'},
        ["[languages] available", "must be a list"],
    ),
    (
        "unknown language",
        {("languages", "available"): '["de", "fr"]'},
        ["[languages] available", '"fr" is not supported', "de, de-x-ls, en"],
    ),
    (
        "no languages",
        {("languages", "available"): "[]"},
        ["[languages] available", "at least one language"],
    ),
    (
        "default not available",
        {("languages", "available"): '["en"]'},
        ["[languages] default", '"de"', "must be one of the available languages"],
    ),
    (
        "real card reader without a trust store",
        {("devices", "card_reader"): '"real"'},
        ["[card] trust_store", "CSCA", "authenticity"],
    ),
    (
        "trust store that does not exist",
        {("card", "trust_store"): '["no-such-folder"]'},
        ["[card] trust_store", '"no-such-folder" does not exist'],
    ),
    (
        "real printer without its address",
        {("devices", "printer"): '"real"'},
        ["[printer] host", 'connection = "network"'],
    ),
    (
        "printer code page unknown",
        {("printer", "codepage"): '"CP999"'},
        ["[printer]", "CP999", "CP858"],
    ),
    (
        "printer profile without the code page",
        {("printer", "profile"): '"TM-T88V"', ("printer", "codepage"): '"ISO_8859-1"'},
        ["[printer]", "TM-T88V", "codepage_number"],
    ),
    (
        "printer paper width",
        {("printer", "paper_mm"): "76"},
        ["[printer] paper_mm = 76", "80 or 58"],
    ),
    (
        "printer connection",
        {("printer", "connection"): '"bluetooth"'},
        ["[printer] connection", '"network"', '"usb"'],
    ),
    (
        "usb printer without ids",
        {
            ("devices", "printer"): '"real"',
            ("printer", "connection"): '"usb"',
        },
        ["usb_vendor_id", "lsusb"],
    ),
    (
        "real camera without a source",
        {("devices", "camera"): '"real"'},
        ["[camera] source", '"real"', "/dev/video0"],
    ),
    (
        "real camera from a file that is not there",
        {("devices", "camera"): '"real"', ("camera", "source"): '"nowhere.avi"'},
        ['[camera] source = "nowhere.avi"', "no such device or file"],
    ),
    (
        "camera frame rate",
        {("camera", "fps"): "500"},
        ["[camera] fps", "1 to 120"],
    ),
    (
        "camera pixel format",
        {("camera", "fourcc"): '"MJPEG"'},
        ["[camera] fourcc", "four letters"],
    ),
    (
        "camera release time",
        {("camera", "idle_release_s"): "-1"},
        ["[camera] idle_release_s", "0 to 3600"],
    ),
    (
        "sound device name",
        {("sound", "microphone"): '"alsa_input.usb mic"'},
        ["[sound] microphone", "device name"],
    ),
    (
        "sound playback latency",
        {("sound", "playback_latency_ms"): "5"},
        ["[sound] playback_latency_ms", "20 to 500"],
    ),
    (
        "unknown device kind",
        {("devices", "camera"): '"usb"'},
        ["[devices] camera", '"usb"', '"simulated", "real"'],
    ),
    (
        "unknown orientation",
        {("display", "orientation"): '"diagonal"'},
        ["[display] orientation", '"diagonal"', '"landscape", "portrait"'],
    ),
    (
        "status url without tracking",
        {("terminal", "status_url"): '"https://status.example.org/"'},
        ["[terminal] status_url", "{tracking}"],
    ),
    (
        "no inactivity",
        {("timeouts", "inactivity_s"): "0"},
        ["[timeouts] inactivity_s", "more than 0 seconds"],
    ),
    (
        "negative done time",
        {("timeouts", "done_s"): "-5"},
        ["[timeouts] done_s", "more than 0 seconds"],
    ),
    (
        "no retry",
        {("timeouts", "out_of_service_retry_s"): "0"},
        ["[timeouts] out_of_service_retry_s", "more than 0 seconds"],
    ),
    (
        # requests raises ValueError for a timeout of 0 at every send: every item would fail.
        "no hub connect timeout",
        {("hub", "connect_timeout_s"): "0"},
        ["[hub] connect_timeout_s", "more than 0"],
    ),
    (
        "negative hub read timeout",
        {("hub", "read_timeout_s"): "-1"},
        ["[hub] read_timeout_s", "more than 0"],
    ),
    ("no catalogue", {("catalogue", "path"): None}, ["[catalogue] path", "must be named"]),
    (
        "no municipality",
        {("terminal", "municipality"): None},
        ["[terminal] municipality", "must be given"],
    ),
    (
        "table given as a value",
        {("terminal", "timeouts"): "30"},
        ["[terminal] timeouts", "unknown setting"],
    ),
]


@pytest.mark.parametrize(
    ("changes", "fragments"), [pytest.param(c, f, id=i) for i, c, f in INVALID]
)
def test_each_mistake_is_named_with_table_and_key(
    tmp_path: Path, changes: Changes, fragments: list[str]
) -> None:
    problems = problems_of(write(tmp_path, render(changes)))
    assert len(problems) == 1, problems
    for fragment in fragments:
        assert fragment in problems[0]


def test_all_mistakes_are_reported_at_once(tmp_path: Path) -> None:
    problems = problems_of(
        write(
            tmp_path,
            render(
                {
                    ("timeouts", "warning_s"): "5",
                    ("devices", "camera"): '"real"',
                    ("languages", "available"): '["de", "fr"]',
                    ("display", "ful1screen"): "true",
                }
            ),
        )
    )
    assert len(problems) == 4
    joined = "\n".join(problems)
    for fragment in ("[timeouts] warning_s", "[camera] source", '"fr"', "[display] ful1screen"):
        assert fragment in joined


def test_missing_file_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.toml"
    problems = problems_of(path)
    assert problems == ["the file cannot be read (No such file or directory)"]


def test_invalid_toml_is_a_config_error(tmp_path: Path) -> None:
    path = write(tmp_path, '[terminal]\nmunicipality = "Musterstadt\n')
    [problem] = problems_of(path)
    assert "not valid TOML" in problem
    assert "line 2" in problem


def test_text_that_is_not_utf8_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_bytes('[terminal]\nmunicipality = "Gemeinde Müllheim"\n'.encode("latin-1"))
    assert problems_of(path) == ["the file is not UTF-8 text"]


def test_a_folder_is_not_a_configuration(tmp_path: Path) -> None:
    [problem] = problems_of(tmp_path)
    assert "cannot be read" in problem


# --- found while testing: values the loader accepts but the terminal cannot use ----------------


@pytest.mark.parametrize(
    ("key", "value"), [("warning_s", "nan"), ("inactivity_s", "inf"), ("done_s", "nan")]
)
def test_seconds_must_be_finite(tmp_path: Path, key: str, value: str) -> None:
    # TOML has nan and inf. A NaN warning passes "< 20" and crashes int() when the countdown
    # starts; an infinite inactivity never warns. Both must be refused like any other mistake.
    problems = problems_of(write(tmp_path, render({("timeouts", key): value})))
    assert len(problems) == 1
    assert f"[timeouts] {key}" in problems[0]


def test_status_url_with_another_placeholder_is_refused(tmp_path: Path) -> None:
    # The receipt fills the URL with str.format(tracking=...): any other {name} raises
    # KeyError at the first receipt, long after the configuration was accepted.
    path = write(
        tmp_path,
        render({("terminal", "status_url"): '"https://status.example.org/{tracking}?lang={lang}"'}),
    )
    problems = problems_of(path)
    assert len(problems) == 1
    assert "[terminal] status_url" in problems[0]


def test_a_table_written_as_a_value_is_one_plain_problem(tmp_path: Path) -> None:
    text = "timeouts = 30\n" + render().replace(
        "[timeouts]\ninactivity_s = 90\nwarning_s = 30\ndone_s = 60\nout_of_service_retry_s = 30\n",
        "",
    )
    problems = problems_of(write(tmp_path, text))
    # One mistake, one line: "[timeouts] must be a table". Not four copies of it, and not
    # "unknown setting" for a table the terminal knows.
    assert problems == ["[timeouts] must be a table, not a single value"]


def test_real_card_reader_with_its_trust_store(tmp_path: Path) -> None:
    from drivers.card.chip_reader import ChipCardReader
    from drivers.card.virtual.pki import TestPki
    from drivers.factory import build_devices
    from kiosk.equipment import device_settings

    (tmp_path / "csca").mkdir()
    (tmp_path / "csca" / "demo.pem").write_bytes(TestPki.generate().csca_pem())
    path = write(
        tmp_path,
        render(
            {
                ("devices", "card_reader"): '"real"',
                ("card", "reader"): '"Virtual PCD"',
                ("card", "trust_store"): '["csca"]',
            }
        ),
    )
    config = load_config(path)
    assert config.devices.card_reader is DeviceChoice.REAL
    assert config.devices.card_reader_name == "Virtual PCD"
    assert config.devices.csca_trust_store == ((tmp_path / "csca").resolve(),)
    reader = build_devices(device_settings(config.devices)).card_reader
    assert isinstance(reader, ChipCardReader)
    assert len(reader._trust) == 1


# --- the hub's address ----------------------------------------------------------------------


def test_the_demo_may_use_its_local_hub_over_http() -> None:
    config = load_config(ROOT / "config" / "demo.toml")
    assert config.hub.url == "http://127.0.0.1:8700"
    assert config.hub.allow_insecure_loopback is True


@pytest.mark.parametrize(
    "url",
    ["http://hub.musterstadt.example", "http://10.0.0.5:8000", "http://127.0.0.1:8700"],
)
def test_a_production_terminal_refuses_a_plain_http_hub(tmp_path: Path, url: str) -> None:
    path = write(tmp_path, render({("hub", "url"): f'"{url}"'}))
    [problem] = problems_of(path)
    assert problem.startswith(f'[hub] url = "{url}": a plain http:// address is refused')
    assert "use https://" in problem


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:8700", "http://localhost:8700/", "http://[::1]:8700", "http://127.8.9.1"],
)
def test_allow_insecure_loopback_permits_http_to_this_machine_only(
    tmp_path: Path, url: str
) -> None:
    allowed = {("hub", "url"): f'"{url}"', ("hub", "allow_insecure_loopback"): "true"}
    assert load_config(write(tmp_path / "a", render(allowed))).hub.url == url.rstrip("/")
    remote = {**allowed, ("hub", "url"): '"http://hub.musterstadt.example"'}
    [problem] = problems_of(write(tmp_path / "b", render(remote)))
    assert "permits http:// only to this machine" in problem


def test_https_hubs_load_and_other_schemes_do_not(tmp_path: Path) -> None:
    ok = write(tmp_path / "a", render({("hub", "url"): '"https://hub.musterstadt.example/pop"'}))
    assert load_config(ok).hub.url == "https://hub.musterstadt.example/pop"
    bad = write(tmp_path / "b", render({("hub", "url"): '"ftp://hub.musterstadt.example"'}))
    assert problems_of(bad) == [
        '[hub] url = "ftp://hub.musterstadt.example": must be an https:// address'
    ]
