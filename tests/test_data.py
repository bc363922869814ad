"""GunPoint loader: shapes, checksums, and clear failures for missing or altered files."""
from pathlib import Path

import numpy as np
import pytest

import helpers
from helpers.data import DATA_DIR, SHA256, load_gunpoint, read_ts


def test_shapes_and_classes():
    X_tr, y_tr = load_gunpoint("train")
    X_te, y_te = load_gunpoint("test")
    assert X_tr.shape == (50, 150) and X_te.shape == (150, 150)
    assert np.bincount(y_tr).tolist() == [24, 26] and np.bincount(y_te).tolist() == [76, 74]
    np.testing.assert_allclose(X_tr.mean(axis=1), 0, atol=1e-6)    # z-normalised series


def test_one_nearest_neighbour_matches_the_published_error():
    X_tr, y_tr = load_gunpoint("train")
    X_te, y_te = load_gunpoint("test")
    d = ((X_te[:, None, :] - X_tr[None, :, :]) ** 2).sum(axis=-1)   # (150, 50) squared distances
    error = np.mean(y_tr[d.argmin(axis=1)] != y_te)
    assert round(error, 4) == 0.0867                                 # UCR archive: 0.0867


def test_loading_does_not_depend_on_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert load_gunpoint("test")[0].shape == (150, 150)


def test_a_clone_reads_data_beside_helpers_with_its_readme():
    # (a wheel install reads its package data: tests/test_packaging.py)
    assert Path(str(DATA_DIR)) == Path(helpers.__file__).parent.parent / "data"
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    for name, digest in SHA256.items():                      # the README states the same sums
        assert (DATA_DIR / name).is_file() and f"`{name}`" in readme and digest in readme


@pytest.fixture
def copy_of_data(tmp_path):
    for name in ("GunPoint_TRAIN.ts", "GunPoint_TEST.ts"):
        (tmp_path / name).write_bytes((DATA_DIR / name).read_bytes())
    return tmp_path


def test_data_dir_reads_the_files_from_another_folder(copy_of_data):
    X, y = load_gunpoint("test", data_dir=copy_of_data)
    X_pkg, y_pkg = load_gunpoint("test")
    np.testing.assert_array_equal(X, X_pkg)
    np.testing.assert_array_equal(y, y_pkg)
    assert load_gunpoint("train", data_dir=str(copy_of_data))[0].shape == (50, 150)


def test_missing_file_says_how_to_restore_it(copy_of_data):
    (copy_of_data / "GunPoint_TEST.ts").unlink()
    with pytest.raises(FileNotFoundError, match=r"GunPoint_TEST.ts is missing from .*"
                       r"git checkout -- data/GunPoint_TEST.ts.*reinstall"):
        load_gunpoint("test", data_dir=copy_of_data)


def test_altered_file_is_refused(copy_of_data):
    path = copy_of_data / "GunPoint_TRAIN.ts"
    text = path.read_text()
    path.write_text(text.replace("-0.6478854", "-0.6478855", 1))     # one digit changed
    with pytest.raises(ValueError, match=r"GunPoint_TRAIN.ts has been altered: its sha256 is"):
        load_gunpoint("train", data_dir=copy_of_data)


def test_unknown_split():
    with pytest.raises(ValueError, match=r"split must be 'train' or 'test'; got 'valid'"):
        load_gunpoint("valid")


@pytest.mark.parametrize("body,message", [
    ("1,2,3:1\n", "no '@data' line"),
    ("@data\n1,2,3\n", "line 2: expected 'v1,v2,...,vL:label'"),
    ("@data\n1,x,3:1\n", "line 2: a value is not a number"),
    ("@data\n1,2,3:1\n1,2:2\n", "series of different lengths [2, 3]"),
])
def test_read_ts_rejects_malformed_files(tmp_path, body, message):
    path = tmp_path / "bad.ts"
    path.write_text(body)
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace(".", r"\.")):
        read_ts(path)
