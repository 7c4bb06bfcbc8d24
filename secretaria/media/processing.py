"""The worker's part: photos resized and cleaned, videos probed and given a poster frame.

Run only from ``tasks.py`` (never in a request). Every derivative is a new image built from the
pixels alone: orientation applied first (``ImageOps.exif_transpose``), then saved with no EXIF,
GPS, XMP or maker notes (``info`` is emptied and nothing is passed to ``save`` but the colour
profile). A file that is not an image, is truncated or would decompress to more pixels than
``MEDIA_MAX_IMAGE_PIXELS`` is refused with a reason; the worker goes on with the next task.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

# (role, longest side in pixels): a thumbnail for the grid, a web size for the lightbox, a large one
# for downloads (made only when the original is larger than the web size).
SIZES = (("thumb", 400), ("web", 1280), ("large", 2400))
JPEG_QUALITY = 85
BROWSER_VIDEO_CODECS = {"mp4": {"h264", "hevc", "av1"}, "webm": {"vp8", "vp9", "av1"}}
BROWSER_AUDIO_CODECS = {"mp4": {"aac", "mp3", "opus"}, "webm": {"opus", "vorbis"}}


class Refused(Exception):  # noqa: N818 - reads as the outcome
    """The file cannot be used; ``str(exc)`` is the reason shown to the Secretariat."""


@dataclass
class Derivative:
    role: str
    content: bytes
    width: int
    height: int


def _open_image(fileobj, name: str) -> Image.Image:
    Image.MAX_IMAGE_PIXELS = settings.MEDIA_MAX_IMAGE_PIXELS
    try:
        with warnings.catch_warnings():
            # Pillow warns between the limit and twice the limit and raises beyond: both are refused.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(fileobj)
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise Refused(
            _("“%(name)s” would decompress to more than %(max)s million pixels; it is refused as a possible attack.")
            % {"name": name, "max": settings.MEDIA_MAX_IMAGE_PIXELS // 1_000_000}
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        raise Refused(
            _("“%(name)s” could not be read as an image (it is damaged or not what its name says): %(error)s")
            % {"name": name, "error": str(exc)[:200]}
        ) from None
    return image


def _clean(image: Image.Image) -> Image.Image:
    """The pixels upright, as RGB, with no metadata attached."""
    image = ImageOps.exif_transpose(image)
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, (255, 255, 255))
        background.paste(image, mask=image.getchannel("A"))
        image = background
    elif image.mode != "RGB":
        image = image.convert("RGB")
    clean = Image.new("RGB", image.size)
    clean.paste(image)
    return clean


def _jpeg(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return out.getvalue()


def derivatives_of(image: Image.Image) -> list[Derivative]:
    clean = _clean(image)
    longest = max(clean.size)
    made = []
    for role, side in SIZES:
        if role == "large" and longest <= SIZES[1][1]:
            continue
        copy = clean.copy()
        copy.thumbnail((side, side), Image.Resampling.LANCZOS)
        made.append(Derivative(role, _jpeg(copy), *copy.size))
    return made


def photo_derivatives(fileobj, name: str) -> tuple[tuple[int, int], list[Derivative]]:
    """(upright size, derivatives) of a photo, or Refused."""
    image = _open_image(fileobj, name)
    try:
        upright = ImageOps.exif_transpose(image).size
        return upright, derivatives_of(image)
    except (OSError, ValueError) as exc:
        raise Refused(_("“%(name)s” could not be processed: %(error)s") % {"name": name, "error": exc}) from None


# --- Videos -------------------------------------------------------------------------------------
@dataclass
class Probe:
    duration: float
    width: int
    height: int
    video_codec: str
    audio_codec: str


def _container_kind(container) -> str:
    names = container.format.name or ""
    return "webm" if "webm" in names or "matroska" in names else "mp4"


def probe_video(path: str, name: str) -> Probe:
    """Duration, size and codecs of a video a browser can play, or Refused with the reason."""
    import av  # noqa: PLC0415 - FFmpeg's bindings are heavy; only the worker loads them

    try:
        with av.open(path) as container:
            kind = _container_kind(container)
            video = next((s for s in container.streams if s.type == "video"), None)
            audio = next((s for s in container.streams if s.type == "audio"), None)
            if video is None:
                raise Refused(_("“%(name)s” has no picture: there is no video track in it.") % {"name": name})
            vcodec = video.codec_context.name
            acodec = audio.codec_context.name if audio is not None else ""
            if vcodec not in BROWSER_VIDEO_CODECS[kind]:
                raise Refused(
                    _(
                        "“%(name)s” is encoded as %(codec)s, which browsers do not play in %(kind)s; convert it to "
                        "H.264 (MP4) or VP9 (WebM)."
                    )  # fmt: skip
                    % {"name": name, "codec": vcodec, "kind": kind.upper()}
                )
            if acodec and acodec not in BROWSER_AUDIO_CODECS[kind]:
                raise Refused(
                    _(
                        "“%(name)s” has its sound as %(codec)s, which browsers do not play; use AAC (MP4) or Opus (WebM)."
                    )
                    % {"name": name, "codec": acodec}
                )
            duration = 0.0
            if container.duration:
                duration = container.duration / av.time_base
            elif video.duration and video.time_base:
                duration = float(video.duration * video.time_base)
            # A file whose first picture cannot be decoded is not playable, whatever its header says.
            frame = next(container.decode(video), None)
            if frame is None:
                raise Refused(_("“%(name)s” holds no picture that can be decoded.") % {"name": name})
            return Probe(round(duration, 3), frame.width, frame.height, vcodec, acodec)
    except Refused:
        raise
    except (av.FFmpegError, OSError, ValueError, StopIteration) as exc:
        # FFmpeg's message names the stored path; the reason without it is enough.
        reason = getattr(exc, "strerror", None) or str(exc)
        raise Refused(
            _("“%(name)s” could not be read as a video (damaged or not a video): %(error)s")
            % {"name": name, "error": str(reason).replace(path, name)[:200]}
        ) from None


def poster_frame(path: str, at: float) -> tuple[bytes, int, int] | None:
    """A JPEG of the frame at ``at`` seconds (or the last one before it), without metadata."""
    import av  # noqa: PLC0415 - FFmpeg's bindings are heavy; only the worker loads them

    with av.open(path) as container:
        video = container.streams.video[0]
        picked = None
        if at > 0 and video.time_base:
            container.seek(int(at / video.time_base), stream=video, backward=True, any_frame=False)
        for frame in container.decode(video):
            picked = frame
            if frame.time is not None and frame.time >= at:
                break
        if picked is None:
            return None
        image = picked.to_image()
    clean = _clean(image)
    clean.thumbnail((SIZES[1][1], SIZES[1][1]), Image.Resampling.LANCZOS)
    return _jpeg(clean), clean.width, clean.height
