"""Seating a party at a round: which party, in what role, who leads its delegation, a note.

A party or person not yet in the database is typed in a small dialog (``ask_party``,
``ask_person``: module functions that tests replace) and created on OK, with the seat, in
one transaction and one undo step. A refusal (that party already sits there in that role)
is shown beside the field it concerns while the dialog stays open.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from tracker.domain.enums import ParticipantRole, PartyKind
from tracker.domain.wording import label_of
from tracker.services.common.views import ParticipantRow
from tracker.services.records import reference
from tracker.services.rounds.participants import ParticipantSpec
from tracker.services.rounds.seating import NewParty, NewPerson
from tracker.ui.common.command_dialog import CommandDialog
from tracker.ui.common.commands import OperationCommand
from tracker.ui.common.forms import (
    ErrorLabel,
    add_item,
    buddy_label,
    compact_combo,
    current_data,
    fill_combo,
    item_value,
    named,
    ok_cancel_buttons,
    select_data,
)
from tracker.ui.common.workspace import Workspace
from tracker.ui.events.link_models import NOBODY
from tracker.ui.rounds.participant_commands import AddParticipantCommand


def _clean(text: str) -> str:
    return " ".join(text.split())


class NewPartyDialog(QDialog):
    """Name, short name and kind of a party; a name already in the list is refused here."""

    def __init__(self, existing: Collection[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New Party"))
        self._existing = {_clean(name).casefold() for name in existing}
        self.name = named(QLineEdit(), "party-name")
        self.name.setPlaceholderText(self.tr("e.g. European Union"))
        self.short_name = named(QLineEdit(), "party-short-name")
        self.short_name.setPlaceholderText(self.tr("optional, e.g. EU"))
        self.kind = named(QComboBox(), "party-kind")
        fill_combo(self.kind, [(label_of(kind).capitalize(), kind) for kind in PartyKind],
                   keep=PartyKind.STATE)
        self.error = ErrorLabel("party-name-error")
        self.buttons = ok_cancel_buttons(self)
        form = QFormLayout(self)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow("", self.error)
        form.addRow(self.tr("&Short name:"), self.short_name)
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.buttons)
        self.name.textChanged.connect(self._validate)
        self._validate()

    def party(self) -> NewParty | None:
        """The party typed, or None while the name is missing or already taken."""
        name = _clean(self.name.text())
        if not name or name.casefold() in self._existing:
            return None
        return NewParty(name, self.short_name.text().strip(), current_data(self.kind))

    @Slot()
    def _validate(self) -> None:
        name = _clean(self.name.text())
        taken = bool(name) and name.casefold() in self._existing
        self.error.show_error(self.tr("“{name}” is already in the list: choose it there")
                              .format(name=name) if taken else None)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            self.party() is not None)


class NewPersonDialog(QDialog):
    """Name and role of someone acting for *party* (e.g. the head of its delegation)."""

    def __init__(self, party: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New Person"))
        self.name = named(QLineEdit(), "person-name")
        self.name.setPlaceholderText(self.tr("e.g. Rustem Umerov"))
        self.role = named(QLineEdit(), "person-role")
        self.role.setPlaceholderText(self.tr("optional, e.g. Secretary of the Security Council"))
        self.buttons = ok_cancel_buttons(self)
        form = QFormLayout(self)
        acting = named(QLabel(self.tr("Acting for {party}").format(party=party)), "person-party")
        acting.setTextFormat(Qt.TextFormat.PlainText)  # a typed party name, never HTML
        form.addRow(acting)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Role:"), self.role)
        form.addRow(self.buttons)
        self.name.textChanged.connect(self._validate)
        self._validate()

    def person(self) -> NewPerson | None:
        name = _clean(self.name.text())
        return NewPerson(name, self.role.text().strip()) if name else None

    @Slot()
    def _validate(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            self.person() is not None)


def ask_party(parent: QWidget, existing: Collection[str]) -> NewParty | None:
    """Ask for a new party (modal). Tests replace this function."""
    dialog = NewPartyDialog(existing, parent)
    try:
        return dialog.party() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def ask_person(parent: QWidget, party: str) -> NewPerson | None:
    """Ask for a new person acting for *party* (modal). Tests replace this function."""
    dialog = NewPersonDialog(party, parent)
    try:
        return dialog.person() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def _replace_pending(combo: QComboBox, text: str, pending: Any) -> None:
    """Add *pending* (a NewParty or NewPerson) as the chosen item, dropping an earlier one of
    its kind: only what is chosen on OK is created."""
    for row in reversed(range(combo.count())):
        if isinstance(item_value(combo, row), type(pending)):
            combo.removeItem(row)
    add_item(combo, text, pending)
    combo.setCurrentIndex(combo.count() - 1)


class ParticipantDialog(CommandDialog):
    """Party (or a new one), role, head of delegation (or someone new) and note of a seat."""

    def __init__(self, workspace: Workspace, round_id: int, round_title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(workspace, parent)
        self.setWindowTitle(self.tr("Add Participant"))
        self.round_id = round_id
        self.round_title = round_title
        parties = workspace.read(reference.list_parties)
        self._party_names = [party.name for party in parties]
        header = named(QLabel(round_title), "participant-round")
        header.setTextFormat(Qt.TextFormat.PlainText)
        header.setWordWrap(True)
        self.party = compact_combo("participant-party", 24)
        fill_combo(self.party, [(party.name, party.id) for party in parties])
        self.party.setPlaceholderText(self.tr("Choose a party…"))
        self.party.setCurrentIndex(-1)
        self.new_party_button = named(QPushButton(self.tr("New &Party…")), "new-party-button")
        self.role = named(QComboBox(), "participant-role")
        fill_combo(self.role, [(label_of(role).capitalize(), role) for role in ParticipantRole],
                   keep=ParticipantRole.PARTY)
        self.person = compact_combo("participant-person", 24)
        self.new_person_button = named(QPushButton(self.tr("New P&erson…")), "new-person-button")
        self.note = named(QLineEdit(), "participant-note")
        self.note.setPlaceholderText(self.tr("e.g. Offered to host the next round"))
        self.errors = {key: ErrorLabel(f"participant-{key}-error") for key in ("party", "person")}
        for key, label in self.errors.items():
            self.register_error(key, label.show_error)
        self.ok_button.setText(self.tr("&Add Participant"))

        party_row = QHBoxLayout()
        party_row.addWidget(self.party, 1)
        party_row.addWidget(self.new_party_button)
        person_row = QHBoxLayout()
        person_row.addWidget(self.person, 1)
        person_row.addWidget(self.new_person_button)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(header)
        form.addRow(buddy_label(self.tr("Par&ty:"), self.party), party_row)
        form.addRow("", self.errors["party"])
        form.addRow(self.tr("&Role:"), self.role)
        form.addRow(buddy_label(self.tr("&Head of delegation:"), self.person), person_row)
        form.addRow("", self.errors["person"])
        form.addRow(self.tr("&Note:"), self.note)
        form.addRow(self.form_error)
        form.addRow(self.buttons)
        self.resize(480, self.sizeHint().height())

        self.new_party_button.clicked.connect(self._on_new_party)
        self.new_person_button.clicked.connect(self._on_new_person)
        self.party.currentIndexChanged.connect(self._on_party_changed)
        self.role.currentIndexChanged.connect(self._on_edited)
        self.person.currentIndexChanged.connect(self._on_edited)
        self._on_party_changed()
        self.party.setFocus()

    def party_name(self) -> str | None:
        party = current_data(self.party)
        if party is None:
            return None
        return party.name if isinstance(party, NewParty) else self.party.currentText()

    def make_command(self) -> OperationCommand | None:
        party: int | NewParty | None = current_data(self.party)
        if party is None:
            return None
        person: int | NewPerson | None = current_data(self.person)
        role: ParticipantRole = current_data(self.role)
        spec = ParticipantSpec(self.round_id, party if isinstance(party, int) else 0, role,
                               person if isinstance(person, int) else None,
                               self.note.text().strip())
        return AddParticipantCommand(
            self.workspace, spec, text=self.tr("Add {party} as {role} to “{round}”").format(
                party=self.party_name(), role=label_of(role), round=self.round_title),
            new_party=party if isinstance(party, NewParty) else None,
            new_person=person if isinstance(person, NewPerson) else None,
        )

    # -- slots ------------------------------------------------------------------------------

    @Slot()
    def _on_new_party(self) -> None:
        party = ask_party(self, self._party_names)
        if party is not None:
            _replace_pending(self.party, self.tr("{name} (new)").format(name=party.name), party)

    @Slot()
    def _on_new_person(self) -> None:
        party = self.party_name()
        if party is None:
            return
        person = ask_person(self, party)
        if person is not None:
            _replace_pending(self.person, self.tr("{name} (new)").format(name=person.name),
                             person)

    @Slot()
    def _on_party_changed(self) -> None:
        """List the chosen party's people: a delegation is led by one of its own.

        A new person typed before goes with the list: they were typed as acting for the
        party chosen then (New Person… said so), and OK would create them for this one.
        No one chosen is kept either, as nobody acts for two parties.
        """
        party = current_data(self.party)
        people = self.workspace.read(lambda s: reference.list_people(s, party)) \
            if isinstance(party, int) else []
        fill_combo(self.person, [
            (f"{person.name} — {person.detail}" if person.detail else person.name, person.id)
            for person in people], none_text=NOBODY)
        self._on_edited()

    @Slot()
    def _on_edited(self) -> None:
        for label in self.errors.values():  # a refusal was about what was chosen before
            label.show_error(None)
        self.form_error.show_error(None)
        chosen = current_data(self.party) is not None
        self.new_person_button.setEnabled(chosen)
        self.ok_button.setEnabled(chosen)
        self.ok_button.setToolTip("" if chosen else self.tr("Choose a party first"))


class EditParticipantDialog(ParticipantDialog):
    """The role, head of delegation and note of a seat; the party is what the seat is.

    Opened on the seat's version: OK saves over it only, and someone else's change in
    between brings up the conflict dialog. A new person is added with a new seat (Add
    Participant…), not here: an edit changes one record.
    """

    def __init__(self, workspace: Workspace, round_id: int, round_title: str,
                 row: ParticipantRow, parent: QWidget | None = None) -> None:
        super().__init__(workspace, round_id, round_title, parent)
        values = self.open_record("participant", row.id)
        self.setWindowTitle(self.tr("Edit Participant {party}").format(party=row.party))
        select_data(self.party, row.party_id)
        for fixed in (self.party, self.new_party_button, self.new_person_button):
            fixed.setEnabled(False)
        select_data(self.role, values["role"])
        select_data(self.person, values["person"])
        self.note.setText(str(values["note"]))
        self.ok_button.setText(self.tr("&Save"))

    def values(self) -> dict[str, object]:
        person = current_data(self.person)
        return {"role": current_data(self.role),
                "person": person if isinstance(person, int) else None,
                "note": self.note.text().strip()}

    def make_command(self) -> OperationCommand | None:
        return self.edit_command(self.values(), self.tr("Edit {party} at “{round}”").format(
            party=self.party_name(), round=self.round_title))

    @Slot()
    def _on_edited(self) -> None:
        super()._on_edited()
        self.new_person_button.setEnabled(False)
