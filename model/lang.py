"""The page's two languages: ``Lang`` is the type of every ``lang`` parameter, ``LANGS`` its values.

The language is decided once, where it comes from outside (the page's ``?lang=`` and the command
line's ``--lang``), and passed explicitly from there down: no function below takes a default one.
"""

from __future__ import annotations

from typing import Literal, get_args

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = get_args(Lang)
