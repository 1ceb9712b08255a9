"""What an analyst may change in a stored claim, checked: ``{field: value}`` -> a new claim.

The fields are those of a casebook entry (``when`` and ``where`` are the casebook's names
for ``time`` and ``place``). The passage (source, span, quote) is the claim's provenance and
is not edited: a claim about other words is another claim. Values come as text (the CLI's
``--set field=value``) or as JSON values (the web app); an empty value clears an optional
field. A bad field or value raises ConfigError naming the valid choices.
"""

from __future__ import annotations

from dataclasses import replace

from .errors import ConfigError, SchemaError
from .model import MODALITIES, POLARITIES, STATUSES, Claim, schema
from .timespan import TimeSpan, parse_when

EDITABLE = ("subject", "predicate", "object", "time", "place", "polarity", "modality",
            "asserted_by", "reported_by", "status", "confidence", "note")
ALIASES = {"when": "time", "where": "place"}
READING = frozenset(EDITABLE) - {"status", "note"}     # a change here is a hand edit of the reading
FIXED = ("id", "source_id", "start", "end", "span", "quote", "page", "extracted_by", "version")
OPTIONAL = ("object", "time", "place", "asserted_by", "reported_by")


def _text(field: str, value) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dict, list, tuple, set, bool)):
        raise ConfigError(f"{field} must be text, not {type(value).__name__}.")
    text = str(value).strip()
    return text or None


def _one_of(field: str, value, choices: tuple[str, ...]) -> str:
    text = (_text(field, value) or "").lower()
    if text not in choices:
        raise ConfigError(f"{field} {value!r} is not one of {', '.join(choices)}.")
    return text


def _time(value) -> TimeSpan | None:
    if value is None or isinstance(value, TimeSpan):
        return value
    if isinstance(value, dict):
        try:
            return TimeSpan.from_dict(value)
        except (KeyError, TypeError, ValueError) as e:
            raise ConfigError(f"time must be a date in words or a time object: {e}") from e
    text = _text("time", value)
    if text is None or text.lower() == "none":
        return None
    try:
        return parse_when(text)
    except ValueError as e:
        raise ConfigError(f"Can't read the date {text!r}: {e}") from e


def _confidence(value) -> float:
    try:
        number = float(value) if not isinstance(value, bool) else None
    except (TypeError, ValueError):
        number = None
    if number is None or not 0.0 <= number <= 1.0:
        raise ConfigError(f"confidence must be a number from 0 to 1 (e.g. 0.8), not {value!r}.")
    return number


def field_name(name: str) -> str:
    key = ALIASES.get(name.strip().lower(), name.strip().lower())
    if key in FIXED:
        raise ConfigError(f"{name} is the claim's passage or identity and cannot be edited; a claim "
                          f"about other words is another claim. Editable: {', '.join(EDITABLE)}.")
    if key not in EDITABLE:
        raise ConfigError(f"Unknown field {name!r}; editable: {', '.join(EDITABLE)} (when, where too).")
    return key


def edited(claim: Claim, changes: dict) -> tuple[Claim, bool]:
    """The claim with ``changes`` applied, and whether its reading changed (not only its status
    or note). A changed subject or object loses the extractor's entity link: the analyst's name
    is resolved anew."""
    if not changes:
        raise ConfigError("Nothing to change: give at least one field=value.")
    values: dict = {}
    for name, value in changes.items():
        key = field_name(str(name))
        if key in ("subject", "predicate"):
            text = _text(key, value)
            if not text:
                raise ConfigError(f"A claim needs a {key}.")
            if key == "predicate":
                try:
                    text = schema().predicate(text).name
                except SchemaError as e:
                    raise ConfigError(e.message) from e
            values[key] = text
        elif key == "polarity":
            values[key] = _one_of(key, value, POLARITIES)
        elif key == "modality":
            values[key] = _one_of(key, value, MODALITIES)
        elif key == "status":
            values[key] = _one_of(key, value, STATUSES)
        elif key == "time":
            values[key] = _time(value)
        elif key == "confidence":
            values[key] = _confidence(value)
        elif key == "note":
            values[key] = "" if value is None else str(value)
        else:
            values[key] = _text(key, value)
    new = replace(claim, **values)
    if new.subject != claim.subject:
        new.subject_id = None
    if new.object != claim.object:
        new.object_id = None
    if schema().predicate(new.predicate).object == "none":
        new.object, new.object_id = None, None
    reading = any(k in READING for k in values)
    return new, reading
