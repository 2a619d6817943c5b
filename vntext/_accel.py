"""The optional compiled core, when it is built and not switched off.

``speedups`` is the C extension :mod:`vntext._speedups` (built from ``_speedups.c`` by ``setup.py``
when a C compiler is there), or ``None``: without it, or with ``VNTEXT_PURE=1`` in the environment,
every caller takes its pure-Python path, which gives the same results.
"""

from __future__ import annotations

import os
from types import ModuleType

speedups: ModuleType | None = None
if os.environ.get("VNTEXT_PURE", "") not in ("1", "true", "yes"):
    try:
        from . import _speedups

        speedups = _speedups
    except ImportError:  # not built: no compiler at install time, or an unusual platform
        speedups = None


def compiled_core() -> bool:
    """Whether vntext's compiled core is in use (it is optional: see Installation).

    Returns:
        Whether the C extension was built and ``VNTEXT_PURE=1`` does not switch it off; without it
            vntext runs in pure Python, which gives the same results, more slowly.

    Example:
    >>> import vntext
    >>> isinstance(vntext.compiled_core(), bool)
    True
    """
    return speedups is not None


__all__ = ["compiled_core", "speedups"]
