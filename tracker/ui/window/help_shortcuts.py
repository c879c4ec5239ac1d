"""Help › Keyboard Shortcuts: every action that has a key, menu by menu.

The list is made from the action table (actions.ACTIONS) each time it opens, never
written by hand, so a key added, changed or removed there shows here without an edit.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker.ui.common.language import QT_TRANSLATE_NOOP, translate
from tracker.ui.window.actions import ACTIONS, ActionSpec, Menu, shortcut_keys, translated
from tracker.ui.window.help_windows import show_single

KEYS_COLUMN = 1
SCOPED_MARK = QT_TRANSLATE_NOOP("ShortcutsDialog", " (in its view)")
SCOPED_NOTE = QT_TRANSLATE_NOOP(
    "ShortcutsDialog", "A key marked “in its view” works while the table that action belongs "
    "to has the focus, so the same key can act on another table's row elsewhere.")


@dataclass(frozen=True, slots=True)
class ShortcutRow:
    """One action with its keys as this platform shows them ("Ctrl+Shift+Z, Ctrl+Y")."""

    action_id: str
    menu: str
    action: str
    keys: tuple[str, ...]
    does: str
    scoped: bool  # the key works only while the view the action sits in has the focus


def plain_words(text: str) -> str:
    """A menu or action text as read: no mnemonic '&', no trailing ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


def _row(item: ActionSpec) -> ShortcutRow:
    native = QKeySequence.SequenceFormat.NativeText
    return ShortcutRow(item.id, plain_words(translated(item.menu.value)),
                       plain_words(translated(item.text)),
                       tuple(key.toString(native) for key in shortcut_keys(item)),
                       translated(item.status_tip), item.scoped)


def shortcut_rows() -> list[ShortcutRow]:
    """Every action that has a key on this platform, in menu order, then as in the menu."""
    order = list(Menu)
    with_keys = [item for item in ACTIONS if shortcut_keys(item)]
    with_keys.sort(key=lambda item: order.index(item.menu))  # stable: menu order kept
    return [_row(item) for item in with_keys]


class ShortcutsDialog(QDialog):
    """A tree of menus, each with its actions, their keys and what they do."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts-dialog")
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.tree = QTreeWidget()
        self.tree.setObjectName("shortcuts-tree")
        self.tree.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Keys"), self.tr("What it does")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self._fill()
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        note = QLabel(self.tr("Keys as this computer names them. {note}").format(
            note=translate("ShortcutsDialog", SCOPED_NOTE)))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(860, 560)

    def _fill(self) -> None:
        menus: dict[str, QTreeWidgetItem] = {}
        for row in shortcut_rows():
            menu = menus.get(row.menu)
            if menu is None:
                menu = QTreeWidgetItem(self.tree, [row.menu])
                menu.setFirstColumnSpanned(True)
                font = menu.font(0)
                font.setBold(True)
                menu.setFont(0, font)
                menu.setFlags(Qt.ItemFlag.ItemIsEnabled)
                menus[row.menu] = menu
            mark = translate("ShortcutsDialog", SCOPED_MARK)
            keys = ", ".join(row.keys) + (mark if row.scoped else "")
            item = QTreeWidgetItem(menu, [row.action, keys, row.does])
            item.setData(0, Qt.ItemDataRole.UserRole, row.action_id)
            item.setToolTip(2, row.does)
        self.tree.expandAll()


def show_shortcuts(parent: QWidget) -> ShortcutsDialog:
    """Open the list over *parent*, or bring the open one forward."""
    return show_single(parent, ShortcutsDialog)
