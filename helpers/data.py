"""The UCR GunPoint data set (train 50, test 150 series of length 150, two classes).

Read from the ``.ts`` files in the repository's ``data/`` folder with numpy alone (no pickle, no
network), after checking their sha256 sums; see ``data/README.md`` for provenance. The wheel
carries them as package data, ``helpers/datasets/`` (pyproject.toml maps it to ``data/``).
"""
import hashlib
from importlib.resources import files
from pathlib import Path

import numpy as np

__all__ = ["DATA_DIR", "CLASS_NAMES", "SHA256", "load_gunpoint", "read_ts"]


_PACKAGED = files("helpers") / "datasets"                     # in a wheel install
# else data/ beside helpers/ (a clone, editable or on sys.path); never the working directory
DATA_DIR = (_PACKAGED if (_PACKAGED / "README.md").is_file()
            else Path(__file__).resolve().parent.parent / "data")
CLASS_NAMES = ("Gun-Draw", "Point")                           # archive labels 1 and 2
SHA256 = {
    "GunPoint_TRAIN.ts": "f842401779fd9800d247d8b33121a1a4643710a19b24917dbdd9a060ca8630d5",
    "GunPoint_TEST.ts": "79332750788a6227b325b96bd0d70130c8eb707b9731f8d7dec62b7a7d36017e",
}


def read_ts(path):
    """Parse a univariate, equal-length ``.ts`` file (sktime/aeon format) with numpy.

    Returns X (N, L), one series per row, and the labels (N,) of str, each the text after the
    last ``:`` of its line. A ValueError says which line is wrong: no ``@data`` line, no
    label, a value that is not a number, or series of different lengths.
    """
    path = Path(path)
    return _parse_ts(path.read_text(encoding="utf-8"), path.name)


def _parse_ts(text, name):
    """``read_ts`` of the ``text`` of the file ``name`` (the prefix of the messages)."""
    lines = text.splitlines()
    try:
        start = next(i for i, line in enumerate(lines) if line.strip().lower() == "@data") + 1
    except StopIteration:
        raise ValueError(f"{name}: no '@data' line, so this is not a .ts file") from None
    rows, labels = [], []
    for number, line in enumerate(lines[start:], start=start + 1):
        if not line.strip():
            continue
        values, sep, label = line.rpartition(":")
        if not sep:
            raise ValueError(f"{name}, line {number}: expected 'v1,v2,...,vL:label'; "
                             f"no ':label' found")
        try:
            rows.append(np.array(values.split(","), dtype=float))
        except ValueError as err:
            raise ValueError(f"{name}, line {number}: a value is not a number ({err})") from None
        labels.append(label.strip())
    lengths = sorted({len(r) for r in rows})
    if len(lengths) != 1:
        raise ValueError(f"{name}: series of different lengths {lengths}; expected one length")
    return np.stack(rows), np.array(labels)


_RESTORE = ("restore it with `git checkout -- data/{name}` in a clone, or reinstall the "
            "package (see data/README.md)")


def _verified_text(name, data_dir=None):
    """The text of ``name`` from ``data_dir`` (default: ``DATA_DIR``), sha256-checked."""
    folder = DATA_DIR if data_dir is None else Path(data_dir)
    path = folder / name
    if not path.is_file():
        raise FileNotFoundError(f"load_gunpoint: {name} is missing from {folder}. It ships "
                                "with the package; " + _RESTORE.format(name=name))
    raw = path.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != SHA256[name]:
        raise ValueError(
            f"load_gunpoint: {name} has been altered: its sha256 is {digest}, expected "
            f"{SHA256[name]}. To get the original, " + _RESTORE.format(name=name))
    return raw.decode("utf-8")


def load_gunpoint(split="train", data_dir=None):
    """Load the GunPoint train or test split, checksum-verified.

    Parameters
    ----------
    split : {"train", "test"}
        50 training or 150 test series.
    data_dir : str or Path, optional
        A folder holding the two ``.ts`` files (checked against the same sums); default
        ``DATA_DIR``.

    Returns
    -------
    X : numpy.ndarray, shape (N, L) = (50, 150) or (150, 150)
        One z-normalised series per row; ``X[..., None]`` is the (N, L, C_in=1) layout.
    y : numpy.ndarray of int, shape (N,)
        0 for Gun-Draw (archive label 1), 1 for Point (archive label 2); see ``CLASS_NAMES``.

    Raises
    ------
    FileNotFoundError
        If a file is missing.
    ValueError
        If ``split`` is unknown or a file has been altered (its sha256 differs).

    Introduced in notebook 08.
    """
    if split not in ("train", "test"):
        raise ValueError(f"load_gunpoint: split must be 'train' or 'test'; got {split!r}")
    name = f"GunPoint_{split.upper()}.ts"
    X, labels = _parse_ts(_verified_text(name, data_dir), name)
    return X, labels.astype(int) - 1                             # archive labels 1, 2 -> 0, 1
