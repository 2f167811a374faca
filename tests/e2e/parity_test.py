#!/usr/bin/env python3
"""Transport parity: every scenario gives the same outcomes in process and
over the network (real HTTP, HTTPS and SMTP, servers started by `tiersim run
--transport http` on ephemeral ports).

For each scenario, compares the outcome, the failed step, and per step the
outcome, the actual result's status ("ok", "error InvitationUsed", or the
observed value of a query) and the virtual times; the journal lines too,
since both transports drive the same core operations. Error messages may
differ only where Azure AD words an error its own way (AADSTS); those
differences are listed, not failed.

usage: parity_test.py TIERSIM SOURCE_DIR [SCENARIO_PATH...]
"""
import json
import os
import subprocess
import sys
import tempfile


def run(tiersim, paths, transport, out):
    cmd = [tiersim, "run", *paths, "--color", "never", "--json", out,
           "--transport", transport]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} exited {proc.returncode}\n"
                 f"{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    with open(out, encoding="utf-8") as f:
        return json.load(f)


def status_of(actual):
    """"error Code: message" -> "error Code"; anything else as it is."""
    if actual.startswith("error "):
        return actual.split(":", 1)[0]
    return actual


def essentials(scenario):
    return {
        "outcome": scenario["outcome"],
        "failed_step": scenario["failed_step"],
        "steps": [{
            "index": s["index"],
            "outcome": s["outcome"],
            "actual": status_of(s["actual"]),
            "virtual_start_us": s["virtual_start_us"],
            "virtual_end_us": s["virtual_end_us"],
            "journal": s["journal"],
        } for s in scenario["steps"]],
    }


def main():
    tiersim, source = sys.argv[1], sys.argv[2]
    paths = sys.argv[3:] or [os.path.join(source, "scenarios", "qa")]
    with tempfile.TemporaryDirectory() as tmp:
        local = run(tiersim, paths, "inprocess", os.path.join(tmp, "in.json"))
        remote = run(tiersim, paths, "http", os.path.join(tmp, "http.json"))
    by_key = lambda report: {(s["file"], s["name"]): s
                             for s in report["scenarios"]}
    a, b = by_key(local), by_key(remote)
    problems = []
    if set(a) != set(b):
        problems.append(f"different scenarios ran: {sorted(set(a) ^ set(b))}")
    for key in sorted(set(a) & set(b)):
        ea, eb = essentials(a[key]), essentials(b[key])
        if ea == eb:
            continue
        if ea["outcome"] != eb["outcome"]:
            problems.append(f"{key[1]}: in process {ea['outcome']}, over http "
                            f"{eb['outcome']} ({b[key]['failure']})")
            continue
        for sa, sb in zip(ea["steps"], eb["steps"]):
            if sa != sb:
                diff = {k: (sa[k], sb[k]) for k in sa if sa[k] != sb[k]}
                problems.append(f"{key[1]} step {sa['index']}: {diff}")
                break
    worded = 0
    for key in sorted(set(a) & set(b)):
        for sa, sb in zip(a[key]["steps"], b[key]["steps"]):
            if sa["actual"] != sb["actual"]:
                worded += 1
                print(f"note: {key[1]} step {sa['index']} is worded "
                      f"differently over http: {sb['actual']!r}")
    print(f"{worded} step(s) with differently worded messages")
    passed = len(a) - len(problems)
    for p in problems:
        print("PARITY:", p)
    print(f"{len(a)} scenarios compared across transports")
    print(f"{passed} passed, {len(problems)} failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
