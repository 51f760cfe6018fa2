"""The pseudonymisation key: pseudonym -> original(s), encrypted on disk.

File layout: the magic `NARRATIEF-SLEUTEL\\x01`, 16 bytes of random salt, then a Fernet token
(AES-128-CBC + HMAC-SHA256, authenticated) holding the JSON payload. The Fernet key is derived
from the passphrase with scrypt (n=2**15, r=8, p=1) and the file's salt.

The key is the one mutable object of this stage: it grows across runs and years (returning people
keep their pseudonym). It is never written to `output/`, and never replaced by an empty key when
an existing file cannot be opened.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from interviews.errors import PseudonymisationError
from nlp.io import PRIVATE, write_bytes

MAGIC = b"NARRATIEF-SLEUTEL\x01"
SALT_BYTES = 16
SCRYPT_N = 2**15
PASSPHRASE_ENV = "NARRATIEF_PASSPHRASE"


class KeyFileError(PseudonymisationError):
    """The key file cannot be opened or written (N201-N206)."""


def _derive(passphrase: str, salt: bytes) -> Fernet:
    kdf = Scrypt(salt=salt, length=32, n=SCRYPT_N, r=8, p=1)
    return Fernet(base64.urlsafe_b64encode(kdf.derive(passphrase.encode("utf-8"))))


@dataclass
class PseudonymKey:
    """The decrypted key in memory.

    Attributes:
        path: the key file (`sleutel.bin`).
        persons: person number -> original spellings ("Fatima de Vries", "Fatima", "fatima").
        others: category -> originals, in order of first appearance (index + 1 = number).
    """

    path: Path
    persons: dict[int, list[str]] = field(default_factory=dict)
    others: dict[str, list[str]] = field(default_factory=dict)
    _salt: bytes = field(default=b"", repr=False)
    _fernet: Fernet | None = field(default=None, repr=False)

    @property
    def is_new(self) -> bool:
        """True when no key file existed yet (first run)."""
        return not self.path.exists()

    def originals(self) -> set[str]:
        """Every original string in the key (RAW personal data; for the leak check)."""
        out = {name for names in self.persons.values() for name in names}
        out |= {value for values in self.others.values() for value in values}
        return out

    def to_payload(self) -> dict[str, Any]:
        return {
            "version": 1,
            "persons": {str(k): list(v) for k, v in sorted(self.persons.items())},
            "others": {k: list(v) for k, v in sorted(self.others.items())},
        }

    def seal(self, data: bytes) -> bytes:
        """Encrypt `data` with this key's passphrase (the same Fernet key as the key file)."""
        return _seal(self, data)

    def unseal(self, blob: bytes, path: Path | None = None) -> bytes:
        """Decrypt what `seal` wrote.

        Raises:
            KeyFileError: N206 when it was sealed with another key or is damaged.
        """
        return _unseal(self, blob, path or self.path)

    def write_sealed(self, path: Path, data: bytes) -> None:
        """Seal `data` and write it atomically (`nlp.io`), readable by the owner only."""
        write_bytes(path, self.seal(data), mode=PRIVATE)

    def save(self) -> None:
        """Encrypt and write the key atomically (tmp file in the same folder + os.replace).

        Raises:
            KeyFileError: N205 when the file cannot be written.
        """
        if self._fernet is None:
            raise KeyFileError("N205", "sleutel is niet geopend met een wachtwoord", path=self.path)
        data = json.dumps(self.to_payload(), ensure_ascii=False).encode("utf-8")
        blob = MAGIC + self._salt + self._fernet.encrypt(data)
        try:
            write_bytes(self.path, blob, mode=PRIVATE)
        except OSError as exc:
            raise KeyFileError("N205", f"sleutel kan niet worden opgeslagen ({exc.strerror})", path=self.path) from None


SEALED_MAGIC = b"NARRATIEF-VERZEGELD\x01"
"""Header of a file sealed with the key (e.g. `bevindingen.csv`): magic + Fernet token."""


def is_sealed(data: bytes) -> bool:
    """True when `data` is a file sealed with `PseudonymKey.seal`."""
    return data.startswith(SEALED_MAGIC)


def _seal(key: "PseudonymKey", data: bytes) -> bytes:
    if key._fernet is None:
        raise KeyFileError("N205", "sleutel is niet geopend met een wachtwoord", path=key.path)
    return SEALED_MAGIC + key._fernet.encrypt(data)


def _unseal(key: "PseudonymKey", blob: bytes, path: Path) -> bytes:
    if key._fernet is None:
        raise KeyFileError("N205", "sleutel is niet geopend met een wachtwoord", path=key.path)
    try:
        return key._fernet.decrypt(blob[len(SEALED_MAGIC):])
    except InvalidToken:
        raise KeyFileError(
            "N206", "dit bestand hoort niet bij deze sleutel of is beschadigd", path=path
        ) from None


def passphrase_from_env(environ: dict[str, str] | None = None) -> str | None:
    """The passphrase from `NARRATIEF_PASSPHRASE`, or None (the CLI may then prompt)."""
    value = (environ if environ is not None else os.environ).get(PASSPHRASE_ENV)
    return value or None


def open_key(path: Path, passphrase: str | None) -> PseudonymKey:
    """Open (or, when the file does not exist yet, start) the pseudonymisation key.

    Args:
        path: the key file, e.g. `~/.local/share/narratief/<project>/sleutel.bin`.
        passphrase: from `NARRATIEF_PASSPHRASE` or an interactive prompt.

    Returns:
        The decrypted key. A new key is only written to disk by `save()`.

    Raises:
        KeyFileError: N201 no passphrase; N202 wrong passphrase (or tampered file);
            N203 not a narratief key file / damaged; N204 unreadable file.

    Example:
        >>> key = open_key(Path("/tmp/sleutel.bin"), "geheim wachtwoord")  # doctest: +SKIP
    """
    path = Path(path)
    if not passphrase:
        raise KeyFileError(
            "N201",
            f"geen wachtwoord voor de sleutel: zet {PASSPHRASE_ENV} of geef het wachtwoord op",
            path=path,
        )
    if not path.exists():
        salt = secrets.token_bytes(SALT_BYTES)
        return PseudonymKey(path=path, _salt=salt, _fernet=_derive(passphrase, salt))
    try:
        blob = path.read_bytes()
    except OSError as exc:
        raise KeyFileError("N204", f"sleutelbestand niet leesbaar ({exc.strerror})", path=path) from None
    if not blob.startswith(MAGIC) or len(blob) <= len(MAGIC) + SALT_BYTES:
        raise KeyFileError("N203", "dit is geen (volledig) narratief-sleutelbestand; herstel een reservekopie", path=path)
    salt = blob[len(MAGIC) : len(MAGIC) + SALT_BYTES]
    fernet = _derive(passphrase, salt)
    try:
        data = fernet.decrypt(blob[len(MAGIC) + SALT_BYTES :])
    except InvalidToken:
        raise KeyFileError(
            "N202",
            "wachtwoord onjuist of sleutelbestand beschadigd; de sleutel is niet gewijzigd",
            path=path,
        ) from None
    try:
        payload = json.loads(data.decode("utf-8"))
        persons = {int(k): [str(x) for x in v] for k, v in payload["persons"].items()}
        others = {str(k): [str(x) for x in v] for k, v in payload["others"].items()}
    except (ValueError, KeyError, TypeError, AttributeError):
        raise KeyFileError("N203", "inhoud van de sleutel is onleesbaar; herstel een reservekopie", path=path) from None
    return PseudonymKey(path=path, persons=persons, others=others, _salt=salt, _fernet=fernet)
