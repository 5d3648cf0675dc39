#!/usr/bin/env python3
"""A straightforward Python implementation of rolefit's scoring rule
(DESIGN section 4), used as the baseline in scripts/bench.sh.

Usage: reference_score.py ROLES.yaml ANSWERS.jsonl > out.csv
Reads JSON Lines answer sets and writes the same long CSV as
`rolefit score --format csv` (without error handling or warnings).
"""
import csv
import json
import math
import re
import sys

import yaml


def normalize(name):
    return " ".join(re.split(r"[\s\-_]+", name.lower())).strip()


def main():
    catalog = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
    lookup = {}
    for tag in catalog["tags"]:
        lookup[normalize(tag["name"])] = tag["name"]
        for alias in tag.get("aliases", []):
            lookup[normalize(alias)] = tag["name"]
    paths = {p["id"]: p["weights"] for p in catalog["paths"]}
    axes = [a["id"] for a in catalog["axes"]]
    roles = catalog["roles"]
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["id", "source", "path", "rank", "role_id", "role", "family", "score",
                  "competency", "growth", "work_style", "matched", "gaps"])
    # Half up at 4 decimals, nudged past float noise, as rolefit does.
    tenk = lambda x: math.floor(x * 10000 + 1e-6 + 0.5)
    fmt = lambda x: "" if x is None else "%.4f" % (tenk(x) / 10000)
    with open(sys.argv[2], encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            answer = json.loads(line)
            path = answer.get("path", "full")
            weights = paths[path]
            levels = {}
            for s in answer.get("strengths", []):
                tag, level = (s, 3) if isinstance(s, str) else (s["tag"], s.get("level", 3))
                name = lookup[normalize(tag)]
                levels[name] = max(levels.get(name, 0), level)
            goals = {lookup[normalize(g)] for g in answer.get("goals", [])}
            style = answer.get("work_style", {})
            if "work_style" not in weights:
                style = {}
            if "competency" not in weights:
                levels, goals = {}, set()
            families = answer.get("families")
            rows = []
            for role in roles:
                if families and role["family"] not in families:
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
            ident = answer.get("id", "%s:%d" % (sys.argv[2].rsplit("/", 1)[-1].split(".")[0], number))
            for rank, (score, comp, ws, role) in enumerate(rows, 1):
                matched = ["%s (%d)" % (t, levels[t]) for t in role["tags"] if t in levels] if comp is not None else []
                gaps = [t for t in role["tags"] if t not in levels] if comp is not None else []
                growth = sum(1 for t in role["tags"] if t in goals) / len(role["tags"]) if "growth" in weights else None
                out.writerow([ident, sys.argv[2], path, rank, role["id"], role["name"], role["family"],
                              fmt(score), fmt(comp), fmt(growth), fmt(ws), ";".join(matched), ";".join(gaps)])


if __name__ == "__main__":
    main()
