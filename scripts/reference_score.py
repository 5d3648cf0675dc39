#!/usr/bin/env python3
"""A straightforward Python implementation of rolefit's scoring rule
used as the baseline in scripts/bench.sh.

Usage: reference_score.py ROLES.yaml ANSWERS.jsonl > out.csv
Reads JSON Lines answer sets and writes the same long CSV as
`rolefit score --format csv` (without error handling or warnings): tag
names and aliases and the ids of paths, families, axes and statements are
matched after normalisation, statements answer an axis as their mean, and
`families` filters the roles.
"""
import csv
import json
import math
import re
import sys

import yaml


def normalize(name):
    return " ".join(re.split(r"[\s\-_]+", name.lower())).strip()


def neutralize(cell):
    """A cell a spreadsheet would run as a formula gets a leading quote."""
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


def main():
    catalog = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
    lookup = {}
    for tag in catalog["tags"]:
        lookup[normalize(tag["name"])] = tag["name"]
        for alias in tag.get("aliases", []):
            lookup[normalize(alias)] = tag["name"]
    # Ids (paths, families, axes, questions) are matched like tag names.
    paths = {normalize(p["id"]): p for p in catalog["paths"]}
    families = {normalize(f["id"]): f["id"] for f in catalog["families"]}
    axes = [a["id"] for a in catalog["axes"]]
    axis_ids = {normalize(a): a for a in axes}
    questions = {normalize(q["id"]): q for q in catalog["questions"]}
    roles = catalog["roles"]
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["id", "source", "path", "rank", "role_id", "role", "family", "score",
                  "competency", "growth", "work_style", "matched", "gaps",
                  "understood", "words"])
    # Half up at 4 decimals, nudged past float noise, as rolefit does.
    tenk = lambda x: math.floor(x * 10000 + 1e-6 + 0.5)
    fmt = lambda x: "" if x is None else "%.4f" % (tenk(x) / 10000)
    source = neutralize(sys.argv[2])
    stem = sys.argv[2].rsplit("/", 1)[-1].rsplit(".", 1)[0]
    with open(sys.argv[2], encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            answer = json.loads(line)
            path = paths[normalize(answer.get("path", "full"))]
            weights = path["weights"]
            levels = {}
            for s in answer.get("strengths", []):
                tag, level = (s, 3) if isinstance(s, str) else (s["tag"], s.get("level", 3))
                name = lookup[normalize(tag)]
                levels[name] = max(levels.get(name, 0), level)
            goals = {lookup[normalize(g)] for g in answer.get("goals", [])}
            # Every word of these sets is a tag's name or alias: all understood.
            words = len(answer.get("strengths", [])) + len(answer.get("goals", []))
            style = {axis_ids[normalize(a)]: v for a, v in answer.get("work_style", {}).items()}
            # An axis answered through statements is their exact mean;
            # reverse-keyed statements count 6 - answer.
            sums = {}
            for q, v in answer.get("statements", {}).items():
                question = questions[normalize(q)]
                total, count = sums.get(question["axis"], (0.0, 0))
                sums[question["axis"]] = (total + (6 - v if question.get("reverse") else v), count + 1)
            for axis, (total, count) in sums.items():
                style[axis] = total / count
            if "work_style" not in weights:
                style = {}
            if "competency" not in weights:
                levels, goals = {}, set()
            wanted = {families[normalize(f)] for f in answer.get("families") or []}
            rows = []
            for role in roles:
                if wanted and role["family"] not in wanted:
                    continue
                tags = role["tags"]
                n = len(tags)
                comp = sum(levels.get(t, 0) / 5 for t in tags) / n if "competency" in weights else None
                growth = sum(1 for t in tags if t in goals) / n if "growth" in weights else None
                answered = [a for a in axes if a in style]
                ws = None
                if "work_style" in weights and answered:
                    ws = 1 - sum(abs(style[a] - role["profile"]["axes"][a]) for a in answered) / len(answered) / 4
                parts = [(weights.get("competency"), comp), (weights.get("growth"), growth),
                         (weights.get("work_style"), ws)]
                total = sum(w for w, c in parts if w is not None and c is not None)
                score = sum(w * c for w, c in parts if w is not None and c is not None) / total
                rows.append((score, comp, ws, role))
            key = lambda x: -2**63 if x is None else tenk(x)
            rows.sort(key=lambda r: (-key(r[0]), -key(r[1]), -key(r[2]), r[3]["id"]))
            ident = neutralize(answer.get("id", "%s:%d" % (stem, number)))
            for rank, (score, comp, ws, role) in enumerate(rows, 1):
                matched = ["%s (%d)" % (t, levels[t]) for t in role["tags"] if t in levels] if comp is not None else []
                gaps = [t for t in role["tags"] if t not in levels] if comp is not None else []
                growth = sum(1 for t in role["tags"] if t in goals) / len(role["tags"]) if "growth" in weights else None
                out.writerow([ident, "%s line %d" % (source, number), path["id"], rank, neutralize(role["id"]), neutralize(role["name"]),
                              neutralize(role["family"]), fmt(score), fmt(comp), fmt(growth), fmt(ws),
                              neutralize(";".join(matched)), neutralize(";".join(gaps)),
                              words, words])


if __name__ == "__main__":
    main()
