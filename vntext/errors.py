"""Exceptions raised for bad *arguments*. Text input never raises."""

from __future__ import annotations

from collections.abc import Iterable


class VntextError(ValueError):
    """Base class of every error vntext raises on purpose."""


class UnknownOptionError(VntextError):
    """An option value (encoding name, tone style, normal form …) that vntext does not know."""

    def __init__(self, what: str, value: object, choices: Iterable[str]) -> None:
        self.what = what
        self.value = value
        self.choices = tuple(choices)
        super().__init__(f"unknown {what} {value!r}; expected one of: {', '.join(self.choices)}")
