"""The window's language: chosen from the system locale or in View › Language.

Three things follow the choice, all set here before the window is built:
- Qt's translator, which gives every ``tr()`` string its translation
  (translations/tracker_uk.qm, built from tracker_uk.ts, docs/TRANSLATING.md), and Qt's
  own (qtbase_uk.qm from the PySide6 wheel: the standard buttons "OK", "Cancel");
- the default QLocale, which date_text.py formats days and months with;
- wording.py's language, for the words the services and the domain hand to the window.

A change in View › Language is stored and applies when the program next starts: every
view builds its texts once, and a half-translated window would be worse than a restart.
"""

from __future__ import annotations

from enum import StrEnum
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from tracker.domain import wording
from tracker.domain.wording import Language
from tracker.ui.common import settings as options
from tracker.ui.common.settings import Settings


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """*text* of *context* in the window's language (QCoreApplication.translate, which
    lupdate reads under this name too). A phrase with a count goes through ``tr`` below
    (or ``self.tr(text, "", n)``): lupdate files ``translate`` messages as singular."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def tr(text: str, disambiguation: str = "", n: int = -1) -> str:
    """A count's phrase in its plural form, outside a QObject: ``tr("%n day(s)", "", n)``.

    pyside6-lupdate marks a message as plural only for a call named ``tr`` with three
    arguments (not for ``translate``), and files a bare ``tr`` under the empty context,
    which is where this looks it up. The count must be a plain name, not ``x.count``."""
    return QCoreApplication.translate("", text, disambiguation or None, n)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark *text* for lupdate under *context* and give it back untranslated (Qt's own
    QT_TRANSLATE_NOOP, typed: PySide6's stub returns ``object``). Translate it where it is
    shown: ``QCoreApplication.translate(context, text)``."""
    del context  # read by lupdate in the source, not here
    return text


class LanguageChoice(StrEnum):
    """What View › Language stores: follow the system, or one language."""

    SYSTEM = "system"
    ENGLISH = "en"
    UKRAINIAN = "uk"


_LOCALES = {Language.ENGLISH: QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
            Language.UKRAINIAN: QLocale(QLocale.Language.Ukrainian, QLocale.Country.Ukraine)}
# The translators installed now, kept so a later choice (a test) can take them out again.
_installed: list[QTranslator] = []


def translations_folder() -> Path:
    """The folder of the compiled translations, inside the package (and the bundle)."""
    return Path(str(resources.files("tracker.ui") / "translations"))


def language_of(choice: LanguageChoice, system: QLocale | None = None) -> Language:
    """The language *choice* means: the system locale's when it is one we speak."""
    if choice is LanguageChoice.SYSTEM:
        locale = system if system is not None else QLocale.system()
        if locale.language() == QLocale.Language.Ukrainian:
            return Language.UKRAINIAN
        return Language.ENGLISH
    return Language(choice.value)


def stored_choice(settings: Settings) -> LanguageChoice:
    return LanguageChoice(settings.get(options.LANGUAGE))


def apply_language(language: Language) -> None:
    """Make *language* the window's: translators, default locale and wording."""
    app = QCoreApplication.instance()
    assert app is not None, "the QApplication is created first"
    while _installed:
        app.removeTranslator(_installed.pop())
    # English has a translation too, of its plural forms only ("%n round(s)": "1 round",
    # "2 rounds"); Qt's own texts are English already.
    files = [(f"tracker_{language.value}", str(translations_folder()))]
    if language is not Language.ENGLISH:
        files.append((f"qtbase_{language.value}",
                      QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))
    for name, folder in files:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
    QLocale.setDefault(_LOCALES[language])
    wording.use_language(language)


def add_language_menu(menu: QMenu, settings: Settings, parent: QWidget) -> QMenu:
    """View › Language: System, English, Українська; a choice is stored for the next start."""
    submenu = menu.addMenu(QCoreApplication.translate("Language", "&Language"))
    submenu.setObjectName("language-menu")
    group = QActionGroup(submenu)
    current = stored_choice(settings)
    names = {LanguageChoice.SYSTEM: QCoreApplication.translate("Language", "&System"),
             # Each language is named in itself, so a reader finds their own.
             LanguageChoice.ENGLISH: "&English",
             LanguageChoice.UKRAINIAN: "&Українська"}
    for choice, text in names.items():
        action = QAction(text, submenu)
        action.setObjectName(f"language-{choice.value}-action")
        action.setCheckable(True)
        action.setChecked(choice is current)
        action.setData(choice.value)
        group.addAction(action)
        submenu.addAction(action)
    group.triggered.connect(lambda action: _choose(settings, action, parent))
    return submenu


def _choose(settings: Settings, action: QAction, parent: QWidget) -> None:
    choice = LanguageChoice(action.data())
    if choice is stored_choice(settings):
        return
    settings.set(options.LANGUAGE, choice.value)
    QMessageBox.information(
        parent, QCoreApplication.translate("Language", "Language"),
        QCoreApplication.translate(
            "Language", "The language changes when Negotiation Tracker is next started."))
