"""BAC against the worked example of ICAO Doc 9303 Part 11, Appendix D (fixed vectors).

The values below are the appendix's, typed from the document, not produced by our code: the
terminal's side and the virtual chip must both agree with them, so that they cannot share one
misunderstanding.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.card.icao.bac import (
    BacError,
    access_keys,
    authenticate_command,
    key_seed,
    open_response,
)
from drivers.card.icao.crypto import pad, retail_mac, tdes_encrypt
from drivers.card.icao.mrz import bac_key_input, check_digit

H = bytes.fromhex

MRZ_INFORMATION = "L898902C<369080619406236"
RND_IC = H("4608F91988702212")
RND_IFD = H("781723860C06C226")
K_IFD = H("0B795240CB7049B01C19B33E32804F0B")


def test_mrz_information_and_check_digits() -> None:
    assert bac_key_input("L898902C", "690806", "940623") == MRZ_INFORMATION
    assert check_digit("L898902C<") == "3"
    assert check_digit("690806") == "1"
    assert check_digit("940623") == "6"
    assert check_digit("") == "0"
    with pytest.raises(ValueError):
        bac_key_input("L898902C", "69086", "940623")


def test_key_derivation() -> None:
    assert key_seed(MRZ_INFORMATION) == H("239AB9CB282DAF66231DC5A4DF6BFBAE")
    keys = access_keys(MRZ_INFORMATION)
    assert keys.k_enc == H("AB94FDECF2674FDFB9B391F85D7F76F2")
    assert keys.k_mac == H("7962D9ECE03D1ACD4C76089DCE131543")


def test_mutual_authentication_and_session_keys() -> None:
    keys = access_keys(MRZ_INFORMATION)
    command = authenticate_command(keys, RND_IC, RND_IFD, K_IFD)
    assert command == H(
        "72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F25F1448EEA8AD90A7"
    )
    response = H("46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F2F2D235D074D7449")
    session = open_response(keys, response, RND_IC, RND_IFD, K_IFD)
    assert session.ks_enc == H("979EC13B1CBFE9DCD01AB0FED307EAE5")
    assert session.ks_mac == H("F1CB1F1FB5ADF208806B89DC579DC1F8")
    assert session.ssc == H("887022120C06C226")


def test_a_wrong_or_forged_answer_is_refused() -> None:
    keys = access_keys(MRZ_INFORMATION)
    good = H("46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F2F2D235D074D7449")
    forged = bytes([good[0] ^ 1]) + good[1:]
    for answer in (forged, good[:-1], b""):
        with pytest.raises(BacError):
            open_response(keys, answer, RND_IC, RND_IFD, K_IFD)
    # A wrong MRZ (e.g. a mistyped date of birth) gives other keys: the chip's answer fails.
    wrong = access_keys(bac_key_input("L898902C", "690807", "940623"))
    with pytest.raises(BacError):
        open_response(wrong, good, RND_IC, RND_IFD, K_IFD)


def test_mac_needs_padded_input() -> None:
    key = access_keys(MRZ_INFORMATION).k_mac
    with pytest.raises(ValueError):
        retail_mac(key, b"odd")
    assert len(retail_mac(key, pad(b"odd"))) == 8
    assert len(tdes_encrypt(key, bytes(16))) == 16


@settings(max_examples=200, deadline=None, database=None)
@given(
    st.binary(min_size=16, max_size=16),
    st.integers(1, 40).flatmap(lambda n: st.binary(min_size=8 * n, max_size=8 * n)),
)
def test_retail_mac_is_iso_9797_1_algorithm_3(key: bytes, data: bytes) -> None:
    """The short form (DES-CBC, then one 3DES block) against the definition, step by step."""
    from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES
    from cryptography.hazmat.primitives.ciphers import Cipher, modes

    ka, kb = key[:8], key[8:]
    chained = bytes(8)
    for i in range(0, len(data), 8):
        block = bytes(a ^ b for a, b in zip(chained, data[i : i + 8], strict=True))
        chained = Cipher(TripleDES(ka * 3), modes.ECB()).encryptor().update(block)
    chained = Cipher(TripleDES(kb * 3), modes.ECB()).decryptor().update(chained)
    expected = Cipher(TripleDES(ka * 3), modes.ECB()).encryptor().update(chained)
    assert retail_mac(key, data) == expected
