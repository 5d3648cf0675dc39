#!/usr/bin/env python3
"""Builds data/field-vocabulary.tsv, the reader's `field` layer, from O*NET.

The source is "Technology Skills.txt" of the O*NET database (text edition;
columns O*NET-SOC Code, Example, Commodity Code, Commodity Title, Hot
Technology, In Demand), which names the tools people list for each
occupation and files each under a UNSPSC commodity ("Backup or archival
software", "Network monitoring software"). O*NET is by the U.S. Department of
Labor, Employment and Training Administration (USDOL/ETA), licensed under
CC BY 4.0; see data/README.md for the attribution and the release used.

Only the commodities that data/commodity-tags.yaml maps to rolefit tags are
kept, without the tools its `except` lists leave out. For each kept tool the
file has its name as O*NET writes it and, when the name starts with a
vendor of the mapping's `vendors` list, the name without it (`Symantec
Veritas NetBackup` is also `Veritas NetBackup` and `NetBackup`); a
description ending in `software` is also given without that word (`Data
dictionary software` is also `Data dictionary`).

Reproduce (only Python 3 and PyYAML are needed):

    # the O*NET text database, e.g. db_29_2_text.zip from onetcenter.org,
    # unpacked; its "Read Me.txt" names the release
    python3 scripts/build_field_vocabulary.py --source path/to/db_29_2_text

Writes data/field-vocabulary.tsv (sorted, deterministic) and checks that
every mapped commodity, excepted tool and tag exists. --check compares
instead of writing (exit status 1 on a difference).
"""

import argparse
import csv
import hashlib
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
MAPPING = ROOT / "data" / "commodity-tags.yaml"
OUTPUT = ROOT / "data" / "field-vocabulary.tsv"
CATALOG = ROOT / "roles.yaml"

# A short form must keep a name of its own: not one of these alone.
GENERIC = {
    "software",
    "server",
    "manager",
    "management",
    "system",
    "systems",
    "suite",
    "enterprise",
    "network",
    "director",
    "monitor",
}


def source_files(source: Path) -> tuple[Path, Path | None]:
    """The Technology Skills file and the database's Read Me, if beside it."""
    if source.is_dir():
        source = source / "Technology Skills.txt"
    readme = source.parent / "Read Me.txt"
    return source, readme if readme.exists() else None


def release_of(readme: Path | None, given: str | None) -> str:
    """`O*NET 29.2 Database, February 2025 Release`, from the Read Me."""
    if given:
        return given
    if readme is None:
        sys.exit("no 'Read Me.txt' beside the source: pass --release")
    lines = [line.strip() for line in readme.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line and not set(line) <= {"-"}]
    return f"{lines[0]}, {lines[1]}"


def name_like(word: str) -> bool:
    """A product name rather than an everyday word: a capital after the
    first letter (NetBackup, eDirectory, RMAN) or a digit."""
    return any(c.isupper() for c in word[1:]) or any(c.isdigit() for c in word)


def without_software(name: str) -> list[str]:
    """A description of a kind of tool without its last word `software`
    (`Data dictionary software` is also `Data dictionary`), when two words
    or more remain."""
    words = name.split(" ")
    if len(words) >= 3 and words[-1] == "software":
        return [" ".join(words[:-1])]
    return []


def short_forms(name: str, vendors: list[str]) -> list[str]:
    """The name without its leading vendors, one vendor at a time."""
    forms = []
    rest = name
    while True:
        vendor = next(
            (v for v in sorted(vendors, key=len, reverse=True) if rest.startswith(v + " ")),
            None,
        )
        if vendor is None:
            return forms
        rest = rest[len(vendor) + 1 :].strip()
        words = re.findall(r"[A-Za-z0-9]+", rest)
        if not words or all(w.lower() in GENERIC for w in words):
            return forms
        if len(words) == 1 and len(words[0]) < 4:
            return forms
        # Only a name that looks like one (NetBackup, eDirectory, DOORS,
        # RMAN): everyday words left alone (Retrospect, Data Architect,
        # System Center) would be read in another sense.
        if any(name_like(w) for w in words):
            forms.append(rest)


def build(source: Path, release: str | None) -> str:
    skills, readme = source_files(source)
    release = release_of(readme, release)
    raw = skills.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    mapping = yaml.safe_load(MAPPING.read_text(encoding="utf-8"))
    catalog = yaml.safe_load(CATALOG.read_text(encoding="utf-8"))
    tag_names = {tag["name"] for tag in catalog["tags"]}
    vendors = mapping["vendors"]

    by_commodity: dict[str, set[str]] = {}
    rows = csv.DictReader(raw.decode("utf-8").splitlines(), delimiter="\t")
    for row in rows:
        by_commodity.setdefault(row["Commodity Title"], set()).add(row["Example"].strip())

    out: set[tuple[str, str, str]] = set()
    for entry in mapping["commodities"]:
        commodity = entry["commodity"]
        if commodity not in by_commodity:
            sys.exit(f"{commodity!r} is no commodity of the source")
        for tag in entry["tags"]:
            if tag not in tag_names:
                sys.exit(f"{tag!r} ({commodity}) is no tag of roles.yaml")
        excepted = set(entry.get("except") or [])
        unknown = excepted - by_commodity[commodity]
        if unknown:
            sys.exit(f"{commodity}: excepted tools not in the source: {sorted(unknown)}")
        tags = "; ".join(entry["tags"])
        for tool in sorted(by_commodity[commodity] - excepted):
            for name in [tool, *short_forms(tool, vendors), *without_software(tool)]:
                out.add((name, commodity, tags))

    lines = [
        "# rolefit field vocabulary: tool names and the tags their work names.",
        "# Derived from O*NET's Technology Skills file by",
        "# scripts/build_field_vocabulary.py with data/commodity-tags.yaml;",
        "# do not edit by hand (see data/README.md).",
        f"# Source: {release}, \"Technology Skills.txt\"",
        f"# (SHA-256 {digest}).",
        "# This file includes information from the O*NET database by the U.S.",
        "# Department of Labor, Employment and Training Administration",
        "# (USDOL/ETA), used under the CC BY 4.0 license. O*NET(R) is a",
        "# trademark of USDOL/ETA. rolefit has modified the information: only",
        "# the tool names of some commodities are kept, with the vendor left",
        "# off some, and each commodity is mapped to rolefit's tags. USDOL/ETA",
        "# has not approved, endorsed, or tested these modifications.",
        "# Columns: tool name, O*NET commodity title, rolefit tags ('; ').",
    ]
    lines += ["\t".join(row) for row in sorted(out, key=lambda r: (r[0].lower(), r))]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", type=Path, required=True,
                        help='the O*NET text database directory, or its "Technology Skills.txt"')
    parser.add_argument("--release", help="the release, when no 'Read Me.txt' is beside the source")
    parser.add_argument("--check", action="store_true",
                        help="compare with the checked-in file instead of writing it")
    args = parser.parse_args()
    text = build(args.source, args.release)
    if args.check:
        same = OUTPUT.exists() and OUTPUT.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{OUTPUT} differs from what the source and mapping give")
        sys.exit(0 if same else 1)
    OUTPUT.write_text(text, encoding="utf-8")
    rows = text.count("\n") - sum(1 for line in text.splitlines() if line.startswith("#"))
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {rows} names, {len(text.encode())} bytes")


if __name__ == "__main__":
    main()
