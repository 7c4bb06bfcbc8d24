"""Photos and a short video made on the spot, for the demo data and the tests (nothing binary is
shipped in the repository). The photos carry a camera's EXIF, GPS position included, as a
phone's would, so the demo shows that the site strips it."""

from __future__ import annotations

import io
import math

from PIL import Image, ImageDraw

# Guatemala City, where the seminar on Migration and Health met (18-19 October 2004).
GPS_GUATEMALA = {1: "N", 2: (14.0, 38.0, 2.0), 3: "W", 4: (90.0, 30.0, 47.0)}


def photo(*, width: int = 1600, height: int = 1200, hue: int = 0, label: str = "", orientation: int = 1,
          fmt: str = "JPEG", gps: bool = True) -> bytes:  # fmt: skip
    """An image of bands of colour with a label, EXIF (maker, model, GPS) and the given orientation."""
    image = Image.new("RGB", (width, height), (30, 60, 110))
    draw = ImageDraw.Draw(image)
    for i in range(12):
        shade = (int(127 + 120 * math.sin((hue + i) / 2)), int(127 + 120 * math.sin((hue + i) / 3 + 1)), 160)
        draw.rectangle([0, i * height // 12, width, (i + 1) * height // 12], fill=shade)
    draw.rectangle([0, 0, width // 6, height // 6], fill=(200, 20, 20))  # marks the top left corner
    if label:
        draw.text((width // 10, height // 2), label, fill=(255, 255, 255))
    exif = Image.Exif()
    exif[0x010F] = "ExampleCam"  # Make
    exif[0x0110] = "Phone 12 Pro"  # Model
    exif[0x0112] = orientation
    exif[0x0131] = "CameraApp 1.0"  # Software
    if gps:
        exif[0x8825] = GPS_GUATEMALA
    out = io.BytesIO()
    if fmt == "PNG":
        image.save(out, "PNG", exif=exif)
    elif fmt == "WEBP":
        image.save(out, "WEBP", exif=exif)
    elif fmt == "HEIF":
        image.save(out, "HEIF", exif=exif.tobytes())
    else:
        image.save(out, "JPEG", exif=exif, quality=80)
    return out.getvalue()


def video(*, seconds: float = 2.0, width: int = 320, height: int = 240, fps: int = 12, fmt: str = "mp4") -> bytes:
    """A short clip (H.264 in MP4, or VP9 in WebM) of moving colours, without sound."""
    import av  # noqa: PLC0415 - FFmpeg's bindings are heavy; only loaded when a video is made

    out = io.BytesIO()
    with av.open(out, mode="w", format="mp4" if fmt == "mp4" else "webm") as container:
        stream = container.add_stream("libx264" if fmt == "mp4" else "libvpx-vp9", rate=fps)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        frames = int(seconds * fps)
        for n in range(frames):
            image = Image.new("RGB", (width, height), (n * 255 // max(frames - 1, 1), 40, 90))
            ImageDraw.Draw(image).rectangle([0, 0, width * (n + 1) // frames, height // 3], fill=(240, 200, 40))
            frame = av.VideoFrame.from_image(image)
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return out.getvalue()
