"""Files attached to an email, built from the field its message type names (see domain/email_messages)."""

from __future__ import annotations

import csv
import io
import json
import zipfile

from gifthub.domain.email import Attachment

_ARCHIVE_COLUMNS = ("product_name", "nominal", "currency", "recipient_name", "code", "pin", "link", "message")


def certificates_archive(context: dict[str, str]) -> Attachment:
    """One text file per certificate plus a CSV of them all (UTF-8 with BOM, ';', for Russian Excel)."""
    certificates = json.loads(context["certificates"])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        table = io.StringIO()
        writer = csv.writer(table, delimiter=";", lineterminator="\r\n")
        writer.writerow(_ARCHIVE_COLUMNS)
        for number, certificate in enumerate(certificates, start=1):
            writer.writerow([certificate.get(column, "") for column in _ARCHIVE_COLUMNS])
            lines = [f"{column}: {certificate[column]}" for column in _ARCHIVE_COLUMNS if certificate.get(column)]
            archive.writestr(f"certificate-{number:04d}.txt", "\n".join(lines) + "\n")
        archive.writestr("certificates.csv", "\ufeff" + table.getvalue())
    return Attachment(f"order-{context['order_id']}.zip", "application/zip", buffer.getvalue())


def invoice_registry(context: dict[str, str]) -> Attachment:
    text = context["csv"]
    data = text.encode("utf-8") if text.startswith("\ufeff") else ("\ufeff" + text).encode("utf-8")
    return Attachment(f"invoice-registry-{context['day']}.csv", "text/csv", data)


BUILDERS = {"certificates_archive": certificates_archive, "invoice_registry": invoice_registry}
