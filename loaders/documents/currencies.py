"""Currencies as a text writes them: ISO 4217 codes and names from pycountry, symbols and plain words.

One table for the figures that carry an amount (extract/figures.py) and for the mentions that a currency's
name is not ("Swiss francs" names no State; mentions.py).
"""

from __future__ import annotations

import pycountry

SYMBOLS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP"}
#: Plain words for the commonest currencies.
WORDS = {"dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP"}
#: Every ISO 4217 code.
CODES = sorted({currency.alpha_3 for currency in pycountry.currencies})


def _names() -> dict[str, str]:
    """Currencies written out, from pycountry's names of two words or more, any of their words in the plural
    ("Swiss francs", "pounds sterling", "Russian rubles") → ISO 4217 code; and the plain words above."""
    names = dict(WORDS)
    for currency in pycountry.currencies:
        words = currency.name.lower().split()
        if len(words) < 2 or not all(word.isalpha() for word in words):
            continue
        variants = [""]
        for word in words:
            variants = [f"{v} {form}".strip() for v in variants for form in (word, f"{word}s")]
        names.update(dict.fromkeys(variants, currency.alpha_3))
    return names


#: A currency's name, in lower case with single spaces → its code.
NAMES = _names()
#: The nouns that end a currency's name ("franc", "francs", "krona", "dollars"): after a demonym ("Swiss
#: francs", "Swedish kronor") they name the currency, not the State or its nationals.
NOUNS = frozenset(
    {name.split()[-1] for name in NAMES if name.split()[-1] not in ("sterling", "sterlings")} | {"kronor", "kroner"}
)
