"""Where a name is and how it splits.

Two ways to a name. A run of two or more capitalised words is a Vietnamese name from its first family
name that leaves 2–4 syllables ("... Tân Lập Nguyễn Văn Hải"), or a foreign name from the tail of
words that are not Vietnamese syllables ("Tổng thống Pháp Emmanuel Macron"). After a cue — an
honorific or a title right before it — any name counts, one word or more ("chị Lan", "HLV Troussier",
"ca sĩ Mỹ Tâm", "Chủ tịch Tập Cận Bình", "bà N.T.H."), unless it opens an organisation or a place
("Giám đốc Sở ...", "Tổng thống Mỹ ...").
"""

from __future__ import annotations

import re

from .titles import head_at, title_before
from .tokens import PARTICLES, Span, Tok, Tokens, is_syllable, line_around, touching
from .vocabulary import Vocabulary, known_places, longest_place, world_places

MAX_NAME = 4  # syllables in a Vietnamese name: Tôn Nữ Thị Ninh, Nguyễn Thị Minh Khai
_FOREIGN_TAIL = 8  # words at the end of a run that may form a foreign name
_MIDDLE_MARKS = frozenset(("Văn", "Thị"))  # a rare family name is a family name before these

Found = tuple[int, int, dict[str, str]]


def run_end(text: str, toks: Tokens, i: int) -> int:
    """End (exclusive) of the run of capitalised words starting at *i*."""
    known = toks.run_ends
    if i in known:
        return known[i]
    texts, spaced = toks.texts, toks.spaced
    on_the_way = [i]  # each run from these words continues exactly like this one: remember its end
    j = i + 1
    while j < len(texts) and spaced(text, j):
        first = texts[j][0]
        if first.isalpha() and first.isupper():
            if j in known:
                j = known[j]
                break
            on_the_way.append(j)
            j += 1
            continue
        k = j  # particles count only when a capitalised word follows them: von der Leyen
        while k + 1 < len(texts) and texts[k] in PARTICLES and spaced(text, k + 1):
            k += 1
        if k > j and texts[k][0].isalpha() and texts[k][0].isupper():
            on_the_way.append(k)
            j = k + 1
        else:
            break
    for k in on_the_way:
        known[k] = j
    return j


def _initial(t: Tok) -> bool:
    return len(t.text) == 2 and t.text[1] == "." and t.text[0].isupper()


def _family_first(v: Vocabulary, words: list[str], cued: bool) -> bool:
    """True when *words* start with a family name: a common one, a compound one, or a rare one that a
    cue or a middle name Văn/Thị confirms (Lò Văn Cương, Vi Thị Hằng, Giàng A Chu after "ông")."""
    first = words[0]
    if first in v.surnames or " ".join(words[:2]) in v.compound_surnames:
        return True
    return first in v.rare_surnames and len(words) >= 3 and (cued or words[1] in _MIDDLE_MARKS)


def inside_run(text: str, toks: Tokens, i: int) -> bool:
    """True when the capitalised token *i* goes on a run of capitalised words (names are looked for
    from the start of each run)."""
    if i == 0:
        return False
    before = toks.texts[i - 1]
    if not (before[0].isalpha() and before[0].isupper()):
        return False
    gap = text[toks.ends[i - 1] : toks.starts[i]]
    return gap != "" and gap.strip(" \t\u00a0") == ""


def name_at(v: Vocabulary, text: str, toks: Tokens, i: int, credit: bool | None = None) -> Found | None:
    """The name in the run of capitalised words that starts at *i*, if any (*credit*: the run follows
    a byline or photo-credit word; worked out here when not given)."""
    first = toks.texts[i]
    if not (first[0].isalpha() and first[0].isupper()) or inside_run(text, toks, i):
        return None
    end = run_end(text, toks, i)
    if end - i < 2:
        return None  # every kind of name below takes at least two words
    if credit is None:
        credit = after_credit(v, toks, i)
    run = toks.span(i, end)
    # Bylines and photo credits in capitals: PHẠM KIÊN, Ảnh: THANH TUẤN.
    if all(r.allcaps and r.viet for r in run):
        line_alone = line_around(text, run[0].start, run[-1].end).strip() == text[run[0].start : run[-1].end]
        if 2 <= len(run) <= MAX_NAME and (credit or (line_alone and run[0].text.capitalize() in v.name_starts)):
            return i, end, split_vietnamese(v, [r.text.capitalize() for r in run], credit)
        return None
    texts = toks.texts
    if not (
        credit
        or any(w in v.name_starts or (w in v.rare_surnames and texts[m + 1] in _MIDDLE_MARKS)
               for m, w in enumerate(texts[i : end - 1], start=i))
    ) and all(r.viet and "-" not in r.text for r in run[max(0, len(run) - _FOREIGN_TAIL) :]):
        return None  # no family name and no foreign word: "Bộ Tài chính", "Hà Nội"
    heads: dict[int, bool] = {}  # looked at only near the name: a run can be thousands of words long

    def head(m: int) -> bool:
        if m not in heads:
            heads[m] = bool(head_at(v, toks, i + m, len(toks)))
        return heads[m]

    # The name ends before the first title inside the run ("Đỗ Thị Hồng Sâm Cán bộ ..."), looked for
    # among the first words only; otherwise it ends the run.
    limit = next((m for m in range(1, min(len(run), 3 * MAX_NAME)) if head(m)), len(run))
    first_k = max(0, limit - MAX_NAME)
    for k in range(first_k, len(run)):
        if k == 0 and _dynasty_first(v, toks, i, run):
            continue  # "tướng nhà Nguyễn Nguyễn Văn Nhơn": the first word names the dynasty
        if head(k):
            continue
        stop = next((m for m in range(k + 1, min(len(run), k + MAX_NAME + 1)) if head(m)), len(run))
        rest = run[k:stop]
        if not 2 <= len(rest) <= MAX_NAME or not all(
            (r.viet and not r.allcaps) or (m == len(rest) - 1 and _initial(r)) for m, r in enumerate(rest)
        ):
            continue  # a Vietnamese name, maybe with its given name cut to an initial: Lê Quang D.
        words = [r.text for r in rest]
        if i + stop < len(toks) and (toks.words(i + stop - 1, 2) in v.orgs or toks.words(i + stop - 1, 2) in v.places):
            continue  # "Đoàn Thanh niên", "Nông Lâm Thành phố": the last word begins an organisation
        if " ".join(words) in v.agencies or (k and toks.words(i + k - 1, len(words) + 1) in v.agencies):
            continue  # a masthead: "Báo Đại Đoàn Kết", "Thanh Niên"
        if _family_first(v, words, False) or (credit and k == 0):
            if (
                _overlaps_place(toks.texts, i, end, i + k)
                or " ".join(words) in known_places()
                or place_before(v, toks, i + k, len(words))
            ):
                return None
            return i + k, i + stop, split_vietnamese(v, words, credit and words[0] not in v.rare_surnames)
    return _foreign_tail(v, toks, i, run)


def _foreign_tail(v: Vocabulary, toks: Tokens, i: int, run: list[Tok] | Span) -> Found | None:
    """A foreign name at the end of the run: name-shaped words that are not Vietnamese syllables (plus
    particles, and a family name written before a hyphenated given name: Kim Sang-sik)."""
    k = len(run)
    while k > max(0, len(run) - _FOREIGN_TAIL):
        r = run[k - 1]
        right = run[k] if k < len(run) else None
        if r.text.lower() in v.honorifics:
            break  # "Bà Harris"
        if (r.name_like and (not r.viet or "-" in r.text)) or (r.text in PARTICLES and right is not None):
            k -= 1
        elif right is not None and r.name_like and (
            "-" in right.text or (k == len(run) - 1 and not right.viet and r.text not in v.countries)
        ):
            k -= 1  # Guy Ryder, Kim Sang-sik: a Vietnamese-looking word glued to a foreign one
        else:
            break
    if 0 < k < len(run) and run[k - 1].text in v.foreign_families:
        k -= 1  # Kim Sang Sik: the family name is also a Vietnamese syllable
    while k < len(run) and (run[k].text in PARTICLES or (k < len(run) - 2 and _is_brand(run[k].text))):
        k += 1  # "WikiLeaks Julian Assange": a brand before the name is its organisation
    for n in (3, 2, 1):  # "Ngoại trưởng Australia Penny Wong", "Tổng thống Costa Rica Oscar Arias"
        if k + n < len(run) and " ".join(toks.texts[i + k : i + k + n]) in world_places():
            k += n
            break
    words = [r.text for r in run[k:]]
    if (
        len(words) >= 2
        and not any(w in v.agencies for w in words)
        and any(not r.viet or "-" in r.text for r in run[k:])
        and not place_before(v, toks, i + k, len(words))
        and not _overlaps_place(toks.texts, i, i + len(run), i + k)
        and " ".join(words) not in known_places()
        and " ".join(words) not in world_places()
    ):
        return i + k, i + len(run), split_foreign(v, words)
    return None


def cued_name(v: Vocabulary, text: str, toks: Tokens, i: int, by_title: bool) -> Found | None:
    """The name right after an honorific or a title (*by_title*), one word or more: "chị Lan",
    "HLV Park Hang Seo", "bà N.T.H.", "Chủ tịch Tập Cận Bình"."""
    t = toks[i]
    if not (t.word and t.cap):
        return None
    n = len(toks)
    if by_title and (t.initials or len(t.text) == 1):
        return None  # "Ủy viên T.Ư Đảng": initials are a name only after an honorific (bà N.T.H.)
    if t.initials or (len(t.text) == 1 and i + 1 < n and toks.texts[i + 1] == "." and touching(t, toks[i + 1])):
        end = i + 1
        if end < n and toks.texts[end] == "." and touching(toks[i], toks[end]):
            end += 1
        return i, end, {"full": text[t.start : toks[end - 1].end]}
    end = run_end(text, toks, i)
    caps = toks.span(i, end)
    if not by_title and 2 <= end - i <= MAX_NAME and all(r.allcaps and r.viet for r in caps):
        return i, end, split_vietnamese(v, [r.text.capitalize() for r in caps])  # "Ông NGUYỄN TIẾN ĐẠT"
    if by_title:
        i = _after_country(v, toks, i, end)  # "Chủ tịch Trung Quốc Tập Cận Bình", "Thủ tướng Anh Keir Starmer"
        if end - i > 2 and _is_brand(toks.texts[i]):
            i += 1  # "Nhà sáng lập WikiLeaks Julian Assange": the company belongs to the title
    stop = next((m for m in range(i + 1, end) if head_at(v, toks, m, len(toks))), end)
    words = [toks.texts[m] for m in range(i, stop)]
    full_name = len(words) >= 3 and all(is_syllable(w) for w in words) and _family_first(v, words, True)
    surname_alone = not by_title and len(words) == 1 and words[0] in v.surnames  # "Bác Hồ", "ông Hồ"
    # After a title a word of address starts a pen or stage name: "nhà văn Anh Đức", "NSND Anh Tú".
    pen_name = by_title and 2 <= len(words) <= MAX_NAME and words[0].lower() in v.honorifics and all(
        is_syllable(w) for w in words
    )
    if by_title and len(words) == 1 and _is_brand(words[0]):
        return None  # "Chủ tịch VPBank", "nhà sáng lập WikiLeaks": a brand, not a name (McCain stays)
    if (
        len(words) > _FOREIGN_TAIL
        or (_opens_organisation(v, toks, i, stop) and not (full_name or surname_alone or pen_name))
        or head_at(v, toks, i, len(toks))
    ):
        return None
    if stop < len(toks) and toks.words(stop - 1, 2) in v.orgs:
        return None  # "Chủ tịch Tổng Liên đoàn"
    run = toks.span(i, stop)
    foreign = any(not r.viet for r in run)
    if foreign and not all(r.name_like or r.text in PARTICLES or "'" in r.text for r in run):
        return None  # capitals inside: UBND, TP.HCM, iPhone
    if not foreign and len(words) > MAX_NAME:
        return None
    joined = " ".join(words)
    if joined in v.agencies:
        return None  # "phóng viên Tiền Phong", "PV Thanh Niên": the reporter's paper
    if not (by_title and full_name) and (
        joined in known_places()
        or joined in v.nations
        or any(_overlaps_place(toks.texts, i, stop, i + k) for k in range(len(run)))
    ):
        return None  # "VĐV Boxing Hàn Quốc"
    if not by_title and any(toks.words(i - 1, n) in known_places() for n in (2, 3) if i >= 1):
        return None  # "Anh Quốc", "Bà Rịa": the honorific is the place's first word
    if by_title and joined in world_places():
        return None  # "Tổng thống Brasil", "thị trưởng Chicago"
    alone = words[0] in v.countries_alone or words[0] in world_places() or words[0] in known_places()
    if by_title and len(words) == 1 and not foreign and (alone or not _name_ends(v, toks, stop)):
        return None  # "Tổng thống Pháp", "Giám đốc Điều hành"
    if foreign:
        return i, stop, split_foreign(v, words)
    if _family_first(v, words, True) and (len(words) >= 3 or words[0] in v.surnames):
        return i, stop, split_vietnamese(v, words)
    return i, stop, {"full": joined}


def _after_country(v: Vocabulary, toks: Tokens, i: int, end: int) -> int:
    """Where a name starts after the country or place a title names at *i* (the run goes on to *end*)."""
    for n in range(min(longest_place(), end - i - 1), 0, -1):
        if toks.words(i, n) in known_places() or (toks.words(i, n) in world_places() and not toks[i].viet):
            return i + n
    if end - i > 1 and toks.texts[i] in v.countries and not all(is_syllable(w) for w in toks.texts[i + 1 : end]):
        return i + 1  # one syllable is a country only before a foreign name ("NSND Lan Hương" stays)
    return i


def _name_ends(v: Vocabulary, toks: Tokens, j: int) -> bool:
    """True when the words after a one-word name leave it alone: the end, punctuation, a verb or
    function word, another capital ("bác sĩ Thịnh đã", "HLV Troussier cho biết")."""
    if j >= len(toks):
        return True
    nxt = toks.texts[j]
    return not nxt[0].isalpha() or nxt[0].isupper() or nxt.lower() in v.stops or nxt in v.speech or (
        toks.words(j, 2) in v.speech or toks.words(j, 2).lower() in v.stops
    )


def _opens_organisation(v: Vocabulary, toks: Tokens, i: int, stop: int) -> bool:
    """True when the words at *i* open an organisation or a place ("Sở Y tế", "Tỉnh ủy", "Công ty",
    "UBND", "Trời"): they follow a title as its organisation, not as a name."""
    for n in (3, 2, 1):
        if i + n <= len(toks) and toks.words(i, n) in v.orgs:
            return True
    t = toks.texts[i]
    return t in v.not_names or t in v.places or (toks[i].allcaps and not toks[i].initials)


def _dynasty_first(v: Vocabulary, toks: Tokens, i: int, run: list[Tok] | Span) -> bool:
    """True when the run at *i* follows "nhà"/"triều" and its first word is the dynasty: another name
    follows it ("nhà Nguyễn Nguyễn Văn Nhơn") or a country does ("nhà Trần Việt Nam"), not the rest of
    one name ("nhà Nguyễn Văn An", a house)."""
    if i == 0 or toks.texts[i - 1] not in v.dynasties or len(run) < 2:
        return False
    rest = " ".join(r.text for r in run[1:])
    return run[1].text in v.name_starts or rest in v.nations


def after_credit(v: Vocabulary, toks: Tokens, i: int) -> bool:
    """True when token *i* follows a byline or photo-credit word ("Ảnh:", "Nguồn:") that a colon
    follows or that opens the sentence or a bracket; "điện ảnh Việt Nam" is no credit."""
    texts = toks.texts
    if texts[i] in v.orgs or toks.words(i, 2) in v.orgs:
        return False  # "Ảnh: Báo Đại Đoàn Kết", "Nguồn: Tạp chí …": a paper, not a photographer
    for k in range(max(0, i - 2), i):  # the credit's last word: "Ảnh", "Ảnh:", "Tác giả"
        for n in (1, 2):
            s = k - n + 1
            if s >= 0 and toks.words(s, n).rstrip(":") in v.credits and (
                texts[k].endswith(":") or texts[k + 1] == ":" or s == 0 or texts[s - 1] in "(["
            ):
                return True
    return False


def _overlaps_place(texts: list[str], start: int, end: int, k: int) -> bool:
    """A known place in the run ``texts[start:end]`` that takes in the would-be name's first word,
    ``texts[k]`` (Bồ Đào Nha)."""
    places = known_places()
    longest = longest_place()
    for a in range(max(start, k - longest + 1), k + 1):
        for b in range(k + 1, min(end, a + longest) + 1):
            if " ".join(texts[a:b]) in places:
                return True
    return False


_ADMIN_UNITS = frozenset("xã phường tỉnh huyện quận thị xã thành phố TP thị trấn".split())


def place_before(v: Vocabulary, toks: Tokens, i: int, length: int = 2) -> bool:
    """True when a place word comes right before token *i* ("đường Nguyễn Văn Cừ", "xã Lê Lợi", "chợ
    Đồng Xuân"), unless it ends another word ("Bộ Tài nguyên và Môi trường Đỗ Đức Duy", "thị trường")
    or the unit is an administration's and a full name of *length* 3 or more follows ("Phó Chủ tịch
    UBND xã Nguyễn Thanh Hùng": the commune's name is left out, the name is the chairman's).

    Also a place word with a house number ("hẻm 79 Tô Hiến Thành", "số 12 Nguyễn Du"), an institution
    with its kind in small words ("Trường kỹ thuật Cao Thắng", "Hãng taxi Mai Linh"), and the second
    street of a junction ("ngã tư Trần Huy Liệu - Nguyễn Trọng Tuyển")."""
    if _place_word_before(v, toks, i, length):
        return True
    texts = toks.texts
    if i >= 2 and _HOUSE_NUMBER.fullmatch(texts[i - 1]) and (
        texts[i - 2] in v.places
        or (texts[i - 2] in ("số", "Số") and (i == 2 or texts[i - 3] in v.places or texts[i - 3] in _ADDRESS))
    ):
        return True  # not "bệnh nhân số 12 Nguyễn Văn An"
    for m in (1, 2):
        k = i - m - 1
        institution = k >= 0 and (
            texts[k] in v.institutions
            or (k > 0 and texts[k] in v.places and texts[k - 1] in v.institutions)  # Trường THPT chuyên …
            or (k > 0 and toks.words(k - 1, 2) in v.institutions)  # Bệnh viện đa khoa …
        )
        if institution and toks.words(k, 2).lower() not in v.not_places and not (
            k and texts[k - 1][:1].isupper() and texts[k - 1] not in v.places and texts[k - 1] not in v.orgs
        ):  # not the end of a name: "Nguyễn Xuân Trường kể", nor "Trường hợp"
            between = range(k + 1, i)
            if all(texts[x].isalpha() and texts[x].islower() and texts[x] not in v.stops
                   and texts[x] not in v.joiners and texts[x] not in v.places for x in between) and not any(
                head_at(v, toks, x, i) for x in between
            ):
                return True
    if i >= 3 and texts[i - 1] in "-–":
        r = i - 2
        while r > max(0, i - 2 - MAX_NAME) and texts[r - 1][:1].isupper() and texts[r - 1].isalpha():
            r -= 1
        return r < i - 2 and _place_word_before(v, toks, r, i - 1 - r)
    return False


# Names with a second capital: McCain, MacArthur, DeMarco, DiCaprio, LaGuardia, LeBron, O'Neill.
_SECOND_CAPITAL_NAME = re.compile(r"(?:Mc|Mac|De|Di|Du|La|Le|Van|Von|O')[A-Z]")


def _is_brand(word: str) -> bool:
    """A company or product written with capitals inside it (VPBank, KienLongBank, WikiLeaks, TikTok),
    not a name that has one (McCain)."""
    capitals = sum(c.isupper() for c in word)
    return capitals >= 2 and not word.isupper() and not _SECOND_CAPITAL_NAME.match(word)


_ADDRESS = frozenset(("nhà", "Nhà", "chỉ"))  # "nhà số 5 …", "địa chỉ số 12 …"
_HOUSE_NUMBER = re.compile(r"\d{1,5}[A-Za-z]?(?:/\d{1,5}[A-Za-z]?){0,3}")


def _place_word_before(v: Vocabulary, toks: Tokens, i: int, length: int) -> bool:
    for n in (3, 2, 1):
        if i - n < 0 or toks.words(i - n, n) not in v.places:
            continue
        if n == 1 and i >= 2 and (
            toks.words(i - 2, 2).lower() in v.not_places
            or (toks.texts[i - 1].islower() and toks.texts[i - 2].istitle() and toks.texts[i - 2] not in v.orgs)
        ):
            return False
        org = i - n - 1
        if toks.texts[i - 1] in _ADMIN_UNITS and length >= 3 and org >= 0 and toks.texts[org] in v.orgs:
            return org == 0 or title_before(v, toks, org) is None
        return True
    return False


def split_vietnamese(v: Vocabulary, words: list[str], unknown_family: bool = False) -> dict[str, str]:
    full = " ".join(words)
    if unknown_family:
        return {"full": full}
    n = 2 if " ".join(words[:2]) in v.compound_surnames and len(words) > 2 else 1
    return {"full": full, "family": " ".join(words[:n]), "middle": " ".join(words[n:-1]), "given": words[-1]}


def split_foreign(v: Vocabulary, words: list[str]) -> dict[str, str]:
    full = " ".join(words)
    if len(words) == 1:
        return {"full": full, "family": full}  # Putin, Troussier: one foreign word is the family name
    if len(words) >= 2 and (words[0] in v.foreign_families or (len(words) == 2 and "-" in words[1])):
        # Korean and Chinese order: Kim Sang-sik, Ban Ki-moon, Park Hang Seo, Yoon Suk Yeol
        return {"full": full, "family": words[0], "middle": "", "given": " ".join(words[1:])}
    k = 1
    while k < len(words) - 1 and words[k] not in PARTICLES:
        k += 1  # middle names run until a particle or the last word
    family_from = k if words[k] in PARTICLES else len(words) - 1
    return {
        "full": full,
        "given": words[0],
        "middle": " ".join(words[1:family_from]),
        "family": " ".join(words[family_from:]),
    }
