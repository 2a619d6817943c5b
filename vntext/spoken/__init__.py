"""The spoken form: written Vietnamese to the words a reader says aloud (for text-to-speech)."""

from __future__ import annotations

from .numbers import number_to_words
from .verbalizer import SpokenMatch, VerbalizeConfig, Verbalizer, find_spoken, verbalize

__all__ = ["SpokenMatch", "VerbalizeConfig", "Verbalizer", "find_spoken", "number_to_words", "verbalize"]
