#!/usr/bin/env python3
"""Reads tiersim's JUnit XML the way CI tools do, with junitparser, and checks
what they would show: counts, suite and case names, the failure message, the
seed property. Usage: junit_consumer_test.py <junit.xml>

Fails when junitparser is not installed
(Debian package python3-junitparser)."""

import sys

try:
    import junitparser
except ImportError:
    print("junitparser is not installed for %s (Debian: python3-junitparser)"
          % sys.executable)
    sys.exit(1)


def main(path):
    xml = junitparser.JUnitXml.fromfile(path)
    assert isinstance(xml, junitparser.JUnitXml), type(xml)
    assert xml.name == "tiersim", xml.name
    assert (xml.tests, xml.failures, xml.errors, xml.skipped) == (4, 1, 1, 1), (
        xml.tests, xml.failures, xml.errors, xml.skipped)

    suites = list(xml)
    assert [s.name for s in suites] == [
        "scenarios/qa/f3_partnership.json",
        "scenarios/demo/broken cast.json",
    ], [s.name for s in suites]
    first, second = suites
    assert (first.tests, first.failures, first.errors, first.skipped) == (
        2, 1, 0, 0)
    assert (second.tests, second.failures, second.errors, second.skipped) == (
        2, 0, 1, 1)
    seeds = {p.name: p.value for p in first.properties()}
    assert seeds == {"seed": "42"}, seeds
    assert not list(second.properties())

    cases = [c for s in suites for c in s]
    assert [c.name for c in cases] == [
        "Provider partners with a reseller",
        # The BEL of the sample is replaced by U+FFFD in the XML.
        "Invitation <used> twice & \"again\" 'quoted'\ufffd",
        "A cast that cannot be seeded",
        "Runs after the broken cast",
    ], [c.name for c in cases]
    assert cases[0].classname == "scenarios.qa.f3_partnership"
    assert cases[0].is_passed and cases[0].time == 0.001, cases[0].time

    failure = cases[1].result
    assert len(failure) == 1 and isinstance(failure[0], junitparser.Failure)
    assert failure[0].message == (
        "step 3: expected error InvitationUsed, got ok <&> \"quoted\" "
        "'single'"), failure[0].message
    assert failure[0].type == "action", failure[0].type
    assert "expected: error InvitationUsed" in failure[0].text
    assert "partnership.accept" in failure[0].text
    assert "step 4  skipped" in cases[1].system_out

    error = cases[2].result
    assert len(error) == 1 and isinstance(error[0], junitparser.Error)
    assert error[0].message.startswith("cast: tenant 'contoso'")

    skipped = cases[3].result
    assert len(skipped) == 1 and isinstance(skipped[0], junitparser.Skipped)
    print("ok: %d suites, %d cases" % (len(suites), len(cases)))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
