#!/usr/bin/env python3
"""Measure the checker on the real-world corpus: precision and recall per half.

Stdlib only (Python 3.11+ for tomllib). Each case directory under `tuning/` or `heldout/` holds the
files of one real configuration shape (written for this project, citing where the shape was seen)
and `case.toml` with the ground truth, written before the checker was run on it:

    source = "where the shape was seen"      shape = "what it shows"      partial = true|false
    [targets]  netbox = "4.7"  (optional, book.toml targets)
    [[file]]   name = "configuration.py"   kind = "netbox" | "nginx" | "authentik" | "env"
    [[expect]] file = "…"  at = "text on the line"  rule = "domain/id"  optional = true|false  why = "…"

`at` names the line by its text (the first line of the file that contains it; `nth = 2` the
second, for a line whose text repeats, such as `location / {` in two servers). A rule id starting
with `new/` is a problem no rule checks today: it can only be missed. `optional` marks a finding
that is true but not a problem a reader must fix (an info hint): it counts as correct when it
fires and is not required for recall.

Each case's files are checked with `mdbook-configcheck lint FILE… --format json` in the case's
directory, as an administrator checks theirs: each file's kind recognised from its name and
content (the runner stops if a file is taken for another kind than `case.toml` says; a file
whose kind lint cannot tell is named with `--kind`, as lint's error says), findings at
the files' own lines.

    python3 tests/realworld/run.py [--binary target/debug/mdbook-configcheck] [--json] [CASE…]

Counting: a finding is correct when it matches an expectation of the same file and rule: the one
at its line, else one not matched yet at another line (then it is listed as misplaced); every other
finding is false. precision = correct /
findings; recall = required expectations found / required expectations. A false finding of
severity error is a "false error" (it fails a reader's build).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SPLITS = ("tuning", "heldout")


def percent_down(part: int, whole: int) -> str:
    """A share with one decimal, rounded down: 95/96 is 98.9 %, never the 99.0 % a bar asks for."""
    tenths = part * 1000 // whole if whole else 1000
    return f"{tenths // 10}.{tenths % 10}%"


def load_case(directory: Path) -> dict:
    case = tomllib.loads((directory / "case.toml").read_text())
    case["name"] = directory.name
    case["directory"] = directory
    case["split"] = directory.parent.name
    texts = {}
    for file in case.get("file", []):
        texts[file["name"]] = (directory / file["name"]).read_text()
    case["texts"] = texts
    for expect in case.get("expect", []):
        lines = texts[expect["file"]].splitlines()
        found = [number for number, line in enumerate(lines, 1) if expect["at"] in line]
        if not found:
            raise SystemExit(f"{directory.name}: no line of {expect['file']} contains {expect['at']!r}")
        nth = expect.get("nth", 1)
        if not 1 <= nth <= len(found):
            raise SystemExit(f"{directory.name}: {expect['file']} has {len(found)} lines containing {expect['at']!r}, not {nth}")
        expect["line"] = found[nth - 1]
        expect.setdefault("optional", False)
    return case


def run_case(case: dict, binary: Path, directory: Path) -> list[dict]:
    """Findings as {file, line, rule, severity, message}: `mdbook-configcheck lint` on the case's
    files, as an administrator runs it on theirs (each file's kind recognised from its name and
    content; the case's targets as --target)."""
    targets = [f"--target={key}={value}" for key, value in case.get("targets", {}).items()]
    files = [file["name"] for file in case.get("file", [])]
    command = [str(binary), "lint", *files, *targets, "--format", "json"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=directory)
    # A file whose kind lint cannot tell stops it, naming --kind: the administrator then names the
    # kind, and so does the runner, with the kinds case.toml gives (h415: two lines of chart values).
    if result.returncode == 2 and "cannot tell what" in result.stderr:
        named = [f"--kind={file['kind']}={file['name']}" for file in case.get("file", [])]
        result = subprocess.run([*command, *named], capture_output=True, text=True, timeout=120, cwd=directory)
    if result.returncode not in (0, 1):
        raise SystemExit(f"{case['name']}: the checker could not run ({result.returncode}): {result.stderr}")
    report = json.loads(result.stdout)
    kinds = {file["name"]: file["kind"] for file in case.get("file", [])}
    findings = []
    for diagnostic in report["diagnostics"]:
        block = diagnostic.get("block") or {}
        if diagnostic["path"] in kinds and block.get("kind") not in (None, kinds[diagnostic["path"]]):
            raise SystemExit(f"{case['name']}: lint took {diagnostic['path']} for {block.get('kind')}, "
                             f"not {kinds[diagnostic['path']]}")
        findings.append(
            {"file": diagnostic["path"], "line": diagnostic["line"], "rule": diagnostic["rule"],
             "severity": diagnostic["severity"], "message": diagnostic["message"]}
        )
    return findings


def score(case: dict, findings: list[dict]) -> dict:
    expects = [dict(e, found=False) for e in case.get("expect", [])]
    correct, false, misplaced = [], [], []
    for finding in findings:
        candidates = [e for e in expects if e["file"] == finding["file"] and e["rule"] == finding["rule"]]
        at_line = [e for e in candidates if e["line"] == finding["line"]]
        elsewhere = [e for e in candidates if not e["found"]]
        # the expectation at this line (also a second finding of it); else one not yet found,
        # placed elsewhere (misplaced); else the finding is false
        match = ([e for e in at_line if not e["found"]] or at_line or elsewhere or [None])[0]
        if match is None:
            false.append(finding)
            continue
        correct.append(finding)
        if match["line"] != finding["line"]:
            misplaced.append((finding, match["line"]))
        match["found"] = True
    missed = [e for e in expects if not e["found"] and not e["optional"]]
    required = [e for e in expects if not e["optional"]]
    return {"case": case["name"], "split": case["split"], "findings": findings, "correct": correct,
            "false": false, "misplaced": misplaced, "missed": missed, "required": len(required),
            "found_required": len(required) - len(missed)}


def summarise(scores: list[dict]) -> dict:
    findings = sum(len(s["findings"]) for s in scores)
    correct = sum(len(s["correct"]) for s in scores)
    required = sum(s["required"] for s in scores)
    found = sum(s["found_required"] for s in scores)
    return {
        "cases": len(scores),
        "findings": findings,
        "correct": correct,
        "false": findings - correct,
        "false_errors": sum(1 for s in scores for f in s["false"] if f["severity"] == "error"),
        "errors": sum(1 for s in scores for f in s["findings"] if f["severity"] == "error"),
        "precision": round(correct / findings, 4) if findings else 1.0,
        "required": required,
        "found": found,
        "recall": round(found / required, 4) if required else 1.0,
        "misplaced": sum(len(s["misplaced"]) for s in scores),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", type=Path, default=ROOT / "target" / "debug" / "mdbook-configcheck")
    parser.add_argument("--json", action="store_true", help="print the measurement as JSON")
    parser.add_argument("cases", nargs="*", help="case names (default: all)")
    arguments = parser.parse_args()
    cases = [
        load_case(directory)
        for split in SPLITS
        for directory in sorted((HERE / split).iterdir())
        if (directory / "case.toml").exists() and (not arguments.cases or directory.name in arguments.cases)
    ]
    scores = [score(case, run_case(case, arguments.binary, case["directory"])) for case in cases]
    measurement = {split: summarise([s for s in scores if s["split"] == split]) for split in SPLITS}
    measurement["all"] = summarise(scores)
    if arguments.json:
        measurement["cases"] = [
            {"case": s["case"], "split": s["split"],
             "false": [{k: f[k] for k in ("file", "line", "rule", "severity")} for f in s["false"]],
             "missed": [{k: e[k] for k in ("file", "line", "rule")} for e in s["missed"]],
             "misplaced": [{"rule": f["rule"], "file": f["file"], "line": f["line"], "expected_line": line}
                           for f, line in s["misplaced"]]}
            for s in scores
        ]
        print(json.dumps(measurement, indent=1))
        return 0
    for s in scores:
        marks = []
        for f in s["false"]:
            marks.append(f"  FALSE {f['severity']:7} {f['rule']} at {f['file']}:{f['line']}: {f['message'][:110]}")
        for e in s["missed"]:
            marks.append(f"  MISSED         {e['rule']} at {e['file']}:{e['line']}")
        for f, line in s["misplaced"]:
            marks.append(f"  MISPLACED      {f['rule']} at {f['file']}:{f['line']} (expected line {line})")
        print(f"{s['split']:8} {s['case']:42} {len(s['correct'])}/{len(s['findings'])} correct, "
              f"{s['found_required']}/{s['required']} required found")
        print("\n".join(marks)) if marks else None
    print()
    for split in (*SPLITS, "all"):
        m = measurement[split]
        print(f"{split:8} cases {m['cases']:2}  findings {m['findings']:3}  correct {m['correct']:3}  "
              f"false {m['false']:2} (false errors {m['false_errors']})  precision {percent_down(m['correct'], m['findings'])}  "
              f"recall {m['found']}/{m['required']} = {percent_down(m['found'], m['required'])}  misplaced {m['misplaced']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
