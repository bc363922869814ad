"""What a cell declares and touches, read from its syntax tree: an exercise's forbidden names
(its grade cell's ``shortcuts`` tuple), the names a grade cell reads, the names a cell binds.
Used by tools/answer_rules.py (judging an answer) and tools/grading.py (reading the
instructor's notebooks).
"""
import ast
import symtable


def shortcuts_of(grade_source):
    """The names an exercise forbids, from its grade cell in the instructor's notebook.

    The declaration is the tuple literal ``shortcuts = ("name", "np.name", ...)`` that opens
    the grade cell (the contract of issue 22). A grade cell written before that contract names
    them only in ``forbid(...)`` / ``without(...)`` calls: those names are read instead
    (names, dotted names, strings, and ``*t`` for a tuple ``t = (...)`` of the cell).
    Returns a tuple of dotted names; () for an exercise that forbids nothing of its own.
    """
    try:
        tree = ast.parse(grade_source)
    except SyntaxError:
        return ()
    tuples = {t.id: node.value.elts for node in tree.body if isinstance(node, ast.Assign)
              and isinstance(node.value, (ast.Tuple, ast.List)) for t in node.targets
              if isinstance(t, ast.Name)}
    first = tree.body[0] if tree.body else None
    if isinstance(first, ast.Assign) and "shortcuts" in [getattr(t, "id", "") for t in
                                                       first.targets]:
        return tuple(_dotted(e) for e in tuples.get("shortcuts", ()) if _dotted(e))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("forbid", "without"):
            for arg in node.args:
                elts = tuples.get(arg.value.id, ()) if isinstance(arg, ast.Starred) \
                    and isinstance(arg.value, ast.Name) else [arg]
                found += [_dotted(e) for e in elts if _dotted(e)]
    return tuple(dict.fromkeys(found))


def _dotted(node):
    """``"np.correlate"`` for the expression ``np.correlate`` or the string; else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, (ast.Name, ast.Attribute)):
        return ast.unparse(node)
    return None


def free_names(source):
    """Names a cell reads but does not bind itself (what another cell could rebind under it)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    loaded, bound = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (loaded if isinstance(node.ctx, ast.Load) else bound).add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, ast.alias):
            bound.add((node.asname or node.name).split(".")[0])
    return loaded - bound


def top_level_bindings(source):
    """Names a cell binds in the notebook's namespace (assignments, defs, imports, globals)."""
    try:
        table = symtable.symtable(source, "<cell>", "exec")
    except SyntaxError:
        return set()
    names = {s.get_name() for s in table.get_symbols() if s.is_assigned() or s.is_imported()}
    stack = list(table.get_children())
    while stack:
        scope = stack.pop()
        stack.extend(scope.get_children())
        names |= {s.get_name() for s in scope.get_symbols()
                  if s.is_declared_global() and s.is_assigned()}
    return names


def uses_names(source):
    """Every identifier a cell mentions (names, attributes, imported names)."""
    tree = ast.parse(source)
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            found.add(node.id)
        elif isinstance(node, ast.Attribute):
            found.add(node.attr)
        elif isinstance(node, ast.alias):
            found.update(node.name.split("."))
    return found
