#!/usr/bin/env python3
"""Measure the checker on the real-world corpus: precision and recall per half.

Stdlib only (Python 3.11+ for tomllib). Each case directory under `tuning/` or `heldout/` holds the
files of one real configuration shape (written for this project, citing where the shape was seen)
and `case.toml` with the ground truth, written before the checker was run on it:

    source = "where the shape was seen"      shape = "what it shows"      partial = true|false
    [targets]  netbox = "4.7"  (optional, book.toml targets)
    [[file]]   name = "configuration.py"   kind = "netbox" | "nginx" | "authentik" | "env"
    [[expect]] file = "…"  at = "text on the line"  rule = "domain/id"  optional = true|false  why = "…"

`at` names the line by its text (the first line of the file that contains it). A rule id starting
with `new/` is a problem no rule checks today: it can only be missed. `optional` marks a finding
that is true but not a problem a reader must fix (an info hint): it counts as correct when it
fires and is not required for recall. Files of kind `env` are part of the shape but nothing today
can read them.

Until `mdbook-configcheck lint` exists, each case is wrapped in a one-chapter book (one fenced
block per file, `file=` its name) and checked with `mdbook-configcheck check BOOK --format json`;
findings are mapped back to the files' own lines. A later `lint` command can replace `run_case`.

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
import tempfile
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SPLITS = ("tuning", "heldout")
LANGUAGE = {"netbox": "python", "nginx": "nginx", "authentik": "yaml"}


def load_case(directory: Path) -> dict:
    case = tomllib.loads((directory / "case.toml").read_text())
    case["name"] = directory.name
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
        expect["line"] = found[0]
        expect.setdefault("optional", False)
    return case


def run_case(case: dict, binary: Path) -> list[dict]:
    """Findings as {file, line, rule, severity, message} at the files' own lines."""
    with tempfile.TemporaryDirectory(prefix="realworld-") as temporary:
        book = Path(temporary)
        (book / "src").mkdir()
        targets = case.get("targets", {})
        toml = '[book]\ntitle = "realworld"\n\n[preprocessor.configcheck]\n'
        if targets:
            toml += "\n[preprocessor.configcheck.targets]\n" + "".join(
                f'{key} = "{value}"\n' for key, value in targets.items()
            )
        (book / "book.toml").write_text(toml)
        (book / "src" / "SUMMARY.md").write_text("# Summary\n\n- [Case](case.md)\n")
        chapter = ["# Case", ""]
        blocks = []  # (first content line in the chapter, line count, file name)
        for file in case.get("file", []):
            if file["kind"] not in LANGUAGE:
                continue
            text = case["texts"][file["name"]]
            if not text.endswith("\n"):
                text += "\n"
            chapter.append(f"```{LANGUAGE[file['kind']]},check={file['kind']},file={file['name']}")
            blocks.append((len(chapter) + 1, text.count("\n"), file["name"]))
            chapter.extend(text.rstrip("\n").split("\n"))
            chapter.extend(["```", ""])
        (book / "src" / "case.md").write_text("\n".join(chapter) + "\n")
        result = subprocess.run(
            [str(binary), "check", str(book), "--format", "json"], capture_output=True, text=True, timeout=120
        )
        if result.returncode not in (0, 1):
            raise SystemExit(f"{case['name']}: the checker could not run ({result.returncode}): {result.stderr}")
        report = json.loads(result.stdout)
    findings = []
    for diagnostic in report["diagnostics"]:
        line, file = diagnostic["line"], "?"
        if diagnostic["path"].endswith("case.md"):
            for first, count, name in blocks:
                if first <= line < first + count:
                    file, line = name, line - first + 1
        findings.append(
            {"file": file, "line": line, "rule": diagnostic["rule"], "severity": diagnostic["severity"],
             "message": diagnostic["message"]}
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
    scores = [score(case, run_case(case, arguments.binary)) for case in cases]
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
              f"false {m['false']:2} (false errors {m['false_errors']})  precision {m['precision']:.1%}  "
              f"recall {m['found']}/{m['required']} = {m['recall']:.1%}  misplaced {m['misplaced']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
