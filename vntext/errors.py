"""Exceptions raised for bad *arguments*. Text input never raises."""

from __future__ import annotations

from collections.abc import Iterable


class VntextError(ValueError):
    """Base class of every error vntext raises on purpose; a ``ValueError``, so code that catches
    ``ValueError`` for bad options keeps working.

    Example:
    >>> import vntext
    >>> try:
    ...     vntext.normalize("Hoà", tone_style="modern")
    ... except vntext.VntextError as error:
    ...     print(type(error).__name__)
    UnknownOptionError
    """


class UnknownOptionError(VntextError):
    """An option value (encoding name, tone style, normal form …) that vntext does not know.

    Attributes:
        what: the option (``"tone style"``, ``"legacy encoding"`` …).
        value: the value given.
        choices: the values accepted.

    Example:
    >>> import vntext
    >>> try:
    ...     vntext.decode_legacy("Vi\\xd6t", "vietnamese-old")
    ... except vntext.UnknownOptionError as error:
    ...     print(error.value, "tcvn3" in error.choices)
    vietnamese-old True
    """

    def __init__(self, what: str, value: object, choices: Iterable[str]) -> None:
        self.what = what
        self.value = value
        self.choices = tuple(choices)
        super().__init__(f"unknown {what} {value!r}; expected one of: {', '.join(self.choices)}")


def check_text(text: object, what: str = "text") -> None:
    """Raise ``TypeError`` naming the expected ``str`` when *text* is anything else (``None``, a
    pandas ``NaN``, bytes …); every public function that takes text calls it first."""
    if not isinstance(text, str):
        shown = repr(text)
        shown = shown if len(shown) <= 40 else shown[:37] + "..."
        hint = "; decode bytes first (or use decode_legacy)" if isinstance(text, (bytes, bytearray)) else ""
        raise TypeError(f"{what} must be a str, not {type(text).__name__} ({shown}){hint}")
