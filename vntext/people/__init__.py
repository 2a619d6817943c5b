"""People in running text: honorifics, title phrases and names.

The work is split by concern: `vocabulary` (the data files), `tokens` (sentences, tokens and where a
name may start), `titles` (title phrases and honorifics), `names` (where a name is and how it splits)
and `mentions` (putting them together into [`Person`][vntext.Person] mentions).

>>> find_people("Bộ trưởng Bộ Tài chính cho biết trường THPT Lê Quý Đôn trên đường Nguyễn Văn Cừ")
[]
"""

from .mentions import Person, PersonParser, find_people, parse_person

__all__ = ["Person", "PersonParser", "find_people", "parse_person"]
