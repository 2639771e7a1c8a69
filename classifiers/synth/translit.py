"""Kazakh Cyrillic to Kazakh Latin (2018 alphabet with acute letters), for transliterated pages."""

_LETTERS = {
    "а": "a",
    "ә": "á",
    "б": "b",
    "в": "v",
    "г": "g",
    "ғ": "ǵ",
    "д": "d",
    "е": "e",
    "ё": "ıo",
    "ж": "j",
    "з": "z",
    "и": "ı",
    "й": "ı",
    "к": "k",
    "қ": "q",
    "л": "l",
    "м": "m",
    "н": "n",
    "ң": "ń",
    "о": "o",
    "ө": "ó",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "ý",
    "ұ": "u",
    "ү": "ú",
    "ф": "f",
    "х": "h",
    "һ": "h",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "sh",
    "ъ": "",
    "ы": "y",
    "і": "i",
    "ь": "",
    "э": "e",
    "ю": "ıý",
    "я": "ıa",
}
_TABLE = str.maketrans(
    {**_LETTERS, **{k.upper(): v[:1].upper() + v[1:] for k, v in _LETTERS.items()}}
)


def to_latin(text: str) -> str:
    """Transliterate Kazakh Cyrillic text into the Latin Kazakh alphabet."""
    return text.translate(_TABLE)
