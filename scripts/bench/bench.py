#!/usr/bin/env python3
"""`make bench`: full-build timings of hienmau on generated corpora.

    bench.py [--sizes "S M L XL"] [--runs 3] [--root /tmp/hienmau-bench-own] [--bin .build/release/hienmau]

For each size: generates the corpus with corpus.py (once; kept under --root
with a stamp, never in the repository), runs one warm-up build and then
--runs timed builds into an emptied folder, and prints the median wall time,
CPU time (user + sys) and peak RSS (GNU time), with the per-stage times of
the median run (`--timings`; `build` writes each file as it renders it, so
"render" includes writing; "aggregate" is the wait after parsing, since the
CSV is read while the write-ups are parsed, and its whole time follows in
brackets). --out-root puts the built sites elsewhere, such
as /dev/shm, to time the work without this disk's cost of making folders. When `hienmau serve` exists it also times one
write-up edit at M (see serve_rebuild in this file). Then the photo corpus,
beside Hugo (photos_bench.py; --no-photos leaves it out).
"""
import argparse
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
SIZES = {"S": (100, 10_000), "M": (1_000, 100_000), "L": (10_000, 1_000_000), "XL": (10_000, 10_000_000)}


def corpus(root, size):
    campaigns, rows = SIZES[size]
    folder = os.path.join(root, size)
    generator = open(os.path.join(HERE, "corpus.py"), "rb").read()
    stamp = f"{campaigns} {rows} {hashlib.sha256(generator).hexdigest()}"
    stamp_file = os.path.join(folder, ".stamp")
    if not (os.path.exists(stamp_file) and open(stamp_file).read() == stamp):
        shutil.rmtree(folder, ignore_errors=True)
        print(f"== {size}: generating {campaigns} campaigns, {rows:,} rows in {folder}", file=sys.stderr)
        subprocess.run([sys.executable, os.path.join(HERE, "corpus.py"), "--campaigns", str(campaigns),
                        "--rows", str(rows), "--out", folder], check=True)
        open(stamp_file, "w").write(stamp)
    return folder


def timed_build(binary, folder, out):
    shutil.rmtree(out, ignore_errors=True)
    command = ["/usr/bin/time", "-f", "%e %U %S %M", binary, "build", "--timings",
               "--content", os.path.join(folder, "content"),
               "--output", out]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"build failed:\n{result.stderr[-2000:]}")
    lines = result.stderr.strip().splitlines()
    wall, user, system, rss = lines[-1].split()
    stages = {}
    for line in lines:
        parts = line.split()
        if len(parts) >= 3 and parts[2] == "ms" and parts[0] in ("load", "parse", "aggregate", "render", "write"):
            stages[parts[0]] = float(parts[1])
            # "aggregate  80.0 ms  (180.0 ms in all, alongside parse)": the CSV is read while parsing.
            if parts[0] == "aggregate" and "in all" in line:
                stages["aggregate"] = parts[1] + " (" + parts[3].lstrip("(") + " in all)"
    return float(wall), float(user) + float(system), int(rss) / 1024, stages


def serve_rebuild(binary, folder, root, edits=5):
    """Median ms from saving one write-up to its new page on disk, with `serve` running."""
    import glob
    import socket
    import urllib.request
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    out = os.path.join(root, "out-serve")
    shutil.rmtree(out, ignore_errors=True)
    server = subprocess.Popen([binary, "serve", "--port", str(port), "--content", os.path.join(folder, "content"),
                               "--output", out],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    source = sorted(glob.glob(os.path.join(folder, "content", "campaigns", "*.md")))[len(glob.glob(os.path.join(folder, "content", "campaigns", "*.md"))) // 2]
    original = open(source, encoding="utf-8").read()
    times = []
    try:
        deadline = time.time() + 600
        while time.time() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
                break
            except Exception:
                time.sleep(0.2)
        pages = glob.glob(os.path.join(out, "chien-dich", "*", "index.html"))
        for n in range(edits):
            marker = f"Đoạn sửa thử số {n + 1} cho phép đo."
            before = {p: os.stat(p).st_mtime_ns for p in pages}
            started = time.monotonic()
            with open(source, "w", encoding="utf-8") as f:
                f.write(original + "\n" + marker + "\n")
            page = None
            while time.monotonic() - started < 30 and page is None:
                for p in pages:
                    if os.stat(p).st_mtime_ns != before[p] and marker in open(p, encoding="utf-8").read():
                        page = p
                        break
                else:
                    time.sleep(0.002)
            times.append((time.monotonic() - started) * 1000)
            changed = sum(1 for p in pages if os.stat(p).st_mtime_ns != before[p])
            time.sleep(0.5)
        with open(source, "w", encoding="utf-8") as f:
            f.write(original)
        time.sleep(1)
    finally:
        with open(source, "w", encoding="utf-8") as f:
            f.write(original)
        server.terminate()
        server.wait()
    return statistics.median(times), times, changed, len(pages)


def workbook_beside_csv(binary, root, size, runs, out_root):
    """The same records as .xlsx and as CSV, built alternately in one run."""
    from workbook import make_workbook_corpus
    folder = corpus(root, size)
    target = os.path.join(root, f"{size}-xlsx")
    stamp = os.path.join(target, ".stamp")
    source_stamp = open(os.path.join(folder, ".stamp")).read()
    if not (os.path.exists(stamp) and open(stamp).read() == source_stamp):
        print(f"== {size}: writing the records as a workbook in {target}", file=sys.stderr)
        make_workbook_corpus(folder, target)
        open(stamp, "w").write(source_stamp)
    out = os.path.join(out_root or root, f"out-{size}-xlsx")
    timed_build(binary, target, out)  # warm-up
    csv_runs, xlsx_runs = [], []
    for _ in range(runs):
        csv_runs.append(timed_build(binary, folder, out))
        xlsx_runs.append(timed_build(binary, target, out))
    csv_wall = statistics.median(r[0] for r in csv_runs)
    xlsx_wall = statistics.median(r[0] for r in xlsx_runs)
    return csv_wall, xlsx_wall, max(r[2] for r in csv_runs), max(r[2] for r in xlsx_runs), \
        statistics.median(r[1] for r in csv_runs), statistics.median(r[1] for r in xlsx_runs)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="S M L XL")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--root", default="/tmp/hienmau-bench-own")
    ap.add_argument("--bin", default=os.path.join(REPO, ".build/release/hienmau"))
    ap.add_argument("--xlsx-sizes", default="M", help="sizes also timed with their records as .xlsx")
    ap.add_argument("--no-photos", dest="photos", action="store_false",
                    help="leave out the photo corpus (photos_bench.py: 40 photos of 12 MP, beside Hugo)")
    ap.add_argument("--out-root", default=None,
                    help="where the built sites go (default: --root); e.g. /dev/shm to time the work without the disk")
    a = ap.parse_args()
    os.makedirs(a.root, exist_ok=True)
    rows = []
    for size in a.sizes.split():
        folder = corpus(a.root, size)
        out = os.path.join(a.out_root or a.root, f"out-{size}")
        timed_build(a.bin, folder, out)  # warm-up
        runs = sorted((timed_build(a.bin, folder, out) for _ in range(a.runs)), key=lambda r: r[0])
        median = runs[len(runs) // 2]
        wall = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[1] for r in runs)
        rss = max(r[2] for r in runs)
        def seconds(v):
            if isinstance(v, float):
                return f"{v / 1000:.2f}"
            wait, total = v.split(" (")
            return f"{float(wait) / 1000:.2f} ({float(total.split()[0]) / 1000:.2f} in all)"
        stages = " ".join(f"{k} {seconds(v)}" for k, v in median[3].items())
        rows.append((size, SIZES[size], wall, min(r[0] for r in runs), max(r[0] for r in runs), cpu, rss, stages))
        print(f"{size}: median {wall:.2f} s wall, {cpu:.2f} s CPU, {rss:.0f} MiB peak", file=sys.stderr)
    if "M" in a.sizes.split():
        median, times, changed, pages = serve_rebuild(a.bin, corpus(a.root, "M"), a.root)
        print(f"M serve: edit → page on disk median {median:.0f} ms ({', '.join(f'{t:.0f}' for t in times)}); "
              f"campaign pages rewritten by the last edit: {changed} of {pages}", file=sys.stderr)
        rows_serve = (median, times, changed, pages)
    else:
        rows_serve = None
    workbooks = [(size, *workbook_beside_csv(a.bin, a.root, size, a.runs, a.out_root))
                 for size in a.xlsx_sizes.split() if size in a.sizes.split()]
    print(f"\nMachine: {os.cpu_count()} cores; {a.runs} runs after one warm-up; output folder emptied before each run.\n")
    print("| size | campaigns | rows | median wall (s) | min–max (s) | median CPU (s) | peak RSS (MiB) | stages of the median run (s) |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for size, (c, r), wall, lo, hi, cpu, rss, stages in rows:
        print(f"| {size} | {c:,} | {r:,} | {wall:.2f} | {lo:.2f}–{hi:.2f} | {cpu:.2f} | {rss:.0f} | {stages} |")
    if workbooks:
        print("\nThe same records as a workbook (`donations.xlsx`, one sheet, date cells), built alternately with the CSV:\n")
        print("| size | CSV wall (s) | .xlsx wall (s) | ratio | CSV CPU (s) | .xlsx CPU (s) | CSV peak (MiB) | .xlsx peak (MiB) |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for size, cw, xw, crss, xrss, ccpu, xcpu in workbooks:
            print(f"| {size} | {cw:.2f} | {xw:.2f} | {xw / cw:.2f} | {ccpu:.2f} | {xcpu:.2f} | {crss:.0f} | {xrss:.0f} |")
    if rows_serve:
        median, times, changed, pages = rows_serve
        print(f"\n`serve` at M, one write-up edited (5 edits): saved → new page on disk, median {median:.0f} ms "
              f"(each: {', '.join(f'{t:.0f}' for t in times)} ms); "
              f"campaign pages rewritten by the last edit: {changed} of {pages}.")
    if a.photos:
        sys.path.insert(0, HERE)
        import photos_bench
        photos_bench.run(os.path.abspath(a.bin), a.root, a.runs)


if __name__ == "__main__":
    main()
