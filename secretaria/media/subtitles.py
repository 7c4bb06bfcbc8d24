"""Subtitles: WebVTT as browsers read it; SRT (what most subtitling tools write) converted to it."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from secretaria.files.filetypes import UploadRefused

MAX_BYTES = 2 * 1024 * 1024
_SRT_TIME = re.compile(r"(\d{1,2}:\d{2}:\d{2}),(\d{3})")
_CUE_TIME = re.compile(r"^\s*(\d{1,2}:)?\d{2}:\d{2}[.,]\d{3}\s+-->\s+(\d{1,2}:)?\d{2}:\d{2}[.,]\d{3}")
_TAG = re.compile(r"<[^>]+>")


def _decode(content: bytes, name: str) -> str:
    if len(content) > MAX_BYTES:
        raise UploadRefused(_("“%(name)s” is too large for a subtitles file.") % {"name": name})
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UploadRefused(_("“%(name)s” is not a text file.") % {"name": name})  # pragma: no cover - cp1252 decodes all


def to_webvtt(content: bytes, name: str) -> str:
    """The subtitles as WebVTT text, or UploadRefused when the file has no timed cue."""
    text = _decode(content, name).replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if text.lstrip().startswith("WEBVTT"):
        body = text.lstrip()
    else:
        body = "WEBVTT\n\n" + _SRT_TIME.sub(r"\1.\2", text.strip()) + "\n"
    if not any(_CUE_TIME.match(line) for line in body.splitlines()):
        raise UploadRefused(
            _("“%(name)s” holds no timed subtitles; upload a WebVTT (.vtt) or SubRip (.srt) file.") % {"name": name}
        )
    # No markup from an uploaded file reaches the player but the cue text itself.
    return _TAG.sub("", body)


def plain_text(vtt: str) -> str:
    """The words of the subtitles, for the transcript and the site search."""
    lines = []
    for line in vtt.splitlines():
        line = line.strip()
        if not line or line.startswith(("WEBVTT", "NOTE")) or _CUE_TIME.match(line) or line.isdigit():
            continue
        if not lines or lines[-1] != line:
            lines.append(line)
    return "\n".join(lines)
