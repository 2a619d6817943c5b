"""The optional compiled core: vntext._speedups, a C extension built when a compiler is there.

Everything else is in pyproject.toml. ``optional=True`` lets a build without a C compiler (or without
Python's headers) go on with a warning: vntext then runs in pure Python, as it does with
``VNTEXT_PURE=1`` at run time. Set ``VNTEXT_PURE=1`` while installing to skip the compiled core.
"""

import os

from setuptools import Extension, setup

speedups = Extension(
    "vntext._speedups",
    sources=["vntext/_speedups.c"],
    depends=["vntext/_speedups_tables.h"],
    optional=True,
)

setup(ext_modules=[] if os.environ.get("VNTEXT_PURE") == "1" else [speedups])
