"""Typing a new source inside a schedule-change dialog; nothing is written until its OK.

A change is recorded as news arrives, usually from a report nobody has entered yet: the
analyst types where it comes from here, and the source is created with the change, in
the same transaction (see round_commands.schedule_change). ``ask_source`` is the module
function tests replace, as ``venue_dialog.ask_venue`` is.

Editing a source already stored (EditSourceDialog) uses the same fields and is saved only
over the version it was opened on.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLineEdit, QWidget

from tracker.domain.dates import DateParseError, parse_date
from tracker.domain.enums import Reliability
from tracker.domain.wording import day_words, label_of
from tracker.services.records.citations import SourceDraft
from tracker.ui.common.command_dialog import CommandDialog
from tracker.ui.common.commands import OperationCommand
from tracker.ui.common.forms import (
    ErrorLabel,
    current_data,
    fill_combo,
    named,
    ok_cancel_buttons,
    select_data,
)
from tracker.ui.common.language import translate
from tracker.ui.common.workspace import Workspace

_FIELDS = ("outlet", "url", "published_on", "accessed_on")


def source_text(draft: SourceDraft) -> str:
    """How a pending source reads in a combo before it exists."""
    return ", ".join(part for part in (draft.outlet, f"“{draft.title}”" if draft.title
                                       else "", draft.url) if part)


class SourceFields:
    """The source form: outlet, title, address, publication and reading dates, reliability
    and a note, with the checks shown under each field (New Source and Edit Source)."""

    def __init__(self, *, day_first: bool = False) -> None:
        self._day_first = day_first
        self.outlet = named(QLineEdit(), "source-outlet")
        self.outlet.setPlaceholderText(translate("SourceFields",
            "e.g. Kyiv Independent, or the person who said it"))
        self.title_edit = named(QLineEdit(), "source-title")
        self.url = named(QLineEdit(), "source-url")
        self.url.setPlaceholderText(translate("SourceFields", "https://…"))
        self.published = named(QLineEdit(), "source-published")
        self.published.setPlaceholderText(translate("SourceFields",
                                                                     "e.g. 31 Jan 2026 (optional)"))
        self.accessed = named(QLineEdit(f"{date.today():%d %b %Y}"), "source-accessed")
        self.reliability = named(QComboBox(), "source-reliability")
        fill_combo(self.reliability, [(label_of(r).capitalize(), r) for r in Reliability],
                   keep=Reliability.UNVERIFIED)
        self.note = named(QLineEdit(), "source-note")
        self.errors = {field: ErrorLabel(f"source-{field}-error") for field in _FIELDS}

    def add_rows(self, form: QFormLayout) -> None:
        form.addRow(translate("SourceFields", "O&utlet:"), self.outlet)
        form.addRow("", self.errors["outlet"])
        form.addRow(translate("SourceFields", "&Title:"), self.title_edit)
        form.addRow(translate("SourceFields", "&Address:"), self.url)
        form.addRow("", self.errors["url"])
        form.addRow(translate("SourceFields", "&Published:"), self.published)
        form.addRow("", self.errors["published_on"])
        form.addRow(translate("SourceFields", "&Read on:"), self.accessed)
        form.addRow("", self.errors["accessed_on"])
        form.addRow(translate("SourceFields", "Re&liability:"), self.reliability)
        form.addRow(translate("SourceFields", "&Note:"), self.note)

    def on_edited(self, slot: Callable[[], None]) -> None:
        for edit in (self.outlet, self.title_edit, self.url, self.published, self.accessed,
                     self.note):
            edit.textChanged.connect(slot)
        self.reliability.currentIndexChanged.connect(slot)

    def fill(self, values: Mapping[str, object]) -> None:
        """Show a source's stored fields (an edit)."""
        for edit, key in ((self.outlet, "outlet"), (self.title_edit, "title"),
                          (self.url, "url"), (self.note, "note")):
            edit.setText(str(values[key]))
        for edit, key in ((self.published, "published_on"), (self.accessed, "accessed_on")):
            day = values[key]
            edit.setText(f"{day:%d %b %Y}" if isinstance(day, date) else "")
        select_data(self.reliability, values["reliability"])

    def draft(self) -> SourceDraft | None:
        """The source typed, or None while a field is wrong."""
        return self._check()[0]

    def _day(self, edit: QLineEdit) -> date | None:
        text = edit.text().strip()
        return parse_date(text, dayfirst=self._day_first) if text else None

    def _check(self) -> tuple[SourceDraft | None, dict[str, str]]:
        errors: dict[str, str] = {}
        if not self.outlet.text().strip():
            errors["outlet"] = translate("SourceFields", "Say who published or said it")
        url = self.url.text().strip()
        if url and not url.lower().startswith(("http://", "https://")):
            errors["url"] = translate("SourceFields",
                                      "A web address starts with http:// or https://")
        days: dict[str, date | None] = {}
        for field, edit in (("published_on", self.published), ("accessed_on", self.accessed)):
            try:
                days[field] = self._day(edit)
            except DateParseError as exc:
                errors[field] = str(exc)
                continue
            found = days[field]
            if found is not None and found > date.today():
                errors[field] = translate("SourceFields", "{day} is in the future").format(
                    day=day_words(found))
        published, accessed = days.get("published_on"), days.get("accessed_on")
        if published and accessed and accessed < published and "accessed_on" not in errors:
            errors["accessed_on"] = translate("SourceFields",
                                              "It was read before it was published")
        if errors:
            return None, errors
        return SourceDraft(self.outlet.text(), self.title_edit.text(), url, published,
                           accessed, current_data(self.reliability), self.note.text()), {}

    def validate(self) -> bool:
        """Show what is wrong under each field; return whether the source is valid."""
        draft, errors = self._check()
        for field, label in self.errors.items():
            # An empty outlet is not scolded before anything was typed.
            quiet = field == "outlet" and not self.outlet.isModified()
            label.show_error(None if quiet else errors.get(field))
        return draft is not None


class NewSourceDialog(QDialog):
    """Outlet, title, address, publication and reading dates, reliability and a note."""

    def __init__(self, parent: QWidget | None = None, *, day_first: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New Source"))
        self.fields = fields = SourceFields(day_first=day_first)
        self.outlet, self.title_edit, self.url = fields.outlet, fields.title_edit, fields.url
        self.published, self.accessed = fields.published, fields.accessed
        self.reliability, self.note, self.errors = fields.reliability, fields.note, \
            fields.errors
        self.buttons = ok_cancel_buttons(self)
        form = QFormLayout(self)
        fields.add_rows(form)
        form.addRow(self.buttons)
        self.setMinimumWidth(480)
        fields.on_edited(self._validate)
        self._validate()

    def draft(self) -> SourceDraft | None:
        """The source typed, or None while a field is wrong."""
        return self.fields.draft()

    @Slot()
    def _validate(self) -> None:
        self.buttons.button(self.buttons.StandardButton.Ok).setEnabled(self.fields.validate())


class EditSourceDialog(CommandDialog):
    """A source already cited, saved over the version it was opened on (a conflict with
    someone else's save shows both versions)."""

    def __init__(self, workspace: Workspace, source_id: int, parent: QWidget | None = None,
                 *, day_first: bool = False) -> None:
        super().__init__(workspace, parent)
        values = self.open_record("source", source_id)
        self.setWindowTitle(self.tr("Edit Source"))
        self.fields = SourceFields(day_first=day_first)
        self.fields.fill(values)
        for field, label in self.fields.errors.items():
            self.register_error(field, label.show_error)
        self.ok_button.setText(self.tr("&Save"))
        form = QFormLayout(self)
        self.fields.add_rows(form)
        form.addRow(self.form_error)
        form.addRow(self.buttons)
        self.setMinimumWidth(480)
        self.fields.on_edited(self._validate)
        self._validate()

    def values(self) -> dict[str, object] | None:
        draft = self.fields.draft()
        if draft is None:
            return None
        return {"outlet": " ".join(draft.outlet.split()), "title": " ".join(draft.title.split()),
                "url": draft.url, "published_on": draft.published_on,
                "accessed_on": draft.accessed_on, "reliability": draft.reliability,
                "note": draft.note.strip()}

    def make_command(self) -> OperationCommand | None:
        values = self.values()
        return None if values is None else self.edit_command(
            values, self.tr("Edit source “{outlet}”").format(outlet=values["outlet"]))

    @Slot()
    def _validate(self) -> None:
        self.ok_button.setEnabled(self.fields.validate())


def ask_source(parent: QWidget, *, day_first: bool = False) -> SourceDraft | None:
    """Ask for a new source (modal). Tests replace this function."""
    dialog = NewSourceDialog(parent, day_first=day_first)
    try:
        return dialog.draft() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
