"""The languages the model's outputs speak: Chinese (the default of every reader) and English."""

from typing import Literal, get_args

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = get_args(Lang)
