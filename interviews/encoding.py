"""Decode transcript bytes: UTF-8 (with or without BOM), UTF-16 (with BOM, or without one when every
other byte is NUL, as Latin-script UTF-16 is), else Windows-1252.

Line endings (CRLF, LF, lone CR) are normalised to LF. Binary data (NUL bytes, many control
characters, bytes undefined in Windows-1252) and empty files are errors, never garbled text.

Example:
    >>> decode_text("Sanne: hoi\\r\\n".encode("cp1252"), "a.txt").text
    'Sanne: hoi\\n'
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from interviews.readers.errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# UTF-8 bytes read as Windows-1252 ("Ã«" for "ë", "â€™" for "’"): a file mixing both encodings.
_MOJIBAKE = re.compile(r"Ã[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u2013-\u203a\u20ac\u2122]|â€")


@dataclass(frozen=True)
class DecodedText:
    """Text of a file with LF line endings and without BOM.

    Attributes:
        text: the decoded text.
        encoding: "utf-8", "utf-8-sig", "utf-16-le", "utf-16-be" or "cp1252".
        newline: the dominant line ending found ("\\r\\n", "\\n", "\\r"; "" for a single line).
    """

    text: str
    encoding: str
    newline: str


def decode_text(data: bytes, source: str) -> DecodedText:
    """Decode the bytes of a text transcript.

    Args:
        data: the file's bytes.
        source: the file name shown in error messages (relative to the interviews folder).

    Returns:
        The decoded text with normalised line endings.

    Raises:
        InputError: N101 for an empty file, N102 for binary or undecodable data.
    """
    if not data.strip():
        raise InputError("N101", path=source, detail="het bestand is leeg")
    text: str | None = None
    encoding = ""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(name.replace("-sig", ""))
            except UnicodeDecodeError:
                raise InputError("N102", path=source, detail=f"ongeldige tekens voor {name}") from None
            encoding = name
            break
    if text is None and (guess := _utf16_without_bom(data)):
        try:
            text, encoding = data.decode(guess), guess
        except UnicodeDecodeError:
            text = None
    if text is None:
        if b"\x00" in data:
            raise InputError("N102", path=source, detail="binair bestand (bevat NUL-bytes), geen tekst")
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            try:
                text, encoding = data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                raise InputError("N102", path=source, detail="niet te lezen als UTF-8 of Windows-1252; sla op als UTF-8"
                ) from None
            if _MOJIBAKE.search(text):
                raise InputError("N102", path=source,
                    detail="gemengde codering (deels UTF-8, deels Windows-1252); sla op als UTF-8",
                )
    text = text.lstrip("\ufeff")
    if text.lstrip().startswith("{\\rtf"):
        raise InputError("N102", path=source, line=1, detail=(
            "RTF-opmaak (Rich Text) in plaats van platte tekst; geef het bestand de extensie .rtf (narratief leest "
            "RTF), of sla het op als .docx of als platte tekst (UTF-8)"))
    if len(_CONTROL.findall(text)) > max(2, len(text) // 100):
        raise InputError("N102", path=source, detail="binair bestand (veel stuurtekens), geen tekst")
    newline = _dominant_newline(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("N101", path=source, detail="het bestand is leeg")
    return DecodedText(text=text, encoding=encoding, newline=newline)


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" for UTF-16 text saved without a BOM, else None.

    Latin-script text in UTF-16 has a NUL in nearly every other byte (the high byte of each
    character) and almost none in between; binary data does not keep to that rhythm.
    """
    if len(data) < 8 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul > 0.7 and even_nul < 0.02:
        return "utf-16-le"
    if even_nul > 0.7 and odd_nul < 0.02:
        return "utf-16-be"
    return None


def _dominant_newline(text: str) -> str:
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    cr = text.count("\r") - crlf
    counts = {"\r\n": crlf, "\n": lf, "\r": cr}
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] else ""
