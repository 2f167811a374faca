#!/usr/bin/env python3
"""`tiersim` end to end through its command line, on the fixture scenarios in
tests/data/scenarios: exit codes, console output, --tag and --seed, and the
JSON (golden, deterministic), JUnit XML (well-formed, read by junitparser)
and HTML (self-contained) reports.

Usage: cli_test.py TIERSIM REPO_ROOT
Set TIERSIM_UPDATE_GOLDEN=1 to rewrite tests/data/golden/run.json."""

import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import unittest

import junitparser

TIERSIM, ROOT = sys.argv[1], sys.argv[2]
DATA = os.path.join(ROOT, "tests", "data", "scenarios")
PASS = os.path.join(DATA, "pass")
FAIL = os.path.join(DATA, "fail")
GOLDEN = os.path.join(ROOT, "tests", "data", "golden", "run.json")


def tiersim(*args, env=None):
    full_env = dict(os.environ)
    full_env.pop("NO_COLOR", None)
    full_env.update(env or {})
    return subprocess.run([TIERSIM, *args], capture_output=True, text=True,
                          env=full_env, cwd=ROOT)


def strip_wall(value):
    """The report without its wall-clock fields (named wall_*)."""
    if isinstance(value, dict):
        return {k: strip_wall(v) for k, v in value.items()
                if not k.startswith("wall_")}
    if isinstance(value, list):
        return [strip_wall(v) for v in value]
    return value


class CliTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    def path(self, name):
        return os.path.join(self.tmp.name, name)

    def test_passing_run_exits_0_and_prints_the_summary_and_seed(self):
        r = tiersim("run", os.path.relpath(PASS, ROOT))
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn("PASS", r.stdout)
        self.assertIn("seed 11", r.stdout)
        self.assertRegex(r.stdout, r"(?m)^1 passed, 0 failed$")

    def test_failing_run_exits_1_and_shows_expected_actual_and_journal(self):
        r = tiersim("run", os.path.relpath(FAIL, ROOT))
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertIn("expected: error InvitationUsed", r.stdout)
        self.assertIn("actual:", r.stdout)
        self.assertIn("partnership.accept", r.stdout)  # a journal line
        self.assertIn("--seed 12", r.stdout)  # how to reproduce
        self.assertRegex(r.stdout, r"(?m)^1 passed, 1 failed$")

    def test_the_reproduce_hint_runs_only_the_failed_scenario(self):
        r = tiersim("run", os.path.relpath(FAIL, ROOT))
        hint = re.search(r"reproduce: tiersim run (.*)$", r.stdout, re.M)
        self.assertIsNotNone(hint, r.stdout)
        again = tiersim("run", *shlex.split(hint.group(1)))
        self.assertEqual(again.returncode, 1, again.stdout + again.stderr)
        self.assertIn("tiersim run: 1 scenario(s)", again.stdout)
        self.assertRegex(again.stdout, r"(?m)^0 passed, 1 failed$")
        # --name matches part of a name, ignoring case; none is a usage error.
        some = tiersim("run", os.path.relpath(FAIL, ROOT), "--name", "ZZZ-none")
        self.assertEqual(some.returncode, 2)
        self.assertIn("--name", some.stderr)

    def test_keep_going_runs_the_files_that_load(self):
        folder = self.path("mixed")
        os.mkdir(folder)
        good = os.path.join(PASS, sorted(os.listdir(PASS))[0])
        bad = os.path.join(DATA, "invalid", "both", "misspelt_action.json")
        for source in (good, bad):
            with open(source) as f, open(
                    os.path.join(folder, os.path.basename(source)), "w") as t:
                t.write(f.read())
        stopped = tiersim("run", folder)
        self.assertEqual(stopped.returncode, 2)
        self.assertIn("misspelt_action.json:2:43", stopped.stderr)
        self.assertIn("nothing was run (--keep-going runs the other files)",
                      stopped.stderr)
        went_on = tiersim("run", folder, "--keep-going")
        self.assertEqual(went_on.returncode, 1, went_on.stdout + went_on.stderr)
        self.assertIn("misspelt_action.json:2:43", went_on.stderr)
        self.assertIn("PASS", went_on.stdout)
        self.assertIn("reproduce: tiersim validate", went_on.stdout)
        self.assertRegex(went_on.stdout, r"(?m)^1 passed, 1 failed$")

    def test_validate_colours_errors_only_when_asked(self):
        bad = os.path.join(DATA, "invalid", "both", "misspelt_action.json")
        plain = tiersim("validate", bad)
        self.assertEqual(plain.returncode, 2)
        self.assertNotIn("\x1b[", plain.stderr)  # not a terminal
        coloured = tiersim("validate", "--color", "always", bad)
        self.assertEqual(coloured.returncode, 2)
        self.assertIn(":2:43: \x1b[1;31merror\x1b[0m: ", coloured.stderr)
        self.assertNotIn("\x1b[", tiersim("validate", "--color", "never",
                                           bad).stderr)

    def test_bad_input_and_usage_exit_2(self):
        invalid = os.path.join(DATA, "invalid", "both", "misspelt_action.json")
        r = tiersim("run", invalid)
        self.assertEqual(r.returncode, 2)
        self.assertIn(invalid + ":2:43: error: \"request_partnershp\" is not "
                      "an action. Did you mean \"request_partnership\"?",
                      r.stderr)
        self.assertIn("nothing was run", r.stderr)
        self.assertEqual(tiersim("run", "no/such/file.json").returncode, 2)
        self.assertEqual(tiersim("run", PASS, "--bogus").returncode, 2)
        self.assertEqual(tiersim("run", PASS, "--seed", "abc").returncode, 2)
        self.assertEqual(tiersim("run").returncode, 2)
        self.assertEqual(tiersim().returncode, 2)
        r = tiersim("run", PASS, "--tag", "F99")
        self.assertEqual(r.returncode, 2)
        self.assertIn("no scenario has any of the given --tag", r.stderr)

    def test_tag_filter_selects_scenarios(self):
        r = tiersim("run", PASS, FAIL, "--tag", "R26", "--json", "-")
        self.assertEqual(r.returncode, 0, r.stdout)
        report = json.loads(r.stdout[r.stdout.index("{"):])
        self.assertEqual([s["name"] for s in report["scenarios"]],
                         ["Fixture: a second scenario in the same file "
                          "passes"])

    def test_seed_override_is_used_and_reported(self):
        r = tiersim("run", PASS, "--seed", "99", "--json", self.path("r.json"))
        self.assertEqual(r.returncode, 0)
        self.assertIn("seed 99 for all", r.stdout)
        with open(self.path("r.json")) as f:
            self.assertEqual(json.load(f)["scenarios"][0]["seed"], 99)

    def test_json_is_deterministic_and_matches_the_golden_file(self):
        reports = []
        for name in ("a.json", "b.json"):
            tiersim("run", os.path.relpath(PASS, ROOT),
                    os.path.relpath(FAIL, ROOT), "--json", self.path(name))
            with open(self.path(name)) as f:
                reports.append(strip_wall(json.load(f)))
        self.assertEqual(reports[0], reports[1])
        text = json.dumps(reports[0], indent=2, sort_keys=False) + "\n"
        if os.environ.get("TIERSIM_UPDATE_GOLDEN") == "1":
            with open(GOLDEN, "w") as f:
                f.write(text)
        with open(GOLDEN) as f:
            self.assertEqual(text, f.read(),
                             "the JSON report changed; if intended, rerun "
                             "with TIERSIM_UPDATE_GOLDEN=1 and review")

    def test_junit_is_well_formed_and_read_by_a_junit_consumer(self):
        tiersim("run", PASS, FAIL, "--junit", self.path("j.xml"))
        lint = subprocess.run(["xmllint", "--noout", self.path("j.xml")],
                              capture_output=True, text=True)
        self.assertEqual(lint.returncode, 0, lint.stderr)
        xml = junitparser.JUnitXml.fromfile(self.path("j.xml"))
        self.assertEqual((xml.tests, xml.failures, xml.errors), (3, 1, 0))
        suites = {s.name: s for s in xml}
        self.assertEqual(len(suites), 2)  # a testsuite per file
        failing = [c for s in xml for c in s if c.result]
        self.assertEqual(len(failing), 1)
        self.assertIn("expected error InvitationUsed, got ok",
                      failing[0].result[0].message)
        props = {p.name: p.value for s in xml for p in s.properties()}
        self.assertIn("seed", props)

    def test_html_is_self_contained_with_a_sequence_diagram(self):
        tiersim("run", PASS, FAIL, "--html", self.path("r.html"))
        with open(self.path("r.html")) as f:
            html = f.read()
        self.assertIn("<svg", html)
        self.assertIn("Fixture: expects a refusal that does not come", html)
        self.assertIsNone(re.search(r"(src|href)\s*=\s*\"?(https?:)?//", html))
        self.assertNotIn("<script src", html)
        self.assertNotIn("<link", html)

    def test_colour_only_when_asked_or_on_a_terminal(self):
        plain = tiersim("run", PASS)
        self.assertNotIn("\x1b[", plain.stdout)  # not a TTY
        colour = tiersim("run", PASS, "--color", "always")
        self.assertIn("\x1b[", colour.stdout)

    def test_readme_example_scenario_passes(self):
        with open(os.path.join(ROOT, "README.md")) as f:
            readme = f.read()
        example = readme.split("```jsonc\n", 1)[1].split("```", 1)[0]
        with open(self.path("example.json"), "w") as f:
            f.write(example)
        r = tiersim("run", self.path("example.json"))
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)

    def test_validate_list_and_help(self):
        r = tiersim("validate", PASS, FAIL)
        self.assertEqual(r.returncode, 0)
        self.assertIn("2 file(s), 3 scenario(s): valid", r.stdout)
        r = tiersim("list")
        self.assertEqual(r.returncode, 0)
        for word in ("accept_partnership", "indirect_resellers", "mail.drop",
                     "InvitationUsed", "F10", "served_by"):
            self.assertIn(word, r.stdout)
        self.assertEqual(tiersim("list", "bogus").returncode, 2)
        r = tiersim("run", "--help")
        self.assertEqual(r.returncode, 0)
        for option in ("--tag", "--seed", "--json", "--junit", "--html"):
            self.assertIn(option, r.stdout)
        self.assertEqual(tiersim("--help").returncode, 0)


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0]])
