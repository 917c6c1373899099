#!/usr/bin/env python3
"""Count test results from TRX (dotnet test) or JUnit XML (vitest, Playwright) files.

Usage: count-results.py trx|junit FILE...
Prints one line "PASSED FAILED SKIPPED" (integers) on stdout.
       count-results.py failures FILE...
Prints one line per failed test of the TRX or JUnit files: its name and the first
line of its message (the summary shows them, so a CI log's tail names what failed).
Exit code 0 when every file was read, 2 when a file is missing or unreadable
(the counts of the readable files are still printed; the caller decides).

TRX: sums <Counters passed=".." failed=".." error=".." timeout=".." aborted=".."
     notExecuted=".." inconclusive="..">; failed = failed + error + timeout + aborted.
JUnit: counts every <testcase>: failed when it holds <failure> or <error>,
       skipped when it holds <skipped>, passed otherwise. A file without any
       <testcase> falls back to the tests/failures/errors/skipped attributes
       of its top-level element.
"""
import sys
import xml.etree.ElementTree as ET


def local(tag):
    return tag.rsplit("}", 1)[-1]


def count_trx(root):
    passed = failed = skipped = 0
    for el in root.iter():
        if local(el.tag) == "Counters":
            a = el.attrib
            n = lambda k: int(a.get(k, "0") or 0)
            passed += n("passed")
            failed += n("failed") + n("error") + n("timeout") + n("aborted")
            skipped += n("notExecuted") + n("inconclusive")
    return passed, failed, skipped


def count_junit(root):
    passed = failed = skipped = 0
    cases = [el for el in root.iter() if local(el.tag) == "testcase"]
    if not cases:
        a = root.attrib
        n = lambda k: int(a.get(k, "0") or 0)
        f = n("failures") + n("errors")
        s = n("skipped")
        return max(n("tests") - f - s, 0), f, s
    for case in cases:
        kinds = {local(child.tag) for child in case}
        if "failure" in kinds or "error" in kinds:
            failed += 1
        elif "skipped" in kinds:
            skipped += 1
        else:
            passed += 1
    return passed, failed, skipped


def failures(root):
    """(name, first line of the message) of every failed test of a TRX or JUnit document."""
    found = []
    for el in root.iter():
        tag = local(el.tag)
        if tag == "UnitTestResult" and el.get("outcome") in ("Failed", "Error", "Timeout", "Aborted"):
            message = next((m.text or "" for m in el.iter() if local(m.tag) == "Message"), "")
            found.append((el.get("testName", "?"), message))
        elif tag == "testcase":
            bad = next((c for c in el if local(c.tag) in ("failure", "error")), None)
            if bad is not None:
                name = " > ".join(x for x in (el.get("classname"), el.get("name")) if x)
                found.append((name, bad.get("message") or bad.text or ""))
    return [(n, (m.strip().splitlines() or [""])[0][:300]) for n, m in found]


def main(argv):
    if len(argv) >= 1 and argv[0] == "failures":
        for path in argv[1:]:
            try:
                root = ET.parse(path).getroot()
            except (OSError, ET.ParseError):
                continue
            for name, message in failures(root):
                print(f"FAILED {name}: {message}")
        return 0
    if len(argv) < 2 or argv[0] not in ("trx", "junit"):
        print(__doc__, file=sys.stderr)
        return 64
    counter = count_trx if argv[0] == "trx" else count_junit
    total = [0, 0, 0]
    rc = 0
    for path in argv[1:]:
        try:
            root = ET.parse(path).getroot()
        except (OSError, ET.ParseError) as e:
            print(f"count-results: cannot read {path}: {e}", file=sys.stderr)
            rc = 2
            continue
        for i, v in enumerate(counter(root)):
            total[i] += v
    print(*total)
    return rc


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
