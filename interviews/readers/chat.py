"""A chat exported from a messaging app (WhatsApp's "Chat exporteren"), read as a written conversation.

Two line shapes start a message (date order day-month or month-day, any of `-` `/` `.` in the date):
    Android   `12-03-2026 19:02 - Naam: tekst`        (also `12/03/2026, 19:02 - Naam: tekst`)
    iPhone    `[12-03-2026 20:14:05] Naam: tekst`     (also `[12/03/2026, 20:14:05] Naam: tekst`)
A line that does not start so continues the message above (a message of several lines). What the app
writes itself is no speech and is left out, counted in the layout's name: lines without a sender
(the encryption notice, "... heeft groep gemaakt", "... toegevoegd"), on the iPhone the lines whose
text starts with a left-to-right mark (U+200E: system lines and media), and the placeholders of media
and deleted messages (`<Media weggelaten>`, `afbeelding weggelaten`, `Dit bericht is verwijderd`); the
note `<Dit bericht is bewerkt>` after an edited message is dropped from its text.
The sender up to the first `: ` is the speaker; the message's time is a time of day (`clock_time`).
A sender the phone knows only by number (`+31 6 12345678`) is read as `Telefoonnummer 1`, `... 2` (by
first message), so that no number is a speaker label; the layout's name says how many.
Consecutive messages of one sender merge into one turn. A line inside the chat that starts like a
message but fits neither shape (`12-03-2026 19:02 Naam: ...` without the dash) is refused (N116,
file and line), never glued to the message above. The layout applies only when the file starts
with such a line and such lines are at least a third of its lines: a typed transcript that quotes a
chat line inside the speech stays a typed transcript.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from interviews.readers.labels import Block, normalise_timestamp
from interviews.readers.layouts import Miss, Reading, twenty_four_hour
from interviews.readers.subtitles import Piece, merge_pieces

_LRM = "\u200e"
_BIDI = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u2066\u2067\u2068\u2069"))  # marks around numbers
_NUMBER = re.compile(r"^\+?\d[\d\s().\-]{5,}$")  # a sender without a name: the phone number
_DATE = r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4},?"
_CLOCK = r"(?P<time>\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)(?:\s?(?P<ampm>[AaPp]\.?[Mm]\.?))?"
_ANDROID = re.compile(rf"^{_LRM}?{_DATE}\s+{_CLOCK}\s+-\s+(?P<rest>.*)$")
_IPHONE = re.compile(rf"^{_LRM}?\[{_DATE}\s+{_CLOCK}\]\s+(?P<rest>.*)$")
# A line that starts like a message (a date, a time, a name and ': ') but fits neither shape: a damaged line.
_DAMAGED = re.compile(rf"^{_LRM}?\[?\s*{_DATE}\s*\d{{1,2}}[:.]\d{{1,2}}(?:[:.]\d{{1,2}})?\S{{0,6}}\s.{{0,70}}?:\s")
# The sender, then ': ' (a system line has no such sender: "Marloes heeft groep 'X' gemaakt").
_SENDER = re.compile(r"^(?P<sender>[^:\n]{1,60}?):\s(?P<text>.*)$", re.S)
# The app's placeholders for what it did not export (Dutch and English phones).
PLACEHOLDERS = re.compile(
    r"^(?:<\s*media (?:weggelaten|omitted)\s*>|(?:afbeelding|video|audio|sticker|gif|document|contactkaart|"
    r"image|sticker|document|contact card) (?:weggelaten|omitted)|<(?:bijgevoegd|attached): [^>]+>|"
    r"dit bericht is verwijderd|(?:je|u) hebt dit bericht verwijderd|this message was deleted|"
    r"you deleted this message|null)\.?$", re.I)


# The app's note after an edited message: not what the sender wrote.
_EDITED = re.compile(r"\s*<(?:dit bericht is bewerkt|this message was edited)>\s*$", re.I)


@dataclass(frozen=True)
class _Message:
    line: int
    time: str
    sender: str | None  # None: the app's own line
    text: str


def _message(text: str, number: int) -> _Message | None:
    match = _ANDROID.match(text) or _IPHONE.match(text)
    if match is None:
        return None
    clock = match.group("time").replace(".", ":")
    time = normalise_timestamp(clock if clock.count(":") == 2 else f"{clock}:00")  # 19:02 is a time of day
    if match.group("ampm"):
        time = twenty_four_hour(time, match.group("ampm"))
    sender = _SENDER.match(match.group("rest"))
    if sender is None or len(sender.group("sender").split()) > 6 or sender.group("text").startswith(_LRM):
        return _Message(number, time, None, match.group("rest"))
    return _Message(number, time, " ".join(sender.group("sender").translate(_BIDI).split()), sender.group("text"))


@dataclass(frozen=True)
class ChatExportLayout:
    """A WhatsApp chat export; see the module docstring."""

    name: str = "WhatsApp-chat ('datum tijd - Naam: tekst' of '[datum tijd] Naam: tekst')"

    def read(self, blocks: Sequence[Block]) -> Reading | Miss | None:
        lines = [line for block in blocks for line in block.lines]
        if not lines or _message(lines[0].text, lines[0].number) is None:
            return None
        messages: list[_Message] = []
        for line in lines:
            found = _message(line.text, line.number)
            if found is not None:
                messages.append(found)
            elif _DAMAGED.match(line.text):  # not a later line of the message above: refused (N116)
                return Miss(self.name, line.number, "deze regel begint als een bericht (datum, tijd, naam), maar de "
                            "datum, tijd of naam is beschadigd", len(messages))
            else:  # a later line of the message above
                last = messages[-1]
                messages[-1] = _Message(last.line, last.time, last.sender, f"{last.text}\n{line.text}")
        senders = [m for m in messages if m.sender is not None]
        if len(senders) < 2 or len(messages) * 3 < len(lines):
            return None
        pieces: list[Piece] = []
        left_out = len(messages) - len(senders)
        numbers: dict[str, str] = {}
        for message in senders:
            speaker = message.sender or ""
            if _NUMBER.match(speaker):
                speaker = numbers.setdefault(speaker, f"Telefoonnummer {len(numbers) + 1}")
            text = _EDITED.sub("", " ".join(message.text.replace(_LRM, "").split()))
            if not text or PLACEHOLDERS.match(text):
                left_out += 1
                continue
            pieces.append(Piece(speaker, message.time, text, message.line))
        if not pieces:
            return None
        said = f"; {left_out} regel(s) van de app zelf (systeemregels, weggelaten media) niet gelezen" if left_out else ""
        if numbers:
            said += f"; {len(numbers)} afzender(s) zonder naam gelezen als 'Telefoonnummer N'"
        return Reading(self.name + said, merge_pieces(pieces, False), clock_time=True)
