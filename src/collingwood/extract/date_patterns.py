"""Finding the extents of time expressions: regular expressions built from the word
lists in ``data/dates_en.yaml``, and the checks that drop numbers and words that only
look like dates ("3,000 men", "they may", "the fall of Paris")."""

from __future__ import annotations

import bisect
import functools
import re

from .. import safe_yaml
from .date_scan import PatternScan
from .date_spoken import SPOKEN_YEAR


@functools.cache
def words() -> dict:
    return safe_yaml.package_data("data/dates_en.yaml")


def _alt(items) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(items, key=len, reverse=True))


# ---------------------------------------------------------------- patterns

_MONTH_FULL = "(?-i:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH_ABBR = r"(?-i:Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.|Jul\.|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
# cables and OCR'd headers write in capitals: 'THE 27 MARCH EDITION', 'AUGUST 17, 1978'
_MONTH_UPPER = ("(?-i:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER"
                r"|JAN\.?|FEB\.?|MAR\.?|APR\.?|JUN\.?|JUL\.?|AUG\.?|SEPT?\.?|OCT\.?|NOV\.?|DEC\.?)")
_WEEKDAY = "(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_ERA_BC = r"(?-i:B\.\s?C\.(?:\s?E\.)?|BCE\b|BC\b|B\.C\b|b\.c\.|bc\b)"
_ERA_AD = r"(?-i:A\.\s?D\.|AD\b|CE\b)"


@functools.cache
def _patterns() -> list[tuple[str, re.Pattern]]:
    w = words()
    mon = rf"(?P<mon>{_MONTH_FULL}|{_MONTH_ABBR}|{_MONTH_UPPER})"   # upper case only beside a day or year
    monf = rf"(?P<mon>{_MONTH_FULL})"
    day = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
    year = (rf"(?P<year>\d{{4}}|\d{{1,3}}(?=\s?(?:{_ERA_BC}|{_ERA_AD})))(?![,.]?\d)"
            rf"(?:\s?(?P<era>{_ERA_BC}|{_ERA_AD}))?")
    year4 = r"(?P<year>1\d{3}|20\d{2})(?![\d])"
    wkd = rf"(?:(?P<wkd>{_WEEKDAY}),?\s+)?"
    part = rf"(?:(?P<part>{_alt(w['parts'])})(?:\s+|-)(?:(?:in|of)\s+)?)?"
    apx = r"(?:(?P<apx>c\.|ca\.|circa|around|about|approximately)\s*)?"
    num = rf"(?P<num>\d+(?:\.\d+|\s+1/2)?|(?:{_alt(w['numbers'])})(?:-(?:{_alt(w['numbers'])}))?|{_alt(w['vague_numbers'])})"
    unit = rf"(?P<unit>{_alt(w['units'])}|centuries)(?:s|'s|s')?"
    dmod = rf"(?:(?P<dmod>{_alt(w['duration_mods'])}|a mere|only|just|another|the first|the last|the next|the following|the past|the previous|the coming|the final|the subsequent|the same|the remaining|the intervening|these|those|the)\s+)?"
    seas = rf"(?P<season>{_alt(w['seasons'])})"
    tod = rf"(?P<tod>{_alt(w['times_of_day'])})"
    rel = r"(?P<rel>next|following|previous|preceding|same|that\s+same|that|this|last|coming|subsequent|prior)"
    dj = r"(?:\s?[-–]\s?|\s+(?:to|or|and|until|till|through)\s+)"     # day ranges: '3-5 March', '3 to 5 March'
    ordw = rf"(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{_alt(w['ordinals'])})"
    p = [
        ("day_range_dm", rf"\b(?P<d1>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?{dj}{day}\s+{mon}(?:,?\s+{year})?\b"),
        ("day_range_md", rf"\b{mon}\s+(?P<d1>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?{dj}{day}(?:,?\s+{year})?\b"),
        ("year_range", r"(?<![\d,.$£/])(?P<y1>1\d{3}|20\d{2})(?:\s?[-–]\s?|(?P<slash>/))(?P<y2>\d{2}|1\d{3}|20\d{2})(?![\d/])"),
        ("tod_of", rf"\b(?:the\s+)?{tod}\s+of\s+{wkd}(?:the\s+)?{day}\s+(?:of\s+)?{mon}(?:,?\s+{year})?\b"),
        ("tod_of", rf"\b(?:the\s+)?{tod}\s+of\s+{wkd}{mon}\s+{day}(?:,?\s+{year})?\b"),
        # interviews date a memory by a week of a month: 'the first week of July, 1962', 'the third or fourth week of July'
        ("week_of_month", rf"\b(?:the\s+)?(?P<wk>first|second|third|fourth|last)(?:\s+or\s+(?P<wk2>second|third|fourth|fifth|last))?\s+week\s+(?:of|in)\s+{monf},?\s+(?:of\s+)?{year}\b"),
        ("dmy", rf"\b{part}{wkd}(?:the\s+)?{day}\s+(?:of\s+)?{mon}(?:,?\s+{year})?\b"),
        ("mdy", rf"\b{part}{wkd}{mon}\s+{day}(?!\d|:\d)(?:,?\s+{year}|\s+of\s+(?P<that>that|the\s+same)\s+year)?\b"),
        # a memo's or a form's numbers: '8/23/78', '10/11/1963', and '9/28' after a preposition
        ("numeric", r"(?<![\w/.$£#-])(?P<n1>\d{1,2})/(?P<n2>\d{1,2})(?:/(?P<ny>\d{4}|\d{2}))?(?![\w/%-]|[.,]\d)"),
        ("my", rf"\b{part}{mon},?\s+(?:of\s+)?{year}\b"),
        ("my", rf"\b{part}{monf},?\s+(?:of\s+)?{SPOKEN_YEAR}"),
        ("m_that", rf"\b{part}{monf}\s+of\s+(?:that|the\s+same|the\s+following|the\s+next|the\s+previous)\s+year\b"),
        ("m_rel_year", rf"\b{part}{monf}\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b"),
        ("month", rf"\b{part}{monf}\b"),
        ("season", rf"\b{part}(?:the\s+)?{seas}(?:,?\s+(?:of\s+)?(?:{year}|{SPOKEN_YEAR}))?\b"),
        ("rel_season", rf"\b{part}(?:the\s+)?{rel}\s+{seas}\b"),
        ("decade", rf"\b{apx}{part}(?:the\s+)?(?P<dec>\d{{1,3}}0)'?s(?:\s?(?P<era>{_ERA_BC}))?(?!\w)"),
        ("century", rf"\b{part}(?:the\s+)?{ordw}[\s-]+(?:century|centuries)(?:\s?(?P<era>{_ERA_BC}|{_ERA_AD}))?"),
        ("year_era", rf"(?<![\d,.$£]){apx}{part}(?P<year>\d{{1,4}})\s?(?P<era>{_ERA_BC}|{_ERA_AD})"),
        ("year_era", rf"\b{apx}{part}(?P<era>A\.\s?D\.|AD)\s?(?P<year>\d{{1,4}})\b"),
        ("year", rf"(?<![\d,.$£#/]){apx}{part}(?:the\s+year\s+)?{year4}(?!\s?[-–]\s?\d)(?!,\d|\.\d|%)"),
        ("year", rf"\b{part}(?:the\s+year\s+)?{SPOKEN_YEAR}"),
        ("year_bare", r"(?<![\d,.$£#/])\b(?P<year>\d{3})\b(?![,.]\d|%)"),
        ("year_apos", r"(?<![\w'])'(?P<yy>\d{2})\b(?!')"),
        ("rel_unit", rf"\b{part}(?:(?P<lat>later|earlier)\s+(?:in\s+)?)?(?:the\s+)?{rel}\s+(?P<runit>day|weekend|week|month|year|decade|century|morning|afternoon|evening|night|{_WEEKDAY}|{_MONTH_FULL})\b"),
        ("in_the_unit", r"\b(?P<lat>later|earlier)\s+in\s+the\s+(?P<runit>day|week|month|year)\b"),
        ("part_the_unit", rf"\b(?P<part>{_alt(w['parts'])})\s+(?:of\s+)?the\s+(?P<runit>day|week|month|year|decade|century|war)\b"),
        ("unit_part", r"\b(?:the\s+)?(?P<runit>week|month|year|decade|century)['’]s\s+(?P<upart>end|close|start|beginning|middle)\b"),
        ("offset", rf"\b(?:(?:a\s+mere|only|just|some|about|nearly|almost)\s+)?{num}[\s-]+{unit}\s+(?P<dir>later|earlier|after|before|ago|afterwards?|previously|beforehand)\b"),
        ("afterwards", r"\b(?:shortly|soon|immediately|not\s+long)\s+(?:afterwards?|thereafter|after\s+that)\b"),
        ("offset_bare", r"\b(?P<unit>days|weeks|months|years|hours|minutes)\s+(?P<dir>later|earlier|ago|afterwards)\b"),
        ("duration", rf"\b{dmod}(?:{num}[\s-]+(?:(?:more|additional|further|extra)\s+)?)?{unit}(?:[-\s]long)?\b"),
        ("duration_adj", rf"\b{num}-{unit}(?:-long)?\b"),
        ("age", r"(?<![\d.])\b(?P<num>\d{1,3})\s+years?\s+(?:old|of\s+age)\b"),
        ("set", r"\b(?:daily|weekly|monthly|annually|yearly|nightly|(?:each|every|per|a)\s+(?P<sunit>day|week|month|year|night|hour))\b"),
        ("tod", rf"\b(?:(?P<part>early|late)\s+)?(?:(?P<lat>later|earlier)\s+)?(?:(?P<rel>that|the\s+same|the\s+next|the\s+following|the\s+previous|this|one|each|every)\s+)?{tod}\b"),
        ("clock", r"\b(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s?(?:(?P<ampm>[ap]\.\s?m\.|[ap]m\b)|(?P<hrs>\s?hrs)\b)"),
        ("clock", r"\b(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)\b(?!:)"),
        ("holiday", rf"\b(?P<hol>{_alt(w['holidays'])}|(?-i:{_alt(n.title() for n in w['weekday_holidays'])})|Easter(?:\s+Sunday)?)(?:\s+(?:of\s+)?{year})?\b"),
        ("ordinal_day", r"\b(?:on\s+)?the\s+(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)(?=\s*[,.;)]|\s+and\b)"),
        ("wday", rf"\b(?P<wday>{_WEEKDAY})(?:\s+(?P<tod>morning|afternoon|evening|night))?\b"),
        ("weekend", r"\bthe\s+weekend\b"),
        ("the_quarter", r"\b(?:the|this|that|last)\s+(?:(?P<qrel>latest|most\s+recent|current|same|year-earlier|year-ago|previous|prior|fiscal)\s+)?quarter\b(?!\s+(?:of|century))"),
        ("the_quarter", r"\bthe\s+(?P<qrel>latest|most\s+recent|year-earlier|year-ago)\s+period\b"),
        ("the_quarter", r"(?<![\w-])(?P<qrel>year-earlier|year-ago)(?![\w-])"),
        ("the_year", r"\bthe\s+(?:(?:fiscal|full|financial)\s+)?year\b(?:\s+(?P<ended>ended|ending|to)\b)?(?![\s-]*(?:\d|-|of\b|before\b|after\b|earlier\b|later\b|ago\b|old\b|in\b))"),
        ("recent_units", r"\brecent\s+(?:years|months|weeks|days|decades)\b"),
        ("day_deixis", rf"\b(?:(?P<part>early|late)\s+)?(?P<dd>{_alt(w['day_deixis'])})(?:\s+(?P<tod>morning|afternoon|evening|night))?\b"),
        ("quarter", rf"\b(?:the\s+)?(?:(?P<qy>year-ago|year-earlier|(?:this|last|next)\s+year's|1\d{{3}}|20\d{{2}})\s+)?(?P<qord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter(?:\s+(?:of\s+)?(?:(?P<fiscal>fiscal)\s+)?{year4})?\b"),
        ("deixis", rf"\b(?P<dx>{_alt(w['present_words'] + w['past_words'] + w['future_words'])})\b"),
        ("same_time", r"\b(?:at\s+)?(?P<st>the\s+same\s+time|that\s+time|this\s+time|this\s+period|that\s+period|the\s+time\s+being)\b"),
        # 'at the time' standing alone is the time just told of ('he said at the time he assumed ...');
        # 'at the time of X', 'at the time when/that ...' name their own time
        ("at_the_time", r"\bat\s+(?P<st>the\s+time)\b(?![\s,]*(?:of|when|that|which|being)\b)"),
    ]
    return [(name, re.compile(rx, re.I)) for name, rx in p]


# ---------------------------------------------------------------- finding extents

_PRECEDERS = set("""in of by since until till during from to through throughout early mid late
between and or before after that last next this each every on following previous around about
end beginning start middle into as until early-mid late-mid mid-to-late""".split())
_TOD_PRECEDERS = set("at by during in overnight through throughout all".split())


def _word_before(text: str, i: int) -> str:
    m = re.search(r"([\w.$£€#'-]+)\W*$", text[max(0, i - 30):i])
    return m[1].lower() if m else ""


def _word_after(text: str, j: int) -> str:
    m = re.match(r"[\s-]*([\w%$£']+)", text[j:j + 30])
    return m[1].lower() if m else ""


def _plausible(name: str, m: re.Match, text: str) -> bool:
    """Context rules that reject look-alikes: 'they may', '3,000 men', 'the fall of Paris'."""
    w, g = words(), m.groupdict()
    before, after = _word_before(text, m.start()), _word_after(text, m.end())
    if name == "month":
        return bool(g.get("part")) or before in _PRECEDERS or before == "the" or after in ("and", "or")
    if name == "season":
        return _plausible_season(m, g, before, after)
    if name == "numeric":
        return _plausible_numeric(g, before, after) and not _alone_on_line(text, m)
    if name == "year" and g.get("yw"):             # 'nineteen ninety-four' said: a year only where one is told
        return after not in w["count_nouns"] and (before in _PRECEDERS or before in ("the", "year")
                                                  or m[0].lower().startswith("the year"))
    if name in ("year", "year_range"):
        return after not in w["count_nouns"] and before not in w["number_prefixes"]
    if name == "year_apos":
        return before in _PRECEDERS or before in ("the", "of")
    if name == "duration":
        return _plausible_duration(m, before)
    if name == "tod":
        if g.get("rel") or g.get("part") or g.get("lat"):
            return True
        return before in _TOD_PRECEDERS or (before == "the" and _word_before(text, m.start() - 4) in _TOD_PRECEDERS)
    if name == "ordinal_day":
        return not re.match(r"\s+[A-Z]", text[m.end():m.end() + 2])
    if name == "deixis":
        return _plausible_deixis(m[0].lower(), before, after)
    if name == "quarter":
        return not re.match(r"\s+of\s+(?:the|a|an|its|his|their)\b", text[m.end():m.end() + 12], re.I)
    return True


_LINE_REST = re.compile(r"[^\w\n]*(?:\n|\Z)")


def _alone_on_line(text: str, m: re.Match) -> bool:
    """'9/30/63' on a line of its own: a chronology's date column, which `column_blocks`
    aligns with its entries by counting lines; it is left to that reading."""
    head = text[text.rfind("\n", 0, m.start()) + 1:m.start()]
    return not re.search(r"\w", head) and _LINE_REST.match(text, m.end()) is not None


def _plausible_numeric(g: dict, before: str, after: str) -> bool:
    """'8/23/78', and '9/28' after a preposition ('between the afternoon of 9/28 and ...'), never
    '3/4 of the votes', 'a 2/3 majority' or a count ('1/2 mile'); each part a possible month
    or day (which is which, `date_values._numeric` decides for the whole document)."""
    a, b = int(g["n1"]), int(g["n2"])
    if not (1 <= a <= 31 and 1 <= b <= 31 and min(a, b) <= 12):
        return False
    if g.get("ny"):
        return before not in words()["number_prefixes"]
    return before in ("of", "on", "since", "until", "till", "by", "from", "between", "and", "to", "before", "after") \
        and after not in words()["count_nouns"] and after not in ("of", "mile", "miles", "inch", "inches")


def _plausible_season(m: re.Match, g: dict, before: str, after: str) -> bool:
    """'the fall of 1940', 'winter quarters', but not 'began to fall', 'spring up'."""
    if g.get("year") or g.get("yw") or g.get("part"):
        return not ((g.get("year") or g.get("yw")) and after in words()["count_nouns"])
    season = g["season"].lower()
    if before == "to" or after in ("up", "from", "forth", "back", "apart", "into", "out", "off", "on", "to"):
        return False
    if season == "fall":
        return (before in ("in", "that", "this", "the", "next", "last", "early", "late", "by", "until", "during")
                and after != "of")
    return True


def _plausible_duration(m: re.Match, before: str) -> bool:
    g = m.groupdict()
    unit, num, dmod = g["unit"].lower(), (g.get("num") or "").lower(), (g.get("dmod") or "").lower()
    plural = m[0].lower().rstrip().endswith(("s", "s'", "ies")) or m[0].lower().endswith("long")
    if unit in ("second", "minute") and num in ("", "a", "an") and not plural:
        return False        # 'a second attack', 'a minute amount'
    if num:
        return True
    if dmod in ("the", "the same", "another", "only", "just", "these", "those"):   # 'these days': deixis
        return False
    if dmod:
        return plural or dmod.startswith(("the next", "the following", "the past", "the previous", "the coming", "the first", "the last", "the final"))
    return plural and before in ("for", "within", "lasting", "over", "after", "and", "or")


_FUNCTION_WORDS = set("""a an the was were is are had has have would could did and or but to of in on
with by for as that which who determined decided""".split())


def _plausible_deixis(word: str, before: str, after: str) -> bool:
    if word in ("present", "the present") and after in ("at", "in", "to", "for", "a", "an", "the", "his", "her", "their"):
        return False
    if word == "former" and (before == "the" and (not after or after in _FUNCTION_WORDS)):
        return False        # 'the former' as a pronoun
    if word == "future" and before not in ("the", "near", "in", "distant", "a"):
        return after in ("of",) or before in ("for", "near")
    return True


_SELF_CHECK = ("In early 1940, by the autumn of 1939 and again in mid-1936, 1943 or 1944, between "
               "1936 and 1938; on 8 October 1995 (Sunday, 3 p.m.) and the next day; a month later, "
               "amid 1940, in 479 BC, the 1930s, '39, that winter, two years later, last week.")


def _plain(text: str):
    for i, (_, rx) in enumerate(_patterns()):
        for m in rx.finditer(text):
            yield i, m


@functools.cache
def _scan():
    """The patterns of `_patterns`, tried only where one of them could start (see `date_scan`);
    the plain scan when this Python's `re` internals make the fast one disagree with it."""
    scan = PatternScan([rx for _, rx in _patterns()])

    def key(pairs):
        return sorted((i, m.span(), m.groups()) for i, m in pairs)

    return scan.finditer if key(scan.finditer(_SELF_CHECK)) == key(_plain(_SELF_CHECK)) else _plain


def _candidates(text: str) -> list[tuple[int, int, str, re.Match]]:
    found = []
    names = [name for name, _ in _patterns()]
    for i, m in _scan()(text):
        name = names[i]
        if m.end() > m.start() and _plausible(name, m, text):
            found.append((m.start(), m.end(), name, m))
    found.sort(key=lambda c: (c[0] - c[1], c[0]))
    starts: list[int] = []      # the extents taken: disjoint, so their ends are in order too
    ends: list[int] = []
    chosen = []
    for c in found:
        k = bisect.bisect_left(starts, c[1])        # the extents beginning before this one ends
        if k == 0 or ends[k - 1] <= c[0]:
            starts.insert(k, c[0])
            ends.insert(k, c[1])
            chosen.append(c)
    chosen.sort(key=lambda c: c[0])
    return chosen
