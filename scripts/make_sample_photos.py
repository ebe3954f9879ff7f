#!/usr/bin/env python3
"""Writes the sample site's photos into content/images/: made-up scenes
(scripts/photos.py), no real person in them, each with the metadata a phone
writes, GPS position included, so that the tests can prove that none of it is
published. One is stored sideways with an EXIF orientation, as a phone held
upright stores it. Run it again to remake them; the files are committed.

    python3 scripts/make_sample_photos.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import photos  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "content", "images")
HA_NOI, CA_MAU = (21.0285, 105.8542), (9.1769, 105.1524)
SAMPLES = [
    # file, scene, seed, GPS, time, EXIF orientation
    ("ha-noi-2023-hoi-truong.jpg", "hall", 11, HA_NOI, "2023:08:04 07:42:10", None),
    ("ha-noi-2023-tui-mau.jpg", "bags", 12, HA_NOI, "2023:08:04 10:05:31", 6),
    ("ca-mau-2020-leu.jpg", "tents", 21, CA_MAU, "2020:04:19 06:58:02", None),
    ("ca-mau-2020-khai-bao.jpg", "table", 22, CA_MAU, "2020:04:19 07:20:45", None),
]

if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    for name, kind, seed, gps, when, orientation in SAMPLES:
        path = os.path.join(OUT, name)
        photos.write_jpeg(photos.scene(kind, 1440, 1080, seed=seed, grain=3.0, texture=3.0), path, quality=80,
                          gps=gps, orientation=orientation, when=when)
        print(f"{path}: {os.path.getsize(path) // 1024} KB")
