"""Made-up photos for the sample site, the browser test and the bench.

No photo of a real person is needed to test how photos are published: each
scene here (a hall of chairs under a banner, blood bags on a tray, tents in a
yard, a check-in table) is drawn from shapes, with light, grain and a little
blur so that it compresses like a phone photo rather than a drawing.
`write_jpeg` then gives the file the metadata a phone writes (camera, serial
number, photographer, time, GPS position, an embedded thumbnail) with
exiftool, so that tests can prove none of it is published.

Needs numpy and Pillow (`python3 -m pip install numpy pillow`) and exiftool
(Debian: libimage-exiftool-perl).
"""
import io
import os
import subprocess
import tempfile

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
KINDS = ("hall", "bags", "tents", "table")


def _font(size):
    try:
        return ImageFont.truetype(FONT, size)
    except OSError:
        return ImageFont.load_default()


def _gradient(width, height, top, bottom):
    t = np.linspace(0, 1, height)[:, None, None]
    rows = np.array(top)[None, None, :] * (1 - t) + np.array(bottom)[None, None, :] * t
    return np.repeat(rows.astype(np.uint8), width, axis=1)


def _hall(d, w, h, rng, s):
    d.rectangle([0, int(h * .62), w, h], fill=(150, 118, 90))
    d.rectangle([int(w * .18), int(h * .08), int(w * .82), int(h * .24)], fill=(196, 30, 45))
    d.text((w // 2, int(h * .16)), "HIẾN MÁU TÌNH NGUYỆN", fill=(255, 246, 214), font=_font(int(64 * s)), anchor="mm")
    for row in range(5):
        y = int(h * (.58 + row * .085))
        size = int((34 + row * 9) * s)
        for col in range(-1, 15):
            x = int(w * .04 + col * size * 2.05 + (row % 2) * size)
            d.rounded_rectangle([x, y, x + size * 1.5, y + size * 1.2], radius=int(6 * s), fill=(38, 84, 160))
            d.rectangle([x + size * .2, y + size * 1.2, x + size * .32, y + size * 1.8], fill=(60, 60, 66))
    for x in range(3):
        cx = int(w * (.12 + x * .38))
        d.ellipse([cx, int(h * .3), cx + int(90 * s), int(h * .3) + int(90 * s)], fill=(250, 250, 240))


def _bags(d, w, h, rng, s):
    d.rounded_rectangle([int(w * .06), int(h * .2), int(w * .94), int(h * .92)], radius=int(30 * s), fill=(176, 182, 188))
    for i in range(6):
        x = int(w * (.1 + (i % 3) * .28)) + int(rng.integers(-20, 20) * s)
        y = int(h * (.26 + (i // 3) * .33))
        d.rounded_rectangle([x, y, x + int(330 * s), y + int(190 * s)], radius=int(40 * s), fill=(120 + i * 6, 10, 24))
        d.rectangle([x + int(60 * s), y + int(40 * s), x + int(250 * s), y + int(110 * s)], fill=(246, 246, 240))
        d.text((x + int(155 * s), y + int(75 * s)), ["O+", "A+", "B+", "O+", "AB+", "A-"][i], fill=(30, 30, 30),
               font=_font(int(40 * s)), anchor="mm")
        d.line([x + int(330 * s), y + int(95 * s), x + int(420 * s), y + int(20 * s)], fill=(200, 60, 60), width=int(8 * s))


def _tents(d, w, h, rng, s):
    d.rectangle([0, int(h * .55), w, h], fill=(92, 140, 70))
    for i in range(3):
        x = int(w * (.05 + i * .32))
        top, base = int(h * .2), int(h * .58)
        d.polygon([(x, base - int(h * .16)), (x + int(w * .14), top), (x + int(w * .28), base - int(h * .16))], fill=(244, 244, 246))
        d.rectangle([x, base - int(h * .16), x + int(w * .28), base], fill=(232, 232, 236))
        cx, cy, r = x + int(w * .14), base - int(h * .08), int(30 * s)
        d.rectangle([cx - r, cy - r // 3, cx + r, cy + r // 3], fill=(210, 20, 30))
        d.rectangle([cx - r // 3, cy - r, cx + r // 3, cy + r], fill=(210, 20, 30))
    for k in range(9):
        x, y = int(w * (.05 + k * .1)), int(h * (.72 + (k % 2) * .1))
        d.rectangle([x, y, x + int(60 * s), y + int(50 * s)], fill=(30, 90, 170))


def _table(d, w, h, rng, s):
    d.rectangle([0, int(h * .6), w, h], fill=(120, 88, 60))
    d.rectangle([int(w * .08), int(h * .5), int(w * .92), int(h * .62)], fill=(236, 236, 230))
    for i in range(5):
        x = int(w * (.14 + i * .16))
        d.rounded_rectangle([x, int(h * .3), x + int(90 * s), int(h * .5)], radius=int(12 * s),
                            fill=[(80, 160, 200), (240, 240, 250), (90, 190, 120), (250, 200, 60), (200, 80, 80)][i])
    d.rectangle([int(w * .3), int(h * .06), int(w * .7), int(h * .2)], fill=(20, 100, 60))
    d.text((w // 2, int(h * .13)), "KHAI BÁO Y TẾ", fill=(255, 255, 255), font=_font(int(56 * s)), anchor="mm")


def scene(kind, width, height, seed=0, grain=6.0, texture=6.0):
    """A made-up photo of `kind` (one of KINDS), `width` × `height`, as a Pillow image."""
    rng = np.random.default_rng(seed)
    s = width / 1600
    tops = {"hall": (222, 206, 180), "bags": (208, 214, 222), "tents": (132, 182, 226), "table": (200, 196, 186)}
    base = _gradient(width, height, tops[kind], (90, 84, 80))
    image = Image.fromarray(base)
    draw = ImageDraw.Draw(image)
    {"hall": _hall, "bags": _bags, "tents": _tents, "table": _table}[kind](draw, width, height, rng, s)
    image = image.filter(ImageFilter.BoxBlur(radius=1.2 * s))
    pixels = np.asarray(image).astype(np.float32)
    x = ((np.arange(width, dtype=np.float32) / width - .5) ** 2)[None, :]
    y = ((np.arange(height, dtype=np.float32) / height - .5) ** 2)[:, None]
    pixels *= (1 - 0.7 * (x + y))[:, :, None]
    # Grain from a 509 × 509 tile (a prime, so its seams fall on no JPEG block
    # grid): drawing fresh noise for 12 megapixels would take seconds.
    tile = rng.standard_normal((509, 509, 1), dtype=np.float32) * grain \
        + rng.standard_normal((509, 509, 3), dtype=np.float32) * (grain / 2)
    reps = (-(-height // 509), -(-width // 509), 1)
    pixels += np.tile(tile, reps)[:height, :width]
    # Texture at coarser scales too (cloth, walls, grass, skin of a wall):
    # a photo keeps detail when it is made smaller, and so must these.
    for factor, amount in ((6, texture), (24, texture * 1.5), (96, texture * 2)):
        small = rng.standard_normal((height // factor + 2, width // factor + 2)).astype(np.float32)
        layer = np.asarray(Image.fromarray(small, "F").resize((width, height), Image.Resampling.BICUBIC))
        pixels += (layer * amount)[:, :, None]
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def write_jpeg(image, path, quality=88, gps=(21.0285, 105.8542), orientation=None, when="2023:08:04 07:42:10"):
    """Writes `image` as a JPEG with a phone's metadata. With `orientation`
    6 the pixels are stored turned a quarter to the left and the EXIF tag says
    to turn them back, as a phone held upright writes them."""
    if orientation == 6:
        image = image.transpose(Image.Transpose.ROTATE_90)
    image.save(path, "JPEG", quality=quality)
    with tempfile.TemporaryDirectory() as tmp:
        thumb = os.path.join(tmp, "thumb.jpg")
        small = image.copy()
        small.thumbnail((160, 160))
        small.save(thumb, "JPEG", quality=70)
        tags = [
            "-Make=HienMauPhone", "-Model=Sample Camera 12", "-SerialNumber=SN-0042-7731",
            "-Artist=Nguyễn Văn Ảnh", "-XMP-dc:Creator=Nguyễn Văn Ảnh", "-IPTC:By-line=Nguyen Van Anh",
            "-Copyright=Ảnh mẫu", f"-DateTimeOriginal={when}", f"-CreateDate={when}",
            f"-GPSLatitude={abs(gps[0])}", f"-GPSLatitudeRef={'N' if gps[0] >= 0 else 'S'}",
            f"-GPSLongitude={abs(gps[1])}", f"-GPSLongitudeRef={'E' if gps[1] >= 0 else 'W'}",
            "-GPSAltitude=12", f"-ThumbnailImage<={thumb}",
        ]
        if orientation:
            tags.append(f"-Orientation#={orientation}")
        subprocess.run(["exiftool", "-q", "-overwrite_original", "-charset", "exif=UTF8", *tags, path], check=True)
