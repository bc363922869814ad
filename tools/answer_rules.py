"""Judge a submitted answer cell from its syntax tree, before it runs and outside the kernel.

A runtime guard in the student's kernel can be routed around or switched off from the answer
cell itself (issue 22), so ``tools/grading.py`` reads each submitted answer (solution) cell
with :func:`violations` first; an answer that breaks a rule never runs and scores 0, and its
feedback names the rule. What is judged:

- the exercise's own shortcuts: the names in the tuple literal ``shortcuts = (...)`` that opens
  its grade cell in the *instructor's* notebook (``"np.correlate"`` forbids the attribute
  ``correlate`` anywhere, ``"conv_matrix"`` the notebook's ``conv_matrix``), also inside
  imports; a function or variable the student defines under such a name is theirs;
- what no exercise needs (:data:`GLOBAL_RULES`): running code from text, string-built lookups,
  dunder and private attributes, frames and tracebacks, IPython's machinery, files, processes
  and databases, numpy's internals; imports other than :data:`IMPORTABLE`; IPython syntax;
- tampering: rebinding a name a grade cell reads (other than the exercise's own names), and
  writing into an object the answer did not make itself (``np.isclose = ...``, ``x[:] = 0`` on
  an argument the checks pass in).
"""
import ast
import symtable
from dataclasses import dataclass

from grade_cells import top_level_bindings

# modules an answer may import (and their submodules), as a student writes them
IMPORTABLE = ("numpy", "math", "cmath", "itertools", "functools", "fractions", "decimal",
              "numbers", "statistics", "collections", "typing", "helpers")
GLOBAL_RULES = {
    "code run from text or another namespace (eval, exec, compile, imports by name)":
        ("eval", "exec", "compile", "__import__", "importlib", "runpy", "execfile"),
    "a lookup built from a string (getattr, vars, globals, ...)":
        ("getattr", "setattr", "delattr", "hasattr", "vars", "globals", "locals", "dir",
         "attrgetter", "methodcaller"),
    "IPython's machinery or its history (get_ipython, In, Out, ...)":
        ("get_ipython", "In", "Out", "_ih", "_oh", "_dh", "_i", "_ii", "_iii", "exit", "quit",
         "input", "breakpoint", "help"),
    "file, process or database access":
        ("open", "os", "io", "pathlib", "Path", "shutil", "subprocess", "sqlite3", "socket",
         "pickle", "tempfile", "glob", "nbformat", "nbgrader", "load", "save", "savez",
         "savez_compressed", "loadtxt", "savetxt", "genfromtxt", "fromfile", "tofile",
         "memmap", "DataSource", "fromregex", "read_text", "read_bytes", "write_text",
         "write_bytes", "iterdir", "rglob"),
    "the interpreter's module table or frames (sys, sys.modules, tracebacks)":
        ("sys", "modules", "builtins", "inspect", "gc", "ctypes", "traceback", "tb_frame",
         "tb_next", "f_back", "f_locals", "f_globals", "f_builtins", "f_code", "gi_frame",
         "gi_code", "cr_frame", "ag_frame", "co_code", "co_consts", "func_globals"),
    # (np.lib.stride_tricks.sliding_window_view, a read-only view, is allowed unless listed)
    "numpy's internals or its low-level modules (np.core, as_strided, np.ma, ...)":
        ("core", "multiarray", "umath", "as_strided", "npyio", "open_memmap",
         "ctypeslib", "ma", "testing", "f2py", "distutils", "rec"),
}
# allowed in an exercise whose instructor answer uses them (np.fft in an FFT exercise)
WAIVABLE = {"numpy's FFT (np.fft) where the exercise does not ask for it": ("fft",),
            "numpy's polynomial products (a convolution in disguise)":
                ("polynomial", "polymul", "polydiv", "polyval", "polyfit")}
WAIVED_BY_KEY = {n for names in WAIVABLE.values() for n in names}
INPLACE_METHODS = {"fill", "put", "sort", "partition", "resize", "setflags", "itemset",
                   "copyto", "place", "putmask", "update", "append", "extend", "insert",
                   "pop", "clear", "remove", "setdefault", "popitem"}


@dataclass(frozen=True)
class Violation:
    """One broken rule: ``rule`` (what is not allowed) and where, in the student's words."""
    rule: str
    detail: str
    line: int = 0

    def __str__(self):
        return f"line {self.line}: {self.rule} ({self.detail})"


def violations(source, shortcuts=(), protected=(), own=(), waived=()):
    """The rules a submitted answer cell breaks, as a list of :class:`Violation` (empty: none).

    ``shortcuts`` are the exercise's forbidden dotted names (:func:`shortcuts_of`),
    ``protected`` the names the notebook's grade cells read (:func:`free_names`), ``own`` the
    names the instructor's answer binds (the exercise's own: they may be bound) and ``waived``
    the names it uses (:data:`WAIVABLE` rules do not apply to those).
    """
    try:
        tree = ast.parse(source)
        table = symtable.symtable(source, "<answer>", "exec")
    except SyntaxError as err:
        return [Violation("plain Python only (no IPython magics, shell commands or '?')",
                          f"the cell is not valid Python: {err.msg}", err.lineno or 0)]
    banned = {}                                          # identifier -> rule
    for rule, names in GLOBAL_RULES.items():
        banned.update(dict.fromkeys(names, rule))
    for rule, names in WAIVABLE.items():
        banned.update({n: rule for n in names if n not in waived})
    for dotted in shortcuts:
        banned[dotted.split(".")[-1]] = f"this exercise asks you to write it without {dotted}"
        banned[dotted.split(".")[-1] + " "] = dotted             # (its name, for the detail)
    checker = _Checker(table, banned, set(protected) - set(own))
    checker.visit(tree)
    for name in sorted(top_level_bindings(source) & checker.protected):
        checker.add("rebinding a name the checks use", f"rebinds {name}, which a grade cell uses",
                    _first_binding(tree, name))
    return sorted(set(checker.found), key=lambda v: (v.line, v.detail))


class _Checker(ast.NodeVisitor):
    """Walks an answer's syntax tree, collecting :class:`Violation` s (see :func:`violations`)."""

    def __init__(self, table, banned, protected):
        self.banned, self.protected, self.found = banned, protected, []
        self.scopes = [table]
        self.own = {}                # name -> line of the answer's top-level statement binding it

    # ---- helpers
    def add(self, rule, detail, node):
        self.found.append(Violation(rule, detail, getattr(node, "lineno", 0)))

    def banned_word(self, word, node, what):
        if word in self.banned:
            said = f"your code called {self.banned[word + ' ']}" if word + " " in self.banned \
                else f"{what} {word}"
            self.add(self.banned[word], said, node)
        elif word.startswith("__"):
            self.add("dunder names and attributes (__wrapped__, __code__, __globals__, ...)",
                     f"{what} {word}", node)

    def symbol(self, name):
        try:
            return self.scopes[-1].lookup(name)
        except KeyError:
            return None

    def is_student_name(self, name):
        """True if ``name``, where it is used, is bound by the answer (a local, or a top-level
        ``def``/assignment of the answer), not taken from the notebook."""
        sym = self.symbol(name)
        if sym is None:
            return False
        if sym.is_imported():
            return False
        if sym.is_local() and not sym.is_global() and len(self.scopes) > 1:
            return True
        if sym.is_free():
            return True
        line = self.own.get(name)                   # a top-level def or assignment of its own,
        return line is not None and (len(self.scopes) > 1 or line < self.line)  # made before

    def root_is_student(self, node, allow_params=False):
        while isinstance(node, (ast.Attribute, ast.Subscript, ast.Call, ast.Starred)):
            node = node.func if isinstance(node, ast.Call) else node.value
        if not isinstance(node, ast.Name):
            return True                               # a literal, a call result: a new object
        sym = self.symbol(node.id)
        if sym is not None and sym.is_parameter() and not sym.is_assigned() and not allow_params:
            return False                              # an argument the checks passed in
        return self.is_student_name(node.id)

    # ---- module and scopes
    def visit_Module(self, node):
        for stmt in node.body:
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                self.own.setdefault(stmt.name, stmt.lineno)
            elif isinstance(stmt, (ast.Assign, ast.AnnAssign)):
                targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
                for n in (n for t in targets for n in ast.walk(t)):
                    if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store):
                        self.own.setdefault(n.id, stmt.lineno)
        self.generic_visit(node)

    def _scoped(self, node, name):
        if name.startswith("__"):                   # a student's own name is theirs, but
            self.banned_word(name, node, "defines")  # __eq__ & co. could fool the checks
        for child in self.scopes[-1].get_children():
            if child.get_name() == name and child.get_lineno() == node.lineno:
                self.scopes.append(child)
                break
        else:
            self.scopes.append(self.scopes[-1])
        self.generic_visit(node)
        self.scopes.pop()

    def visit_FunctionDef(self, node):
        self._scoped(node, node.name)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_ClassDef(self, node):
        self._scoped(node, node.name)

    def visit_Lambda(self, node):
        self._scoped(node, "lambda")

    def visit(self, node):
        self.line = getattr(node, "lineno", getattr(self, "line", 0))
        return super().visit(node)

    # ---- what is named
    def visit_Name(self, node):
        if isinstance(node.ctx, ast.Load) and not self.is_student_name(node.id):
            self.banned_word(node.id, node, "uses")
        elif node.id.startswith("__"):
            self.banned_word(node.id, node, "binds")

    def visit_Attribute(self, node):
        self.banned_word(node.attr, node, "uses the attribute")
        if node.attr.startswith("_") and not self.root_is_student(node.value, True):
            self.add("private attributes of numpy or the helpers (names starting with _)",
                     f"uses the attribute {node.attr}", node)
        if isinstance(node.ctx, (ast.Store, ast.Del)) and not self.root_is_student(node.value):
            self.add("changing an object the answer did not create",
                     f"assigns to the attribute {node.attr} of {ast.unparse(node.value)}", node)
        self.generic_visit(node)

    def visit_Subscript(self, node):
        if isinstance(node.ctx, (ast.Store, ast.Del)) and not self.root_is_student(node.value):
            self.add("changing an object the answer did not create",
                     f"writes into {ast.unparse(node.value)}", node)
        self.generic_visit(node)

    def visit_Call(self, node):
        func = node.func
        if (isinstance(func, ast.Attribute) and func.attr in INPLACE_METHODS
                and not self.root_is_student(func.value)):
            self.add("changing an object the answer did not create",
                     f"changes {ast.unparse(func.value)} in place with .{func.attr}()", node)
        for kw in node.keywords:
            if kw.arg and kw.arg.startswith("__"):
                self.banned_word(kw.arg, node, "passes the keyword")
            if kw.arg == "out" and not self.root_is_student(kw.value):
                self.add("changing an object the answer did not create",
                         f"writes the result into {ast.unparse(kw.value)} (out=)", node)
        self.generic_visit(node)

    def visit_Constant(self, node):
        if isinstance(node.value, str) and "__" in node.value:
            self.add("dunder names and attributes (__wrapped__, __code__, __globals__, ...)",
                     f"a string holding a dunder name: {node.value[:40]!r}", node)

    def visit_arg(self, node):
        if node.arg.startswith("__"):
            self.banned_word(node.arg, node, "names the argument")

    def visit_Import(self, node):
        for alias in node.names:
            self.check_import(alias.name, node)
            if alias.asname:
                self.banned_word(alias.asname, node, "imports as")

    def visit_ImportFrom(self, node):
        if node.level:
            self.add("imports of numpy, the helpers and the standard maths modules only",
                     "a relative import", node)
            return
        self.check_import(node.module or "", node)
        for alias in node.names:
            if alias.name == "*":
                self.add("a star import (it hides what the answer uses)",
                         f"from {node.module} import *", node)
            else:
                self.banned_word(alias.name, node, f"imports {node.module}.")

    def check_import(self, module, node):
        parts = module.split(".")
        if parts[0] not in IMPORTABLE:
            self.add("imports of numpy, the helpers and the standard maths modules only",
                     f"imports {module}", node)
        for part in parts[1:]:
            self.banned_word(part, node, f"imports {module}:")

    def visit_Global(self, node):
        for name in node.names:
            if name in self.protected:
                self.add("rebinding a name the checks use", f"declares {name} global", node)


def _first_binding(tree, name):
    """The first node of ``tree`` that binds ``name`` (for a line number)."""
    for node in ast.walk(tree):
        if (isinstance(node, ast.Name) and node.id == name
                and isinstance(node.ctx, (ast.Store, ast.Del))) \
                or (isinstance(node, (ast.FunctionDef, ast.ClassDef)) and node.name == name) \
                or (isinstance(node, ast.alias) and (node.asname or node.name) == name):
            return node
    return tree
