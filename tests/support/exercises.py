"""Reading nbgrader's exercise cells and running code in a kernel (tests/test_wrong_answers.py,
tests/test_release.py)."""


def nbgrader_meta(cell):
    return cell.metadata.get("nbgrader", {})


def is_exercise(cell):
    meta = nbgrader_meta(cell)
    return bool(meta.get("solution") or meta.get("grade"))


def run(kc, source):
    """Execute ``source``; return None, or ``(ename, evalue)`` if it raised."""
    content = kc.execute_interactive(source, timeout=600, output_hook=lambda msg: None)["content"]
    return None if content["status"] == "ok" else (content["ename"], content["evalue"])


def region_lines(source, begin, end):
    """Substantive lines between the markers (the text a release must not contain)."""
    out, inside = [], False
    for line in source.splitlines():
        if begin in line:
            inside = True
        elif end in line:
            inside = False
        elif inside and len(line.strip()) > 12 and not line.strip().startswith("#"):
            out.append(line.strip())
    return out


def outside_regions(source, *markers):
    """The stripped lines outside every (begin, end) marker pair: what the student sees anyway."""
    out, inside = [], None
    for line in source.splitlines():
        if inside is None:
            inside = next((end for begin, end in markers if begin in line), None)
            if inside is None:
                out.append(line.strip())
        elif inside in line:
            inside = None
    return out
