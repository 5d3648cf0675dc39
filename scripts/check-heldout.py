#!/usr/bin/env python3
"""Check the held-out evaluation lists without reading any phrase.

Parses tests/vocabulary-heldout-4.yaml and tests/personas-heldout-2.yaml,
checks that every accepted tag is a canonical tag name in roles.yaml, that
every accepted role id exists, that no phrase repeats (case-insensitively)
one of the earlier vocabulary lists or itself, and prints counts per family.
It never runs rolefit: the lists are answers decided from the catalog alone.

Usage: python3 scripts/check-heldout.py   (from the repository root)
       python3 scripts/check-heldout.py --vocab tests/vocabulary-heldout-5.yaml \
           --personas tests/personas-heldout-3.yaml
With --vocab or --personas, the named list is checked instead, against
every other tests/vocabulary*.yaml or tests/personas*.yaml as earlier lists.
"""
import argparse
import collections
import glob
import sys

import yaml

VOCAB = "tests/vocabulary-heldout-4.yaml"
PERSONAS = "tests/personas-heldout-2.yaml"
EARLIER = [
    "tests/vocabulary.yaml",
    "tests/vocabulary-holdout.yaml",
    "tests/vocabulary-heldout-3.yaml",
]
EARLIER_PERSONAS = ["tests/personas-heldout.yaml"]


def main():
    global VOCAB, PERSONAS, EARLIER, EARLIER_PERSONAS
    ap = argparse.ArgumentParser(description="Check held-out evaluation lists.")
    ap.add_argument("--vocab", help="vocabulary list to check (default %(default)s)", default=VOCAB)
    ap.add_argument("--personas", help="persona list to check (default %(default)s)", default=PERSONAS)
    args = ap.parse_args()
    if args.vocab != VOCAB:
        VOCAB = args.vocab
        EARLIER = [p for p in sorted(glob.glob("tests/vocabulary*.yaml")) if p != VOCAB]
    if args.personas != PERSONAS:
        PERSONAS = args.personas
        EARLIER_PERSONAS = [p for p in sorted(glob.glob("tests/personas*.yaml")) if p != PERSONAS]
    cat = yaml.safe_load(open("roles.yaml"))
    tags = {t["name"] for t in cat["tags"]}
    family_of_tag = {}
    for r in cat["roles"]:
        for t in r["tags"]:
            family_of_tag.setdefault(t, r["family"])
    roles = {r["id"]: r["family"] for r in cat["roles"]}
    errors = []

    seen = {}
    for path in EARLIER:
        for e in yaml.safe_load(open(path)) or []:
            seen[str(e["phrase"]).casefold()] = path

    vocab = yaml.safe_load(open(VOCAB))
    mine = set()
    per_family = collections.Counter()
    per_tag = collections.Counter()
    none = 0
    for e in vocab:
        p = str(e["phrase"])
        key = p.casefold()
        if key in seen:
            errors.append(f"{VOCAB}: {p!r} is already in {seen[key]}")
        if key in mine:
            errors.append(f"{VOCAB}: {p!r} appears twice")
        mine.add(key)
        if set(e) - {"phrase", "accept", "none"}:
            errors.append(f"{VOCAB}: {p!r} has unknown keys {set(e)}")
        if e.get("none"):
            if "accept" in e:
                errors.append(f"{VOCAB}: {p!r} has both none and accept")
            none += 1
            continue
        acc = e.get("accept") or []
        if not acc:
            errors.append(f"{VOCAB}: {p!r} has neither accept nor none")
        for t in acc:
            if t not in tags:
                errors.append(f"{VOCAB}: {p!r} accepts unknown tag {t!r}")
            per_tag[t] += 1
        fams = {family_of_tag.get(t) for t in acc}
        per_family[fams.pop() if len(fams) == 1 else "mixed"] += 1

    earlier_ids = set()
    for path in EARLIER_PERSONAS:
        earlier_ids |= {p["id"] for p in yaml.safe_load(open(path))}
    personas = yaml.safe_load(open(PERSONAS))
    first_role = collections.Counter()
    ids = set()
    for p in personas:
        pid = p["id"]
        if pid in earlier_ids or pid in ids:
            errors.append(f"{PERSONAS}: id {pid!r} repeats an earlier persona")
        ids.add(pid)
        for r in p["accept"]:
            if r not in roles:
                errors.append(f"{PERSONAS}: {pid} accepts unknown role {r!r}")
        first_role[p["accept"][0]] += 1
        a = p["answers"]
        if not a.get("strengths") or "work_style" not in a:
            errors.append(f"{PERSONAS}: {pid} lacks strengths or work_style")
        for axis in a.get("work_style", {}):
            if axis not in {x["id"] for x in cat["axes"]}:
                errors.append(f"{PERSONAS}: {pid} unknown axis {axis!r}")

    print(f"{VOCAB}: {len(vocab)} phrases, {len(vocab) - none} with a fitting tag, {none} no-fit")
    for fam, n in sorted(per_family.items()):
        print(f"  {fam}: {n}")
    untouched = sorted(tags - set(per_tag))
    print(f"  tags never accepted: {untouched or 'none'}")
    print(f"{PERSONAS}: {len(personas)} personas")
    fams = collections.Counter(roles[r] for r in first_role.elements())
    print(f"  first choices by family: {dict(fams)}")
    print(f"  roles never a first choice: {sorted(set(roles) - set(first_role)) or 'none'}")
    for e in errors:
        print("ERROR", e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
