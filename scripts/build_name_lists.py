"""Normalise the hand-written name lists in gazetteers/data/names/.

Why: the lists are edited by hand (sometimes pasting Kazakh spellings such as ``Дариға``
or names in CAPS).  The loader looks names up in Russian-style folded spelling, so this
script folds every entry with :func:`extractors.translit.fold_to_russian`, title-cases
given names (lower-cases the stop-word list), removes duplicates and sorts, keeping the
leading comment block and section comments.

Usage: ``.venv/bin/python scripts/build_name_lists.py [DATA_DIR]`` (default: the package's
``gazetteers/data/names``).  ``--check`` exits 1 when a file would change (for CI).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from extractors.translit import fold_to_russian

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "gazetteers" / "data" / "names"
LOWER_FILES = {"not_names.txt"}


def _norm_entry(line: str, lower: bool) -> str:
    word = fold_to_russian(line.strip())
    if lower:
        return word.lower()
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


def normalise(text: str, lower: bool) -> str:
    """Return the normalised content of one list file."""
    out: list[str] = []
    section: list[str] = []
    seen: set[str] = set()

    def flush() -> None:
        out.extend(sorted(section))
        section.clear()

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            flush()
            out.append(line)
            continue
        entry = _norm_entry(line, lower)
        if entry and entry not in seen:
            seen.add(entry)
            section.append(entry)
    flush()
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data_dir", nargs="?", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--check", action="store_true", help="only report files that would change")
    args = ap.parse_args(argv)
    changed = 0
    for path in sorted(args.data_dir.glob("*.txt")):
        old = path.read_text(encoding="utf-8")
        new = normalise(old, lower=path.name in LOWER_FILES)
        if new != old:
            changed += 1
            print(f"{'would change' if args.check else 'normalised'}: {path}")
            if not args.check:
                path.write_text(new, encoding="utf-8")
    return 1 if (args.check and changed) else 0


if __name__ == "__main__":
    sys.exit(main())
