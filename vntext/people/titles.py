"""Title phrases and honorifics around a name.

A title phrase is a head ("Chủ tịch", "đại tá", "nhà thơ", "PGS.TS"), maybe after modifiers
("nguyên", "Phó"), going on with its organisation and scope ("UBND xã Tân Lập", "Bộ Tài chính",
"VKSND tối cao") up to the end of the clause: a verb or function word, a bracket, a dash, a comma
before something that is not a title, or small words that no longer read as an organisation's name.
Heads are matched as written in the data or with a small first letter ("phó chủ tịch UBND xã").
"""

from __future__ import annotations

from collections.abc import Callable

from .tokens import BREAKS, DASHES, Tokens, touching
from .vocabulary import Vocabulary

TITLE_WINDOW = 60  # tokens a title phrase may span; bounds the work on hostile input
_CLOSE = frozenset(")")
_REVERED = frozenset(("Bác", "Cụ"))  # honorifics written with a capital anywhere, out of reverence
# A reporter "of a paper" met in a list before a name is who the person spoke to, not a role of theirs.
_REPORTER = frozenset(("phóng", "Phóng", "PV"))
_SMALL_RUN = 4  # small words an organisation's name goes on with after a capital (Vụ Thi đua khen thưởng)


def degree_at(v: Vocabulary, toks: Tokens, i: int, stop: int) -> int:
    """Length in tokens of a chain of degree abbreviations at *i* ("PGS.TS", "PGS. TS.", "ThS.BS",
    "BS.CKII", "PGS - TS", "Th.S DS"), its last full stop included, or 0."""
    j = i
    while j < stop and _is_degree(v, toks.texts[j]):
        j += 1
        if j < stop and toks.texts[j] == "." and touching(toks[j - 1], toks[j]):
            j += 1
        if j + 1 < stop and toks.texts[j] in DASHES and _is_degree(v, toks.texts[j + 1]):
            j += 1
    return j - i


def _is_degree(v: Vocabulary, token: str) -> bool:
    if token in v.degrees:
        return True
    parts = token.split(".")
    return len(parts) > 1 and all(p in v.degrees or p in v.degree_parts for p in parts)


def head_at(v: Vocabulary, toks: Tokens, i: int, stop: int) -> int:
    """Length in tokens of the title head (modifiers + head) starting at *i*, or 0."""
    j = i
    starts = v.head_starts
    while j < stop:
        text = toks.texts[j]
        if text not in starts:
            degree = degree_at(v, toks, j, stop) if text[:1].isupper() else 0
            return j + degree - i if degree else 0
        degree = degree_at(v, toks, j, stop)
        if degree:
            return j + degree - i
        for n in v.head_lengths.get(text, ()) or v.head_lengths.get(text.lower(), ()):
            if n <= stop - j:
                words = toks.words(j, n)
                if words in v.folded_heads or words.lower() in v.folded_heads:
                    return j + n - i
        # Otherwise skip one modifier ("nguyên", "Phó", "đương kim") and look again.
        if j + 1 < stop and toks.words(j, 2) in v.folded_modifiers:
            j += 2
        elif text in v.folded_modifiers and not (
            text.lower() == "đồng" and j + 1 < stop and toks.texts[j + 1] == "chí"
        ):
            j += 1
        else:
            return 0
    return 0


def honorific_before(
    v: Vocabulary, toks: Tokens, i: int, before_full_name: bool = False
) -> tuple[int, str] | None:
    """(start index, honorific) for an honorific that ends right before token *i*: written small, or
    with a capital where a sentence, clause or bracket starts or out of reverence ("lời dạy của Bác
    Hồ", "dẫn lời Cụ Đặng Thai Mai") — or, for a one-word honorific, anywhere
    *before_full_name* ("... an toàn Bà Trần Thị Ngọc Châu, Giám đốc Sở": a full stop went missing)."""
    if i < 1 or toks.texts[i - 1].lower() not in v.honorific_ends:
        return None
    for n in (2, 1):
        if i - n < 0:
            continue
        phrase = toks.words(i - n, n)
        low = phrase[0].lower() + phrase[1:]
        if low in v.honorifics and (phrase == low or _clause_start(toks, i - n) or phrase in _REVERED):
            if n == 1 and i >= 2 and toks.words(i - 2, 2).lower() in v.kin_compounds:
                return None  # "trẻ em Brasil", "anh em Phu, Dịch": a noun, not a word of address
            return i - n, low
        if n == 1 and before_full_name and low in v.honorifics:
            return i - 1, low
    return None


def _clause_start(toks: Tokens, i: int) -> bool:
    return i == 0 or toks.texts[i - 1] in BREAKS or toks.texts[i - 1] in DASHES or toks.texts[i - 1] in ",“\"'‘"


def title_before(v: Vocabulary, toks: Tokens, i: int) -> int | None:
    """Start of a title head that ends right before token *i* ("HLV", "nhà thơ", "Phó Chủ tịch",
    "PGS.TS."), or None."""
    if i < 1:
        return None
    last = toks.texts[i - 1]
    if not (last in v.single_heads or last.lower() in v.single_heads or last == "." or _is_degree(v, last)
            or (i >= 2 and toks.words(i - 2, 2).lower() in v.head_tails)):
        return None  # no head ends with these words: most words are ruled out at once
    for n in range(1, 5):
        k = i - n
        if k < 0:
            break
        if toks.texts[k] in BREAKS and not (toks.texts[k] == "." and k > 0 and degree_at(v, toks, k - 1, i)):
            break
        if head_at(v, toks, k, i) == n:
            last = toks.texts[i - 1]
            three = i + 2 < len(toks) and all(toks.texts[m][:1].isupper() for m in range(i, i + 3))
            if (last in v.orgs or last in v.scopes or last.lower() in v.scopes) and not three:
                # "trưởng bản Na Khoang", "Trưởng Công an huyện": a unit, then its name; a name of three
                # words is a person's ("Chủ tịch nước Tập Cận Bình")
                return None
            while k >= 2 and toks.texts[k - 1] in DASHES and degree_at(v, toks, k - 2, i):
                k -= 2  # "PGS - TS"
            return k
    return None


def is_stop(v: Vocabulary, toks: Tokens, i: int) -> bool:
    """A verb or function word written small ("cho biết", "tại đây"); written with a capital it is part
    of a name ("Ban Chỉ đạo")."""
    return toks.texts[i] in v.stops or (i > 0 and toks.words(i - 1, 2) in v.stops)


def inside_title(v: Vocabulary, toks: Tokens, i: int) -> bool:
    """A joiner ("và", "của", "tại") inside a title ("khu vực Đông Á và Thái Bình Dương", "Ủy ban Kinh
    tế của Quốc hội") is no boundary when a capitalised word that starts no new title follows it."""
    if toks.texts[i] not in v.joiners or i + 1 >= len(toks):
        return False
    nxt = toks.texts[i + 1]
    return (nxt[0].isupper() or nxt in v.scopes or toks.words(i + 1, 2) in v.scopes) and not head_at(
        v, toks, i + 1, len(toks)
    )


def title_end(v: Vocabulary, toks: Tokens, j: int, limit: int, closers: frozenset[str] = frozenset()) -> int:
    """End (exclusive) of the title phrase whose head starts at *j*: at a separator, a verb or function
    word, or (with no *closers* to wait for) after more small words in a row than an organisation's
    name has."""
    k = j + max(1, head_at(v, toks, j, limit))
    small = 0  # small words since the last capitalised one
    while k < limit:
        text = toks.texts[k]
        if text in DASHES and closers is not DASHES and _joins_acronyms(v, toks, k, limit):
            k += 2  # "Trung tâm GDNN – GDTX huyện …", "Bộ VH - TT - DL": one organisation's name
            small = 0
            continue
        if text in BREAKS or text == "," or text in DASHES or text in closers:
            break
        if k + 1 < limit and toks.words(k, 2) in v.scopes:
            small = 0
            k += 2
            continue
        if text in v.honorifics and k > j + 1 and k + 1 < limit and toks.texts[k + 1] in v.name_starts:
            break  # "... Bí thư Tỉnh ủy ông Nguyễn Văn A": another person (not "võ sĩ quyền anh")
        if is_stop(v, toks, k) and not inside_title(v, toks, k):
            if toks.words(k - 1, 2) in v.stops and k - 1 > j:
                k -= 1
            break
        capital = text[0].isupper() or text[0].isdigit() or text in "&"
        if capital or text in v.scopes or (text in v.joiners and inside_title(v, toks, k)):
            small = 0
        elif text in v.joiners and (text in v.places or k + 1 >= limit or (
            toks.texts[k + 1] in v.honorifics or is_stop(v, toks, k + 1) or head_at(v, toks, k + 1, limit)
        )):
            break  # "... Bí thư Đảng ủy xã và bà Lò Thị Mai", "Chủ tịch UBND tỉnh tại phiên họp"
        else:
            small += 1  # "Vụ Thi đua khen thưởng", "Quỹ hòa giải và phát triển"
            if small > _SMALL_RUN and not closers:
                k -= small - 2  # keep the small half of the last capitalised word: "Cơ quan Tham mưu"
                break
        k += 1
    while k > j + 1 and toks.texts[k - 1] in v.joiners:
        k -= 1
    return max(k, j + 1)


def _joins_acronyms(v: Vocabulary, toks: Tokens, k: int, limit: int) -> bool:
    """True when the dash at *k* stands between two acronyms of one name (GDNN – GDTX), not between a
    title and what follows it."""
    if k < 1 or k + 1 >= limit or not (toks[k - 1].allcaps and toks[k + 1].allcaps):
        return False
    if len(toks.texts[k - 1]) < 2 or len(toks.texts[k + 1]) < 2 or head_at(v, toks, k + 1, limit):
        return False
    return k + 2 >= limit or toks.texts[k + 2] not in DASHES or _joins_acronyms(v, toks, k + 2, limit)


def _opens_clause(v: Vocabulary, toks: Tokens, j: int, k: int) -> bool:
    """True when the capitalised bare title at *j* is followed at *k* by a word of tense or aspect
    ("…, Thủ tướng sẽ thăm"): the subject of a clause of its own, not an apposition ("…, Giám đốc, cho
    biết", "Nguyễn Văn A, cầu thủ không may bị chấn thương")."""
    return toks.texts[j][:1].isupper() and toks.texts[k] in _TENSE


_TENSE = frozenset("sẽ đã đang vừa cũng vẫn đều từng".split())


def titles_before(
    v: Vocabulary, toks: Tokens, a: int, floor: int, full_name: bool = False
) -> tuple[list[tuple[int, int]], int]:
    """Title spans (token ranges) written before the name at *a*, and where the mention starts.

    Titles are separated by commas, or by a dash when a new title follows it ("nhạc sĩ - nhà báo X");
    each must reach the name or the next separator ("các nghệ sĩ gạo cội như NSND X": only "NSND").
    Before a *full_name* (family, middle and given), a head that is an everyday word when written
    small is a title too ("cùng kế toán Đỗ Thị Cẩm Tú", "cán bộ Lê Văn Hải")."""
    k = a - 2  # the two-word ones only: a one-word head such as "trưởng" ends other words (tăng trưởng)
    office = k > 0 and (toks.texts[k - 1] in v.orgs or toks.texts[k - 1] in v.places)  # "Phòng kế toán"
    if full_name and k >= floor and toks.words(k, 2) in v.small_ambiguous_heads and not office:
        return [(k, a)], k
    segments: list[list[int]] = [[]]
    by_dash = [False]  # whether each segment ends at a dash ("nhà thơ - nhà báo X") rather than a comma
    i = a - 1
    while i >= max(floor, a - TITLE_WINDOW):
        text = toks.texts[i]
        if text == "," or (text in DASHES and i + 1 < a and head_at(v, toks, i + 1, a)):
            segments.append([])
            by_dash.append(text in DASHES)
        elif text == "." and i > 0 and degree_at(v, toks, i - 1, a):
            segments[-1].insert(0, i)  # the full stop of "TS." or "PGS. TS."
        elif text == ")" and i == a - 1 and i - 2 >= floor and toks.texts[i - 2] == "(" and toks[i - 1].allcaps:
            segments[-1][:0] = [i - 2, i - 1, i]  # "Diễn đàn Kinh tế Thế giới (WEF) Klaus Schwab"
            i -= 3
            continue
        elif (
            text in BREAKS
            or not (text[0].isalpha() or text in "&-" or text.isdigit())
            or (honorific_before(v, toks, i + 1) and not head_at(v, toks, i, a))
            or (is_stop(v, toks, i) and not inside_title(v, toks, i) and text not in v.joiners)
        ):
            break  # a joiner stays: the name anchors the title's end ("... Hoa Kỳ về khí hậu John Kerry")
        else:
            segments[-1].insert(0, i)
        i -= 1
    titles: list[tuple[int, int]] = []
    start = a
    for n, seg in enumerate(segments):
        if not seg:
            break
        stop = seg[-1] + 1
        first = None
        # Nearest the name, the title may start anywhere in its clause; further back, a whole clause is
        # a title or none is ("khi trượt danh hiệu NSND, NSND Lan Hương": only the second).
        lead = [k for k in seg if toks.texts[k] not in v.joiners][:1]
        for k in seg if n == 0 or by_dash[n] else lead:
            if head_at(v, toks, k, stop):
                first = k
                break
        if first is None:
            break
        if n == 0:
            first = _restart(v, toks, first, stop)
        if n and toks.texts[first] in _REPORTER and stop - first > head_at(v, toks, first, stop):
            break  # "trao đổi với phóng viên Báo X, Thạc sĩ Y": the reporter is someone else
        titles[:0] = _split_last(v, toks, first, stop)
        start = first
        if first != seg[0]:
            break  # the title began inside this segment: nothing further left belongs to it
    return titles, start


def _restart(v: Vocabulary, toks: Tokens, first: int, stop: int) -> int:
    """Where the title right before a name starts, when a verb the stop list lacks cuts the clause:
    "Bộ trưởng Công an giao Đại tá X" is "Đại tá X". A later head counts when a small word that is no
    part of an organisation's name comes before it."""
    for k in range(first + head_at(v, toks, first, stop) + 1, stop):
        before = toks.texts[k - 1]
        if not (before.isalpha() and before.islower()) or before in v.scopes or before in v.joiners:
            continue
        if before in v.folded_modifiers or before in v.places or before in v.orgs or before in v.head_starts:
            continue
        if head_at(v, toks, k, stop):
            return k
    return first


def _split_last(v: Vocabulary, toks: Tokens, first: int, stop: int) -> list[tuple[int, int]]:
    """One title, or two when a degree chain opens it ("PGS.BS Thầy thuốc nhân dân") or an abbreviated
    title closes it ("Giám đốc Nhà hát Chèo Quân đội NSND")."""
    degree = degree_at(v, toks, first, stop)
    if degree == stop - first:
        return [(first, stop)]  # "PGS. TS."
    if degree and head_at(v, toks, first + degree, stop):
        return [(first, first + degree), (first + degree, stop)]
    for m in range(first + 2, stop):
        if toks.texts[m].isupper() and head_at(v, toks, m, stop) == stop - m:
            return [(first, m), (m, stop)]
    return [(first, stop)]


def titles_after(
    v: Vocabulary, toks: Tokens, b: int, is_name_at: Callable[[int], bool]
) -> list[tuple[int, int]]:
    """Title spans written after the name ending at token *b*: after commas, between dashes
    ("ông X - Giám đốc Sở Y tế - cho biết"), in brackets ("ông X (Tỉnh ủy viên, Giám đốc Sở)"), or
    right after the name ("ông X Bí thư Đảng ủy"). *is_name_at(m)* says whether a name starts at
    token *m*: a title then ends there (", Phu nhân Lê Thị Bích Trân" is another person)."""
    titles: list[tuple[int, int]] = []
    n = len(toks)
    i = b
    closers: frozenset[str] = frozenset()
    if i < n and toks.texts[i] == "(" and _aside_end(v, toks, i) and head_at(v, toks, _aside_end(v, toks, i), n):
        j = _aside_end(v, toks, i)  # "Ông Trương Gia Bình (sinh năm 1956) Chủ tịch FPT"
    elif i < n and toks.texts[i] == "(":
        closers = _CLOSE
        i += 1
        j = i
        while j < n and not head_at(v, toks, j, n) and toks.texts[j] not in BREAKS:
            j += 1  # "(29 tuổi, Tổng Giám đốc Công ty X)": an age or a birth year comes first
            if toks.texts[j - 1] == ",":
                break
        if not head_at(v, toks, j, n):
            return titles
    elif i < n and toks.texts[i] in DASHES:
        closers = DASHES  # the title runs to the closing dash or the end of the clause
        j = i + 1
    elif i < n and head_at(v, toks, i, n):  # "ông Giàng A Chu chủ tịch UBND xã Pả Vi"
        j = i
    elif i < n and toks.texts[i] == ",":
        j = i + 1
    else:
        return titles
    while len(titles) < 8:
        if j >= n or not head_at(v, toks, j, n):
            break
        k = title_end(v, toks, j, min(n, j + TITLE_WINDOW), closers)
        clause = k  # the rest of the clause: up to a separator, a verb, or another person's honorific
        while clause < min(n, j + TITLE_WINDOW) and not (
            toks.texts[clause] in BREAKS
            or toks.texts[clause] == ","
            or toks.texts[clause] in v.honorifics
            or (is_stop(v, toks, clause) and not inside_title(v, toks, clause))
        ):
            clause += 1
        # The title is the next person's when a name of two words or more follows in its clause
        # ("..., Trợ lý Ngoại trưởng phụ trách ... Sasha Baker"); one word is the title's company
        # ("ông Ngô Chí Dũng, Chủ tịch VPBank", "(nguyên Phó tổng giám đốc Vinalines)").
        if any(
            toks.texts[m][0].isupper() and is_name_at(m) and (m + 1 < n and toks.texts[m + 1][0].isupper())
            for m in range(j + 1, clause)
        ):
            break
        if not closers and k == j + head_at(v, toks, j, n) and k < n and _opens_clause(v, toks, j, k):
            break  # "…, Thủ tướng sẽ thăm": a bare title and a verb start a clause of their own
        titles.append((j, k))
        if k < n and toks.texts[k] == ",":
            j = k + 1
            continue
        if k + 1 < n and toks.texts[k] == "và" and head_at(v, toks, k + 1, n):
            j = k + 1  # "Chủ tịch HĐQT và nhà sáng lập của Hòa Phát": a second title of the same person
            continue
        break
    return titles


def _aside_end(v: Vocabulary, toks: Tokens, i: int) -> int:
    """Just after the closing bracket of an aside at *i* that holds no title ("(sinh năm 1956)",
    "(SN 1971)", "(52 tuổi)"), or 0."""
    for m in range(i + 1, min(len(toks), i + 8)):
        text = toks.texts[m]
        if text == ")":
            return m + 1 if m + 1 < len(toks) else 0
        if text in BREAKS or head_at(v, toks, m, len(toks)):
            return 0
    return 0
