"""Package data: the GunPoint ``.ts`` files and their README (provenance, sha256 sums).

Read them with ``helpers.data.load_gunpoint``; they are found with importlib.resources, so
they work from a clone and from a non-editable ``pip install`` alike.
"""
