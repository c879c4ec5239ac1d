"""Import Events…: what the file is, how to read it, and whether one bad row stops it.

The file was read before this dialog opens (``importing.preview``, in the worker), so it
shows the encoding found and the layout the header matches, and preselects that format.
A format other than the one the header matches is allowed (a renamed export) but said.

It also asks what ``tracker import`` asks of a release (issue 17): a UCDP file's version,
a generic CSV's release date, the scope the release speaks for, and whether an older
release may overwrite a newer one. It reads them with the service's own parsers
(releases.given_ucdp_release, import_scope.parse_scope) and shows their refusal beside
the fields; what a release may do stays the import's rule.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from tracker.domain.errors import TrackerError
from tracker.domain.wording import say
from tracker.services.imports.import_scope import parse_scope
from tracker.services.imports.importing import (
    FilePreview,
    ImportFormat,
    ImportTarget,
    ReleaseOptions,
    formats_for,
)
from tracker.services.imports.releases import given_ucdp_release
from tracker.ui.common.forms import (
    ErrorLabel,
    buddy_label,
    current_data,
    fill_combo,
    named,
    ok_cancel_buttons,
    select_data,
    within_tracker_dates,
)
from tracker.ui.common.language import QT_TRANSLATE_NOOP, tr, translate
from tracker.ui.imports.import_task import ImportRequest

# The event formats, as the registry lists them (io.import_formats).
FORMAT_NAMES = {fmt: fmt.label for fmt in formats_for(ImportTarget.EVENTS)}
NOT_UNDOABLE = QT_TRANSLATE_NOOP(
    "ImportDialog",
    "Importing is not an edit that Undo takes back. Importing the same file again changes "
    "nothing (events are matched by dataset and id, so they are updated, not doubled), and "
    "every import is recorded: each event's details say which file it was imported from. "
    "Cancelling, or an error, leaves the database exactly as it was."
)


def file_size(size: int) -> str:
    """Bytes in the unit a file manager would use (1.8 MB)."""
    if size < 1000:
        return tr("%n bytes", "", size)
    value = size / 1000
    for unit in (translate("ImportDialog", "KB"), translate("ImportDialog", "MB")):
        if value < 1000:
            return f"{value:.1f} {unit}"
        value /= 1000
    gigabytes = translate("ImportDialog", "GB")
    return f"{value:,.1f} {gigabytes}"


def describe_file(preview: FilePreview) -> str:
    facts = preview.facts
    lines = facts.lines  # a plain name: lupdate misses an attribute as n
    return tr("{encoding} · %n lines · {size}", "", lines).format(
        encoding=facts.label, size=file_size(facts.size)).replace(str(lines), f"{lines:,}", 1)


def describe_format(fmt: ImportFormat | None) -> str:
    """What the header says the file is (no format found: a CSV whose columns are mapped)."""
    return say((fmt or ImportFormat.CSV).detected)


def _text_field(name: str, placeholder: str, accessible: str, tip: str) -> QLineEdit:
    """A release field, empty for "as the file says" (its placeholder says what that is)."""
    edit = named(QLineEdit(), name)
    edit.setPlaceholderText(placeholder)
    edit.setAccessibleName(accessible)
    edit.setToolTip(tip)
    return edit


class ImportDialog(QDialog):
    """Shows the file and what it is; asks for the format and strictness.

    OK reads "Import", or "Next: Columns…" for a generic CSV, whose column mapping the
    window asks for in ColumnMappingDialog before importing.
    """

    def __init__(self, preview: FilePreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import Events"))
        self.preview = preview
        self.file_label = self._plain_label("import-file", str(preview.path))
        self.encoding_label = self._plain_label("import-encoding", describe_file(preview))
        self.detected_label = self._plain_label("import-detected",
                                                describe_format(preview.format))
        self.format_combo = named(QComboBox(), "import-format")
        fill_combo(self.format_combo, ((say(text), fmt) for fmt, text in FORMAT_NAMES.items()))
        select_data(self.format_combo, preview.format or ImportFormat.CSV)
        self.format_warning = ErrorLabel("import-format-warning")
        self.strict_check = named(QCheckBox(self.tr("&Stop at the first bad row (strict)")),
                                  "import-strict")
        self.strict_check.setToolTip(self.tr("Import nothing if any row cannot be read, and say "
                                     "which. Otherwise good rows are imported and the bad "
                                     "ones listed."))
        self.allow_older_check = named(QCheckBox(self.tr(
            "Let an &older release overwrite newer values")), "import-allow-older")
        self.allow_older_check.setAccessibleName(self.tr("Allow an older release"))
        self.allow_older_check.setToolTip(self.tr(
            "By default, where this file is an older release than the one already "
            "imported (an older ACLED timestamp, an earlier UCDP version), its differences "
            "are listed in the result and skipped."))
        self.release_edit = _text_field(
            "import-release", self.tr("read from the file"), self.tr("UCDP GED release"),
            self.tr("The GED version of this file (23.1, or candidate). Left empty, it is "
                    "read from the file name, else from the years the file covers."))
        self.release_date_check = named(QCheckBox(self.tr("Release &date:")),
                                        "import-release-date-check")
        self.release_date_check.setToolTip(self.tr(
            "The day this release of the dataset was published: an older release never "
            "overwrites a newer one."))
        self.release_date_edit = named(within_tracker_dates(QDateEdit()), "import-release-date")
        self.release_date_edit.setCalendarPopup(True)
        self.release_date_edit.setDisplayFormat("d MMM yyyy")
        self.release_date_edit.setAccessibleName(self.tr("Release date"))
        self.release_date_edit.setDate(QDate.currentDate())
        self.scope_edit = _text_field(
            "import-scope", self.tr("the file's own countries and days"),
            self.tr("Scope of the release"),
            self.tr("What the release covers, e.g. country=Ukraine, 2014-01-01..2023-12-31: "
                    "its events missing from the file are marked withdrawn by the source."))
        self.release_error = ErrorLabel("import-release-error")
        note = named(QLabel(self.tr(NOT_UNDOABLE)), "import-note")
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)  # fixed text, laid out before the dialog is first shown
        self.buttons = ok_cancel_buttons(self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)

        form = QFormLayout(self)
        form.addRow(self.tr("File:"), self.file_label)
        form.addRow(self.tr("Encoding:"), self.encoding_label)
        form.addRow(self.tr("Detected:"), self.detected_label)
        form.addRow(buddy_label(self.tr("Import &as:"), self.format_combo), self.format_combo)
        form.addRow("", self.format_warning)
        form.addRow("", self.strict_check)
        form.addRow(buddy_label(self.tr("&Release:"), self.release_edit), self.release_edit)
        release_date_row = QHBoxLayout()
        release_date_row.addWidget(self.release_date_check)
        release_date_row.addWidget(self.release_date_edit, 1)
        form.addRow("", release_date_row)
        form.addRow(buddy_label(self.tr("Sco&pe:"), self.scope_edit), self.scope_edit)
        form.addRow("", self.allow_older_check)
        form.addRow("", self.release_error)
        form.addRow(note)
        form.addRow(self.buttons)
        # As tall as the wrapped note needs at this width, not at the narrowest one.
        height = form.heightForWidth(600)
        self.resize(600, height if height > 0 else self.sizeHint().height())

        self.format_combo.currentIndexChanged.connect(self._on_format_changed)
        self.release_date_check.toggled.connect(self._on_format_changed)
        self._on_format_changed()

    def chosen_format(self) -> ImportFormat:
        fmt: ImportFormat | None = current_data(self.format_combo)
        return fmt or ImportFormat.CSV

    def needs_mapping(self) -> bool:
        return self.chosen_format().needs_mapping

    def request(self) -> ImportRequest:
        """The import as chosen; a generic CSV's mapping is added by the mapping dialog.
        Raises the service's TrackerError for a release or scope it cannot read."""
        return ImportRequest(self.preview.path, self.chosen_format(),
                             strict=self.strict_check.isChecked(),
                             releases=self.release_options())

    def release_options(self) -> ReleaseOptions:
        """The release fields as the import takes them (those of other formats ignored)."""
        fmt = self.chosen_format()
        release_text = self.release_edit.text().strip()
        release = given_ucdp_release(release_text) \
            if fmt is ImportFormat.UCDP and release_text else None
        release_date: date | None = None
        if fmt is ImportFormat.CSV and self.release_date_check.isChecked():
            release_date = self.release_date_edit.date().toPython()  # type: ignore[assignment]
        scope_text = self.scope_edit.text().strip()
        return ReleaseOptions(release=release, release_date=release_date,
                              scope=parse_scope(scope_text) if scope_text else None,
                              allow_older=self.allow_older_check.isChecked())

    def accept(self) -> None:
        """Override QDialog.accept: only a release and scope the import can read."""
        try:
            self.release_options()
        except TrackerError as exc:
            self.release_error.show_error(str(exc))
            return
        self.release_error.show_error(None)
        super().accept()

    @staticmethod
    def _plain_label(name: str, text: str) -> QLabel:
        label = named(QLabel(text), name)
        label.setTextFormat(Qt.TextFormat.PlainText)  # a path or a file's text, never HTML
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    @Slot()
    def _on_format_changed(self) -> None:
        fmt = self.chosen_format()
        # A UCDP file says its version; a generic CSV's release is the day given.
        self.release_edit.setEnabled(fmt is ImportFormat.UCDP)
        self.release_date_check.setEnabled(fmt is ImportFormat.CSV)
        self.release_date_edit.setEnabled(fmt is ImportFormat.CSV
                                          and self.release_date_check.isChecked())
        self.ok_button.setText(self.tr("&Next: Columns…") if fmt.needs_mapping
                               else self.tr("&Import"))
        detected = self.preview.format
        if detected is not None and fmt is not detected and not fmt.needs_mapping:
            self.format_warning.show_error(
                self.tr("The header looks like {detected}, not {chosen}; the import will refuse "
                        "columns it cannot find").format(detected=say(FORMAT_NAMES[detected]),
                                                         chosen=say(FORMAT_NAMES[fmt])))
        else:
            self.format_warning.show_error(None)
