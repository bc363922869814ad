"""One source: no function or class is defined both in a notebook and in helpers/.

A notebook that teaches a helper's code prints the helper's own source (inspect.getsource);
it never retypes it under the same name, nor under another one. Every code cell counts,
the solution cells of the exercises too: a student's function must not shadow a helper.
"""
import ast
import copy
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
DEFS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def top_level_defs(tree):
    """Functions and classes a module (or cell) defines at its top level, also inside if/try."""
    found, todo = [], list(tree.body)
    while todo:
        node = todo.pop()
        if isinstance(node, DEFS):
            found.append(node)
        elif not isinstance(node, ast.expr):
            todo.extend(c for c in ast.iter_child_nodes(node) if isinstance(c, ast.stmt))
    return found


def body_key(func):
    """A function's arguments and body without its name and docstring, as a string; None for
    a body too small to mean anything (``pass``, one constant)."""
    node = copy.deepcopy(func)
    body = node.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]                                       # drop the docstring
    if sum(1 for stmt in body for _ in ast.walk(stmt)) < 4:
        return None
    return ast.dump(ast.Module(body=[node.args, *body], type_ignores=[]))


def cell_trees(notebook):
    """(cell index, syntax tree) of every code cell; IPython magics and shell lines dropped."""
    for i, cell in enumerate(notebook["cells"]):
        if cell["cell_type"] == "code":
            source = "".join(cell["source"])
            lines = source.splitlines()
            yield i, ast.parse("\n".join(x for x in lines if not x.lstrip().startswith(("%", "!"))))


def helpers_definitions(root=ROOT / "helpers"):
    """``(names, bodies)``: top-level names defined in helpers/, and the body key of every
    function there (methods too) -> where it is."""
    names, bodies = {}, {}
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = path.relative_to(root.parent).as_posix()
        for node in top_level_defs(tree):
            names[node.name] = where
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and body_key(node):
                bodies[body_key(node)] = f"{where}:{node.name}"
    return names, bodies


def collisions(notebook, names, bodies):
    """Messages for every notebook definition that also exists in helpers/."""
    found = []
    for i, tree in cell_trees(notebook):
        for node in top_level_defs(tree):
            if node.name in names:
                found.append(f"cell {i} defines {node.name}, also defined in {names[node.name]}")
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                key = body_key(node)
                if key in bodies:
                    found.append(f"cell {i} defines {node.name} with the body of {bodies[key]}")
    return found


@pytest.fixture(scope="module")
def helpers_defs():
    return helpers_definitions()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_defines_nothing_helpers_defines(path, helpers_defs):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    assert collisions(notebook, *helpers_defs) == [], (
        "show the helper's own source (print(inspect.getsource(f))) instead of retyping it")


def test_the_check_catches_a_copy_by_name_and_by_body(helpers_defs):
    names, bodies = helpers_defs
    assert {"conv1d", "correlate1d", "CNN1d"} <= set(names)    # it reads the package
    relu_source = '''
def my_relu(z):
    """A copy under another name."""
    return np.maximum(np.asarray(z, dtype=float), 0.0)
'''
    cells = ["def conv1d(X, W):\n    return X\n",                    # a helper's name
             "%matplotlib inline\nif True:\n    class CNN1d:\n        pass\n",
             relu_source,                                          # helpers.activations.relu
             "def fresh(z):\n    return np.tanh(z) * 2 + 1\n"]        # new: allowed
    notebook = {"cells": [{"cell_type": "code", "source": s} for s in cells]
                + [{"cell_type": "markdown", "source": "def conv1d(): pass"}]}
    found = collisions(notebook, names, bodies)
    assert len(found) == 3, found
    assert "cell 0 defines conv1d" in found[0] and "cell 1 defines CNN1d" in found[1]
    assert "my_relu with the body of helpers/activations.py:relu" in found[2]
