/* vntext's optional compiled core: scans the pure-Python modules otherwise do with regular expressions,
 * giving exactly the same answers (tests/test_speedups.py checks them against each other).
 *
 * Built when a C compiler is there (setup.py marks the extension optional); vntext/_accel.py imports it
 * unless VNTEXT_PURE=1, and every caller keeps its pure-Python path. The Vietnamese it knows comes from
 * _speedups_tables.h, generated from the syllable model by scripts/generate_speedups.py.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdlib.h>
#include <string.h>

#include "_speedups_tables.h"

#if defined(_MSC_VER)
#define ALWAYS_INLINE __forceinline
#else
#define ALWAYS_INLINE inline __attribute__((always_inline))
#endif

/* Vowel letters by code point: vowel number << 3 | tone, 0 for anything else. Vietnamese letters live
 * in Latin-1, Latin Extended-A/B (ă ĩ ũ ơ ư …) and Latin Extended Additional (U+1EA0-U+1EF9). */
#define LOW_LIMIT 0x250
#define HIGH_FIRST 0x1EA0
#define HIGH_LIMIT 0x1F00
static unsigned char low_letters[LOW_LIMIT];
static unsigned char high_letters[HIGH_LIMIT - HIGH_FIRST];

/* Evidence letters (vntext.evidence) in the Latin blocks, where all of them are: 1 specific, 2 foreign. */
#define EVIDENCE_FIRST 0xC0
#define EVIDENCE_LIMIT 0x1F00
static unsigned char evidence_class[EVIDENCE_LIMIT - EVIDENCE_FIRST];

/* Legacy-text hints (vntext.repair) by code point, as bits; every such character is below HINT_LIMIT. */
#define HINT_LIMIT 0x2200
enum { H_LEGACY = 1, H_CONT = 2, H_TONE = 4, H_LEAD2 = 8, H_LEAD3 = 16, H_VOWEL = 32, H_VIQR_VOWEL = 64 };
static unsigned char hint_class[HINT_LIMIT];

#define MARK_ALL(table, bit)                                                                      \
    for (size_t i_ = 0; i_ < sizeof(table) / sizeof(table[0]); i_++)                             \
        if (table[i_] < HINT_LIMIT)                                                               \
            hint_class[table[i_]] |= (bit);


static inline unsigned char hint_bits(Py_UCS4 ch) {
    return ch < HINT_LIMIT ? hint_class[ch] : 0;
}

/* The first index from i on whose character is at least limit (n if none): the scans' fast skip over
 * the characters that cannot matter, one loop per string kind. */
static inline Py_ssize_t skip_below(int kind, const void *data, Py_ssize_t i, Py_ssize_t n, Py_UCS4 limit) {
    if (kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *d = data;
        while (i < n && d[i] < limit)
            i++;
    } else if (kind == PyUnicode_2BYTE_KIND) {
        const Py_UCS2 *d = data;
        while (i < n && d[i] < limit)
            i++;
    } else {
        const Py_UCS4 *d = data;
        while (i < n && d[i] < limit)
            i++;
    }
    return i;
}

/* The first index from i on whose character c is below limit with table[c] & mask (n if none): the
 * scans' fast skip to the characters a table flags, one loop per string kind. */
static Py_ssize_t next_flagged(int kind, const void *data, Py_ssize_t i, Py_ssize_t n, const unsigned char *table,
                               Py_UCS4 limit, unsigned char mask) {
    if (kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *d = data;
        while (i < n && !(d[i] < limit && (table[d[i]] & mask)))
            i++;
    } else if (kind == PyUnicode_2BYTE_KIND) {
        const Py_UCS2 *d = data;
        while (i < n && !(d[i] < limit && (table[d[i]] & mask)))
            i++;
    } else {
        const Py_UCS4 *d = data;
        while (i < n && !(d[i] < limit && (table[d[i]] & mask)))
            i++;
    }
    return i;
}

/* Characters below VN_NFC_LIMIT that NFC may change or join with their neighbours. */
static unsigned char nfc_unsafe[VN_NFC_LIMIT];

/* ASCII characters the VIQR and the protected-span scans stop at. */
static unsigned char viqr_class[128], trigger_class[128];

static int append_index(PyObject *list, Py_ssize_t i) {
    PyObject *value = PyLong_FromSsize_t(i);
    if (value == NULL)
        return -1;
    int failed = PyList_Append(list, value);
    Py_DECREF(value);
    return failed;
}

static int append_span(PyObject *list, Py_ssize_t start, Py_ssize_t end) {
    PyObject *span = Py_BuildValue("(nn)", start, end);
    if (span == NULL)
        return -1;
    int failed = PyList_Append(list, span);
    Py_DECREF(span);
    return failed;
}

/* A str argument's characters, as the scans read them. */
typedef struct {
    int kind;
    const void *data;
    Py_ssize_t n;
} text_view;

static int view_of(PyObject *arg, const char *name, text_view *view) {
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "%s() needs a str, not %.100s", name, Py_TYPE(arg)->tp_name);
        return 0;
    }
    view->kind = PyUnicode_KIND(arg);
    view->data = PyUnicode_DATA(arg);
    view->n = PyUnicode_GET_LENGTH(arg);
    return 1;
}

static inline unsigned char letter_code(Py_UCS4 ch) {
    if (ch < LOW_LIMIT)
        return low_letters[ch];
    if (ch >= HIGH_FIRST && ch < HIGH_LIMIT)
        return high_letters[ch - HIGH_FIRST];
    return 0;
}

/* An untoned vowel's number, else 0. */
static inline int plain_vowel(Py_UCS4 ch) {
    unsigned char code = letter_code(ch);
    return (code && (code & 7) == 0) ? code >> 3 : 0;
}

/* Whether each code point below LETTER_LIMIT is a letter, worked out once from the Unicode database. */
#define LETTER_LIMIT 0x2000
static unsigned char letter_table[LETTER_LIMIT];

/* A letter as the regular expression's [^\W\d_] means it: alphanumeric, not a decimal digit, not _. */
static inline int unicode_letter(Py_UCS4 ch) {
    return ch != '_' && Py_UNICODE_ISALNUM(ch) && !Py_UNICODE_ISDECIMAL(ch);
}

static inline int is_letter(Py_UCS4 ch) {
    return ch < LETTER_LIMIT ? letter_table[ch] : unicode_letter(ch);
}

/* The misplaced-tone keys of each style in an open-addressing hash set (the sorted arrays from the
 * header, a few per cent full), so a candidate costs about one probe. */
#define SET_BITS 14
#define SET_SIZE (1u << SET_BITS)
static unsigned long long misplaced_sets[2][SET_SIZE]; /* 0: empty (no key is 0) */

static inline unsigned int slot_of(unsigned long long key) {
    return (unsigned int)((key * 0x9E3779B97F4A7C15ULL) >> (64 - SET_BITS));
}

/* A bit per hash value of FILTER_BITS bits, set for each key: most candidates of clean text are turned
 * away by one read of this table, small enough to stay in the first-level cache. */
#define FILTER_BITS 15
static unsigned char misplaced_filters[2][1u << (FILTER_BITS - 3)];

static inline unsigned int filter_bit(unsigned long long key) {
    return (unsigned int)((key * 0x9E3779B97F4A7C15ULL) >> (64 - FILTER_BITS));
}

static void fill_set(unsigned long long *set, unsigned char *filter, const unsigned long long *keys, size_t n) {
    for (size_t i = 0; i < n; i++) {
        unsigned int bit = filter_bit(keys[i]);
        filter[bit >> 3] |= (unsigned char)(1u << (bit & 7));
        unsigned int slot = slot_of(keys[i]);
        while (set[slot] != 0 && set[slot] != keys[i])
            slot = (slot + 1) & (SET_SIZE - 1);
        set[slot] = keys[i];
    }
}

static inline int known(const unsigned long long *set, const unsigned char *filter, unsigned long long key) {
    unsigned int bit = filter_bit(key);
    if (!(filter[bit >> 3] & (1u << (bit & 7))))
        return 0;
    for (unsigned int slot = slot_of(key);; slot = (slot + 1) & (SET_SIZE - 1)) {
        if (set[slot] == key)
            return 1;
        if (set[slot] == 0)
            return 0;
    }
}

#define KEY(context, boundary, vowel, tone, before, after)                                        \
    ((unsigned long long)(context) << 32 | (unsigned long long)(boundary) << 31 |                 \
     (unsigned long long)(vowel) << 27 | (unsigned long long)(tone) << 24 |                       \
     (unsigned long long)(before) << 12 | (unsigned long long)(after))

/* Whether each ASCII character can start a coda (VN_CODA_START). */
static unsigned char coda_start[128];

/* The misplaced-tone check at p, where the vowel numbered vowel stands with tone tone: the end of the
 * vowel run it is in when tones._misplaced_regex(style) matches at p, else 0. Inlined into each scan
 * that makes it, so the string kind is a constant there. */
static ALWAYS_INLINE Py_ssize_t misplaced_at(int kind, const void *data, Py_ssize_t n, Py_ssize_t p, int vowel,
                                             int tone, int style) {
    /* The untoned vowels after it, up to the end of the run, and what follows the run. */
    unsigned int after = 0;
    int count = 0;
    Py_ssize_t j = p + 1;
    int next;
    while (j < n && (next = plain_vowel(PyUnicode_READ(kind, data, j))) != 0) {
        if (++count > 3)
            return 0; /* no nucleus is that long */
        after = after << 4 | (unsigned int)next;
        j++;
    }
    if (count == 0 && (p == 0 || !plain_vowel(PyUnicode_READ(kind, data, p - 1))))
        return 0; /* a toned vowel alone: its tone cannot be on the wrong vowel */
    int boundary;
    if (j == n || !is_letter(PyUnicode_READ(kind, data, j)))
        boundary = 1;
    else {
        Py_UCS4 c = PyUnicode_READ(kind, data, j);
        if (c >= 128 || !coda_start[c])
            return 0;
        boundary = 0;
    }
    /* The untoned vowels before it: the regex's lookbehind checks as many as its form has. */
    const unsigned long long *set = misplaced_sets[style];
    const unsigned char *filter = misplaced_filters[style];
    unsigned int before = 0;
    for (int k = 0; k <= 3; k++) {
        if (k > 0) {
            if (p - k < 0)
                break;
            int prev_vowel = plain_vowel(PyUnicode_READ(kind, data, p - k));
            if (!prev_vowel)
                break;
            before |= (unsigned int)prev_vowel << (4 * (k - 1));
        }
        if (k == 0 && count == 0)
            continue; /* a lone toned vowel is never misplaced */
        int first = k > 0 ? (int)(before >> (4 * (k - 1))) : vowel;
        Py_UCS4 lead = p - k - 1 >= 0 ? PyUnicode_READ(kind, data, p - k - 1) : 0;
        int q = lead == 'q' || lead == 'Q', g = lead == 'g' || lead == 'G';
        int guarded = (first == VN_VOWEL_U && q) || (first == VN_VOWEL_I && g);
        if (!guarded && known(set, filter, KEY(0, boundary, vowel, tone, before, after)))
            return j;
        if ((q || g) && known(set, filter, KEY(q ? 1 : 2, boundary, vowel, tone, before, after)))
            return j;
    }
    return 0;
}

/* misplaced_tones(text, style) -> list of (start, end): where tones._misplaced_regex(style) matches. */
/* The scan of misplaced_tones, written once and inlined into a copy per string kind (the kind is then
 * a constant, and each character is read without a switch on it). Appends to found; -1 on error. */
static ALWAYS_INLINE int misplaced_scan(int kind, const void *data, Py_ssize_t n, int style, PyObject *found) {
    for (Py_ssize_t p = 0; p < n; p++) {
        p = skip_below(kind, data, p, n, 0xC0);
        if (p == n)
            break;
        unsigned char code = letter_code(PyUnicode_READ(kind, data, p));
        if (!(code & 7))
            continue;
        Py_ssize_t end = misplaced_at(kind, data, n, p, code >> 3, code & 7, style);
        if (end) {
            if (append_span(found, p, end) < 0)
                return -1;
            p = end - 1;
        }
    }
    return 0;
}

static PyObject *misplaced_tones(PyObject *self, PyObject *args) {
    PyObject *text;
    int style;
    if (!PyArg_ParseTuple(args, "Ui", &text, &style))
        return NULL;
    style = style ? 1 : 0;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    PyObject *found = PyList_New(0);
    if (found == NULL)
        return NULL;
    if (kind == PyUnicode_1BYTE_KIND && PyUnicode_IS_ASCII(text))
        return found; /* no toned letter in ASCII */
    int failed = kind == PyUnicode_1BYTE_KIND   ? misplaced_scan(PyUnicode_1BYTE_KIND, data, n, style, found)
                 : kind == PyUnicode_2BYTE_KIND ? misplaced_scan(PyUnicode_2BYTE_KIND, data, n, style, found)
                                                : misplaced_scan(PyUnicode_4BYTE_KIND, data, n, style, found);
    if (failed) {
        Py_DECREF(found);
        return NULL;
    }
    return found;
}

/* evidence(text) -> (vietnamese, foreign): how many words (runs of letters, as [^\W\d_]+) hold a
 * letter only Vietnamese uses, and how many one it never uses; what evidence.line_evidence's two
 * patterns count with findall. */
static PyObject *evidence(PyObject *self, PyObject *arg) {
    text_view t;
    if (!view_of(arg, "evidence", &t))
        return NULL;
    int kind = t.kind;
    const void *data = t.data;
    Py_ssize_t n = t.n;
    Py_ssize_t vietnamese = 0, foreign = 0;
    int in_word = 0, has = 0; /* has: bit 1 a specific letter, bit 2 a foreign one */
    for (Py_ssize_t i = 0; i <= n; i++) {
        Py_UCS4 ch = i < n ? PyUnicode_READ(kind, data, i) : 0;
        int letter = i < n && (ch < 128 ? ((ch | 32) >= 'a' && (ch | 32) <= 'z') : is_letter(ch));
        if (letter) {
            in_word = 1;
            if (ch >= EVIDENCE_FIRST && ch < EVIDENCE_LIMIT)
                has |= evidence_class[ch - EVIDENCE_FIRST];
        } else if (in_word) {
            vietnamese += has & 1;
            foreign += (has >> 1) & 1;
            in_word = has = 0;
        }
    }
    return Py_BuildValue("(nn)", vietnamese, foreign);
}

/* positions(text, chars) -> list of the indexes of text whose character is one of chars: what a
 * pattern of one character class finds. A 1024-bit filter on the low bits of each code point turns
 * most characters away before chars is looked through. */
/* A 1024-bit filter of the low bits of the characters of chars, which turns most other characters
 * away before chars is looked through; returns the lowest of them. */
static Py_UCS4 char_filter(PyObject *chars, unsigned char filter[128]) {
    int ckind = PyUnicode_KIND(chars);
    const void *cdata = PyUnicode_DATA(chars);
    Py_UCS4 lowest = 0x110000;
    memset(filter, 0, 128);
    for (Py_ssize_t k = 0; k < PyUnicode_GET_LENGTH(chars); k++) {
        Py_UCS4 c = PyUnicode_READ(ckind, cdata, k);
        if (c < lowest)
            lowest = c;
        filter[(c & 1023) >> 3] |= (unsigned char)(1 << (c & 7));
    }
    return lowest;
}

/* The scan of positions(), inlined into a copy per string kind. Appends to found; -1 on error. */
static ALWAYS_INLINE int positions_scan(int kind, const void *data, Py_ssize_t n, Py_UCS4 lowest,
                                        const unsigned char *filter, PyObject *chars, PyObject *found) {
    int ckind = PyUnicode_KIND(chars);
    const void *cdata = PyUnicode_DATA(chars);
    Py_ssize_t m = PyUnicode_GET_LENGTH(chars);
    for (Py_ssize_t i = skip_below(kind, data, 0, n, lowest); i < n; i = skip_below(kind, data, i + 1, n, lowest)) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (!(filter[(ch & 1023) >> 3] & (1 << (ch & 7))))
            continue;
        for (Py_ssize_t k = 0; k < m; k++)
            if (PyUnicode_READ(ckind, cdata, k) == ch) {
                if (append_index(found, i) < 0)
                    return -1;
                break;
            }
    }
    return 0;
}

static PyObject *positions(PyObject *self, PyObject *args) {
    PyObject *text, *chars;
    if (!PyArg_ParseTuple(args, "UU", &text, &chars))
        return NULL;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    unsigned char filter[128];
    Py_UCS4 lowest = char_filter(chars, filter);
    PyObject *found = PyList_New(0);
    if (found == NULL)
        return NULL;
    int failed = kind == PyUnicode_1BYTE_KIND
                     ? positions_scan(PyUnicode_1BYTE_KIND, data, n, lowest, filter, chars, found)
                 : kind == PyUnicode_2BYTE_KIND
                     ? positions_scan(PyUnicode_2BYTE_KIND, data, n, lowest, filter, chars, found)
                     : positions_scan(PyUnicode_4BYTE_KIND, data, n, lowest, filter, chars, found);
    if (failed) {
        Py_DECREF(found);
        return NULL;
    }
    return found;
}

/* first_between(text, low, high) -> the index of the first character of text from low to high
 * (inclusive), or -1: what searching for the class [low-high] finds. */
static PyObject *first_between(PyObject *self, PyObject *args) {
    PyObject *text;
    unsigned int low, high;
    if (!PyArg_ParseTuple(args, "UII", &text, &low, &high))
        return NULL;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    for (Py_ssize_t i = skip_below(kind, data, 0, n, low); i < n; i = skip_below(kind, data, i + 1, n, low))
        if (PyUnicode_READ(kind, data, i) <= high)
            return PyLong_FromSsize_t(i);
    return PyLong_FromSsize_t(-1);
}

/* legacy_lines(text) -> list of (start, end): the lines repair._lines finds, those holding a hint of
 * legacy or mojibake text (a legacy character, a Windows-1258 tone after a vowel, UTF-8 continuation
 * bytes after their lead byte). */
static PyObject *legacy_lines(PyObject *self, PyObject *arg) {
    text_view t;
    if (!view_of(arg, "legacy_lines", &t))
        return NULL;
    int kind = t.kind;
    const void *data = t.data;
    Py_ssize_t n = t.n;
    PyObject *found = PyList_New(0);
    if (found == NULL)
        return NULL;
    const unsigned char first = H_LEGACY | H_CONT | H_TONE;
    for (Py_ssize_t i = next_flagged(kind, data, 0, n, hint_class, HINT_LIMIT, first); i < n;
         i = next_flagged(kind, data, i + 1, n, hint_class, HINT_LIMIT, first)) {
        unsigned char bits = hint_bits(PyUnicode_READ(kind, data, i));
        unsigned char before = i ? hint_bits(PyUnicode_READ(kind, data, i - 1)) : 0;
        int hint;
        if (bits & H_LEGACY)
            hint = 1;
        else if (bits & H_TONE)
            hint = (before & H_VOWEL) != 0;
        else
            hint = (before & H_LEAD2) ||
                   ((before & H_LEAD3) && i + 1 < n && (hint_bits(PyUnicode_READ(kind, data, i + 1)) & H_CONT));
        if (!hint)
            continue;
        Py_ssize_t start = i, end = i;
        while (start > 0 && PyUnicode_READ(kind, data, start - 1) != '\n')
            start--;
        while (end < n && PyUnicode_READ(kind, data, end) != '\n')
            end++;
        if (append_span(found, start, end) < 0) {
            Py_DECREF(found);
            return NULL;
        }
        i = end; /* the next line */
    }
    return found;
}

/* viqr_starts(text) -> sorted list: where repair._viqr_starts says a VIQR line may begin to show, a
 * "(" or one of ^+`~ after a vowel, or a "dd", "DD" or "Dd" before one (each pair found as str.find
 * finds it, without overlaps). */
static PyObject *viqr_starts(PyObject *self, PyObject *arg) {
    text_view t;
    if (!view_of(arg, "viqr_starts", &t))
        return NULL;
    int kind = t.kind;
    const void *data = t.data;
    Py_ssize_t n = t.n;
    PyObject *found = PyList_New(0);
    if (found == NULL)
        return NULL;
    Py_ssize_t after_dd = 0, after_DD = 0, after_Dd = 0; /* where each pair's next find starts */
    for (Py_ssize_t i = next_flagged(kind, data, 0, n, viqr_class, 128, 1); i < n;
         i = next_flagged(kind, data, i + 1, n, viqr_class, 128, 1)) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        int start = 0;
        if (ch == '(' || ch == '^' || ch == '+' || ch == '`' || ch == '~')
            start = i > 0 && (hint_bits(PyUnicode_READ(kind, data, i - 1)) & H_VIQR_VOWEL);
        else if ((ch == 'd' || ch == 'D') && i + 1 < n) {
            Py_UCS4 next = PyUnicode_READ(kind, data, i + 1);
            Py_ssize_t *after = NULL;
            if (ch == 'd' && next == 'd')
                after = &after_dd;
            else if (ch == 'D' && next == 'D')
                after = &after_DD;
            else if (ch == 'D' && next == 'd')
                after = &after_Dd;
            if (after != NULL && i >= *after) {
                *after = i + 2;
                start = i + 2 < n && (hint_bits(PyUnicode_READ(kind, data, i + 2)) & H_VIQR_VOWEL);
            }
        }
        if (start && append_index(found, i) < 0) {
            Py_DECREF(found);
            return NULL;
        }
    }
    return found;
}

/* next_trigger(text, at) -> (start, end) of the first match of protect._TRIGGER from at on that
 * protect._triggers keeps, or None: the places a URL, e-mail, path or code may be ("://", "www.", "@",
 * ":\\", a "/" that starts "/name/", "`"), less a "/name/" right after a word, which is passed over as
 * the pattern passes over it. One at a time, so text made of nothing else costs no list of them. */
/* Where the protect._TRIGGER match at i (whose character is ch) ends, or -1 if none starts there or
 * protect._triggers drops it: a "/name/" right after a word, whose closing "/" is then put in *resume
 * (the pattern goes on after the match it passed over). */
static Py_ssize_t trigger_end(int kind, const void *data, Py_ssize_t n, Py_ssize_t i, Py_UCS4 ch, Py_ssize_t *resume) {
#define AT(k) ((k) < n ? PyUnicode_READ(kind, data, (k)) : 0)
    if (ch == '@' || ch == '`')
        return i + 1;
    if (ch == ':')
        return AT(i + 1) == '/' && AT(i + 2) == '/' ? i + 3 : AT(i + 1) == '\\' ? i + 2 : -1;
    if (ch == 'w')
        return AT(i + 1) == 'w' && AT(i + 2) == 'w' && AT(i + 3) == '.' ? i + 4 : -1;
    if (ch != '/')
        return -1;
    Py_ssize_t j = i + 1;
    while (j < n) {
        Py_UCS4 c = PyUnicode_READ(kind, data, j);
        if (!(c == '_' || c == '.' || c == '@' || c == '+' || c == '~' || c == '-' || Py_UNICODE_ISALNUM(c)))
            break;
        j++;
    }
    if (!(j > i + 1 && j < n && PyUnicode_READ(kind, data, j) == '/'))
        return -1;
    Py_UCS4 prev = i > 0 ? PyUnicode_READ(kind, data, i - 1) : 0;
    if (i > 0 && (prev == '_' || prev == '/' || prev == '-' || Py_UNICODE_ISALNUM(prev))) {
        *resume = j; /* after a word: no path starts here (protect._after_word) */
        return -1;
    }
    return j + 1;
#undef AT
}

static PyObject *next_trigger(PyObject *self, PyObject *args) {
    PyObject *text;
    Py_ssize_t at;
    if (!PyArg_ParseTuple(args, "Un", &text, &at))
        return NULL;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    for (Py_ssize_t i = next_flagged(kind, data, at < 0 ? 0 : at, n, trigger_class, 128, 1); i < n;
         i = next_flagged(kind, data, i + 1, n, trigger_class, 128, 1)) {
        Py_ssize_t resume = i;
        Py_ssize_t end = trigger_end(kind, data, n, i, PyUnicode_READ(kind, data, i), &resume);
        if (end >= 0)
            return Py_BuildValue("(nn)", i, end);
        i = resume;
    }
    Py_RETURN_NONE;
}

/* A str built for the widest character it might hold, in the narrowest form its characters need (as
 * every str must be: a two-byte string of ASCII letters would not compare equal to the same letters). */
static PyObject *canonical(PyObject *built) {
    Py_UCS4 room = PyUnicode_MAX_CHAR_VALUE(built);
    if (room <= 0x7F)
        return built;
    int kind = PyUnicode_KIND(built);
    const void *data = PyUnicode_DATA(built);
    Py_ssize_t n = PyUnicode_GET_LENGTH(built);
    Py_UCS4 below = room == 0xFF ? 0x7F : room == 0xFFFF ? 0xFF : 0xFFFF; /* the next narrower form's top */
    for (Py_ssize_t i = 0; i < n; i++)
        if (PyUnicode_READ(kind, data, i) > below)
            return built; /* one character needs this form: it is the narrowest */
    PyObject *narrow = PyUnicode_FromKindAndData(kind, data, n);
    Py_DECREF(built);
    return narrow;
}

/* apply_edits(text, edits) -> text with edits, a list of (start, end, replacement) sorted and not
 * overlapping, applied: what edits.apply builds by slicing and joining, in one allocation. */
static PyObject *apply_edits(PyObject *self, PyObject *args) {
    PyObject *text, *edits;
    if (!PyArg_ParseTuple(args, "UO!", &text, &PyList_Type, &edits))
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), count = PyList_GET_SIZE(edits);
    if (count == 0)
        return Py_NewRef(text);
    Py_ssize_t length = n, last = 0;
    Py_UCS4 widest = PyUnicode_MAX_CHAR_VALUE(text);
    for (Py_ssize_t k = 0; k < count; k++) {
        PyObject *edit = PyList_GET_ITEM(edits, k);
        if (!PyTuple_Check(edit) || PyTuple_GET_SIZE(edit) != 3 || !PyUnicode_Check(PyTuple_GET_ITEM(edit, 2))) {
            PyErr_SetString(PyExc_TypeError, "apply_edits() needs (start, end, str) tuples");
            return NULL;
        }
        Py_ssize_t start = PyLong_AsSsize_t(PyTuple_GET_ITEM(edit, 0));
        Py_ssize_t end = PyLong_AsSsize_t(PyTuple_GET_ITEM(edit, 1));
        if (PyErr_Occurred())
            return NULL;
        if (start < last || end < start || end > n) {
            PyErr_SetString(PyExc_ValueError, "apply_edits() needs sorted edits that do not overlap, inside the text");
            return NULL;
        }
        PyObject *new = PyTuple_GET_ITEM(edit, 2);
        length += PyUnicode_GET_LENGTH(new) - (end - start);
        if (PyUnicode_MAX_CHAR_VALUE(new) > widest)
            widest = PyUnicode_MAX_CHAR_VALUE(new);
        last = end;
    }
    PyObject *out = PyUnicode_New(length, widest);
    if (out == NULL)
        return NULL;
    Py_ssize_t at = 0;
    last = 0;
    for (Py_ssize_t k = 0; k < count; k++) {
        PyObject *edit = PyList_GET_ITEM(edits, k);
        Py_ssize_t start = PyLong_AsSsize_t(PyTuple_GET_ITEM(edit, 0));
        Py_ssize_t end = PyLong_AsSsize_t(PyTuple_GET_ITEM(edit, 1));
        PyObject *new = PyTuple_GET_ITEM(edit, 2);
        if (PyUnicode_CopyCharacters(out, at, text, last, start - last) < 0 ||
            PyUnicode_CopyCharacters(out, at + start - last, new, 0, PyUnicode_GET_LENGTH(new)) < 0) {
            Py_DECREF(out);
            return NULL;
        }
        at += start - last + PyUnicode_GET_LENGTH(new);
        last = end;
    }
    if (PyUnicode_CopyCharacters(out, at, text, last, n - last) < 0) {
        Py_DECREF(out);
        return NULL;
    }
    return canonical(out);
}

/* nfc_stable(text) -> True when every character of text is below VN_NFC_LIMIT and none is one NFC
 * may change or join: such text is its own NFC, so normalising it can be skipped. False says nothing. */
static PyObject *nfc_stable(PyObject *self, PyObject *arg) {
    text_view t;
    if (!view_of(arg, "nfc_stable", &t))
        return NULL;
    for (Py_ssize_t i = skip_below(t.kind, t.data, 0, t.n, 0x300); i < t.n;
         i = skip_below(t.kind, t.data, i + 1, t.n, 0x300)) {
        Py_UCS4 ch = PyUnicode_READ(t.kind, t.data, i);
        if (ch >= VN_NFC_LIMIT || nfc_unsafe[ch])
            Py_RETURN_FALSE;
    }
    Py_RETURN_TRUE;
}

/* survey(text, dirty[, found[, style, tones]]) -> flags: in one pass, which of the pipeline's scans can find anything in text, so
 * the steps with nothing to do are not run. A clear bit is a promise, a set bit only a maybe:
 *   SURVEY_TRIGGER  protect's triggers, less a "/" after a letter, digit, "_", "/" or "-" (28/6/2024),
 *                   which never starts a path: clear, protected_spans(text) is empty;
 *   SURVEY_LEGACY   a legacy or mojibake hint (legacy_lines) or a VIQR start (viqr_starts): clear, the
 *                   repair has no line to look at;
 *   SURVEY_NFC      a character NFC may change (nfc_stable): clear, text is its own NFC;
 *   SURVEY_DIRTY    one of the characters dirty holds (clean.DIRTY_CHARS): clear, nothing to clean;
 *   SURVEY_SPACES   two spaces in a row: clear, no run of spaces to join.
 * It stops as soon as every bit is set, unless it is given a list found: then it goes on to the end and
 * appends the index of every dirty character to it (what positions(text, dirty) returns), so the
 * clean-up needs no scan of its own; given a style and a list tones too, it appends to that what
 * misplaced_tones(text, style) returns, so the tone step needs none either. */
enum { SURVEY_TRIGGER = 1, SURVEY_LEGACY = 2, SURVEY_NFC = 4, SURVEY_DIRTY = 8, SURVEY_SPACES = 16, SURVEY_ALL = 31 };

/* What each character below SURVEY_LIMIT is to the survey, 16 bits: the low byte what it may show
 * alone (SURVEY_ bits), the high byte what it is in the pairs of neighbours the survey looks for: a
 * toned vowel beside an untoned one (where a tone may be misplaced), two spaces, dd (VIQR's đ). Each
 * of those letters alone is too common to stop at. */
enum { PAIR_PLAIN = 0x100, PAIR_TONED = 0x200, PAIR_SPACE = 0x400, PAIR_DEE = 0x800 };
#define SURVEY_LIMIT 0x2200
static unsigned short survey_class[SURVEY_LIMIT]; /* built at import */
static unsigned short survey_table[SURVEY_LIMIT]; /* survey_class with the dirty characters of survey_dirty */
static PyObject *survey_dirty = NULL;             /* a reference to the dirty string survey_table is for */

/* The tight loop reads one small class per character and looks the pair (class before, class) up in a
 * table that says what to do there, so it costs a few instructions a character and branches only
 * where there is something to look at. A class is a combination of the KIND_ bits; a table entry of
 * the HIT_ bits. There is one table for each set of pairs still looked for (PAIRS_ bits). */
enum { KIND_PLAIN = 1, KIND_TONED = 2, KIND_SPACE = 4, KIND_DEE = 8, KIND_ALONE = 16, KIND_FORCE = 32, KINDS = 64 };
enum { HIT_TONED_HERE = 1, HIT_TONED_BEFORE = 2, HIT_SPACES = 4, HIT_DEE = 8, HIT_ALONE = 16 };
enum { PAIRS_TONES = 1, PAIRS_SPACES = 2, PAIRS_DEE = 4, PAIRS_STATES = 8 };
static unsigned char survey_kinds[SURVEY_LIMIT]; /* the class of each character, for survey_dirty */
static unsigned char survey_hits[PAIRS_STATES][KINDS * KINDS];

static void build_survey_hits(void) {
    for (int state = 0; state < PAIRS_STATES; state++)
        for (int before = 0; before < KINDS; before++)
            for (int kind = 0; kind < KINDS; kind++) {
                unsigned char hit = 0;
                if (state & PAIRS_TONES) {
                    if ((kind & KIND_TONED) && (before & KIND_PLAIN))
                        hit |= HIT_TONED_HERE;
                    if ((kind & KIND_PLAIN) && (before & KIND_TONED))
                        hit |= HIT_TONED_BEFORE;
                }
                if ((state & PAIRS_SPACES) && (kind & KIND_SPACE) && (before & KIND_SPACE))
                    hit |= HIT_SPACES;
                if ((state & PAIRS_DEE) && (kind & KIND_DEE) && (before & KIND_DEE))
                    hit |= HIT_DEE;
                if (kind & (KIND_ALONE | KIND_FORCE))
                    hit |= HIT_ALONE;
                survey_hits[state][before * KINDS + kind] = hit;
            }
}

/* One character the tight loop stopped at: the checks the scans it stands for would make there. */
static int survey_at(int kind, const void *data, Py_ssize_t n, Py_ssize_t i, int flags, Py_ssize_t pairs[3],
                     const unsigned char *filter, int dkind, const void *ddata, Py_ssize_t m, PyObject *found) {
    Py_UCS4 ch = PyUnicode_READ(kind, data, i);
    Py_ssize_t resume; /* a trigger passed over: the survey looks at every place anyway */
    if (ch < HINT_LIMIT && (hint_class[ch] & (H_LEGACY | H_CONT | H_TONE)) && !(flags & SURVEY_LEGACY)) {
        unsigned char bits = hint_class[ch];
        unsigned char before = i ? hint_bits(PyUnicode_READ(kind, data, i - 1)) : 0;
        if ((bits & H_LEGACY) || ((bits & H_TONE) && (before & H_VOWEL)) ||
            (!(bits & (H_LEGACY | H_TONE)) &&
             ((before & H_LEAD2) ||
              ((before & H_LEAD3) && i + 1 < n && (hint_bits(PyUnicode_READ(kind, data, i + 1)) & H_CONT)))))
            flags |= SURVEY_LEGACY;
    }
    if (ch < 128) {
        if (trigger_class[ch] && !(flags & SURVEY_TRIGGER) && trigger_end(kind, data, n, i, ch, &resume) >= 0)
            flags |= SURVEY_TRIGGER;
        if (viqr_class[ch] && !(flags & SURVEY_LEGACY)) {
            if (ch == 'd' || ch == 'D') {
                Py_UCS4 next = i + 1 < n ? PyUnicode_READ(kind, data, i + 1) : 0;
                int pair = ch == 'd' && next == 'd' ? 0 : ch == 'D' && next == 'D' ? 1 : ch == 'D' && next == 'd' ? 2 : -1;
                if (pair >= 0 && i >= pairs[pair]) {
                    pairs[pair] = i + 2;
                    if (i + 2 < n && (hint_bits(PyUnicode_READ(kind, data, i + 2)) & H_VIQR_VOWEL))
                        flags |= SURVEY_LEGACY;
                }
            } else if (i > 0 && (hint_bits(PyUnicode_READ(kind, data, i - 1)) & H_VIQR_VOWEL))
                flags |= SURVEY_LEGACY;
        }
        return flags;
    }
    if (ch >= 0x300 && (ch >= VN_NFC_LIMIT || nfc_unsafe[ch]))
        flags |= SURVEY_NFC;
    if ((found != NULL || !(flags & SURVEY_DIRTY)) && (filter[(ch & 1023) >> 3] & (1 << (ch & 7))))
        for (Py_ssize_t k = 0; k < m; k++)
            if (PyUnicode_READ(dkind, ddata, k) == ch) {
                flags |= SURVEY_DIRTY;
                if (found != NULL && append_index(found, i) < 0)
                    return -1;
                break;
            }
    return flags;
}

/* survey_table for the dirty characters dirty: rebuilt only when they change (callers pass one
 * constant string). 0 on success, -1 with an exception set. */
static int survey_table_for(PyObject *dirty) {
    if (survey_dirty != NULL && (survey_dirty == dirty || PyUnicode_Compare(survey_dirty, dirty) == 0))
        return 0;
    if (PyErr_Occurred())
        return -1;
    int dkind = PyUnicode_KIND(dirty);
    const void *ddata = PyUnicode_DATA(dirty);
    memcpy(survey_table, survey_class, sizeof(survey_table));
    for (Py_ssize_t k = 0; k < PyUnicode_GET_LENGTH(dirty); k++) {
        Py_UCS4 c = PyUnicode_READ(dkind, ddata, k);
        if (c < SURVEY_LIMIT)
            survey_table[c] |= SURVEY_DIRTY;
    }
    for (Py_UCS4 c = 0; c < SURVEY_LIMIT; c++) {
        unsigned short bits = survey_table[c];
        survey_kinds[c] = (unsigned char)((bits & PAIR_PLAIN ? KIND_PLAIN : 0) | (bits & PAIR_TONED ? KIND_TONED : 0) |
                                          (bits & PAIR_SPACE ? KIND_SPACE : 0) | (bits & PAIR_DEE ? KIND_DEE : 0) |
                                          (bits & 0xFF ? KIND_ALONE : 0));
    }
    Py_INCREF(dirty);
    Py_XSETREF(survey_dirty, dirty);
    return 0;
}

static PyObject *survey(PyObject *self, PyObject *args) {
    PyObject *text, *dirty, *found = NULL, *tones = NULL;
    int style = 0;
    if (!PyArg_ParseTuple(args, "UU|O!iO!", &text, &dirty, &PyList_Type, &found, &style, &PyList_Type, &tones))
        return NULL;
    style = style ? 1 : 0;
    int kind = PyUnicode_KIND(text), dkind = PyUnicode_KIND(dirty);
    const void *data = PyUnicode_DATA(text), *ddata = PyUnicode_DATA(dirty);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), m = PyUnicode_GET_LENGTH(dirty);
    unsigned char filter[128]; /* the dirty characters, as in positions() */
    if (char_filter(dirty, filter) < 128) {
        PyErr_SetString(PyExc_ValueError, "survey() looks for dirty characters outside ASCII only");
        return NULL;
    }
    if (survey_table_for(dirty) < 0)
        return NULL;
    const unsigned short *cls = survey_table;
    Py_ssize_t pairs[3] = {0, 0, 0}; /* viqr_starts' dd, DD and Dd, each found without overlaps */
    int flags = 0;
    /* With a list to fill, the survey goes on to the end: every dirty character, every tone. */
    int always = found != NULL || tones != NULL;
    Py_ssize_t tone_from = 0; /* toned vowels before it are looked at, or inside a run found misplaced */
    /* What the loop still looks for: bits alone, and pairs of neighbours; both shrink as flags are found. */
    unsigned int alone = 0;
    const unsigned char *hits = NULL;
#define SURVEY_MASKS()                                                                                 \
    do {                                                                                               \
        alone = (SURVEY_ALL & ~SURVEY_SPACES & ~(unsigned int)flags) | (found != NULL ? SURVEY_DIRTY : 0); \
        hits = survey_hits[(tones != NULL ? PAIRS_TONES : 0) | (flags & SURVEY_SPACES ? 0 : PAIRS_SPACES) | \
                           (flags & SURVEY_LEGACY ? 0 : PAIRS_DEE)];                                   \
    } while (0)
    SURVEY_MASKS();
#define SURVEY_LOOP(T, K)                                                                              \
    {                                                                                                  \
        const T *d = data;                                                                             \
        unsigned int before = 0; /* the class of the character before */                              \
        for (Py_ssize_t i = 0; i < n && (flags != SURVEY_ALL || always); i++) {                        \
            Py_UCS4 c = d[i];                                                                          \
            unsigned int k = c < SURVEY_LIMIT ? survey_kinds[c] : KIND_FORCE;                          \
            unsigned int hit = hits[before * KINDS + k];                                               \
            before = k;                                                                                \
            if (!hit)                                                                                  \
                continue;                                                                              \
            int was = flags;                                                                           \
            if (hit & (HIT_TONED_HERE | HIT_TONED_BEFORE)) {                                           \
                Py_ssize_t p = hit & HIT_TONED_HERE ? i : i - 1;                                       \
                if (p >= tone_from) {                                                                  \
                    unsigned char code = letter_code(d[p]);                                            \
                    Py_ssize_t end = misplaced_at(K, data, n, p, code >> 3, code & 7, style);          \
                    if (end && append_span(tones, p, end) < 0)                                         \
                        return NULL;                                                                   \
                    tone_from = end ? end : p + 1;                                                     \
                }                                                                                      \
            }                                                                                          \
            if (hit & HIT_SPACES)                                                                      \
                flags |= SURVEY_SPACES;                                                                \
            if (hit & HIT_DEE)                                                                         \
                flags = survey_at(K, data, n, i - 1, flags, pairs, filter, dkind, ddata, m, found);    \
            if ((hit & HIT_ALONE) && (c >= SURVEY_LIMIT || (cls[c] & alone))) {                        \
                flags = survey_at(K, data, n, i, flags, pairs, filter, dkind, ddata, m, found);        \
                if (flags < 0)                                                                         \
                    return NULL;                                                                       \
            }                                                                                          \
            if (flags != was)                                                                          \
                SURVEY_MASKS();                                                                        \
        }                                                                                              \
    }
    if (kind == PyUnicode_1BYTE_KIND)
        SURVEY_LOOP(Py_UCS1, PyUnicode_1BYTE_KIND)
    else if (kind == PyUnicode_2BYTE_KIND)
        SURVEY_LOOP(Py_UCS2, PyUnicode_2BYTE_KIND)
    else
        SURVEY_LOOP(Py_UCS4, PyUnicode_4BYTE_KIND)
#undef SURVEY_LOOP
#undef SURVEY_MASKS
    return PyLong_FromLong(flags);
}

static PyMethodDef methods[] = {
    {"misplaced_tones", misplaced_tones, METH_VARARGS,
     "misplaced_tones(text, style) -> list of (start, end): the spans vntext.tones' misplaced-tone "
     "pattern matches in text (style 0: new, 1: old)."},
    {"evidence", evidence, METH_O,
     "evidence(text) -> (vietnamese, foreign): the words of text with a letter only Vietnamese uses, and "
     "with one it never uses (vntext.evidence.line_evidence)."},
    {"positions", positions, METH_VARARGS,
     "positions(text, chars) -> list of the indexes of text whose character is in chars."},
    {"first_between", first_between, METH_VARARGS,
     "first_between(text, low, high) -> index of the first character from low to high, or -1."},
    {"legacy_lines", legacy_lines, METH_O,
     "legacy_lines(text) -> list of (start, end): the lines with a hint of legacy or mojibake text."},
    {"next_trigger", next_trigger, METH_VARARGS,
     "next_trigger(text, at) -> (start, end) of the next place a URL, e-mail, path or code may be, or None."},
    {"apply_edits", apply_edits, METH_VARARGS,
     "apply_edits(text, edits) -> text with sorted, non-overlapping (start, end, str) edits applied."},
    {"nfc_stable", nfc_stable, METH_O,
     "nfc_stable(text) -> True when text is NFC by its characters alone (False says nothing)."},
    {"survey", survey, METH_VARARGS,
     "survey(text, dirty[, found[, style, tones]]) -> flags: which of the pipeline's scans can find "
     "anything in text (a clear bit is a promise: 1 protect triggers, 2 legacy or VIQR hints, 4 not "
     "NFC-stable, 8 dirty characters, 16 two spaces); with a list found, also appends where each dirty "
     "character is; with a style and a list tones, also appends misplaced_tones(text, style)."},
    {"viqr_starts", viqr_starts, METH_O,
     "viqr_starts(text) -> sorted list of where a VIQR mark or dd shows."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "vntext._speedups", "vntext's optional compiled core.", -1, methods,
};

/* The lookup tables, from the generated header, once when the module is imported. */
static void build_letter_tables(void) {
    for (Py_UCS4 ch = 0; ch < LETTER_LIMIT; ch++)
        letter_table[ch] = (unsigned char)unicode_letter(ch);
    fill_set(misplaced_sets[0], misplaced_filters[0], VN_MISPLACED_NEW, sizeof(VN_MISPLACED_NEW) / sizeof(VN_MISPLACED_NEW[0]));
    fill_set(misplaced_sets[1], misplaced_filters[1], VN_MISPLACED_OLD, sizeof(VN_MISPLACED_OLD) / sizeof(VN_MISPLACED_OLD[0]));
    MARK_ALL(VN_LEGACY, H_LEGACY)
    MARK_ALL(VN_CONT, H_CONT)
    MARK_ALL(VN_CP1258_TONES, H_TONE)
    MARK_ALL(VN_LEAD2, H_LEAD2)
    MARK_ALL(VN_LEAD3, H_LEAD3)
    MARK_ALL(VN_CP1258_VOWELS, H_VOWEL)
    MARK_ALL(VN_VIQR_VOWELS, H_VIQR_VOWEL)
    for (size_t i = 0; i < sizeof(VN_NFC_UNSAFE) / sizeof(VN_NFC_UNSAFE[0]); i++)
        for (unsigned int cp = VN_NFC_UNSAFE[i][0]; cp <= VN_NFC_UNSAFE[i][1]; cp++)
            nfc_unsafe[cp] = 1;
    for (const char *c = "(^+`~dD"; *c; c++)
        viqr_class[(unsigned char)*c] = 1;
    for (const char *c = "@`:w/"; *c; c++)
        trigger_class[(unsigned char)*c] = 1;
    for (const char *c = VN_CODA_START; *c; c++)
        coda_start[(unsigned char)*c] = 1;
    for (Py_UCS4 ch = 0; ch < SURVEY_LIMIT; ch++) {
        unsigned short bits = 0;
        if (hint_class[ch] & (H_LEGACY | H_CONT | H_TONE))
            bits |= SURVEY_LEGACY;
        if (ch < 128 && viqr_class[ch] && ch != 'd' && ch != 'D')
            bits |= SURVEY_LEGACY;
        if (ch == 'd' || ch == 'D')
            bits |= PAIR_DEE;
        if (ch < 128 && trigger_class[ch])
            bits |= SURVEY_TRIGGER;
        if (ch == ' ')
            bits |= PAIR_SPACE;
        if (ch >= 0x300 && (ch >= VN_NFC_LIMIT || nfc_unsafe[ch]))
            bits |= SURVEY_NFC;
        survey_class[ch] = bits;
    }
    for (size_t i = 0; i < sizeof(VN_SPECIFIC) / sizeof(VN_SPECIFIC[0]); i++)
        if (VN_SPECIFIC[i] >= EVIDENCE_FIRST && VN_SPECIFIC[i] < EVIDENCE_LIMIT)
            evidence_class[VN_SPECIFIC[i] - EVIDENCE_FIRST] = 1;
    for (size_t i = 0; i < sizeof(VN_FOREIGN) / sizeof(VN_FOREIGN[0]); i++)
        if (VN_FOREIGN[i] >= EVIDENCE_FIRST && VN_FOREIGN[i] < EVIDENCE_LIMIT)
            evidence_class[VN_FOREIGN[i] - EVIDENCE_FIRST] = 2;
    size_t n = sizeof(VN_LETTERS) / sizeof(VN_LETTERS[0]);
    for (size_t i = 0; i < n; i++) {
        unsigned int cp = VN_LETTERS[i].cp;
        unsigned char code = (unsigned char)(VN_LETTERS[i].vowel << 3 | VN_LETTERS[i].tone);
        if (cp < LOW_LIMIT)
            low_letters[cp] = code;
        else if (cp >= HIGH_FIRST && cp < HIGH_LIMIT)
            high_letters[cp - HIGH_FIRST] = code;
    }
    for (Py_UCS4 ch = 0; ch < SURVEY_LIMIT; ch++)
        survey_class[ch] |= (letter_code(ch) & 7) ? PAIR_TONED : plain_vowel(ch) ? PAIR_PLAIN : 0;
}

PyMODINIT_FUNC PyInit__speedups(void) {
    build_letter_tables();
    build_survey_hits();
    return PyModule_Create(&module);
}
