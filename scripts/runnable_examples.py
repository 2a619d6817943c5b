"""Examples the documentation site shows as code a reader can paste and run: the sources keep their
doctests (the tests run them), the site drops the prompts and shows each output as a comment under the
line that gives it.

Two users in ``mkdocs.yml``: the API reference through a Griffe extension (``extensions`` of the
mkdocstrings Python handler: :class:`RunnableExamples`, which also shows Sphinx roles such as
:func:`x` as code), and the Markdown pages through an MkDocs hook (``hooks``: :func:`on_page_markdown`).
Not part of the package; tested in ``tests/test_docs.py``.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:func|class|data|meth|attr|mod|exc|obj):`~?([^`]+)`")
_PROMPT = re.compile(r"^(\s*)(>>>|\.\.\.)( |$)")


def _shown(line: str, indent: str) -> str:
    """One doctest line as the site shows it: code without its prompt, output as a comment."""
    prompt = _PROMPT.match(line)
    if prompt is not None:
        return indent + line[prompt.end() :]
    return f"{indent}# {line.strip()}" if line.strip() else ""


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
            block.append(_shown(lines[i], indent))
            i += 1
        out += [*block, f"{indent}```"]
    return "\n".join(out)


_FENCE = re.compile(r"^(\s*)```(?:python|pycon|py)\s*$")


def runnable_fences(markdown: str) -> str:
    """*markdown* with every fenced Python block that holds a doctest shown as :func:`runnable` shows
    one; other blocks and the text around them are left as they are.

    >>> print(runnable_fences("```python\\n>>> x = 'hoà'\\n>>> x.upper()\\n'HOÀ'\\n\\n```"))
    ```python
    x = 'hoà'
    x.upper()
    # 'HOÀ'
    ```
    """
    out: list[str] = []
    lines = markdown.split("\n")
    i = 0
    while i < len(lines):
        fence = _FENCE.match(lines[i])
        end = i + 1
        while fence is not None and end < len(lines) and lines[end].strip() != "```":
            end += 1
        body = lines[i + 1 : end]
        if fence is None or end == len(lines) or not any(_PROMPT.match(line) for line in body):
            out.append(lines[i])
            i += 1
            continue
        # A doctest needs a blank line (or the fence) after its last output; the site does not.
        while body and not body[-1].strip():
            body.pop()
        indent = fence.group(1)
        out += [f"{indent}```python", *(_shown(line, indent) for line in body), f"{indent}```"]
        i = end + 1
    return "\n".join(out)


def on_page_markdown(markdown: str, **kwargs: Any) -> str:
    """The MkDocs hook: each page's doctests shown as runnable code."""
    return runnable_fences(markdown)


class RunnableExamples(griffe.Extension):
    """Rewrites every docstring's doctests and roles as :func:`runnable` says."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = runnable(obj.docstring.value)
