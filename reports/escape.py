"""Escaping of input-derived text (file names, article text, messages) for each output medium.

Nothing an input carries may act on the medium it is printed to:

- :func:`visible` (terminal, CI logs): control characters (C0, DEL, C1), line and
  paragraph separators, bidirectional overrides and undecodable bytes are shown
  as ``\\x1b``, ``\\n``, ``\\u202e``, ``\\xff`` instead of being sent to the
  terminal, so no escape sequence (colours, OSC-8 links, cursor moves) and no
  extra line reaches it;
- :func:`github_data` / :func:`github_property` (GitHub workflow commands):
  the runner's own escaping (``%25``, ``%0D``, ``%0A``, and ``%3A``, ``%2C`` in
  properties), other control characters shown visibly, and the legacy ``##[``
  command prefix broken as ``#%23[``; :func:`github_line` for a plain log line;
- :func:`xml_text` (JUnit): characters XML 1.0 does not allow are shown visibly;
- :func:`uri_reference` (SARIF): a relative path as an RFC 3986 URI reference
  (percent-encoded UTF-8, ``/`` kept), so that ``#``, ``%`` and spaces round-trip;
- :func:`json_text` (JSON formats): undecodable bytes in a file name (lone
  surrogates, which no UTF-8 output can carry) as U+FFFD.

Ordinary text (printable characters, spaces) passes through all of them unchanged.
"""

from __future__ import annotations

import re
from urllib.parse import quote

# C0 (tab and line feed included: in one field they would break the line layout),
# DEL, C1, line/paragraph separators, bidi embeddings/overrides/isolates, surrogates.
_TERMINAL_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _show(ch: str) -> str:
    """One character shown as ``\\n``, ``\\x1b``, ``\\u202e``, or a stray byte as ``\\xff``."""
    if ch in _SHORT:
        return _SHORT[ch]
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(s: str) -> str:
    """``s`` with every character that could act on a terminal shown as an escape."""
    return _TERMINAL_UNSAFE.sub(lambda m: _show(m.group()), s)


def _no_legacy_command(s: str) -> str:
    # the runner also reads the legacy form ``##[command]data`` anywhere in a line
    return s.replace("##[", "#%23[")


def github_data(s: str) -> str:
    """The message part of a workflow command (``::error ...::DATA``)."""
    s = _no_legacy_command(s).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return visible(s)


def github_property(s: str) -> str:
    """A property value of a workflow command (``file=``, ``title=``)."""
    return github_data(s).replace(":", "%3A").replace(",", "%2C")


def github_line(s: str) -> str:
    """A plain log line of input-derived text that the runner must not take for a command."""
    s = _no_legacy_command(visible(s))
    # the runner reads ``::command::`` at the start of a line after leading white space
    return "./" + s if s.lstrip().startswith("::") else s


def xml_text(s: str) -> str:
    """``s`` with the characters XML 1.0 forbids shown as escapes (the XML then parses)."""
    return _XML_ILLEGAL.sub(lambda m: _show(m.group()), s)


def uri_reference(path: str) -> str:
    """A relative posix path as an RFC 3986 URI reference (``a#1 %.txt``: ``a%231%20%25.txt``).

    Undecodable bytes of the file name are encoded as the bytes they were, so
    ``urllib.parse.unquote(uri, errors="surrogateescape") == path``.
    """
    return quote(path.encode("utf-8", "surrogateescape"), safe="/!$&'()*+,;=@")


def json_text(s: str) -> str:
    """``s`` without lone surrogates (bytes of a file name that were not UTF-8), as U+FFFD."""
    return _SURROGATE.sub("\ufffd", s)
