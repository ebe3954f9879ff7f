#!/usr/bin/env python3
"""Load test of `hienmau serve` on loopback (run once for a report; not in `make test`).

200 clients request pages for 30 s over kept-alive connections while a
write-up is saved twice a second (each save rebuilds the site); 10 s in,
two clients send a 256 KB header and 500 more open slow connections that
send one header byte a second. Passes when no regular request fails and
every regular request is answered within 100 ms; prints the figures.

    python3 scripts/load_test.py .build/release/hienmau [--seconds 30] [--clients 200] [--slow 500]
"""
import argparse, asyncio, os, random, re, shutil, socket, subprocess, sys, tempfile, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PATHS = ["/", "/thong-ke/", "/vinh-danh/", "/chien-dich/", "/gioi-thieu/", "/style.css", "/data/campaigns.json",
         "/chien-dich/hanh-trinh-giot-mau-nghia-tinh-2023/"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def read_response(reader):
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = int(re.search(rb"Content-Length: (\d+)", head).group(1))
    body = await reader.readexactly(length)
    return status, head, body


async def client(port, until, latencies, errors):
    reader = writer = None
    while time.monotonic() < until:
        path = random.choice(PATHS)
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            started = time.monotonic()
            writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
            status, _, body = await read_response(reader)
            latencies.append((started, time.monotonic() - started))
            if status != 200 or not body:
                errors.append(f"{path}: {status}")
        except Exception as error:  # noqa: BLE001 - every failure is counted
            errors.append(f"{path}: {type(error).__name__} {error}")
            writer = None
        await asyncio.sleep(random.uniform(0.05, 0.15))
    if writer is not None:
        writer.close()


async def huge_header(port, results):
    started = time.monotonic()
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + b"a" * (256 * 1024) + b"\r\n\r\n")
        try:
            await writer.drain()
        except ConnectionError:
            pass
        line = await asyncio.wait_for(reader.readline(), 30)
        results.append((line.decode().strip(), time.monotonic() - started))
        writer.close()
    except Exception as error:  # noqa: BLE001
        results.append((f"{type(error).__name__}", time.monotonic() - started))


async def slow_connection(port, results):
    started = time.monotonic()
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        while True:
            try:
                line = await asyncio.wait_for(reader.readline(), 1)
                results.append((line.decode().strip() or "closed", time.monotonic() - started))
                break
            except asyncio.TimeoutError:
                writer.write(b"a")
                await writer.drain()
            if time.monotonic() - started > 40:
                results.append(("still open after 40 s", time.monotonic() - started))
                break
        writer.close()
    except Exception as error:  # noqa: BLE001
        results.append((f"{type(error).__name__}", time.monotonic() - started))


def rebuild_twice_a_second(site, until, saves):
    page = os.path.join(site, "content/pages/gioi-thieu.md")
    text = open(page, encoding="utf-8").read()
    n = 0
    while time.monotonic() < until:
        n += 1
        temporary = page + ".tmp"
        with open(temporary, "w", encoding="utf-8") as f:
            f.write(text.replace("Trang web này", f"Trang web này (lần lưu {n})", 1))
        os.replace(temporary, page)
        saves.append(time.monotonic())
        time.sleep(0.5)


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))] if values else 0


async def run(args, port, site):
    start = time.monotonic()
    until = start + args.seconds
    latencies, errors, huge, slow, saves = [], [], [], [], []
    saver = threading.Thread(target=rebuild_twice_a_second, args=(site, until, saves), daemon=True)
    saver.start()
    tasks = [asyncio.create_task(client(port, until, latencies, errors)) for _ in range(args.clients)]
    await asyncio.sleep(args.seconds / 3)
    attack = time.monotonic()
    side = [asyncio.create_task(huge_header(port, huge)) for _ in range(2)]
    side += [asyncio.create_task(slow_connection(port, slow)) for _ in range(args.slow)]
    await asyncio.gather(*tasks)
    await asyncio.gather(*side)
    saver.join()
    return start, attack, latencies, errors, huge, slow, saves


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--slow", type=int, default=500)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="hienmau-load-")
    shutil.copytree(os.path.join(ROOT, "content"), os.path.join(folder, "content"))
    shutil.copytree(os.path.join(ROOT, "templates"), os.path.join(folder, "templates"))
    port = free_port()
    log = open(os.path.join(folder, "serve.log"), "w")
    server = subprocess.Popen([os.path.abspath(args.binary), "serve", "--port", str(port)], cwd=folder, stdout=log, stderr=log)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        start, attack, latencies, errors, huge, slow, saves = asyncio.run(run(args, port, folder))
    finally:
        server.terminate()
        server.wait()
        log.close()
    rebuilds = sum(1 for line in open(os.path.join(folder, "serve.log"), encoding="utf-8") if "dựng lại" in line)
    shutil.rmtree(folder, ignore_errors=True)
    during = [l for s, l in latencies if attack <= s <= attack + 12]
    all_ms = [l * 1000 for _, l in latencies]
    print(f"regular requests: {len(latencies)} in {args.seconds:.0f} s from {args.clients} clients, errors: {len(errors)}")
    print(f"latency ms: p50 {percentile(all_ms, 0.5):.1f}, p99 {percentile(all_ms, 0.99):.1f}, max {max(all_ms, default=0):.1f}")
    print(f"while the huge headers and slow connections were open ({len(during)} requests): "
          f"p99 {percentile(during, 0.99) * 1000:.1f} ms, max {max(during, default=0) * 1000:.1f} ms")
    print(f"saves: {len(saves)}, rebuilds logged by serve: {rebuilds}")
    print("256 KB headers: " + "; ".join(f"{status} after {seconds * 1000:.0f} ms" for status, seconds in huge))
    endings = {}
    for status, seconds in slow:
        endings.setdefault(status, []).append(seconds)
    print("slow connections: " + "; ".join(f"{len(v)} × {k} after {min(v):.1f}–{max(v):.1f} s" for k, v in sorted(endings.items())))
    for error in errors[:10]:
        print("  error:", error)
    slow_ones = sum(1 for l in all_ms if l > 100)
    ok = not errors and slow_ones == 0 and all(s.startswith("HTTP/1.1 431") for s, _ in huge)
    print(f"requests over 100 ms: {slow_ones}")
    print("PASS" if ok else "FAIL")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
