"""Parsing helpers for values as published: money strings, runtimes, TMDB JSON lists, titles for matching.

Raw extracts keep the published strings; processed builders and notebooks call these functions, so every
conversion is written (and tested) once.
"""
from __future__ import annotations

import json
import re
import unicodedata

import pandas as pd

_MONEY = re.compile(r"^\s*(-)?\s*\$?\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*$")
_RUNTIME = re.compile(r"^\s*([0-9]+)\s*(?:min|mins|minutes)?\.?\s*$", re.IGNORECASE)
_PERCENT = re.compile(r"^\s*([+-]?[0-9]+(?:\.[0-9]+)?)\s*%\s*$")


def money(text) -> float | None:
    """'$400,000,000' -> 400000000.0; '-$5' -> -5.0; blank, '-', 'n/a' or any malformed string -> None.

    Never guesses: a string with letters, two decimal points or stray symbols is missing, not zero.
    """
    if text is None or (isinstance(text, float) and pd.isna(text)):
        return None
    if isinstance(text, (int, float)):
        return float(text)
    m = _MONEY.match(str(text))
    if not m:
        return None
    value = float(m.group(2).replace(",", ""))
    return -value if m.group(1) else value


def runtime_minutes(text) -> float | None:
    """'181 minutes' -> 181.0; '95' -> 95.0; blank or malformed -> None."""
    if text is None or (isinstance(text, float) and pd.isna(text)):
        return None
    m = _RUNTIME.match(str(text))
    return float(m.group(1)) if m else None


def percent(text) -> float | None:
    """'-4.8%' -> -4.8 (percent points, as published); '-' or blank -> None."""
    if text is None or (isinstance(text, float) and pd.isna(text)):
        return None
    m = _PERCENT.match(str(text))
    return float(m.group(1)) if m else None


def integer(text) -> int | None:
    """'4,662' -> 4662; blank or malformed -> None."""
    value = money(text)
    return None if value is None or value != int(value) else int(value)


def json_list(text, key: str = "name") -> list[str]:
    """A TMDB JSON list such as '[{"iso_3166_1": "US", "name": "United States of America"}]' -> ['United States
    of America'] (the values of `key`, in the published order). '[]', blank or malformed JSON -> [].
    """
    return [item[key] for item in json_records(text) if key in item]


def json_records(text) -> list[dict]:
    """A TMDB JSON list as a list of dicts (empty for '[]', blank or malformed input)."""
    if text is None or (isinstance(text, float) and pd.isna(text)) or not str(text).strip():
        return []
    try:
        items = json.loads(text)
    except (TypeError, ValueError):
        return []
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


def fix_mojibake(text: str) -> str:
    """Undo UTF-8 read as Latin-1 ('PenÃ©lope' -> 'Penélope'); strings that are not mojibake come back unchanged."""
    if not isinstance(text, str) or not re.search("[ÃÂâ]", text):
        return text
    try:
        return text.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        try:
            return text.encode("latin-1").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return text


def norm_title(text) -> str:
    """A matching key for English titles: mojibake fixed, accents stripped, lower case, '&' -> 'and', a trailing
    '(2010)' year and a leading 'The '/'A ' dropped, punctuation removed, whitespace collapsed.

    'The Mermaid' and 'Mermaid, The' do not collide by design (only the leading article is dropped);
    'Alice in Wonderland (2010)' -> 'alice in wonderland'; "Hi, Mom" -> 'hi mom'.
    """
    if text is None or (isinstance(text, float) and pd.isna(text)):
        return ""
    s = fix_mojibake(str(text))
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = s.replace("&", " and ")
    s = re.sub(r"\s*\((?:19|20)\d\d\)\s*$", "", s)
    s = re.sub(r"[^\w\s]", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"^(the|a|an) ", "", s)
    return s
