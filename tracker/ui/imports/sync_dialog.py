"""File › Update from Source…: which dataset, which country, from when; and the
credentials, kept in the operating system's keyring.

The dialog collects a SyncRequest. Whether it is one the source can answer is the
service's rule (``SyncRequest.checked``): the dialog shows its refusal beside the fields
and stays open. The credentials go through ``store_credentials`` as typed; the dialog
only ever says whether they are there, never shows them.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from tracker.domain.errors import TrackerError
from tracker.services.sync.credentials import SECRETS, has_credentials, store_credentials
from tracker.services.sync.sources import DEFAULT_UCDP_VERSION, Source, SyncRequest
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

DEFAULT_COUNTRY = "Ukraine"


class SyncDialog(QDialog):
    """Asks what to update from which source; OK ("Update") when the request is one the
    source can answer. *request()* gives it after the dialog is accepted."""

    def __init__(self, parent: QWidget | None = None, *,
                 initial: SyncRequest | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Update from Source"))
        self.source_combo = named(QComboBox(), "sync-source")
        fill_combo(self.source_combo, [
            (self.tr("UCDP GED (Uppsala Conflict Data Program)"), Source.UCDP),
            (self.tr("ACLED (Armed Conflict Location & Event Data)"), Source.ACLED)])
        self.country_edit = named(QLineEdit(DEFAULT_COUNTRY), "sync-country")
        self.country_edit.setToolTip(self.tr(
            "The country whose events to fetch. For UCDP, a country it is known by here, or "
            "its Gleditsch–Ward number (369 for Ukraine)"))
        self.version_edit = named(QLineEdit(DEFAULT_UCDP_VERSION), "sync-version")
        self.version_edit.setToolTip(self.tr(
            "The UCDP GED release, e.g. 25.1 (or 25.0.10 for a Candidate release)"))
        self.since_check = named(QCheckBox(self.tr("Only events &since:")), "sync-since-check")
        self.since_edit = named(within_tracker_dates(QDateEdit()), "sync-since")
        self.since_edit.setCalendarPopup(True)
        self.since_edit.setDisplayFormat("d MMM yyyy")
        self.since_edit.setAccessibleName(self.tr("Only events since"))
        self.since_edit.setDate(QDate.currentDate().addMonths(-1))
        self.allow_older_check = named(QCheckBox(self.tr(
            "&Let an older release overwrite newer values")), "sync-allow-older")
        self.allow_older_check.setToolTip(self.tr(
            "Otherwise values of an older release than the one stored are listed in the "
            "result and skipped"))
        self.credentials_label = named(QLabel(), "sync-credentials-status")
        self.credentials_button = named(QPushButton(self.tr("Set Cr&edentials…")),
                                        "sync-set-credentials")
        self.credentials_button.setToolTip(self.tr(
            "Type the source's access token or account; they are kept in the operating "
            "system's keyring, never in the database or the settings"))
        self.error_label = ErrorLabel("sync-error")
        note = named(QLabel(self.tr(
            "The events are imported as the dataset's own file would be: the same checks, "
            "the same report. Nothing changes until every page has arrived; Cancel, or no "
            "network, leaves the database as it was.")), "sync-note")
        note.setWordWrap(True)
        self.buttons = ok_cancel_buttons(self, self.tr("&Update"))

        since_row = QHBoxLayout()
        since_row.addWidget(self.since_check)
        since_row.addWidget(self.since_edit, 1)
        credentials_row = QHBoxLayout()
        credentials_row.addWidget(self.credentials_label, 1)
        credentials_row.addWidget(self.credentials_button)
        form = QFormLayout(self)
        form.addRow(buddy_label(self.tr("&Dataset:"), self.source_combo), self.source_combo)
        form.addRow(buddy_label(self.tr("C&ountry:"), self.country_edit), self.country_edit)
        form.addRow(buddy_label(self.tr("&Release:"), self.version_edit), self.version_edit)
        form.addRow("", since_row)
        form.addRow("", self.allow_older_check)
        form.addRow(self.tr("Credentials:"), credentials_row)
        form.addRow("", self.error_label)
        form.addRow(note)
        form.addRow(self.buttons)
        height = form.heightForWidth(560)
        self.resize(560, height if height > 0 else self.sizeHint().height())

        if initial is not None:
            self._show(initial)
        self.source_combo.currentIndexChanged.connect(self._on_source_changed)
        self.since_check.toggled.connect(self.since_edit.setEnabled)
        self.credentials_button.clicked.connect(self._ask_credentials)
        self.since_edit.setEnabled(self.since_check.isChecked())
        self._on_source_changed()

    def source(self) -> Source:
        chosen: Source | None = current_data(self.source_combo)
        return chosen or Source.UCDP

    def request(self) -> SyncRequest:
        since: date | None = None
        if self.since_check.isChecked():
            since = self.since_edit.date().toPython()  # type: ignore[assignment]
        return SyncRequest(self.source(), self.country_edit.text().strip(), since,
                           self.version_edit.text().strip(),
                           allow_older=self.allow_older_check.isChecked())

    def accept(self) -> None:
        """Override QDialog.accept: only a request the source can answer closes it."""
        try:
            self.request().checked()
        except TrackerError as exc:
            self.error_label.show_error(str(exc))
            return
        self.error_label.show_error(None)
        super().accept()

    def refresh_credentials(self) -> None:
        """Say whether the chosen source's credentials are stored (never what they are)."""
        source = self.source()
        if has_credentials(source):
            self.credentials_label.setText(self.tr("Stored in the keyring"))
        else:
            self.credentials_label.setText(self.tr("None stored: set them before updating"))
        self.credentials_button.setAccessibleName(
            self.tr("Set credentials for %1").replace("%1", source.label))

    def _show(self, request: SyncRequest) -> None:
        select_data(self.source_combo, request.source)
        self.country_edit.setText(request.country)
        if request.source is Source.UCDP:
            self.version_edit.setText(request.version)
        self.since_check.setChecked(request.since is not None)
        # allow_older is not carried over: overwriting newer values is asked for each time.
        if request.since is not None:
            self.since_edit.setDate(QDate(request.since.year, request.since.month,
                                          request.since.day))

    @Slot()
    def _on_source_changed(self) -> None:
        self.version_edit.setEnabled(self.source() is Source.UCDP)
        self.refresh_credentials()

    @Slot()
    def _ask_credentials(self) -> None:
        dialog = CredentialsDialog(self.source(), self)
        dialog.accepted.connect(self.refresh_credentials)
        dialog.open()


class CredentialsDialog(QDialog):
    """The source's token or account, typed and kept in the keyring on OK. An empty
    field forgets what was kept for it."""

    def __init__(self, source: Source, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self.setWindowTitle(self.tr("Credentials for %1").replace("%1", source.label))
        labels = {"ucdp-api-token": self.tr("UCDP API access &token:"),
                  "acled-username": self.tr("myACLED &e-mail:"),
                  "acled-password": self.tr("myACLED &password:")}
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        for secret in SECRETS[source]:
            edit = named(QLineEdit(), f"sync-{secret.account}")
            if secret.hidden:
                edit.setEchoMode(QLineEdit.EchoMode.Password)
            self.fields[secret.account] = edit
            form.addRow(buddy_label(labels[secret.account], edit), edit)
        note = named(QLabel(self.tr(
            "Kept in the operating system's keyring, never in the database or the "
            "settings. Leave a field empty to forget what was kept for it.")),
            "sync-credentials-note")
        note.setWordWrap(True)
        self.error_label = ErrorLabel("sync-credentials-error")
        self.buttons = ok_cancel_buttons(self, self.tr("&Keep"))
        form.addRow(note)
        form.addRow("", self.error_label)
        form.addRow(self.buttons)
        self.resize(480, self.sizeHint().height())

    def values(self) -> dict[str, str]:
        return {account: edit.text() for account, edit in self.fields.items()}

    def accept(self) -> None:
        """Override QDialog.accept: keep the credentials; stay open if there is no keyring."""
        try:
            store_credentials(self.source, self.values())
        except TrackerError as exc:
            self.error_label.show_error(str(exc))
            return
        super().accept()

