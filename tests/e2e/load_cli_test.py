#!/usr/bin/env python3
"""`tiersim load` as a load tester runs it: the reports (JSON, JUnit XML,
HTML) from one run; N shard processes against one `tiersim serve`, merged
with `tiersim load merge`, add up to one process's run of the same profile
and seed; Ctrl-C still writes every report, marked interrupted; bad input
exits 2 with a message naming what and where, and never hangs.

usage: load_cli_test.py TIERSIM SOURCE_DIR
"""
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import unittest
import xml.etree.ElementTree as ET

TIERSIM = sys.argv[1]
SOURCE = sys.argv[2]
EPHEMERAL = {f"TIERSIM_{name}_PORT": "0" for name in
             ("PARTNER_CENTER", "AAD", "PMC", "SMTP", "MAIL_API")}

PROFILE = {
    "name": "e2e load", "seed": 31,
    "population": {"providers": 4, "resellers_per_provider": 2,
                   "customers_per_reseller": 3,
                   "users": {"admin_agent": 1},
                   "offers": {"o365-e3": 1, "m365-e3": 1}},
    "flows": {"invite": {"flow": "invitation", "weight": 2},
              "create": {"flow": "customer_creation"},
              "order": {"flow": "order", "lines": 1},
              "support": {"flow": "support_contact"}},
    "model": {"type": "closed", "vus": 3, "iterations": 90},
    "thresholds": {"errors.rate": "< 0.1%", "order.count": "> 0"},
}


def run(args, timeout=120):
    return subprocess.run([TIERSIM, *args], capture_output=True, text=True,
                          timeout=timeout)


def start_serve():
    env = dict(os.environ, **EPHEMERAL)
    proc = subprocess.Popen([TIERSIM, "serve"], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, env=env)
    lines = []
    deadline = time.time() + 30
    while time.time() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line)
        if "Press Ctrl-C" in line:
            for l in lines:
                if l.strip().startswith("Partner Center"):
                    return proc, l.split()[2].removesuffix("/v1")
    proc.kill()
    raise AssertionError("serve did not start:\n" + "".join(lines))


def counts(result, key):
    return {m["name"]: m["count"] for m in result[key]}


class LoadCliTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.profile = os.path.join(self.dir.name, "profile.json")
        with open(self.profile, "w") as f:
            json.dump(PROFILE, f)

    def tearDown(self):
        self.dir.cleanup()

    def path(self, name):
        return os.path.join(self.dir.name, name)

    def test_one_run_writes_json_junit_and_html(self):
        r = run(["load", self.profile, "--json", self.path("r.json"),
                 "--junit", self.path("r.xml"), "--html", self.path("r.html")])
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn("passed:", r.stdout)
        result = json.load(open(self.path("r.json")))
        self.assertEqual(result["format"], "tiersim-load/1")
        self.assertEqual(result["iterations"], 90)
        suite = ET.parse(self.path("r.xml")).getroot()
        cases = suite.iter("testcase")
        names = [c.get("name") for c in cases]
        self.assertEqual(len(names), len(result["thresholds"]) +
                         len(result["invariants"]))
        html = open(self.path("r.html")).read()
        self.assertEqual(html.count("<svg"), 5)
        self.assertNotIn("<script", html)

    def test_shard_processes_on_one_serve_merge_to_one_process(self):
        serve, url = start_serve()
        try:
            shards = []
            for i in range(2):
                shards.append(subprocess.Popen(
                    [TIERSIM, "load", self.profile, "--target", url,
                     "--shard", f"{i}/2", "--quiet",
                     "--json", self.path(f"s{i}.json")],
                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                    text=True))
            for p in shards:
                out, _ = p.communicate(timeout=120)
                self.assertEqual(p.returncode, 0, out)
                self.assertIn("judged on the union", out)
        finally:
            serve.send_signal(signal.SIGINT)
            serve.wait(timeout=30)
        merged = run(["load", "merge", self.path("s0.json"),
                      self.path("s1.json"), "--json", self.path("m.json")])
        self.assertEqual(merged.returncode, 0, merged.stdout + merged.stderr)
        self.assertIn("merged from 2 shards", merged.stdout)
        one = run(["load", self.profile, "--transport", "http", "--quiet",
                   "--json", self.path("one.json")])
        self.assertEqual(one.returncode, 0, one.stdout + one.stderr)
        m = json.load(open(self.path("m.json")))
        o = json.load(open(self.path("one.json")))
        self.assertEqual(m["iterations"], o["iterations"])
        self.assertEqual(counts(m, "flows"), counts(o, "flows"))
        self.assertEqual(counts(m, "operations"), counts(o, "operations"))
        self.assertTrue(all(i["passed"] for i in m["invariants"]),
                        m["invariants"])
        names = {i["invariant"] for i in m["invariants"]}
        self.assertIn("every invitation sent has exactly one email delivered",
                      names)

    def test_ctrl_c_ends_the_run_and_still_writes_the_reports(self):
        long = dict(PROFILE, model={"type": "closed", "vus": 2,
                                    "duration": "60s"})
        with open(self.path("long.json"), "w") as f:
            json.dump(long, f)
        p = subprocess.Popen(
            [TIERSIM, "load", self.path("long.json"),
             "--quiet", "--json", self.path("i.json"),
             "--junit", self.path("i.xml")],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        time.sleep(2)
        p.send_signal(signal.SIGINT)
        out, _ = p.communicate(timeout=60)
        self.assertEqual(p.returncode, 1, out)
        self.assertIn("interrupted", out)
        self.assertTrue(json.load(open(self.path("i.json")))["interrupted"])
        ET.parse(self.path("i.xml"))

    def test_bad_input_exits_2_naming_what_and_where(self):
        bad = dict(PROFILE, flows={"x": {"flow": "teleport"}})
        with open(self.path("bad.json"), "w") as f:
            json.dump(bad, f, indent=1)
        r = run(["load", self.path("bad.json")])
        self.assertEqual(r.returncode, 2, r.stdout + r.stderr)
        self.assertIn("bad.json:", r.stderr)
        self.assertIn("teleport", r.stderr)
        started = time.time()
        r = run(["load", self.profile, "--target", "http://127.0.0.1:9"])
        self.assertEqual(r.returncode, 2, r.stdout + r.stderr)
        self.assertIn("127.0.0.1:9", r.stderr)
        self.assertLess(time.time() - started, 20)
        r = run(["load", self.profile, "--threads", "2"])
        self.assertEqual(r.returncode, 2)
        self.assertIn("--transport http", r.stderr)
        r = run(["load", self.profile, "--shard", "2/2"])
        self.assertEqual(r.returncode, 2)
        self.assertIn("I/N", r.stderr)
        r = run(["load", "merge", self.profile])
        self.assertEqual(r.returncode, 2)
        self.assertIn("profile.json", r.stderr)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
