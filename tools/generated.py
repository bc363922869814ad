"""How a tools/ script that writes generated text says what it did: rewrite, or (``--check``,
as the tests run it) only name what is stale and the make target that rewrites it."""
import argparse
import sys


def report(names, check, what, target):
    """Print the outcome for the stale files ``names``; return the exit status (1: stale)."""
    if check and names:
        print(f"stale {what} in: {', '.join(names)}\nrun: make {target}", file=sys.stderr)
        return 1
    print(f"updated: {', '.join(names)}" if names else f"{what} up to date")
    return 0


def main(argv, doc, stale, what, target):
    """The command line ``[--check]`` of a script whose ``stale(write)`` lists (and rewrites)
    its stale files; ``doc`` is the script's docstring."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="report stale files, write nothing")
    args = ap.parse_args(argv)
    return report(stale(write=not args.check), args.check, what, target)
