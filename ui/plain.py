"""Text from a user or a file, shown as plain text.

Streamlit reads Markdown (and its own directives: colours, icons, LaTeX) in st.markdown, st.caption, alerts,
subheaders, widget labels, radio options, metric labels, expander labels and image captions. A room name such as
`Bad ![x](http://203.0.113.7/x.png)` would make the browser fetch that address. Every string that holds
user or file text passes through plain() before such an element sees it; selectbox options and tables show
text as it is and need nothing.
"""
from __future__ import annotations

import re

# CommonMark lets any ASCII punctuation be escaped with a backslash. These characters start something anywhere in
# a line: emphasis, code, links and images, autolinks and HTML, LaTeX, Streamlit's :directives:, entities, tables,
# e-mail autolinks (an underscore only at a word's edge: door_widen_internal stays as it is). Others only at the start of a line (headings, quotes, lists, rules), or in "www." links.
_INLINE = re.compile(r"([\\`*\[\]<>!$:~&|@]|(?<![^\W_])_|_(?![^\W_]))")   # "_" inside a word is no emphasis
_LINE_START = re.compile(r"(?m)^([ \t]*)([#>+=-])")
_NUMBERED = re.compile(r"(?m)^([ \t]*\d+)([.)])")
_WWW = re.compile(r"(?i)(www)\.")


def plain(text: object) -> str:
    """text (any object, as str) escaped so that Markdown shows it as it is written, and nothing in it is a link,
    an image, markup or a directive."""
    out = _INLINE.sub(r"\\\1", str(text))
    out = _LINE_START.sub(r"\1\\\2", out)
    out = _NUMBERED.sub(r"\1\\\2", out)
    return _WWW.sub(r"\1\\.", out)
