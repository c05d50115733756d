"""Whether two folded words are spellings of one name, and how their spellings differ."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from discrepancy.names.lexicon import Lexicon, lexicon

# How the internal symbols of the rewrite step are shown in reasons.
_SHOW = {"S": "sh", "Z": "zh", "C": "ch", "X": "kh", "G": "gh", "J": "j", "T": "th", "D": "dh", "L": "ll"}

# Kinds of word match, strongest first. EXACT: equal after folding. INITIAL: "J" / "John".
# ARTICLE: the Arabic article written joined ("Alqahtani" / "Qahtani"). FEMININE: the female form
# of a surname (Aliyeva / Aliyev), a different person of the same family. The others are spelling
# differences that a report may want to show.
EXACT, INITIAL, ARTICLE = "exact", "initial", "article"
SPELLING, EQUIVALENT, SHORT, FEMININE = "spelling", "equivalent", "short", "feminine"


@dataclass(frozen=True)
class Edit:
    """One difference between two spellings, oriented from the first word to the second."""

    label: str
    """What kind of difference: "vowel", "dropped", "doubled", "swap", or a rule's label ("g/k")."""
    left: str
    """What the first word has here ("" when it has nothing)."""
    right: str
    """What the second word has here ("" when it has nothing)."""

    def flipped(self) -> "Edit":
        """The same edit seen from the second word."""
        return Edit(self.label, self.right, self.left)

    def describe(self) -> str:
        """The edit in words: "vowel variant a/e", "g/k", "doubled s", "h written in one"."""
        left, right = _show(self.left), _show(self.right)
        if self.label == "vowel":
            return f"vowel variant {left}/{right}"
        if self.label == "dropped":
            return f"{left or right} dropped"
        if self.label == "doubled":
            return f"{left or right} doubled in one"
        if self.label == "swap":
            return f"letters swapped ({left}/{right})"
        if self.label == "other":
            return f"{left or '-'}/{right or '-'} differ"
        return self.label


def _show(symbols: str) -> str:
    return "".join(_SHOW.get(c, c) for c in symbols)


@dataclass(frozen=True)
class WordMatch:
    """Two words judged spellings of one name part."""

    kind: str
    """EXACT, INITIAL, ARTICLE, SPELLING, EQUIVALENT, SHORT or FEMININE."""
    score: float
    """How close the spellings are, 0..1 (1 for EXACT)."""
    edits: tuple[Edit, ...] = ()
    """For SPELLING: the differences, oriented from the first word to the second."""
    first_is_longer: bool = False
    """For SHORT, FEMININE and ARTICLE: whether the first word is the full / female / joined form."""

    def flipped(self) -> "WordMatch":
        """The same match seen from the second word."""
        return WordMatch(self.kind, self.score, tuple(e.flipped() for e in self.edits),
                         not self.first_is_longer if self.kind in (SHORT, FEMININE, ARTICLE) else False)


@lru_cache(maxsize=65536)
def spell(word: str) -> str:
    """`word` (folded) after the spelling rewrites, with letters written twice counted once."""
    for rule in lexicon().rewrites:
        word = rule.pattern.sub(rule.to, word)
    return re.sub(r"(.)\1+", r"\1", word)


@lru_cache(maxsize=1)
def _spelled_groups() -> dict[str, frozenset[int]]:
    groups: dict[str, set[int]] = {}
    for form, ids in lexicon().name_groups.items():
        groups.setdefault(spell(form), set()).update(ids)
        groups.setdefault(form, set()).update(ids)
    return {k: frozenset(v) for k, v in groups.items()}


def name_groups(word: str) -> frozenset[int]:
    """Ids of the given-name equivalence groups the folded `word` belongs to."""
    table = _spelled_groups()
    return table.get(word, frozenset()) | table.get(spell(word), frozenset())


def _rule_edits(a: str, b: str, lex: Lexicon) -> list[Edit]:
    """Labelled rewrite rules whose matches differ between the words (-zadeh / -zoda, dzh / j)."""
    out = []
    for rule in lex.rewrites:
        if rule.label is None:
            continue
        ma, mb = rule.pattern.findall(a), rule.pattern.findall(b)
        if (ma or mb) and ma != mb:
            out.append(Edit(rule.label, "/".join(ma), "/".join(mb)))
        a, b = rule.pattern.sub(rule.to, a), rule.pattern.sub(rule.to, b)
    # letters written twice in one word only: Wekesa / Wekessa
    da = set(re.findall(r"(.)\1+", a))
    db = set(re.findall(r"(.)\1+", b))
    for letter in sorted(da ^ db):
        out.append(Edit("doubled", letter if letter in da else "", letter if letter in db else ""))
    return out


def _indel_cost(word: str, i: int, lex: Lexicon) -> tuple[float, bool]:
    """Cost of inserting or deleting word[i], and whether that is an "other" (expensive) edit."""
    c = word[i]
    costs = lex.costs
    if c in lex.vowels:
        return costs["vowel_indel"], False
    if c == "y":
        return costs["glide_indel"], False
    if c == "J" and i > 0 and word[i - 1] in lex.vowels:
        return costs["glide_indel"], False  # German/Polish j as y: Alijew / Aliev
    if c == "h":
        return costs["h_indel"], False
    return costs["other"], True


@lru_cache(maxsize=8192)
def _sub_cost(a: str, b: str) -> tuple[float, str, bool]:
    """Cost and label of writing symbol `a` as `b`, and whether that is an "other" edit."""
    lex = lexicon()
    if a == b:
        return 0.0, "", False
    if a in lex.vowels and b in lex.vowels:
        return lex.costs["vowel_substitution"], "vowel", False
    sub = lex.substitutions.get((a, b))
    if sub is not None:
        return sub.cost, sub.label, False
    return lex.costs["other"], "other", True


@lru_cache(maxsize=262144)
def edit_path(a: str, b: str, limit: float = float("inf")) -> tuple[float, int, tuple[Edit, ...]]:
    """Weighted edit distance between two spelled words: (cost, number of "other" edits, edits).

    Computed row by row; once a whole row costs more than `limit` the words cannot come within it,
    and (inf, 0, ()) is returned at once.
    """
    lex = lexicon()
    n, m = len(a), len(b)
    inf = float("inf")
    del_a = [_indel_cost(a, i, lex) for i in range(n)]
    ins_b = [_indel_cost(b, j, lex) for j in range(m)]
    swap = lex.costs["transposition"]
    # cost[i][j], others[i][j]: best path for a[:i] -> b[:j]; step[i][j]: (previous i, j, label)
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    others = [[0] * (m + 1) for _ in range(n + 1)]
    step: list[list[tuple[int, int, str] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for j in range(1, m + 1):
        c, o = ins_b[j - 1]
        cost[0][j], others[0][j], step[0][j] = cost[0][j - 1] + c, others[0][j - 1] + o, (0, j - 1, "dropped")
    for i in range(1, n + 1):
        row, up = cost[i], cost[i - 1]
        c, o = del_a[i - 1]
        row[0], others[i][0], step[i][0] = up[0] + c, others[i - 1][0] + o, (i - 1, 0, "dropped")
        ai = a[i - 1]
        for j in range(1, m + 1):
            sc, label, so = _sub_cost(ai, b[j - 1])
            best, prev, lab, oth = up[j - 1] + sc, (i - 1, j - 1), label, others[i - 1][j - 1] + so
            dc, do = del_a[i - 1]
            if up[j] + dc < best:
                best, prev, lab, oth = up[j] + dc, (i - 1, j), "dropped", others[i - 1][j] + do
            ic, io = ins_b[j - 1]
            if row[j - 1] + ic < best:
                best, prev, lab, oth = row[j - 1] + ic, (i, j - 1), "dropped", others[i][j - 1] + io
            if (i > 1 and j > 1 and ai != b[j - 1] and ai == b[j - 2] and a[i - 2] == b[j - 1]
                    and cost[i - 2][j - 2] + swap < best):
                best, prev, lab, oth = cost[i - 2][j - 2] + swap, (i - 2, j - 2), "swap", others[i - 2][j - 2]
            row[j], others[i][j], step[i][j] = best, oth, (prev[0], prev[1], lab)
        if min(row) > limit and (i + 1 > n or min(cost[i - 1]) > limit):
            return inf, 0, ()
    edits: list[Edit] = []
    i, j = n, m
    while (i, j) != (0, 0):
        pi, pj, label = step[i][j]
        if label:
            edits.append(Edit(label, a[pi:i], b[pj:j]))
        i, j = pi, pj
    return round(cost[n][m], 6), others[n][m], tuple(reversed(edits))


def _allowed(a: str, b: str, lex: Lexicon) -> float:
    t = lex.threshold
    return min(t["max_cost"], t["base"] + t["per_letter"] * max(len(a), len(b)))


def _close(a: str, b: str, lex: Lexicon) -> tuple[float, tuple[Edit, ...]] | None:
    """(score, edits) when spelled words `a` and `b` are within the edit allowance, else None."""
    if a == b:
        return 1.0, ()
    if min(len(a), len(b)) < 3:
        return None
    allowed = _allowed(a, b, lex)
    if abs(len(a) - len(b)) * min(lex.costs["vowel_indel"], lex.costs["glide_indel"]) > allowed:
        return None
    total, others, edits = edit_path(a, b, allowed)
    if total > allowed:
        return None
    if others > 1 or (others == 1 and max(len(a), len(b)) < lex.threshold["other_edit_min_length"]):
        return None
    return max(0.5, 1.0 - total / max(len(a), len(b))), edits


def _feminine(a: str, b: str, lex: Lexicon) -> bool:
    """Whether spelled `a` is a female form of spelled surname `b` (Aliyeva / Aliyev, also when
    the stems are spelt differently: Guliyeva / Kuliev)."""
    if b.endswith("a"):
        return False  # every female ending ends in -a; a masculine surname does not
    for masc, fem in lex.feminine_endings:
        if a.endswith(fem) and b.endswith(masc) and len(a) > len(fem) + 2:
            base = a[: len(a) - len(fem)] + masc
            if (fem == "ova" or base.endswith(lex.masculine_stems)) and _close(base, b, lex):
                return True
    return False


@lru_cache(maxsize=262144)
def _match_sorted(a: str, b: str) -> WordMatch | None:
    lex = lexicon()
    if a == b:
        return WordMatch(EXACT, 1.0)
    if any(c.isdigit() for c in a + b):
        return None
    if len(a) == 1 or len(b) == 1:
        if len(a) == 1 and len(b) > 1 and b.startswith(a):
            return WordMatch(INITIAL, 0.85, (), False)
        if len(b) == 1 and len(a) > 1 and a.startswith(b):
            return WordMatch(INITIAL, 0.85, (), True)
        return None
    sa, sb = spell(a), spell(b)
    if sa == sb:
        return WordMatch(SPELLING, 0.97, tuple(_rule_edits(a, b, lex)))
    if name_groups(a) & name_groups(b):
        return WordMatch(EQUIVALENT, 0.93)
    for short, full, first_long in ((a, b, False), (b, a, True)):
        if full in lex.short_forms.get(short, ()):
            return WordMatch(SHORT, 0.88, (), first_long)
    for x, y, x_long in ((sa, sb, True), (sb, sa, False)):
        if _feminine(x, y, lex):
            return WordMatch(FEMININE, 0.9, (), x_long)
    close = _close(sa, sb, lex)
    if close:
        score, edits = close
        return WordMatch(SPELLING, score, tuple(_rule_edits(a, b, lex)) + edits)
    for x, y, x_long in ((sa, sb, True), (sb, sa, False)):
        # theophoric names: Valiollah -> Vali, Habibullah -> Habib (the rewrite made -ollah "ulah")
        if x.endswith("ulah") and len(x) - 4 >= 3 and _close(x[:-4], y, lex):
            return WordMatch(SHORT, 0.88, (), x_long)
        # the Arabic article written joined: Alqahtani / Qahtani; before a vowel (where the
        # joined form is easily another name: Alagoas / Goias) only with the same spelling
        if x[:2] in ("al", "el") and len(x) - 2 >= 4 and not y.startswith(("al", "el")):
            rest = x[2:]
            if rest == y or (rest[0] not in lex.vowels and _close(rest, y, lex)):
                return WordMatch(ARTICLE, 0.9, (), x_long)
    return None


def match_words(a: str, b: str) -> WordMatch | None:
    """How folded words `a` and `b` are spellings of one name part, or None when they are not."""
    if b < a:
        found = _match_sorted(b, a)
        return found.flipped() if found else None
    return _match_sorted(a, b)
