#!/usr/bin/env python3
"""Hostile donations.csv files of about 100 MB, each built by the release binary.

    hostile_csv.py [--bin .build/release/hienmau] [--root /tmp/hienmau-hostile] [--mb 100] [--only wide16k,nul]

For each case: a site made with `hienmau init`, its content/data/donations.csv
replaced by the case's file, then `hienmau build` under GNU time. Prints one
line per case: the file's size, whether it was built or refused, the wall
time, the peak RSS and the first line of the build's messages. The target
(docs/PERFORMANCE.md, "Hostile CSVs") is any such file built or refused
within 60 s and 1 GiB. The files are made under --root, never in the repository.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

# The starter site's header and one of its rows: its campaign and period are the starter's.
HEADER = "Chiến dịch,Ngày,Điểm hiến,Họ và tên,Mã người hiến,Đơn vị,Lượng máu (ml),Nhóm máu,Số lần hiến trước,Đồng ý công khai"


def row(n, name=None):
    return f"xuan-2025,2025-03-08,Nhà văn hoá thanh niên,{name or f'Người {n}'},VD-{n},Trường Ví Dụ,350,O+,0,có"


def write_rows(out, size, make):
    """Rows from make(n) until the file holds `size` bytes."""
    n, written = 0, out.tell()
    while written < size:
        line = (make(n) + "\n").encode()
        out.write(line)
        written += len(line)
        n += 1
    return n


def wide(out, size, columns, filled):
    extra = columns - 10
    if filled:
        out.write((HEADER + "".join(f",c{i}" for i in range(extra)) + "\n").encode())
        tail = ",x" * extra
    else:
        out.write((HEADER + "," * extra + "\n").encode())
        tail = "," * extra
    write_rows(out, size, lambda n: row(n) + tail)


def huge_cell(out, size):
    out.write((HEADER + "\n").encode())
    start = "xuan-2025,2025-03-08,Nhà văn hoá thanh niên,".encode()
    out.write(start)
    block = b"a" * (1 << 20)
    while out.tell() < size:
        out.write(block)
    out.write(",VD-0,Trường Ví Dụ,350,O+,0,có\n".encode())


def repeated(out, size, block):
    chunk = block * max(1, (1 << 20) // len(block))
    while out.tell() < size:
        out.write(chunk)


CASES = {
    # Excel's widest sheet, saved as CSV: 16,384 fields a row, all but ten empty.
    "wide16k": lambda out, size: wide(out, size, 16_384, filled=False),
    # The same width with every cell holding text.
    "wide16k-filled": lambda out, size: wide(out, size, 16_384, filled=True),
    # Wider than Excel: 100,000 fields a row.
    "wide100k": lambda out, size: wide(out, size, 100_000, filled=False),
    # One cell of the whole file.
    "huge-cell": huge_cell,
    # NUL bytes and nothing else.
    "nul": lambda out, size: repeated(out, size, b"\0"),
    # Good rows but for a NUL in every name: an error for each.
    "nul-in-names": lambda out, size: (
        out.write((HEADER + "\n").encode()),
        write_rows(out, size, lambda n: row(n, name=f"Người\0{n}")),
    ),
    # A million rows of one short field each (each the wrong width).
    "million-tiny-rows": lambda out, size: (out.write((HEADER + "\n").encode()), repeated(out, 2_000_000, b"x\n")),
    # A million and more good rows.
    "million-rows": lambda out, size: (out.write((HEADER + "\n").encode()), write_rows(out, size, row)),
    # One line, no line end: the starter's cells again and again.
    "one-line": lambda out, size: repeated(out, size, (row(1) + ",").encode()),
    # Quotes and nothing else.
    "quotes": lambda out, size: repeated(out, size, b'"'),
    # Every cell quoted, with doubled quotes inside.
    "quoted-rows": lambda out, size: (
        out.write((HEADER + "\n").encode()),
        write_rows(
            out,
            size,
            lambda n: ",".join(f'"{c}"' for c in row(n, name=f'Người ""{n}""').split(",")),
        ),
    ),
}


def measure(binary, site, output):
    shutil.rmtree(output, ignore_errors=True)
    result = subprocess.run(
        ["/usr/bin/time", "-v", binary, "build", "--content", os.path.join(site, "content"), "--output", output],
        capture_output=True,
        text=True,
        errors="replace",
    )
    stats = result.stderr
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", stats).group(1)
    seconds = sum(float(part) * 60**i for i, part in enumerate(reversed(wall.split(":"))))
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", stats).group(1))
    messages = [line for line in (result.stdout + stats).splitlines() if "lỗi:" in line or "error:" in line]
    return result.returncode, seconds, rss_kb, messages


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", default=os.path.join(REPO, ".build/release/hienmau"))
    parser.add_argument("--root", default="/tmp/hienmau-hostile")
    parser.add_argument("--mb", type=int, default=100)
    parser.add_argument("--only", default="")
    args = parser.parse_args()
    size = args.mb << 20
    names = [name for name in CASES if not args.only or name in args.only.split(",")]
    print(f"| case | size | result | wall | peak RSS | first message |")
    print(f"|---|---|---|---|---|---|")
    for name in names:
        site = os.path.join(args.root, name)
        shutil.rmtree(site, ignore_errors=True)
        subprocess.run([args.bin, "init", site], check=True, capture_output=True)
        path = os.path.join(site, "content", "data", "donations.csv")
        with open(path, "wb") as out:
            CASES[name](out, size)
        mb = os.path.getsize(path) / (1 << 20)
        code, seconds, rss_kb, messages = measure(args.bin, site, os.path.join(site, "public"))
        first = messages[0][:150] if messages else ""
        errors = sum(1 for m in messages if re.search(r": (lỗi|error): ", m))
        result = "built" if code == 0 else f"refused ({errors} errors)"
        print(f"| {name} | {mb:.0f} MB | {result} | {seconds:.1f} s | {rss_kb / 1024:.0f} MB | {first} |", flush=True)
        os.remove(path)


if __name__ == "__main__":
    sys.exit(main())
