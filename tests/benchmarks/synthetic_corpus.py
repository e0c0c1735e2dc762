"""Write a synthetic corpus FACTOR times the size of a source corpus, in the same format, for benchmarks.

Run:  python tests/benchmarks/synthetic_corpus.py --source ../shared/corpus --factor 10 --out /tmp/corpus-10x

The source corpus is read at run time (this script holds none of its text). Each source document becomes
FACTOR copies, each with a document id of its own (``NNN_<16 hex>.txt``) and a manifest row copied from
the source's. Each copy is varied a little, so no two files are byte-identical: the names of ECE States
(from the reference data) are swapped by a per-copy permutation, numbers written with thousands separators
or decimals are scaled by a per-copy factor, and a few common words are replaced by a synonym here and
there (words no extraction rule, objective title or reference name uses); a variant equal to an earlier
copy is drawn again. Same source, factor and seed: same bytes.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import random
import re
from collections.abc import Callable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
STATES_CSV = REPO_ROOT / "loaders" / "reference" / "data" / "states.csv"
MANIFEST = "manifest.csv"
DOCUMENT_SUFFIXES = (".txt", ".md")
# Common words of the corpus that no extraction rule, objective title or reference-data name relies on.
SYNONYMS = {
    "important": "essential",
    "significant": "considerable",
    "challenges": "difficulties",
    "improve": "better",
    "examples": "instances",
    "practices": "approaches",
    "critical": "crucial",
    "relevant": "pertinent",
    "various": "diverse",
    "several": "many",
    "consider": "examine",
    "effective": "efficient",
    "through": "via",
    "should": "must",
    "during": "throughout",
}
_SYNONYM = re.compile(r"\b(?:" + "|".join(SYNONYMS) + r")\b")
MAX_DRAWS = 50
_NUMBER = re.compile(r"(?<![\w.,/])(\d{1,3}(?:,\d{3})+|\d+\.\d+)(?![\w/]|[.,]\d)")


def ece_state_names(states_csv: Path = STATES_CSV) -> list[tuple[str, list[str]]]:
    """Each ECE State as (name to write, names to find): its UN name and its longer aliases."""
    states = []
    with states_csv.open(encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file):
            if row["ece"] != "yes":
                continue
            aliases = [a for a in row["aliases"].split(";") if a and len(a) >= 4 and not a.isupper()]
            written = row["un_name"] if "(" not in row["un_name"] else aliases[0]
            states.append((written, [row["un_name"], *aliases]))
    return states


def state_swapper(rng: random.Random, states: list[tuple[str, list[str]]]) -> Callable[[str], str]:
    """Replace every State name by the name of the State a random permutation sends it to."""
    targets = [written for written, _ in states]
    rng.shuffle(targets)
    replacement = {found: target for (_, names), target in zip(states, targets, strict=True) for found in names}
    alternatives = sorted(replacement, key=len, reverse=True)  # longest first: "Kingdom of the Netherlands"
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, alternatives)) + r")(?!\w)")
    return lambda text: pattern.sub(lambda m: replacement[m.group(0)], text)


def number_scaler(rng: random.Random) -> Callable[[str], str]:
    """Scale numbers such as 29,126 or 69.2 by one random factor between 0.8 and 1.2, keeping their format."""
    scale = rng.uniform(0.8, 1.2)

    def one(match: re.Match[str]) -> str:
        number = match.group(0)
        if "," in number:
            return f"{max(1000, round(int(number.replace(',', '')) * scale)):,}"
        decimals = len(number.split(".")[1])
        return f"{float(number) * scale:.{decimals}f}"

    return lambda text: _NUMBER.sub(one, text)


def word_varier(rng: random.Random) -> Callable[[str], str]:
    """Replace each occurrence of a SYNONYMS word by its synonym, one time in two."""
    return lambda text: _SYNONYM.sub(lambda m: SYNONYMS[m.group(0)] if rng.random() < 0.5 else m.group(0), text)


def vary(text: str, rng: random.Random, states: list[tuple[str, list[str]]]) -> str:
    """One variant of a document: States swapped, numbers scaled, some words replaced."""
    return word_varier(rng)(number_scaler(rng)(state_swapper(rng, states)(text)))


def distinct_variant(text: str, rng: random.Random, states: list[tuple[str, list[str]]], seen: set[str]) -> str:
    """A variant whose SHA-256 is not in ``seen`` (which it joins); fails if the text barely varies."""
    for _ in range(MAX_DRAWS):
        variant = vary(text, rng, states)
        digest = hashlib.sha256(variant.encode("utf-8")).hexdigest()
        if digest not in seen:
            seen.add(digest)
            return variant
    raise SystemExit(f"error: no distinct variant in {MAX_DRAWS} draws; the document has too little to vary")


def documents(source: Path) -> list[Path]:
    """The documents of a corpus folder, in name order (a README is not a document)."""
    return sorted(p for p in source.iterdir() if p.suffix in DOCUMENT_SUFFIXES and p.name != "README.md")


def write_corpus(source: Path, factor: int, out: Path, seed: int = 0) -> list[Path]:
    """Write FACTOR varied copies of every document of ``source`` and their manifest into ``out``."""
    states = ece_state_names()
    with (source / MANIFEST).open(encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        columns, rows = list(reader.fieldnames or []), {row["file"]: row for row in reader}
    sources = documents(source)
    width = max(3, len(str(factor * len(sources) - 1)))
    out.mkdir(parents=True, exist_ok=True)
    texts = {path: path.read_text(encoding="utf-8") for path in sources}
    seen = {hashlib.sha256(text.encode("utf-8")).hexdigest() for text in texts.values()}
    written, manifest = [], []
    for copy in range(factor):
        for index, path in enumerate(sources):
            key = f"{seed}:{path.name}:{copy}"
            text = distinct_variant(texts[path], random.Random(key), states, seen)
            name = f"{copy * len(sources) + index:0{width}d}_{hashlib.sha256(key.encode()).hexdigest()[:16]}"
            target = out / f"{name}{path.suffix}"
            target.write_text(text, encoding="utf-8")
            written.append(target)
            if path.name in rows:
                manifest.append({**rows[path.name], "file": target.name})
    with (out / MANIFEST).open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(sorted(manifest, key=lambda row: row["file"]))
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", type=Path, required=True, help="corpus folder to copy (manifest.csv + documents)")
    parser.add_argument("--factor", type=int, required=True, help="how many varied copies of each document")
    parser.add_argument("--out", type=Path, required=True, help="folder to write (must be empty or absent)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the variations (default 0)")
    args = parser.parse_args()
    if args.factor < 1:
        parser.error("--factor must be at least 1")
    if args.out.exists() and any(args.out.iterdir()):
        parser.error(f"{args.out} is not empty")
    paths = write_corpus(args.source, args.factor, args.out, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} documents, {size / 2**20:.1f} MB → {args.out}")


if __name__ == "__main__":
    main()
