"""A Griffe extension for the API reference: docstrings keep their doctests (the tests run them), and
the site shows each as a code block a reader can paste and run — the prompts dropped, each output as a
comment under the line that gives it — with Sphinx roles (:func:`x`) shown as code.

Used by ``mkdocs.yml`` (``extensions`` of the mkdocstrings Python handler); not part of the package,
and tested in ``tests/test_docs.py``.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:func|class|data|meth|attr|mod|exc|obj):`~?([^`]+)`")
_PROMPT = re.compile(r"^(\s*)(>>>|\.\.\.)( |$)")


def runnable(text: str) -> str:
    """*text* with each run of doctest lines turned into a fenced Python block without prompts, its
    expected output as comments.

    >>> print(runnable("Example:\\n\\n>>> 1 + 1\\n2\\n"))
    Example:
    <BLANKLINE>
    ```python
    1 + 1
    # 2
    ```
    <BLANKLINE>
    """
    out: list[str] = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        first = _PROMPT.match(lines[i])
        if first is None:
            out.append(_ROLE.sub(r"`\1`", lines[i]))
            i += 1
            continue
        indent = first.group(1)
        block = [f"{indent}```python"]
        while i < len(lines) and lines[i].strip():
            line = lines[i]
            prompt = _PROMPT.match(line)
            if prompt is not None:
                block.append(indent + line[prompt.end() :])
            else:
                block.append(f"{indent}# {line.strip()}")
            i += 1
        out += [*block, f"{indent}```"]
    return "\n".join(out)


class RunnableExamples(griffe.Extension):
    """Rewrites every docstring's doctests and roles as :func:`runnable` says."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = runnable(obj.docstring.value)
