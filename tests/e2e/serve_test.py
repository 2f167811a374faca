#!/usr/bin/env python3
"""`tiersim serve` as a user runs it: flags and their TIERSIM_* variables,
the printed URLs, seeding from a scenario's cast, a clean stop on SIGINT
and SIGTERM, and clear refusals (a port in use, an invalid world file).

usage: serve_test.py TIERSIM SOURCE_DIR
"""
import json
import os
import signal
import socket
import subprocess
import sys
import time
import unittest
import urllib.request

TIERSIM = sys.argv[1]
SOURCE = sys.argv[2]
EPHEMERAL = {f"TIERSIM_{name}_PORT": "0" for name in
             ("PARTNER_CENTER", "AAD", "PMC", "SMTP", "MAIL_API")}


def start(args=(), env_extra=None):
    env = dict(os.environ, **EPHEMERAL, **(env_extra or {}))
    proc = subprocess.Popen([TIERSIM, "serve", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, env=env)
    lines = []
    deadline = time.time() + 30
    while time.time() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line)
        if "Press Ctrl-C" in line:
            return proc, "".join(lines)
    proc.kill()
    raise AssertionError("serve did not start:\n" + "".join(lines))


def url_of(output, label):
    for line in output.splitlines():
        if line.strip().startswith(label):
            return line.split()[len(label.split())]
    raise AssertionError(f"no {label} line in:\n{output}")


def get_json(url):
    with urllib.request.urlopen(url, timeout=10) as r:
        return r.status, json.loads(r.read())


class ServeTest(unittest.TestCase):
    def stop(self, proc, sig):
        proc.send_signal(sig)
        rest, _ = proc.communicate(timeout=20)
        return proc.returncode, rest

    def test_serves_until_sigterm_and_stops_cleanly(self):
        proc, out = start()
        pc = url_of(out, "Partner Center").removesuffix("/v1")
        status, body = get_json(pc + "/livez")
        self.assertEqual((status, body), (200, {"status": "live"}))
        status, body = get_json(pc + "/readyz")
        self.assertEqual(status, 200)
        ca = url_of(out, "CA certificate")
        self.assertTrue(os.path.exists(ca), ca)
        with open(ca) as f:
            self.assertIn("BEGIN CERTIFICATE", f.read())
        code, rest = self.stop(proc, signal.SIGTERM)
        self.assertEqual(code, 0, rest)
        self.assertIn("SIGTERM received", rest)
        self.assertIn("stopped", rest)

    def test_sigint_stops_too(self):
        proc, _ = start()
        code, rest = self.stop(proc, signal.SIGINT)
        self.assertEqual(code, 0, rest)
        self.assertIn("SIGINT received", rest)

    def test_sigterm_stops_within_seconds_whatever_clients_do(self):
        # A client trickling its head, an idle keep-alive and a long mail
        # wait: none may keep the server from stopping (cpp-httplib's did).
        proc, out = start()
        pc = url_of(out, "Partner Center").removesuffix("/v1")
        mail = url_of(out, "Mail API").removesuffix("/api/v1")
        def connect(url):
            host, port = url.split("://", 1)[1].rsplit(":", 1)
            return socket.create_connection((host, int(port)), timeout=10)
        slow = connect(pc)
        slow.sendall(b"GET /livez HTTP/1.1\r\nX-Slow: ")
        idle = connect(pc)
        idle.sendall(b"GET /livez HTTP/1.1\r\nHost: x\r\n\r\n")
        idle.recv(4096)
        waiting = connect(mail)
        waiting.sendall(b"GET /api/v1/tiersim/wait?query=to:x@y.test"
                        b"&timeout=60s HTTP/1.1\r\nHost: x\r\n\r\n")
        started = time.monotonic()
        code, rest = self.stop(proc, signal.SIGTERM)
        self.assertEqual(code, 0, rest)
        self.assertLess(time.monotonic() - started, 6.0)
        for s in (slow, idle, waiting):
            s.close()

    def test_environment_sets_the_seed_and_world(self):
        world = os.path.join(SOURCE, "scenarios", "load",
                             "order_benchmark_world.json")
        proc, out = start(env_extra={"TIERSIM_SEED": "42",
                                     "TIERSIM_WORLD": world})
        try:
            self.assertIn("seed 42", out)
            self.assertIn("world seeded with the cast", out)
            pc = url_of(out, "Partner Center").removesuffix("/v1")
            _, counts = get_json(pc + "/_tiersim/counts")
            self.assertEqual(counts["core"]["partners"], 1)
            self.assertEqual(counts["core"]["customers"], 1)
            _, endpoints = get_json(pc + "/_tiersim/endpoints")
            self.assertTrue(endpoints["aad"].startswith("https://localhost:"))
        finally:
            self.stop(proc, signal.SIGTERM)

    def test_virtual_time_starts_now_or_where_told(self):
        proc, out = start()
        try:
            pc = url_of(out, "Partner Center").removesuffix("/v1")
            _, clock = get_json(pc + "/_tiersim/clock")
            self.assertLess(abs(clock["nowMicros"] / 1e6 - time.time()), 60)
        finally:
            self.stop(proc, signal.SIGTERM)
        proc, out = start(["--start", "2027-03-04T05:06:07Z"])
        try:
            self.assertIn("virtual time starts 2027-03-04T05:06:07Z", out)
        finally:
            self.stop(proc, signal.SIGTERM)
        env = dict(os.environ, **EPHEMERAL)
        bad = subprocess.run([TIERSIM, "serve", "--start", "yesterday"],
                             capture_output=True, text=True, env=env,
                             timeout=30)
        self.assertEqual(bad.returncode, 2)
        self.assertIn("--start", bad.stderr)

    def test_a_port_in_use_is_refused_by_name(self):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            s.listen()
            port = s.getsockname()[1]
            env = dict(os.environ, **EPHEMERAL)
            env["TIERSIM_PARTNER_CENTER_PORT"] = str(port)
            proc = subprocess.run([TIERSIM, "serve"], capture_output=True,
                                  text=True, env=env, timeout=30)
        self.assertEqual(proc.returncode, 2, proc.stdout + proc.stderr)
        self.assertIn("Partner Center", proc.stderr)
        self.assertIn(str(port), proc.stderr)

    def test_an_invalid_world_file_is_refused(self):
        bad = os.path.join(SOURCE, "tests", "data", "scenarios", "invalid",
                           "both")
        files = sorted(os.listdir(bad))
        env = dict(os.environ, **EPHEMERAL)
        proc = subprocess.run([TIERSIM, "serve", "--world",
                               os.path.join(bad, files[0])],
                              capture_output=True, text=True, env=env,
                              timeout=30)
        self.assertEqual(proc.returncode, 2, proc.stdout + proc.stderr)
        self.assertIn("error:", proc.stderr)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
