"""The package stays small (DESIGN.md §4): helpers/ at most 3,800 lines, no module over 300
lines, no function over 50 lines of code (its docstring aside)."""
import ast

from project_paths import ROOT

PACKAGE_LINES, MODULE_LINES, FUNCTION_CODE_LINES = 3800, 300, 50
MODULES = sorted((ROOT / "helpers").rglob("*.py"))


def code_lines(node):
    """Lines of a function from ``def`` to its last line, without its docstring."""
    lines = node.end_lineno - node.lineno + 1
    first = node.body[0]
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) \
            and isinstance(first.value.value, str):
        lines -= first.end_lineno - first.lineno + 1
    return lines


def long_functions(source, limit=FUNCTION_CODE_LINES):
    """``name (n lines)`` for every function or method in ``source`` longer than ``limit``."""
    return [f"{node.name} ({code_lines(node)} lines)" for node in ast.walk(ast.parse(source))
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and code_lines(node) > limit]


def test_the_package_and_each_module_stay_small():
    sizes = {p.relative_to(ROOT).as_posix(): len(p.read_text().splitlines()) for p in MODULES}
    assert sum(sizes.values()) <= PACKAGE_LINES, f"helpers/ has {sum(sizes.values())} lines"
    assert {m: n for m, n in sizes.items() if n > MODULE_LINES} == {}


def test_no_function_is_longer_than_fifty_lines_of_code():
    found = {p.name: long_functions(p.read_text()) for p in MODULES}
    assert {name: fs for name, fs in found.items() if fs} == {}


def test_the_function_check_can_fail():
    body = "\n".join(f"    x{i} = {i}" for i in range(FUNCTION_CODE_LINES - 1))
    source = f'def f():\n    """Doc."""\n{body}\n    return 0\n'
    assert long_functions(source) == [f"f ({FUNCTION_CODE_LINES + 1} lines)"]
    assert long_functions(source, limit=FUNCTION_CODE_LINES + 1) == []
