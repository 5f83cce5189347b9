"""One thing written several ways in one story: "USA / US / U.S. / United States".

The house style lists groups of forms that mean the same thing
(``[[variants]]``) and names the house form; where it names none, the form
the story uses most is kept (a tie goes to the form used first). Every other
form is flagged with the house form as its fix, and all of a group share one
group key so they can be fixed at once.

Forms that are also ordinary words are ``guarded``: lowercase "us" counts only
in country position ("the us military", "us-led", "us and usa-backed"), never
in "told us" or "let us know"; all-caps "IS" and "UN" do not count inside
all-caps text ("THIS IS IT"). A form in ``noun_accepted`` (AP's "United
States") is left alone where it is a noun and flagged where it modifies a noun
("United States troops"); followed by a capitalised word it is taken as part
of a name ("United States Army") and left alone.

No form inside a proper name is changed: one in angle brackets (a company,
"<US West Inc>"), before a company's ending ("Warburg (USA) Inc"), after a
capitalised word in mid-sentence ("Team USA") or, for a group that lists the
words it ``modifies`` ("Army", "President"), before any other capitalised
word ("USA Today", "US Open", "US Steel"); such a form is not counted either.
A form inside a direct quotation is the speaker's word and is counted but not
flagged, unless the group lists it in ``edit_in_quotes`` as a mere respelling
("US" for "U.S.").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from editor.engine.issues import first_places
from editor.engine.rule import StoryRule
from editor.engine.story import Story, needing
from editor.engine.style import HouseStyle, VariantGroup
from editor.engine.quotes import inside_quotation, story_quotes
from editor.engine.words import class_led_phrase, match_case, starts_sentence

# Words after a form that show the form is a noun (a verb, a preposition, a
# conjunction or a determiner follows it), so it does not modify what follows.
_NOT_MODIFIED = frozenset(
    """a an and are as at be been before being but by can could did do does during for from had has
    have he her his if in into is it its may might must not now of on once or over said says say
    she should since still than that the their them then there these they this those to under until
    was we were when where which while who whose will with would also again already itself alone
    all both each last next too instead today yesterday tomorrow soon first more less
    include includes remain remains accept accepts agree agrees want wants need needs
    made make makes took take takes gave give gives sent send sends won win wins lost lose loses
    became become becomes began begin begins came come comes went go goes got get gets kept keep
    keeps left put puts set sets sold sell sells bought buy buys paid pay pays held hold holds
    brought bring brings found find finds thought think thinks met meet meets saw see sees knew
    know knows grew grow grows fell rose led hit cut let sought seek seeks fought stood spoke told
    tells""".split()
)
# Capitalised words that start a sentence rather than continue a name.
_SENTENCE_STARTERS = frozenset(
    """A An And As At But By For From He Her His However I If In It Its Many Most No Officials On
    One Other Our She So Some That The Their There These They This Those Under We What When Where
    While Who Yet You""".split()
)
# Words that follow a form in a company's name: "S.G. Warburg (USA) Inc", "USA Corp".
_COMPANY_ENDINGS = frozenset("Inc Corp Co Ltd LLC PLC plc Group Holdings Bancorp AG SA NV GmbH".split())
# Capitalised words before a form that are no name: the calendar.
_CALENDAR = frozenset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
    July August September October November December""".split()
)
_ALL_CAPS_WORD = re.compile(r"[A-Z]{2,}")
_NAME_BEFORE = re.compile(r"([A-Z][a-z][\w'’]*)[^\S\r\n]+\(?$")
_NAME_AFTER = re.compile(r"\)?[^\S\r\n]+([A-Z][a-z][\w'’]*)")
_NEXT_WORD = re.compile(r"[^\S\r\n]*(-)?[^\S\r\n]*([^\W\d_][\w'’]*)?")
_PREVIOUS_WORD = re.compile(r"([^\W\d_]+)[^\S\r\n]+$")
_SENTENCE_END_AFTER = re.compile(r"[\"”’')\]]*(?:$|\s+(?:[\"“]\s*)?([A-Z][\w'’]*))")


@dataclass(frozen=True)
class _Form:
    group: VariantGroup
    form: str


# A named tuple: a hostile text has an occurrence every few characters, and a dataclass
# is three times as slow to make.
class _Occurrence(NamedTuple):
    form: _Form
    start: int
    end: int
    suffix: str


def _compile(style: HouseStyle) -> tuple[re.Pattern[str], list[_Form]]:
    forms = [_Form(group, form) for group in style.variants for form in group.forms]
    # Longer forms first, so that "U.S.A." is read before "U.S." and "United States" before "US".
    forms.sort(key=lambda entry: -len(entry.form))
    first = {entry.form[0] for entry in forms} | {
        entry.form[0].swapcase() for entry in forms if not entry.group.case_sensitive
    }
    candidates = re.escape("".join(sorted(first)))
    # The look-ahead lets the scan skip every position where no form can start; where one can,
    # each form that cannot start there is passed over in one comparison (see class_led_phrase),
    # and the first that matches is taken, so a longer form wins over its start.
    alternatives = "|".join(_alternative(entry, str(index)) for index, entry in enumerate(forms))
    pattern = re.compile(rf"(?=[{candidates}])(?<!\w)(?:{alternatives})")
    return pattern, forms


def _alternative(entry: _Form, name: str) -> str:
    """The form's pattern, its inflections in group s<name>, ending in the empty group f<name>
    that says which form matched."""
    suffixes = ""
    if entry.group.inflections:
        endings = "|".join(re.escape(s) for s in sorted(entry.group.inflections, key=len, reverse=True))
        suffixes = f"(?P<s{name}>{endings})?"
    # The pattern checks the word boundary before every form at once.
    form = class_led_phrase(entry.form, entry.group.case_sensitive, suffixes, boundary_before=False)
    return form + f"(?P<f{name}>)"


def _forms_by_group_name(style: HouseStyle) -> dict[str, tuple[_Form, str | None]]:
    """For each form's group name in the pattern, its form and the name of its suffix group, if any."""
    pattern, forms = style.compiled("variant-consistency", _compile)
    found = {}
    for group_name in pattern.groupindex:
        if group_name.startswith("f"):
            entry = forms[int(group_name[1:])]
            found[group_name] = (entry, f"s{group_name[1:]}" if entry.group.inflections else None)
    return found


def _occurrences(text: str, style: HouseStyle) -> Iterator[_Occurrence]:
    if not style.variants:
        return  # a style of its own with no [[variants]]: there is no pattern of no forms
    pattern, _ = style.compiled("variant-consistency", _compile)
    by_group_name = style.compiled("variant-consistency-groups", _forms_by_group_name)
    for match in pattern.finditer(text):
        entry, suffix_group = by_group_name[match.lastgroup]
        suffix = (match.group(suffix_group) or "") if suffix_group else ""
        yield _Occurrence(entry, match.start(), match.end(), suffix)


def _previous_word(text: str, start: int) -> re.Match[str] | None:
    """The word before ``start`` across spaces on its line (within 40 characters), if any."""
    # Searching is needless where no space comes right before ("us-us-us" of a hostile text).
    if not start or text[start - 1] in "\r\n" or not text[start - 1].isspace():
        return None
    return _PREVIOUS_WORD.search(text, max(0, start - 40), start)


def _in_name(text: str, occurrence: _Occurrence, follows_form: bool, precedes_form: bool) -> bool:
    """Whether the form is part of a proper name: "USA Today", "Team USA", "<US West Inc>", "Warburg (USA) Inc".

    A capitalised word beside the form is not a name's when it is part of
    another form ("United States usa", "US United States"): fixing that one
    must not make this one count.
    """
    start, end = occurrence.start, occurrence.end
    opening = text.rfind("<", max(0, start - 80), start)
    if opening != -1 and ">" not in text[opening:start]:
        closing = text.find(">", end, end + 80)
        if closing != -1 and "<" not in text[end:closing] and "\n" not in text[opening:closing]:
            return True
    before = None if follows_form else _NAME_BEFORE.search(text, max(0, start - 40), start)
    if (
        before
        and before.group(1) not in _SENTENCE_STARTERS
        and before.group(1) not in _CALENDAR
        and not before.group(1).endswith(("'s", "’s"))
        and not starts_sentence(text, before.start(1))
    ):
        return True
    after = None if precedes_form else _NAME_AFTER.match(text, end)
    if after is None:
        return False
    word = after.group(1)
    if word in _COMPANY_ENDINGS:
        return True
    group = occurrence.form.group
    return bool(group.modifies) and word not in group.modifies and word not in _SENTENCE_STARTERS


def _only_space(text: str, start: int, end: int) -> bool:
    """Whether nothing but spaces and brackets stands between two forms."""
    return not text[start:end].strip(" ()")


def _passes_guard(occurrence: _Occurrence, text: str, others: re.Pattern[str] | None) -> bool:
    form = occurrence.form.form
    if form not in occurrence.form.group.guarded:
        return True
    if form.isupper():
        before = _previous_word(text, occurrence.start)
        after = _NEXT_WORD.match(text, occurrence.end)
        return not (
            (before and _ALL_CAPS_WORD.fullmatch(before.group(1)))
            or (after and after.group(2) and _ALL_CAPS_WORD.fullmatch(after.group(2)))
        )
    # A lowercase form counts only where the words around it make it the country.
    before = _previous_word(text, occurrence.start)
    if before and before.group(1).casefold() == "the":
        return True
    after = _NEXT_WORD.match(text, occurrence.end)
    if after and after.group(1) and after.group(2):
        return True
    return bool(others and others.match(text, occurrence.end))


def _coordinated_form(group: VariantGroup) -> re.Pattern[str] | None:
    unguarded = [form for form in group.forms if form not in group.guarded]
    if not unguarded:
        return None
    alternatives = "|".join(re.escape(form) for form in sorted(unguarded, key=len, reverse=True))
    return re.compile(rf"\s+(?:and|or)\s+(?:{alternatives})(?=\W|$)")


def _is_noun(text: str, occurrence: _Occurrence) -> bool | None:
    """True for a noun, False where it modifies what follows, None where it is part of a name."""
    after = _NEXT_WORD.match(text, occurrence.end)
    if after.group(1):
        return False
    word = after.group(2)
    if word is None:
        return True
    if word[0].isupper():
        return None
    if word.casefold() in _NOT_MODIFIED or word.endswith(("ed", "ly")):
        return True
    return False


def _replacement(text: str, occurrence: _Occurrence, house: str) -> tuple[int, str]:
    """The end of the span to replace and its replacement, keeping a sentence's full stop."""
    original = text[occurrence.start : occurrence.end]
    replacement = house if occurrence.form.group.case_sensitive else match_case(house, original)
    replacement += occurrence.suffix
    end = occurrence.end
    if occurrence.suffix:
        return end, replacement
    if replacement.endswith(".") and not original.endswith(".") and text[end : end + 1] == ".":
        return end + 1, replacement
    if original.endswith(".") and not replacement.endswith("."):
        after = _SENTENCE_END_AFTER.match(text, end)
        if after and (after.group(1) is None or after.group(1) in _SENTENCE_STARTERS):
            replacement += "."
    return end, replacement


# Matches nothing, not even the empty text: a style with no [[variants]] finds no form anywhere.
_NO_FORM = re.compile(r"(?!)")


def _any_form(style: HouseStyle) -> re.Pattern[str]:
    """Every occurrence is a match of the style's own pattern of forms, so a paragraph where it does not
    match has none. Its look-arounds ask for no word character before and after a form, which a line
    break is not, any more than the text's edge."""
    if not style.variants:
        return _NO_FORM
    return style.compiled("variant-consistency", _compile)[0]


@needing(_any_form, nothing=())
def _paragraph_occurrences(text: str, style: HouseStyle) -> tuple[_Occurrence, ...]:
    # No form spans a blank line, so a paragraph's forms are found in its text alone.
    return first_places(_occurrences(text, style), text)


def find(story: Story, style: HouseStyle) -> Iterator:
    text = story.text
    by_group: dict[str, list[_Occurrence]] = {}
    coordinated = {group.id: _coordinated_form(group) for group in style.variants if group.guarded}
    for paragraph, found, notice in story.weighed_paragraphs(_paragraph_occurrences, style, RULE.id):
        if notice is not None:
            yield notice
        start = paragraph.start
        for index, relative in enumerate(found):
            occurrence = _Occurrence(relative.form, relative.start + start, relative.end + start, relative.suffix)
            group = occurrence.form.group
            follows_form = index > 0 and _only_space(paragraph.text, found[index - 1].end, relative.start)
            precedes_form = index + 1 < len(found) and _only_space(paragraph.text, relative.end, found[index + 1].start)
            if _passes_guard(occurrence, text, coordinated.get(group.id)) and not _in_name(
                text, occurrence, follows_form, precedes_form
            ):
                by_group.setdefault(group.id, []).append(occurrence)

    for occurrences in by_group.values():
        group = occurrences[0].form.group
        counts: dict[str, int] = {}
        for occurrence in occurrences:
            counts[occurrence.form.form] = counts.get(occurrence.form.form, 0) + 1
        if group.preferred is not None:
            house, why = group.preferred, f"{style.name} style"
        else:
            # dicts keep insertion order, so max() breaks a tie in favour of the form used first.
            house = max(counts, key=counts.get)
            why = "as elsewhere in this story"
        if len(counts) == 1 and house in counts:
            continue
        for occurrence in occurrences:
            form = occurrence.form.form
            if form == house:
                continue
            if form in group.noun_accepted and _is_noun(text, occurrence) is not False:
                continue
            # A quote's words are the speaker's, unless the form only respells them.
            if form not in group.edit_in_quotes and inside_quotation(story_quotes(story).quoted_edges, occurrence.start):
                continue
            end, replacement = _replacement(text, occurrence, house)
            original = text[occurrence.start : occurrence.end]
            explanation = group.explanation
            if group.preferred is None:
                explanation += f" This story mostly writes “{house}”."
            yield RULE.issue(
                occurrence.start,
                end,
                f"Write “{house}” ({why}), not “{original}”",
                explanation=explanation.strip(),
                replacements=[replacement],
                group=f"variant:{group.id}",
            )


RULE = StoryRule(
    id="variant-consistency",
    category="consistency",
    severity="warning",
    find=find,
    doc=__doc__,
    must_flag=(
        "USA officials said the strike was lawful.",
        "Officials said the us military carried out the strike.",
        "The US-led coalition said it struck a convoy.",
        "Troops came under fire near the border, United States officials said.",
        "The air strike hit a depot. Two more airstrikes followed.",
        "The ceasefire held. The cease-fire was agreed on Monday.",
        "Fighters loyal to ISIS fled. IS has lost ground.",
        "He sent an e-mail, then another email.",
    ),
    must_pass=(
        "U.S. officials said the strike was lawful.",
        "He told us the talks failed, and let us know for us to decide.",
        "The United States has imposed new sanctions.",
        "The United States Army said the drill was routine.",
        "THIS IS THE LATEST UPDATE.",
        "The USB cable and the bus were found in Busan.",
        "Two airstrikes hit a depot; another airstrike followed.",
        "Isis, the Egyptian goddess, was worshipped widely.",
        "USA Today said the US Open and USA Gymnastics would go ahead, and US Steel agreed.",
        "<US West Inc> and S.G. Warburg (USA) Inc said sales rose.",
        "He spoke as the United States made plans; it lies in the United States itself.",
        '"The USA will never accept it," he said.',
    ),
)
