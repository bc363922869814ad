"""Forbidden shortcuts fail while the student's code runs (``with forbid(np.correlate):``)::

    check_close(without(np.correlate)(sliding_dot)(x, w), np.correlate(x, w), "sliding_dot")

A second line only: a guard in the student's own kernel can be routed around, so grading
first judges each answer from its syntax tree (tools/answer_rules.py in the repository).
"""
import copy
import importlib
import sys

import numpy as np


class ForbiddenShortcut(AssertionError):
    """The student's code called a forbidden shortcut (an AssertionError: a failed grade cell)."""


def _label(obj):
    """A readable name for a callable: ``np.correlate``, ``helpers.matrix.conv_matrix``."""
    name = getattr(obj, "__name__", None) or repr(obj)
    if getattr(np, name, None) is obj:
        return f"np.{name}"
    module = getattr(obj, "__module__", None)
    return f"{module}.{name}" if module and module != "__main__" else name


def _resolve(target, namespace):
    """``(object, label)`` of a callable, or of a dotted name that starts with a global of
    ``namespace`` (``np.correlate``) or an importable module (``helpers.matrix.conv_matrix``);
    for a student's own function of that name, the library's namesake (None if none)."""
    if not isinstance(target, str):
        if not callable(target):
            raise TypeError(f"forbid: each target must be a callable or a dotted name like "
                            f"'np.correlate'; got {type(target).__name__} {target!r}")
        return _library_twin(target, _label(target))
    parts = target.split(".")
    if parts[0] in namespace:
        obj, rest = namespace[parts[0]], parts[1:]
    else:
        for i in range(len(parts), 0, -1):
            try:
                obj = importlib.import_module(".".join(parts[:i]))
            except ImportError:
                continue
            rest = parts[i:]
            break
        else:
            raise NameError(f"forbid: cannot find {target!r}: neither a name in the caller's "
                            f"namespace nor an importable module")
    for part in rest:
        try:
            obj = getattr(obj, part)
        except AttributeError:
            raise NameError(f"forbid: cannot find {target!r} (no attribute {part!r})") from None
    if not callable(obj):
        raise TypeError(f"forbid: {target!r} is not a callable but {type(obj).__name__}")
    return _library_twin(obj, target)


def _library_twin(obj, label):
    """``(obj, label)``, or for a student's own function the library's namesake (or None)."""
    if getattr(obj, "__module__", None) != "__main__":
        return obj, label
    twins = (getattr(m, label.split(".")[-1], None) for m in list(sys.modules.values())
             if getattr(m, "__name__", "").split(".")[0] in ("helpers", "numpy"))
    return next(((t, label) for t in twins
                 if callable(t) and getattr(t, "__module__", None) != "__main__"), None)


def _user_namespaces(extra=()):
    """Namespaces whose code counts as the student's: ``__main__`` and IPython's user_ns."""
    spaces = [ns for ns in extra if isinstance(ns, dict)]
    main = sys.modules.get("__main__")
    if main is not None and isinstance(getattr(main, "__dict__", None), dict):
        spaces.append(main.__dict__)
    shell = getattr(sys.modules.get("IPython"), "get_ipython", lambda: None)()
    if isinstance(getattr(shell, "user_ns", None), dict):
        spaces.append(shell.user_ns)
    return list({id(ns): ns for ns in spaces}.values())


class forbid:
    """Inside a ``with`` block, make the student's calls of the given callables fail.

    ``forbid(np.correlate, "np.convolve", hint="...")``: each target is a callable or a
    dotted name (looked up in ``namespace``, by default the caller's globals). Every binding
    of a target — in every imported module and in the globals of the caller, ``__main__``
    and IPython's user namespace — is replaced by a stand-in that raises
    :class:`ForbiddenShortcut` when called from code whose globals are one of those user
    namespaces. Library code and the ``with`` block itself (a grade cell computing its
    reference) still get the real function. Every binding is restored on leaving the block.

    Not covered (the rules judged before grading refuse them): array methods, ``@``, and a
    reference stored before the block (in a container, a default argument, a closure).
    """

    def __init__(self, *targets, hint="", namespace=None):
        if not targets:
            raise TypeError("forbid: name at least one callable, e.g. forbid(np.correlate)")
        caller = sys._getframe(1).f_globals if namespace is None else namespace
        self._namespaces = _user_namespaces([caller])
        self._targets = [r for t in targets if (r := _resolve(t, caller)) is not None]
        self.hint = hint
        self._saved = []
        self._owner = None

    def _stand_in(self, original, label):
        user = {id(ns) for ns in self._namespaces}
        hint = f"\n  hint: {self.hint}" if self.hint else ""
        guard = self

        def forbidden(*args, **kwargs):
            caller = sys._getframe(1)
            if caller is guard._owner or id(caller.f_globals) not in user:
                # the grade cell's own reference call, or numpy / a helper using it inside
                return original(*args, **kwargs)
            raise ForbiddenShortcut(f"this exercise asks you to write it without {label} "
                                    f"(your code called {label})" + hint)

        forbidden.__name__ = getattr(original, "__name__", "forbidden")
        return forbidden

    def __enter__(self):
        self._owner = sys._getframe(1)        # the grade cell itself may call the real one
        swaps = {}
        for obj, label in self._targets:
            if id(obj) not in swaps:
                swaps[id(obj)] = (obj, self._stand_in(obj, label))
        places = [vars(m) for m in list(sys.modules.values())
                  if isinstance(getattr(m, "__dict__", None), dict)] + self._namespaces
        seen = set()
        try:
            for space in places:
                if id(space) in seen:
                    continue
                seen.add(id(space))
                for key, value in list(space.items()):
                    swap = swaps.get(id(value))
                    if swap is not None and swap[0] is value:
                        self._saved.append((space, key, value))
                        space[key] = swap[1]
        except BaseException:
            self._restore()
            raise
        return self

    def _restore(self):
        while self._saved:
            space, key, value = self._saved.pop()
            space[key] = value

    def __exit__(self, *exc):
        self._restore()
        self._owner = None
        return False


def without(*targets, hint=""):
    """``without(np.correlate)(student_fn)(x, w)``: call ``student_fn`` under :func:`forbid`,
    with copies of the arguments (it cannot change the grade cell's data; no targets: copies
    only). A one-line grade cell whose reference may use the forbidden function."""
    caller = sys._getframe(1).f_globals

    def wrap(fn):
        def call(*args, **kwargs):
            args, kwargs = copy.deepcopy(args), copy.deepcopy(kwargs)
            if not targets:
                return fn(*args, **kwargs)
            guard = forbid(*targets, hint=hint, namespace=caller)
            student = getattr(fn, "__globals__", None)        # where the student's fn lives
            if isinstance(student, dict) and all(ns is not student for ns in guard._namespaces):
                guard._namespaces.append(student)
            with guard:
                return fn(*args, **kwargs)
        call.__name__ = getattr(fn, "__name__", "call")
        return call
    return wrap
