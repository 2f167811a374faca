#!/usr/bin/env python3
"""Figures of issue 10 against a running `tiersim serve` (see bench_attacks.sh).

1. Idle keep-alive connections held: opens N connections to Partner Center,
   each asks once and then sits idle, while a well-behaved client (wrk -c1
   --latency on /livez) measures p50/p99; reports how many stayed open and
   the server's resident memory before and after.
2. RSS before and after each attack class: slow heads, idle keep-alives,
   40,000-deep JSON, a gzip body, a 200 MiB chunked body, 2,700 ranges,
   invalid UTF-8, one million header lines; and whether the server still
   answers afterwards.
3. Searches beside the core: 5,000 mails of 20 KB delivered over SMTP, then
   8 clients running full-text searches that match nothing (a scan of every
   mail) while Partner Center (a call under the world lock) and SMTP
   delivery are timed, against the same calls without the searches.
4. A long list beside the core: a customer with 100,000 subscriptions (the
   real API does not page that list), listed by 4 clients at once while
   another Partner Center call is timed, against the same call alone.

usage: bench_attacks.py PID PC_URL MAIL_API_URL SMTP_PORT [IDLE_CONNECTIONS]
Environment: TOKEN, CUSTOMER (a provider admin's bearer token and its
customer, as bench_attacks.sh makes them) for figure 4.
"""
import http.client
import json
import os
import resource
import smtplib
import socket
import subprocess
import sys
import threading
import time


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def host_port(url):
    hostport = url.split("://", 1)[1].split("/", 1)[0]
    host, port = hostport.rsplit(":", 1)
    return host, int(port)


def connect(addr):
    s = socket.create_connection(addr, timeout=10)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return s


def read_response(s, timeout=10):
    s.settimeout(timeout)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = s.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = s.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


def status_of(response):
    try:
        return int(response.split(b" ", 2)[1])
    except (IndexError, ValueError):
        return 0


def alive(addr):
    try:
        s = connect(addr)
        s.sendall(b"GET /livez HTTP/1.1\r\nHost: x\r\n\r\n")
        ok = status_of(read_response(s, 5)) == 200
        s.close()
        return ok
    except OSError:
        return False


def good_client(url, seconds=10):
    out = subprocess.run(
        ["wrk", "-t1", "-c1", f"-d{seconds}s", "--latency", url + "/livez"],
        capture_output=True, text=True, check=False).stdout
    p50 = p99 = rps = "?"
    for line in out.splitlines():
        parts = line.split()
        if line.strip().startswith("50%"):
            p50 = parts[1]
        elif line.strip().startswith("99%"):
            p99 = parts[1]
        elif line.startswith("Requests/sec"):
            rps = parts[1]
    errors = "0"
    for line in out.splitlines():
        if "Non-2xx" in line or "Socket errors" in line:
            errors = line.strip()
    return p50, p99, rps, errors


def idle_figure(pid, pc_url, n):
    addr = host_port(pc_url)
    before = rss_kib(pid)
    conns = []
    for i in range(n):
        try:
            s = connect(addr)
            s.sendall(b"GET /livez HTTP/1.1\r\nHost: x\r\n\r\n")
            conns.append(s)
        except OSError as e:
            print(f"  connection {i} failed: {e}")
            break
    answered = sum(1 for s in conns if status_of(read_response(s)) == 200)
    held = len(conns)
    p50, p99, rps, errors = good_client(pc_url)
    still_open = 0
    for s in conns[:200]:  # a sample: do they still answer?
        try:
            s.sendall(b"GET /livez HTTP/1.1\r\nHost: x\r\n\r\n")
            still_open += status_of(read_response(s, 5)) == 200
        except OSError:
            pass
    after = rss_kib(pid)
    print(f"idle keep-alive: {held} connections opened, {answered} answered, "
          f"{still_open}/200 sampled still answer after the good client ran")
    print(f"  good client (wrk -t1 -c1 --latency /livez) meanwhile: p50 {p50}, "
          f"p99 {p99}, {rps} req/s, errors: {errors}")
    print(f"  server RSS {before} KiB before, {after} KiB with them open "
          f"({(after - before) / max(held, 1):.1f} KiB per connection)")
    for s in conns:
        s.close()


def attack(name, pid, addr, fn):
    before = rss_kib(pid)
    start = time.monotonic()
    try:
        outcome = fn(addr)
    except OSError as e:
        outcome = f"connection ended ({e.__class__.__name__})"
    took = time.monotonic() - start
    time.sleep(0.2)
    after = rss_kib(pid)
    print(f"{name:34s} {outcome:34s} RSS {before:7d} -> {after:7d} KiB "
          f"({took:5.1f} s), still serving: {alive(addr)}")


def slow_heads(addr):
    conns = [connect(addr) for _ in range(200)]
    for s in conns:
        s.sendall(b"GET /livez HTTP/1.1\r\nX-Slow: ")
    for _ in range(5):
        for s in conns:
            try:
                s.sendall(b"a")
            except OSError:
                pass
        time.sleep(1)
    for s in conns:
        s.close()
    return "200 trickling for 5 s"


def deep_json(addr):
    body = b"[" * 40000 + b"]" * 40000
    codes = set()
    for _ in range(50):
        s = connect(addr)
        s.sendall(b"POST /v1/tiersim/enrollments HTTP/1.1\r\nHost: x\r\n"
                  b"Content-Type: application/json\r\nContent-Length: "
                  + str(len(body)).encode() + b"\r\n\r\n" + body)
        codes.add(status_of(read_response(s)))
        s.close()
    return f"50 posts: {sorted(codes)}"


def gzip_bomb(addr):
    import gzip
    body = gzip.compress(b"{" + b" " * (64 << 20) + b"}")  # 64 MiB inflated
    s = connect(addr)
    s.sendall(b"POST /v1/tiersim/enrollments HTTP/1.1\r\nHost: x\r\n"
              b"Content-Encoding: gzip\r\nContent-Length: "
              + str(len(body)).encode() + b"\r\n\r\n" + body)
    code = status_of(read_response(s))
    s.close()
    return f"{len(body)} B gzip: {code}"


def chunked_200mib(addr):
    s = connect(addr)
    s.sendall(b"POST /v1/tiersim/enrollments HTTP/1.1\r\nHost: x\r\n"
              b"Transfer-Encoding: chunked\r\n\r\n")
    chunk = b"100000\r\n" + b"z" * (1 << 20) + b"\r\n"
    sent = 0
    try:
        for _ in range(200):
            s.sendall(chunk)
            sent += 1
    except OSError:
        pass
    code = status_of(read_response(s))
    s.close()
    return f"{sent} MiB sent: {code}"


def many_ranges(mail_addr):
    def run(_addr):
        s = connect(mail_addr)
        ranges = "bytes=0-" + ",0-" * 2700
        s.sendall(b"GET /api/v1/messages HTTP/1.1\r\nHost: x\r\nRange: "
                  + ranges.encode() + b"\r\n\r\n")
        code = status_of(read_response(s))
        s.close()
        return f"2,700 ranges: {code}"
    return run


def invalid_utf8(addr):
    codes = set()
    for target in (b"/%FF", b"/v1/customers/%C3%28"):
        s = connect(addr)
        s.sendall(b"GET " + target + b" HTTP/1.1\r\nHost: x\r\n\r\n")
        codes.add(status_of(read_response(s)))
        s.close()
    return f"paths: {sorted(codes)}"


def million_headers(addr):
    s = connect(addr)
    s.sendall(b"GET /livez HTTP/1.1\r\nHost: x\r\n")
    try:
        for _ in range(1000):
            s.sendall(b"X-A: 1\r\n" * 1000)
    except OSError:
        pass
    code = status_of(read_response(s))
    s.close()
    return f"1,000,000 header lines: {code}"


def percentiles(samples):
    samples = sorted(samples)
    def at(q):
        return samples[min(len(samples) - 1, int(q * len(samples)))] * 1000
    return f"p50 {at(0.5):.2f} ms, p99 {at(0.99):.2f} ms, max {at(1.0):.2f} ms"


def timed_gets(url, target, until, took, headers=None, sizes=None):
    """GETs `target` one after another on one keep-alive connection until
    `until()` is true, appending each one's duration in seconds to `took`
    (and its body's size to `sizes`); any answer but 200 ends the run."""
    host, port = host_port(url)
    conn = http.client.HTTPConnection(host, port, timeout=60)
    while not until():
        t = time.monotonic()
        conn.request("GET", target, headers=headers or {})
        r = conn.getresponse()
        data = r.read()
        if r.status != 200:
            raise SystemExit(f"GET {target} answered {r.status}")
        took.append(time.monotonic() - t)
        if sizes is not None:
            sizes.append(len(data))
    conn.close()
    return took


def timed_calls(pc_url, seconds):
    """Partner Center calls for `seconds` (the public provider search: it
    runs in the core, under the world lock); each one's duration."""
    end = time.monotonic() + seconds
    return timed_gets(pc_url, "/v1/tiersim/providers?query=contoso",
                      lambda: time.monotonic() >= end, [])


def timed_deliveries(smtp_port, count, body):
    took = []
    with smtplib.SMTP("127.0.0.1", smtp_port, timeout=30) as smtp:
        for i in range(count):
            t = time.monotonic()
            smtp.sendmail("bench@example.com", [f"probe{i}@example.com"],
                          body)
            took.append(time.monotonic() - t)
    return took


def search_figure(pid, pc_url, mail_url, smtp_port, mails=5000, size=20000):
    line = ("lorem ipsum dolor sit amet consectetur adipiscing elit " * 2)[:76]
    text = "\r\n".join([line] * (size // 78))
    def message(i):
        return (f"From: bench@example.com\r\nTo: user{i}@example.com\r\n"
                f"Subject: bench mail {i}\r\n\r\n{text}\r\n")
    t = time.monotonic()
    senders = []
    for part in range(4):
        def send(part=part):
            with smtplib.SMTP("127.0.0.1", smtp_port, timeout=30) as smtp:
                for i in range(part, mails, 4):
                    smtp.sendmail("bench@example.com", [f"user{i}@example.com"],
                                  message(i))
        senders.append(threading.Thread(target=send))
    for th in senders:
        th.start()
    for th in senders:
        th.join()
    print(f"{mails} mails of {size // 1000} KB delivered over SMTP in "
          f"{time.monotonic() - t:.1f} s; server RSS {rss_kib(pid)} KiB")
    quiet_pc = timed_calls(pc_url, 5)
    quiet_smtp = timed_deliveries(smtp_port, 50, message(0))

    stop = threading.Event()
    searches = []
    def search():
        timed_gets(mail_url, "/api/v1/search?query=zebracrossing",
                   stop.is_set, searches)
    workers = [threading.Thread(target=search) for _ in range(8)]
    for w in workers:
        w.start()
    time.sleep(1)
    busy_pc = timed_calls(pc_url, 5)
    busy_smtp = timed_deliveries(smtp_port, 50, message(0))
    stop.set()
    for w in workers:
        w.join()
    print(f"  Partner Center call, no searches:    {percentiles(quiet_pc)} "
          f"({len(quiet_pc)} calls)")
    print(f"  Partner Center call, 8 searches on:  {percentiles(busy_pc)} "
          f"({len(busy_pc)} calls)")
    print(f"  SMTP delivery, no searches:          {percentiles(quiet_smtp)}")
    print(f"  SMTP delivery, 8 searches on:        {percentiles(busy_smtp)}")
    print(f"  the searches: {len(searches)} scans of {mails} mails, "
          f"{percentiles(searches)}")


def long_list_figure(pid, pc_url, token, customer, subscriptions=100000):
    host, port = host_port(pc_url)
    headers = {"Authorization": "Bearer " + token,
               "Content-Type": "application/json"}
    body = json.dumps({"lineItems": [
        {"lineItemNumber": i, "offerId": "o365-e3", "quantity": 1}
        for i in range(100)]})
    conn = http.client.HTTPConnection(host, port, timeout=60)
    t = time.monotonic()
    for _ in range(subscriptions // 100):
        conn.request("POST", f"/v1/customers/{customer}/orders", body, headers)
        r = conn.getresponse()
        r.read()
        if r.status != 201:
            raise SystemExit(f"an order was answered {r.status}")
    print(f"{subscriptions} subscriptions ordered in "
          f"{time.monotonic() - t:.1f} s; server RSS {rss_kib(pid)} KiB")
    quiet = timed_calls(pc_url, 5)
    stop = threading.Event()
    lists = []
    sizes = []
    def lister():
        timed_gets(pc_url, f"/v1/customers/{customer}/subscriptions",
                   stop.is_set, lists, {"Authorization": "Bearer " + token},
                   sizes)
    workers = [threading.Thread(target=lister) for _ in range(4)]
    for w in workers:
        w.start()
    time.sleep(1)
    busy = timed_calls(pc_url, 5)
    stop.set()
    for w in workers:
        w.join()
    print(f"  Partner Center call, alone:              {percentiles(quiet)}")
    print(f"  Partner Center call, 4 lists running:    {percentiles(busy)}")
    print(f"  the lists: {len(lists)} of {max(sizes) // 1000000} MB, "
          f"{percentiles(lists)}; server RSS {rss_kib(pid)} KiB")


def main():
    pid, pc_url, mail_url = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    smtp_port = int(sys.argv[4])
    n = int(sys.argv[5]) if len(sys.argv) > 5 else 10000
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    n = min(n, hard - 100)
    pc = host_port(pc_url)
    print("== attacks (each against Partner Center unless named)")
    attack("invalid UTF-8", pid, pc, invalid_utf8)
    attack("JSON 40,000 deep", pid, pc, deep_json)
    attack("gzip body", pid, pc, gzip_bomb)
    attack("chunked 200 MiB", pid, pc, chunked_200mib)
    attack("one million headers", pid, pc, million_headers)
    attack("ranges on the mail API", pid, pc, many_ranges(host_port(mail_url)))
    attack("slow heads", pid, pc, slow_heads)
    print(f"== {n} idle keep-alive connections")
    idle_figure(pid, pc_url, n)
    print("== 8 full-text searches over 5,000 mails beside the core")
    search_figure(pid, pc_url, mail_url, smtp_port)
    if os.environ.get("TOKEN"):
        print("== a 100,000-subscription list beside the core")
        long_list_figure(pid, pc_url, os.environ["TOKEN"],
                         os.environ["CUSTOMER"])


if __name__ == "__main__":
    main()
