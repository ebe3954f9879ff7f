#!/usr/bin/env python3
"""Writes the image fixtures of the tests into Tests/HienMauKitTests/Fixtures/images/
(committed; run again only to change them). Needs numpy, Pillow, exiftool and
libvips' command-line tool (`vips`, Debian libvips-tools) for the HEIC file.

- wide.jpg      2000 × 1500 with a phone's metadata (GPS, camera, thumbnail): three widths
- rotated.jpg   400 × 300 upright, red in the top-left quarter, stored sideways with Orientation 6
- small.png     300 × 200 with transparency: narrower than every width, never enlarged
- photo.heic    320 × 240 HEIC, as an iPhone writes
- broken.jpg    wide.jpg cut short after 3 KB
- not-an-image.jpg  text
- drawing.svg   a drawing, copied as it is
"""
import os
import shutil
import subprocess
import sys

import numpy as np
from PIL import Image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import photos  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                   "Tests", "HienMauKitTests", "Fixtures", "images")

if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    w, h = 2000, 1500
    x = np.linspace(0, 255, w)[None, :, None]
    y = np.linspace(0, 255, h)[:, None, None]
    wide = np.concatenate([np.repeat(x, h, 0), np.repeat(y, w, 1), np.full((h, w, 1), 128.0)], axis=2)
    photos.write_jpeg(Image.fromarray(wide.astype(np.uint8)), os.path.join(OUT, "wide.jpg"), quality=60)

    upright = np.zeros((300, 400, 3), np.uint8)
    upright[:, :] = (20, 40, 220)
    upright[:150, :200] = (230, 20, 20)
    photos.write_jpeg(Image.fromarray(upright), os.path.join(OUT, "rotated.jpg"), quality=90, orientation=6)

    rgba = np.zeros((200, 300, 4), np.uint8)
    rgba[:, :, 1] = 160
    rgba[:, :, 3] = np.linspace(0, 255, 300)[None, :].astype(np.uint8)
    Image.fromarray(rgba, "RGBA").save(os.path.join(OUT, "small.png"))

    Image.fromarray(upright).resize((320, 240)).save("/tmp/hienmau-heic-source.png")
    subprocess.run(["vips", "copy", "/tmp/hienmau-heic-source.png", os.path.join(OUT, "photo.heic")], check=True)
    subprocess.run(["exiftool", "-q", "-overwrite_original", "-GPSLatitude=21.0285", "-GPSLatitudeRef=N",
                    "-GPSLongitude=105.8542", "-GPSLongitudeRef=E", "-Make=HienMauPhone",
                    os.path.join(OUT, "photo.heic")], check=False)

    data = open(os.path.join(OUT, "wide.jpg"), "rb").read()
    open(os.path.join(OUT, "broken.jpg"), "wb").write(data[:3000])
    open(os.path.join(OUT, "not-an-image.jpg"), "w").write("Đây không phải là ảnh.\n")
    open(os.path.join(OUT, "drawing.svg"), "w").write(
        '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80" viewBox="0 0 120 80">'
        '<rect width="120" height="80" fill="#c62828"/><circle cx="60" cy="40" r="25" fill="#fff"/></svg>\n')
    for name in sorted(os.listdir(OUT)):
        print(f"{name}: {os.path.getsize(os.path.join(OUT, name))} bytes")
