"""mkdocs hook: isolate each run of Arabic in the prose of a page (``<bdi>``).

Arabic inside an English sentence takes the punctuation next to it into its
own direction ("(فى، الأمريكى)" shows its brackets at the wrong ends);
inside ``<bdi>`` it cannot. Code, preformatted text and tag attributes are
left as they are (code spans are isolated by docs/assets/bidi.css).
"""

from __future__ import annotations

import re
from typing import Any

_ARABIC = "\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_RUN = re.compile(f"[{_ARABIC}](?:[{_ARABIC}\u200c\u200d\u00a0 ]*[{_ARABIC}])?")
_PIECES = re.compile(r"(<[^>]*>)")
_VERBATIM = ("pre", "code", "script", "style", "bdi", "textarea")


def isolate(html: str) -> str:
    """``html`` with every Arabic run of its text (not of code) in ``<bdi>``.

    >>> isolate('<p>Egyptian ى (فى، الأمريكى), <code>"فى"</code></p>')
    '<p>Egyptian <bdi>ى</bdi> (<bdi>فى، الأمريكى</bdi>), <code>"فى"</code></p>'
    """
    out, verbatim = [], 0
    for piece in _PIECES.split(html):
        if piece.startswith("<"):
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", piece)
            if name and name[1].lower() in _VERBATIM and not piece.endswith("/>"):
                verbatim += -1 if piece.startswith("</") else 1
            out.append(piece)
        else:
            out.append(piece if verbatim > 0 else _RUN.sub(lambda run: f"<bdi>{run[0]}</bdi>", piece))
    return "".join(out)


def on_page_content(html: str, **kwargs: Any) -> str:
    return isolate(html)
