"""The passport's MRZ read by the camera, measured on generated data pages (OCR-B, held at an
angle, under what real cameras do to a picture): read rates, and no misread ever accepted, not
even from a page whose MRZ has one character changed."""

from __future__ import annotations

import random

import pytest

from drivers.camera.conditions import Condition, apply
from drivers.camera.mrz import MrzVotes, read_mrz, read_mrz_lines
from drivers.camera.scenes import Scene, SceneRenderer
from drivers.card.icao.mrz import Mrz, format_td3, parse_mrz

FRAMES = 6


def specimen(rng: random.Random) -> str:
    """A passport's MRZ with random but well-formed data."""
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    alnum = letters + "0123456789"
    return format_td3(
        issuing_state=rng.choice(("D", "UTO", "NLD", "FRA")),
        family_name="".join(rng.choices(letters, k=rng.randint(3, 12))),
        given_names=("".join(rng.choices(letters, k=rng.randint(3, 8))),),
        document_number="".join(rng.choices(alnum, k=9)),
        nationality=rng.choice(("D", "UTO", "NLD")),
        date_of_birth=f"{rng.randint(30, 99):02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}",
        sex=rng.choice("MF<"),
        date_of_expiry=f"{rng.randint(27, 36):02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}",
    )


def frames_of(mrz: str, condition: Condition, seed: int) -> list:  # type: ignore[type-arg]
    scene = SceneRenderer(Scene.PASSPORT, (1280, 720), seed=seed, payload=mrz)
    return [apply(scene.frame(n * 0.37), condition, seed=n) for n in range(FRAMES)]


@pytest.mark.parametrize(
    ("condition", "least"),
    # A thumb over the MRZ hides it (nothing read), but must not make it misread either.
    [(Condition.CLEAR, 0.7), (Condition.DIM, 0.5), (Condition.COVERED, 0.0)],
)
def test_the_mrz_is_read_and_never_misread(condition: Condition, least: float) -> None:
    rng = random.Random(f"mrz-{condition}")
    read = total = 0
    for seed in range(3):
        text = specimen(rng)
        truth = parse_mrz(text)
        for frame in frames_of(text, condition, seed):
            found = read_mrz(frame)
            total += 1
            if found is not None:
                # Never a wrong key for the chip (document number, dates: check digits and the
                # clear-glyph guard). Line 1 (names) has no check digit and is never used.
                assert found.bac_key_input == truth.bac_key_input
                assert (found.document_number, found.date_of_birth, found.date_of_expiry) == (
                    truth.document_number,
                    truth.date_of_birth,
                    truth.date_of_expiry,
                )
                read += 1
    assert read / total >= least, f"{condition}: {read} of {total}"


def test_a_page_with_one_character_changed_is_never_accepted() -> None:
    # A misprint or a misread: the check digits must refuse it, whatever the camera reads.
    rng = random.Random("changed")
    for seed in range(4):
        first, second = specimen(rng).splitlines()
        position = rng.choice([*range(0, 9), *range(13, 19), *range(21, 27)])
        old = second[position]
        pool = "0123456789" if old.isdigit() else "ABCDEFGHJKLMNPQRSTUVWXYZ"
        new = rng.choice([c for c in pool if c != old])
        changed = first + "\n" + second[:position] + new + second[position + 1 :]
        for frame in frames_of(changed, Condition.CLEAR, seed):
            assert read_mrz(frame) is None
            lines = read_mrz_lines(frame, guarded=False)
            if lines is not None and lines[1][position] == new:
                break  # the camera read the change faithfully: refused by the check digits
        else:
            pytest.fail("the changed character was never read")


def test_a_frame_without_a_passport_reads_nothing() -> None:
    street = SceneRenderer(Scene.STREET, (1280, 720), seed=3).frame(0.0)
    assert read_mrz(street) is None
    page = SceneRenderer(Scene.DOCUMENT, (1280, 720), seed=3).frame(0.0)
    assert read_mrz(page) is None


def test_a_reading_is_accepted_once_two_readings_in_a_row_agree() -> None:
    mrz = parse_mrz(specimen(random.Random("votes")))
    other = parse_mrz(specimen(random.Random("other")))
    votes = MrzVotes()
    assert votes.add(None) is None
    assert votes.add(mrz) is None
    assert votes.add(None) is None  # a frame without a reading: neither for nor against
    assert votes.add(mrz) == mrz
    votes.clear()
    assert votes.add(mrz) is None
    assert votes.add(other) is None  # a different reading starts the count again
    assert votes.add(mrz) is None
    assert votes.add(mrz) == mrz


def test_format_td3_writes_what_parse_reads() -> None:
    text = format_td3(
        issuing_state="UTO",
        family_name="Eriksson",
        given_names=("Anna", "Maria"),
        document_number="L898902C3",
        nationality="UTO",
        date_of_birth="740812",
        sex="F",
        date_of_expiry="120415",
        optional_data="ZE184226B",
    )
    # ICAO 9303 Part 4's specimen, character for character.
    assert text == (
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
    )
    assert isinstance(parse_mrz(text), Mrz)
