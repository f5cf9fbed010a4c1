"""What the hub writes for a citizen (the receipt mail, the status page) is in the citizen's
language, from the same texts as the terminal's screens (common/texts)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import requests

from catalogue.loader import load_catalogue
from common.languages import SUPPORTED
from hub.mailer import build_mail
from hub.status import page_language
from tests.hub.conftest import LiveHub, termin
from tests.support.configs import ROOT

WHEN = datetime(2026, 3, 2, 9, 4, tzinfo=UTC)  # only written out, never compared with today


def _mail(language: str, service_id: str = "termin") -> tuple[str, str]:
    catalogue = load_catalogue(ROOT / "catalogues" / "musterstadt.yaml")
    mail = build_mail(
        to="a@example.org",
        sender="rathaus@example.org",
        language=language,
        catalogue=catalogue,
        service_id=service_id,
        tracking="7K3M-Q9XD-2AF8",
        submitted_at=WHEN,
        status_url="https://rathaus.example/status/{tracking}",
    )
    body = mail.get_content()
    return str(mail["Subject"]), body


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("de", ("Eingangsbestätigung", "Ihre Vorgangsnummer: 7K3M-Q9XD-2AF8")),
        ("en", ("Receipt", "Your tracking number: 7K3M-Q9XD-2AF8")),
        ("tr", ("Alındı belgesi", "Takip numaranız: 7K3M-Q9XD-2AF8")),
        ("ar", ("إيصال استلام", "رقم المعاملة الخاص بك: 7K3M-Q9XD-2AF8")),
        ("uk", ("Підтвердження отримання", "Ваш номер звернення: 7K3M-Q9XD-2AF8")),
        ("ru", ("Подтверждение получения", "Номер Вашего обращения: 7K3M-Q9XD-2AF8")),
        ("de-x-ls", ("Quittung", "Ihre Vorgangs·nummer: 7K3M-Q9XD-2AF8")),
    ],
)
def test_the_receipt_mail_is_in_the_citizen_s_language(
    language: str, words: tuple[str, str]
) -> None:
    subject, body = _mail(language)
    assert subject.startswith(words[0]) and "7K3M-Q9XD-2AF8" in subject
    assert words[1] in body
    assert "https://rathaus.example/status/7K3M-Q9XD-2AF8" in body
    assert "{" not in body  # every field filled


def test_every_language_s_mail_is_its_own_and_an_unknown_one_is_german() -> None:
    bodies = {language: _mail(language)[1] for language in SUPPORTED}
    assert len(set(bodies.values())) == len(SUPPORTED)
    assert _mail("fr")[1] == bodies["de"]
    # A service gone from the catalogue is named by generic words, in the language too.
    assert _mail("ar", service_id="gone")[0].startswith("إيصال استلام: طلبك")


def test_the_page_s_language_is_the_citizen_s_choice_else_their_phone_s() -> None:
    assert page_language("", "").code == "de"
    assert page_language("", "ar-SY,ar;q=0.9,en;q=0.5").code == "ar"
    assert page_language("", "fr-FR, en;q=0.8, uk;q=0.9").code == "uk"
    assert page_language("", "fr, es;q=0.5").code == "de"
    assert page_language("", "en;q=bad, tr;q=0.2").code == "tr"
    assert page_language("de-x-ls", "ru").code == "de-x-ls"
    assert page_language("xx", "ru").code == "ru"


def test_the_status_page_speaks_the_citizen_s_language(live_hub: LiveHub) -> None:
    doc = termin(live_hub.terminal_id, language="ar")
    assert live_hub.put_data(doc).status_code == 201
    page = f"{live_hub.url}/status/{doc['tracking_code']}"
    # The phone's language: Arabic, written right to left.
    arabic = requests.get(page, headers={"Accept-Language": "ar,en;q=0.5"}, timeout=10)
    assert arabic.status_code == 200
    assert '<html lang="ar" dir="rtl">' in arabic.text
    assert "تم الاستلام" in arabic.text and "Eingegangen" not in arabic.text
    assert arabic.headers["content-language"] == "ar"
    # Every other language one tap away, each named in itself.
    assert 'href="?lang=de-x-ls"' in arabic.text and ">Leichte Sprache<" in arabic.text
    assert 'href="?lang=uk"' in arabic.text and ">Українська<" in arabic.text
    # Chosen on the page: Leichte Sprache.
    easy = requests.get(page + "?lang=de-x-ls", headers={"Accept-Language": "ar"}, timeout=10)
    assert '<html lang="de-x-ls" dir="ltr">' in easy.text and "Angekommen" in easy.text
    # No phone language the texts have: German.
    german = requests.get(page, headers={"Accept-Language": "fr"}, timeout=10)
    assert "Eingegangen" in german.text and 'dir="ltr"' in german.text
    # An unknown number, in Ukrainian.
    unknown = requests.get(
        f"{live_hub.url}/status/AAAA-BBBB-CCCC", headers={"Accept-Language": "uk"}, timeout=10
    )
    assert unknown.status_code == 404 and "Заяви з таким номером немає" in unknown.text
