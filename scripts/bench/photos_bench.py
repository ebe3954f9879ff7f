#!/usr/bin/env python3
"""The photo corpus of `make bench`: 40 photos of 12 megapixels (4000 × 3000
JPEG, about 4.5 MB each, as a phone writes them; made by scripts/photos.py
once and kept under --root with a stamp, never in the repository), shown by
four write-ups of ten photos each.

Timed in the same run, each after one warm-up, `--runs` times, output folder
emptied before each run:
  - hienmau, first build: the image cache (.hienmau-cache/) removed before
    each run, so every photo is decoded and written at 480/960/1600 px as
    WebP and JPEG;
  - hienmau, cached rebuild: the cache kept;
  - hienmau on the same site without the photos (the write-ups' image lines
    removed): what a cached rebuild is compared with;
  - Hugo, first build and cached rebuild (resources/_gen/ removed or kept),
    processing the same photos as a Hugo user would: an image render hook
    (layouts/_default/_markup/render-image.html) that takes each photo from
    assets/images/ and makes `.Resize "480x webp"`, `"960x webp"` and
    `"1600x webp"` for a <picture> srcset.

Wall time, CPU time (user + sys) and peak RSS come from GNU time.

    photos_bench.py [--runs 3] [--root /tmp/hienmau-bench-own] [--bin .build/release/hienmau]
"""
import argparse
import hashlib
import os
import shutil
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(REPO, "scripts"))
import photos  # noqa: E402

COUNT, PER_WRITE_UP = 40, 10
RENDER_HOOK = """{{- $name := path.Base .Destination -}}
{{- with resources.Get (printf "images/%s" $name) -}}
{{- $s := .Resize "480x webp" -}}{{- $m := .Resize "960x webp" -}}{{- $l := .Resize "1600x webp" -}}
<picture><source type="image/webp" srcset="{{ $s.RelPermalink }} 480w, {{ $m.RelPermalink }} 960w, {{ $l.RelPermalink }} 1600w" sizes="(min-width: 48rem) 46rem, 100vw">
<img src="{{ $m.RelPermalink }}" width="{{ $l.Width }}" height="{{ $l.Height }}" alt="{{ $.Text }}" loading="lazy" decoding="async"></picture>
{{- end -}}
"""


# What make_photo does, for the stamp.
GENERATION = "4000x3000 q94 seed 1000+i kinds i%4 orientation 6 every 5th"


def make_photo(i, path):
    photos.write_jpeg(photos.scene(photos.KINDS[i % 4], 4000, 3000, seed=1000 + i), path, quality=94,
                      orientation=6 if i % 5 == 0 else None)


def write_up(n, with_photos):
    lines = ["---", f'title: "Chiến dịch ảnh số {n + 1}"', f"campaign: anh-{n + 1}", f"date: 2024-0{n + 1}-15",
             "---", "", "Một buổi hiến máu, kể bằng ảnh.", ""]
    if with_photos:
        for k in range(PER_WRITE_UP):
            i = n * PER_WRITE_UP + k + 1
            lines += [f"![Ảnh số {i} của buổi hiến máu](/images/anh-{i:02d}.jpg)", "", f"*Ảnh minh hoạ số {i}.*", ""]
    return "\n".join(lines) + "\n"


def corpus(root):
    """The hienmau site with photos, the same without them, and the Hugo site; made once."""
    folder = os.path.join(root, "PHOTOS")
    # The photos take minutes to make: they are made again only when what makes them changed.
    stamp = f"{COUNT} {PER_WRITE_UP} {GENERATION} " + hashlib.sha256(open(photos.__file__, "rb").read()).hexdigest()
    stamp_file = os.path.join(folder, ".stamp")
    if os.path.exists(stamp_file) and open(stamp_file).read() == stamp:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    print(f"== PHOTOS: generating {COUNT} photos of 4000 × 3000 in {folder}", file=sys.stderr)
    images = os.path.join(folder, "photos", "content", "images")
    os.makedirs(images)
    for i in range(COUNT):
        make_photo(i, os.path.join(images, f"anh-{i + 1:02d}.jpg"))
    for site, with_photos in (("photos", True), ("plain", False)):
        content = os.path.join(folder, site, "content")
        os.makedirs(os.path.join(content, "campaigns"), exist_ok=True)
        os.makedirs(os.path.join(content, "data"), exist_ok=True)
        open(os.path.join(content, "site.yml"), "w").write('title: "Ảnh"\nbase_url: "https://example.org/"\n')
        csv = "campaign,date,site,donor,volume_ml\n"
        for n in range(COUNT // PER_WRITE_UP):
            open(os.path.join(content, "campaigns", f"anh-{n + 1}.md"), "w", encoding="utf-8").write(write_up(n, with_photos))
            csv += f"anh-{n + 1},2024-0{n + 1}-15,Điểm {n + 1},Người hiến {n + 1},350\n"
        open(os.path.join(content, "data", "donations.csv"), "w", encoding="utf-8").write(csv)
    hugo = os.path.join(folder, "hugo")
    for sub in ("content/campaigns", "layouts/_default/_markup", "assets"):
        os.makedirs(os.path.join(hugo, sub), exist_ok=True)
    os.symlink(images, os.path.join(hugo, "assets", "images"))
    open(stamp_file, "w").write(stamp)
    return folder


def hugo_site(folder):
    """The Hugo site beside the photos, written anew each run (it is small)."""
    hugo = os.path.join(folder, "hugo")
    # Hugo stops a page that takes over 30 s by default: ten 12 MP photos do, without a cache.
    open(os.path.join(hugo, "config.toml"), "w").write(
        'baseURL = "https://example.org/"\ntitle = "Ảnh"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n'
        'timeout = "3600s"\n')
    layouts = os.path.join(hugo, "layouts", "_default")
    page = "<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body>{{ block \"main\" . }}{{ end }}</body></html>"
    open(os.path.join(layouts, "baseof.html"), "w").write(page)
    open(os.path.join(layouts, "single.html"), "w").write('{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}')
    open(os.path.join(layouts, "list.html"), "w").write(
        '{{ define "main" }}{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ end }}')
    open(os.path.join(layouts, "_markup", "render-image.html"), "w").write(RENDER_HOOK)
    for n in range(COUNT // PER_WRITE_UP):
        text = write_up(n, True).replace(f"campaign: anh-{n + 1}\n", "")
        open(os.path.join(hugo, "content", "campaigns", f"anh-{n + 1}.md"), "w", encoding="utf-8").write(text)


def timed(command, cwd, before):
    """Runs `before()`, then `command` under GNU time: (wall s, CPU s, peak MiB)."""
    before()
    result = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M"] + command, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{command[0]} failed:\n{result.stderr[-3000:]}")
    wall, user, system, rss = result.stderr.strip().splitlines()[-1].split()
    return float(wall), float(user) + float(system), int(rss) / 1024


def series(label, command, cwd, before, runs):
    timed(command, cwd, before)  # warm-up
    results = [timed(command, cwd, before) for _ in range(runs)]
    walls = sorted(r[0] for r in results)
    row = (label, statistics.median(walls), walls[0], walls[-1], statistics.median(r[1] for r in results),
           max(r[2] for r in results))
    print(f"{label}: median {row[1]:.2f} s wall, {row[4]:.2f} s CPU, {row[5]:.0f} MiB peak", file=sys.stderr)
    return row


def run(binary, root, runs):
    folder = corpus(root)
    hugo_site(folder)
    out = os.path.join(root, "out-PHOTOS")
    site, plain, hugo = (os.path.join(folder, s) for s in ("photos", "plain", "hugo"))

    def build(where):
        return [binary, "build", "--content", os.path.join(where, "content"), "--templates",
                os.path.join(REPO, "templates"), "--output", out]

    def empty(*folders):
        return lambda: [shutil.rmtree(f, ignore_errors=True) for f in (out,) + folders]

    hugo_out = os.path.join(root, "out-PHOTOS-hugo")
    hugo_command = ["hugo", "--quiet", "--destination", hugo_out]
    rows = [
        series("hienmau, first build", build(site), folder, empty(os.path.join(site, ".hienmau-cache")), runs),
        series("hienmau, cached rebuild", build(site), folder, empty(), runs),
        series("hienmau, same site without the photos", build(plain), folder, empty(), runs),
        series("Hugo, first build", hugo_command, hugo,
               lambda: [shutil.rmtree(f, ignore_errors=True) for f in (hugo_out, os.path.join(hugo, "resources"))], runs),
        series("Hugo, cached rebuild", hugo_command, hugo, lambda: shutil.rmtree(hugo_out, ignore_errors=True), runs),
    ]
    version = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split()[1]
    sizes = sum(os.path.getsize(os.path.join(site, "content", "images", n))
                for n in os.listdir(os.path.join(site, "content", "images")))
    print(f"\nPhotos: {COUNT} JPEGs of 4000 × 3000 ({sizes / COUNT / 1024 / 1024:.1f} MB each on average), "
          f"{COUNT // PER_WRITE_UP} write-ups; {os.cpu_count()} cores; {runs} runs after one warm-up; Hugo {version}.\n")
    print("| build | median wall (s) | min–max (s) | median CPU (s) | peak RSS (MiB) |")
    print("|---|---:|---:|---:|---:|")
    for label, wall, lo, hi, cpu, rss in rows:
        print(f"| {label} | {wall:.2f} | {lo:.2f}–{hi:.2f} | {cpu:.2f} | {rss:.0f} |")
    first, cached, without, hugo_first, hugo_cached = (r[1] for r in rows)
    print(f"\nFirst build: {first / hugo_first:.3f} of Hugo's time (1/{hugo_first / first:.1f}); "
          f"cached rebuild adds {cached - without:+.2f} s to the same site without photos "
          f"(Hugo's cached rebuild: {hugo_cached:.2f} s).")
    return rows


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--root", default="/tmp/hienmau-bench-own")
    ap.add_argument("--bin", default=os.path.join(REPO, ".build/release/hienmau"))
    a = ap.parse_args()
    os.makedirs(a.root, exist_ok=True)
    run(os.path.abspath(a.bin), a.root, a.runs)
