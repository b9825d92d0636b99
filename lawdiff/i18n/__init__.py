"""The interface language: one gettext domain ``lawdiff``, English msgids, a Chinese catalogue.

Which language: ``set_language()`` (the ``--lang`` option) > ``$LAWDIFF_LANG`` > the locale
(``$LANGUAGE``, then ``$LC_ALL`` / ``$LC_MESSAGES`` / ``$LANG``, as GNU gettext reads them) > English.
Any ``zh…`` locale (``zh_CN.UTF-8``, ``zh_SG``, ``zh``) chooses the Chinese catalogue.

The catalogue is the standard compiled ``locale/zh_CN/LC_MESSAGES/lawdiff.mo`` beside this file,
built from ``zh_CN.po`` by ``python -m lawdiff.i18n.catalogue`` and checked by the tests. It is
opened on the first string translated into Chinese, never for English: start-up stays at the
import floor.

Usage, in any module (``i18n`` sits at the bottom of the layout, beside ``errors``)::

    from ..i18n import _, ngettext
    raise InputError(_("unknown law {name!r}").format(name=name))
    ngettext("{n} law", "{n} laws", n).format(n=n)

Strings that must exist before the language is known (module constants) are marked with ``N_``
and translated where they are shown. JSON keys and enumeration values are never translated.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from gettext import GNUTranslations, NullTranslations
from pathlib import Path

LANGUAGES = ("en", "zh")
DOMAIN = "lawdiff"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
_CATALOGUES = {"zh": "zh_CN"}

_chosen: str | None = None  # set_language(); None: from the environment
_loaded: dict[str, NullTranslations] = {}


def normalise(value: str | None) -> str | None:
    """``zh_CN.UTF-8`` → ``zh``, ``en_US`` / ``C`` / ``POSIX`` → ``en``; anything else → None."""
    if not value:
        return None
    tag = value.strip().split(".")[0].split("@")[0].replace("-", "_").lower()
    if tag in ("c", "posix"):
        return "en"
    base = tag.split("_")[0]
    return base if base in LANGUAGES else None


def from_environment(env: Mapping[str, str] | None = None) -> str:
    """The language the environment asks for (without ``--lang``)."""
    env = os.environ if env is None else env
    explicit = env.get("LAWDIFF_LANG")
    if explicit:
        lang = normalise(explicit)
        if lang is not None:
            return lang
    locale = next((env[k] for k in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(k)), "")
    if normalise(locale) == "en" and locale.split(".")[0].upper() in ("C", "POSIX"):
        return "en"  # GNU gettext ignores $LANGUAGE under the C locale
    for entry in env.get("LANGUAGE", "").split(":"):
        lang = normalise(entry)
        if lang is not None:
            return lang
    return normalise(locale) or "en"


def check(value: str) -> str:
    """``--lang`` values: ``zh`` or ``en`` (also ``zh_CN`` …); a ValueError names the choices."""
    lang = normalise(value)
    if lang is None:
        raise ValueError(f"unknown language {value!r} (choose from {', '.join(LANGUAGES)})")
    return lang


def set_language(value: str | None) -> None:
    """Choose the language for the rest of the process (None: back to the environment)."""
    global _chosen
    _chosen = check(value) if value is not None else None


@contextmanager
def override(lang: str) -> Iterator[None]:
    """Speak ``lang`` inside the block (files whose bytes must not depend on the user's locale)."""
    global _chosen
    before = _chosen
    _chosen = check(lang)
    try:
        yield
    finally:
        _chosen = before


def language() -> str:
    return _chosen if _chosen is not None else from_environment()


def translations(lang: str | None = None) -> NullTranslations:
    """The catalogue of ``lang`` (default: the current language), opened once."""
    lang = lang or language()
    tr = _loaded.get(lang)
    if tr is None:
        tr = _open(lang)
        _loaded[lang] = tr
    return tr


def _open(lang: str) -> NullTranslations:
    name = _CATALOGUES.get(lang)
    if name is None:
        return NullTranslations()
    path = LOCALE_DIR / name / "LC_MESSAGES" / f"{DOMAIN}.mo"
    try:
        with path.open("rb") as fh:
            return GNUTranslations(fh)
    except OSError:  # a broken installation: say so once, then speak English
        import sys

        print(f"lawdiff: catalogue {path} is missing; using English", file=sys.stderr)
        return NullTranslations()


def _(message: str) -> str:
    """``message`` in the current language."""
    return translations().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translations().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` in the sense ``context`` (``pgettext("heading", "new")`` → 新增章节)."""
    return translations().pgettext(context, message)


def N_(message: str) -> str:
    """Mark a string for the catalogue without translating it (translate it where it is shown)."""
    return message


def translate(message: str) -> str:
    """A message held in a variable (marked with ``N_`` where it was written), in the current
    language: ``translate(what)`` where ``_(what)`` would hide it from the catalogue tool."""
    return translations().gettext(message)


def zh(message: str, context: str | None = None) -> str:
    """``message`` in Chinese whatever the interface language (for documents: html, docx, md)."""
    tr = translations("zh")
    return tr.pgettext(context, message) if context else tr.gettext(message)
