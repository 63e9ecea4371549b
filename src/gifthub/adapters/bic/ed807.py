"""Streaming parser of the Bank of Russia BIC directory ED807 (XML or the daily zip, windows-1251).

pyexpat drives it directly: no tree is built, and every handler knows the line it is on, so a refusal
names the line. The whole file is validated before anything is returned: a bad file replaces nothing.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import BinaryIO
from xml.parsers import expat

from gifthub.application.ports.bank_directory import DirectoryFileError, DirectorySnapshot
from gifthub.domain.bank import Bank
from gifthub.domain.requisites import InvalidRequisite, check_account

NAMESPACE = "urn:cbr-ru:ed:v2.0"
CHUNK = 256 * 1024
_ZIP_MAGIC = b"PK\x03\x04"


def _local(name: str) -> tuple[str, str]:
    namespace, _, local = name.rpartition(" ")
    return namespace, local


def _looks_like_utf8(text: str) -> bool:
    # UTF-8 Cyrillic read as windows-1251 turns into "РџРђРћ": such text re-encodes to valid UTF-8.
    # Real windows-1251 Cyrillic almost never does (its bytes are not valid UTF-8 sequences).
    if text.isascii():
        return False
    try:
        text.encode("cp1251").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return False
    return True


class _Handler:
    def __init__(self, parser: expat.XMLParserType) -> None:
        self._parser = parser
        self.business_day: date | None = None
        self.banks: list[Bank] = []
        self._seen: dict[str, int] = {}
        self._root_seen = False
        self._entry: dict | None = None

    def _line(self) -> int:
        return self._parser.CurrentLineNumber

    def _fail(self, message: str, line: int | None = None) -> None:
        raise DirectoryFileError(f"line {line or self._line()}: {message}", field="file")

    def start(self, name: str, attrs: dict[str, str]) -> None:
        namespace, local = _local(name)
        if not self._root_seen:
            self._root_seen = True
            if local != "ED807" or namespace != NAMESPACE:
                self._fail(f"not an ED807 directory: the root is {local!r} in namespace {namespace!r}")
            self.business_day = self._date(attrs.get("BusinessDay") or attrs.get("EDDate"), "BusinessDay")
            return
        if namespace != NAMESPACE:
            return
        if local == "BICDirectoryEntry":
            self._entry = {"bic": attrs.get("BIC", ""), "line": self._line(), "rstr": [], "accounts": []}
        elif self._entry is None:
            return
        elif local == "ParticipantInfo":
            self._entry["info"] = attrs
        elif local == "RstrList":
            self._entry["rstr"].append(attrs.get("Rstr", ""))
        elif local == "SWBICS":
            if attrs.get("DefaultSWBIC") == "1" or "swift" not in self._entry:
                self._entry["swift"] = attrs.get("SWBIC")
        elif local == "Accounts":
            self._entry["accounts"].append((attrs, self._line()))

    def end(self, name: str) -> None:
        namespace, local = _local(name)
        if namespace == NAMESPACE and local == "BICDirectoryEntry" and self._entry is not None:
            self.banks.append(self._bank(self._entry))
            self._entry = None

    def _date(self, value: str | None, what: str) -> date | None:
        if not value:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            self._fail(f"{what}={value!r} is not a date (YYYY-MM-DD)")
            raise AssertionError("unreachable") from None

    def _bank(self, entry: dict) -> Bank:
        bic, line = entry["bic"], entry["line"]
        if len(bic) != 9 or not bic.isdigit():
            self._fail(f"BIC {bic!r} must be 9 digits", line)
        if bic in self._seen:
            self._fail(f"BIC {bic} is listed twice (first on line {self._seen[bic]})", line)
        self._seen[bic] = line
        info = entry.get("info")
        if info is None:
            self._fail(f"BIC {bic} has no ParticipantInfo", line)
        name = info.get("NameP", "").strip()
        if not name:
            self._fail(f"BIC {bic} has no NameP", line)
        if _looks_like_utf8(name):
            self._fail(
                f"BIC {bic}: the name {name[:20]!r}... is UTF-8 text in a file read as windows-1251; "
                "export the directory in windows-1251 as published",
                line,
            )
        return Bank(
            bic=bic,
            name=name,
            english_name=info.get("EnglName", ""),
            city=" ".join(part for part in (info.get("Tnp", ""), info.get("Nnp", "")) if part),
            postcode=info.get("Ind", ""),
            address=info.get("Adr", ""),
            participant_type=info.get("PtType", ""),
            participant_status=info.get("ParticipantStatus", ""),
            restrictions=tuple(code for code in entry["rstr"] if code),
            correspondent_account=self._correspondent_account(bic, entry["accounts"]),
            swift_bic=entry.get("swift"),
            directory_date=self.business_day,
        )

    def _correspondent_account(self, bic: str, accounts: list[tuple[dict[str, str], int]]) -> str | None:
        for attrs, line in accounts:
            if attrs.get("RegulationAccountType") != "CRSA" or attrs.get("AccountStatus", "ACAC") != "ACAC":
                continue
            number = attrs.get("Account", "")
            try:
                return check_account(number, bic, correspondent=True)
            except InvalidRequisite as error:
                self._fail(f"BIC {bic}: {error.message}", line)
        return None


def _chunks(stream: BinaryIO) -> Iterator[bytes]:
    while chunk := stream.read(CHUNK):
        yield chunk


def parse_ed807(stream: BinaryIO) -> DirectorySnapshot:
    """Parse an ED807 XML stream; raises DirectoryFileError naming the line of the first problem."""
    parser = expat.ParserCreate(namespace_separator=" ")
    handler = _Handler(parser)
    parser.StartElementHandler = handler.start
    parser.EndElementHandler = handler.end
    parser.buffer_text = True
    try:
        for chunk in _chunks(stream):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except expat.ExpatError as error:
        raise DirectoryFileError(
            f"line {error.lineno}, column {error.offset + 1}: the XML is broken "
            f"({expat.ErrorString(error.code)}); is the file complete and in windows-1251?",
            field="file",
        ) from None
    except (LookupError, UnicodeDecodeError) as error:
        raise DirectoryFileError(
            f"line {parser.CurrentLineNumber}: the text cannot be decoded ({error})", field="file"
        ) from None
    if not handler.banks:
        raise DirectoryFileError("the file has no BICDirectoryEntry: not a full ED807 directory", field="file")
    return DirectorySnapshot(business_day=handler.business_day, banks=handler.banks)


def _xml_member(archive: zipfile.ZipFile) -> str:
    names = [n for n in archive.namelist() if n.lower().endswith(".xml")]
    preferred = [n for n in names if "ed807" in n.lower()]
    if not (preferred or names):
        raise DirectoryFileError("the zip holds no .xml file (expected YYYYMMDD_ED807_full.xml)", field="file")
    return (preferred or names)[0]


def read_ed807(data: bytes | Path) -> DirectorySnapshot:
    """An ED807 XML file or the daily zip holding it (detected by content, not by name)."""
    stream: BinaryIO = io.BytesIO(data) if isinstance(data, bytes) else Path(data).open("rb")
    try:
        if stream.read(4) != _ZIP_MAGIC:
            stream.seek(0)
            return parse_ed807(stream)
        stream.seek(0)
        try:
            with zipfile.ZipFile(stream) as archive:
                member = _xml_member(archive)
                with archive.open(member) as xml:
                    try:
                        return parse_ed807(xml)
                    except DirectoryFileError as error:
                        raise DirectoryFileError(f"{member}: {error.message}", field="file") from None
        except (zipfile.BadZipFile, EOFError) as error:
            raise DirectoryFileError(f"the zip archive is damaged: {error}", field="file") from None
    finally:
        stream.close()
