#!/usr/bin/env python3
"""Generate a large Python file for the benchmarks from python-template.py.

The file starts with a short header that imports ssl and holds one insecure selection. Then it
repeats the 25-line template, a class with secure ssl use and a helper function, with a block
number until it has at least the requested number of lines. The JMH benchmarks build the same
text in GeneratedPython.java.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

TEMPLATE_PATH = Path(__file__).resolve().parent / "python-template.py"

HEADER = (
    '"""Generated benchmark input: repeated session classes after one insecure selection."""\n'
    "import socket\n"
    "import ssl\n"
    "\n"
    "LEGACY = ssl.SSLContext(ssl.PROTOCOL_TLSv1)\n"
    "\n"
)


def generate(lines: int) -> str:
    """Return a Python source text with at least ``lines`` lines."""
    template = TEMPLATE_PATH.read_text(encoding="utf-8")
    parts = [HEADER]
    count = HEADER.count("\n")
    block = 0
    while count < lines:
        text = template.format(n=block)
        parts.append(text)
        count += text.count("\n")
        block += 1
    return "".join(parts)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, required=True, help="minimum number of lines")
    parser.add_argument("output", type=Path, help="file to write")
    options = parser.parse_args(argv)
    if options.lines < 1:
        parser.error("--lines must be at least 1")
    options.output.write_text(generate(options.lines), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
