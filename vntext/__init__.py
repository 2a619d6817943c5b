"""vntext: correct, fast normalisation of Vietnamese text.

>>> import vntext
>>> vntext.normalize("Cộng hoà xã hội chủ nghĩa Việt Nam")
'Cộng hòa xã hội chủ nghĩa Việt Nam'
>>> vntext.remove_diacritics("Đảng Cộng sản Việt Nam")
'Dang Cong san Viet Nam'
"""

from __future__ import annotations

from ._accel import compiled_core
from .abbreviations import AbbreviationExpander, AbbreviationMatch, expand_abbreviations, find_abbreviations
from .analyze import Analyzer, Document, analyze
from .clean import clean_text
from .dates import DateMatch, DateParser, DateValue, find_dates, parse_date
from .errors import UnknownOptionError, VntextError
from .forms import remove_diacritics, to_nfc, to_nfd
from .legacy import ENCODINGS, decode_legacy, detect_legacy, encode_legacy
from .normalize import NormalizeConfig, Normalizer, normalize
from .people import Person, PersonParser, find_people, parse_person
from .spoken import SpokenMatch, VerbalizeConfig, Verbalizer, find_spoken, number_to_words, verbalize
from .tones import normalize_tones

__version__ = "0.1.0"

__all__ = [
    "ENCODINGS",
    "AbbreviationExpander",
    "AbbreviationMatch",
    "Analyzer",
    "DateMatch",
    "DateParser",
    "DateValue",
    "Document",
    "NormalizeConfig",
    "Normalizer",
    "Person",
    "PersonParser",
    "SpokenMatch",
    "UnknownOptionError",
    "VerbalizeConfig",
    "Verbalizer",
    "VntextError",
    "__version__",
    "analyze",
    "clean_text",
    "compiled_core",
    "decode_legacy",
    "detect_legacy",
    "encode_legacy",
    "expand_abbreviations",
    "find_abbreviations",
    "find_dates",
    "find_people",
    "find_spoken",
    "normalize",
    "normalize_tones",
    "number_to_words",
    "parse_date",
    "parse_person",
    "remove_diacritics",
    "to_nfc",
    "to_nfd",
    "verbalize",
]
