#!/usr/bin/env python3
"""The JSON Schema and the loader agree.

- scenarios/schema.json is exactly what `tiersim schema` generates;
- every scenario in scenarios/qa validates against the schema (Draft
  2020-12, python3-jsonschema) and passes `tiersim validate`;
- every fixture in tests/data/scenarios/invalid/both fails both;
- every fixture in invalid/loader_only fails the loader (these are mistakes
  a schema cannot see: references between cast members, duplicate keys).

Usage: schema_test.py TIERSIM REPO_ROOT"""

import glob
import os
import subprocess
import sys
import unittest

import jsonschema

import jsonc

TIERSIM, ROOT = sys.argv[1], sys.argv[2]
SCHEMA_PATH = os.path.join(ROOT, "scenarios", "schema.json")
FIXTURES = os.path.join(ROOT, "tests", "data", "scenarios", "invalid")


def validate_cli(path):
    return subprocess.run([TIERSIM, "validate", path], capture_output=True,
                          text=True)


class SchemaTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.schema = jsonc.load(SCHEMA_PATH)
        jsonschema.Draft202012Validator.check_schema(cls.schema)
        cls.validator = jsonschema.Draft202012Validator(cls.schema)

    def schema_errors(self, path):
        try:
            doc = jsonc.load(path)
        except ValueError as e:
            return ["not JSON: %s" % e]
        return [e.message for e in self.validator.iter_errors(doc)]

    def test_checked_in_schema_is_the_generated_one(self):
        generated = subprocess.run([TIERSIM, "schema"], capture_output=True,
                                   text=True, check=True).stdout
        with open(SCHEMA_PATH, encoding="utf-8") as f:
            self.assertEqual(f.read(), generated,
                             "scenarios/schema.json is stale: run "
                             "`tiersim schema > scenarios/schema.json`")

    def test_every_qa_scenario_passes_schema_and_loader(self):
        files = sorted(glob.glob(os.path.join(ROOT, "scenarios", "qa",
                                              "*.json")))
        self.assertGreaterEqual(len(files), 30)
        for path in files:
            with self.subTest(path=os.path.basename(path)):
                self.assertEqual(self.schema_errors(path), [])
                r = validate_cli(path)
                self.assertEqual(r.returncode, 0, r.stderr)

    def test_every_load_profile_passes_schema_and_loader(self):
        files = sorted(f for f in glob.glob(os.path.join(
            ROOT, "scenarios", "load", "*.json"))
            if "population" in jsonc.load(f) or "flows" in jsonc.load(f))
        self.assertGreaterEqual(len(files), 6)
        for path in files:
            with self.subTest(path=os.path.basename(path)):
                self.assertEqual(self.schema_errors(path), [])
                r = validate_cli(path)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertIn("1 load profile(s)", r.stdout)

    def test_invalid_fixtures_fail_schema_and_loader(self):
        files = sorted(glob.glob(os.path.join(FIXTURES, "both", "*.json")))
        self.assertGreaterEqual(len(files), 8)
        for path in files:
            with self.subTest(path=os.path.basename(path)):
                self.assertNotEqual(self.schema_errors(path), [])
                r = validate_cli(path)
                self.assertEqual(r.returncode, 2)
                self.assertIn(path + ":", r.stderr)

    def test_loader_only_fixtures_fail_the_loader(self):
        files = sorted(glob.glob(os.path.join(FIXTURES, "loader_only",
                                              "*.json")))
        self.assertGreaterEqual(len(files), 3)
        for path in files:
            with self.subTest(path=os.path.basename(path)):
                r = validate_cli(path)
                self.assertEqual(r.returncode, 2)
                self.assertRegex(r.stderr, r":\d+:\d+: error: ")


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0]])
