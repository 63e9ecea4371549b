"""One place that turns errors into RFC 9457 problem details with a stable ``type`` per error."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from litestar import Request, Response
from litestar.exceptions import HTTPException, NotAuthorizedException, ValidationException
from litestar.status_codes import HTTP_500_INTERNAL_SERVER_ERROR

from gifthub.application.catalog.errors import CatalogSourceUnavailable
from gifthub.application.catalog_exports.errors import ExportNotReady
from gifthub.application.errors import (
    ApplicationError,
    ConcurrencyConflict,
    Forbidden,
    IdempotencyConflict,
    InvalidCursor,
    NotFound,
    Unauthenticated,
)
from gifthub.application.ordering.errors import IdempotencyKeyReused
from gifthub.application.ports.company_registry import ExternalServiceError
from gifthub.domain.auth_session import STEP_UP_VALID
from gifthub.domain.billing.errors import InvoiceClosed
from gifthub.domain.errors import (
    DomainError,
    HoldClosed,
    InsufficientFunds,
    ProjectFrozen,
)
from gifthub.domain.identity_errors import StepUpRequired
from gifthub.domain.order_errors import IllegalOrderTransition
from gifthub.entrypoints.http.identity_problems import IDENTITY_PROBLEMS

log = logging.getLogger("gifthub.http")

PROBLEM_JSON = "application/problem+json"
PROBLEM_BASE = "/problems/"


@dataclass(frozen=True)
class ProblemType:
    """What a ``type`` URI names: served at /problems/<code> so that a client can look it up."""

    code: str
    status: int
    title: str
    description: str


# Problems raised by the HTTP layer itself rather than by a use case.
_HTTP_PROBLEMS = (
    ProblemType("validation-error", 400, "Invalid request", "The body or a parameter does not fit the schema."),
    ProblemType("malformed-json", 400, "Malformed JSON", "The body is not JSON."),
    ProblemType("not-found", 404, "Not found", "No such thing, or it belongs to another tenant."),
    ProblemType("method-not-allowed", 405, "Method not allowed", "The path does not take this method."),
    ProblemType("unauthenticated", 401, "Authentication required", "Send a bearer key or sign in."),
    ProblemType("forbidden", 403, "Forbidden", "Your role may not do this."),
    ProblemType("payload-too-large", 413, "Payload too large", "The body is over the limit of this operation."),
    ProblemType("unsupported-media-type", 415, "Unsupported media type", "Send the documented content type."),
    ProblemType("internal-error", 500, "Internal error", "Something went wrong on our side; it is logged."),
)


def _all_subclasses(base: type) -> list[type]:
    found = []
    for child in base.__subclasses__():
        found += [child, *_all_subclasses(child)]
    return found


def problem_types() -> dict[str, ProblemType]:
    """Every problem code GiftHub answers, from the error classes themselves (their docstrings explain)."""
    types = {p.code: p for p in _HTTP_PROBLEMS}
    for error_type in [
        DomainError,
        *_all_subclasses(DomainError),
        ApplicationError,
        *_all_subclasses(ApplicationError),
    ]:
        code = getattr(error_type, "code", "")
        if not code or code in types:
            continue
        status, title = 422, "Invalid request"
        for listed, listed_status, listed_title in _STATUS_BY_ERROR:
            if issubclass(error_type, listed):
                status, title = listed_status, listed_title
                break
        description = " ".join((error_type.__doc__ or title).split())
        types[code] = ProblemType(code, status, title, description)
    return types


# Domain and application errors not listed here are validation problems (422).
_STATUS_BY_ERROR: list[tuple[type[Exception], int, str]] = [
    *IDENTITY_PROBLEMS,
    (InsufficientFunds, 409, "Insufficient funds"),
    (HoldClosed, 409, "Hold is closed"),
    (ProjectFrozen, 409, "Project is frozen"),
    (InvoiceClosed, 409, "Invoice is closed"),
    (IdempotencyConflict, 409, "Reference already used"),
    (ExportNotReady, 409, "Export not ready"),
    (ConcurrencyConflict, 503, "Busy, try again"),
    (IdempotencyKeyReused, 409, "Idempotency-Key reused with another request"),
    (IllegalOrderTransition, 409, "Not allowed in the order's status"),
    (NotFound, 404, "Not found"),
    (Forbidden, 403, "Forbidden"),
    (Unauthenticated, 401, "Authentication required"),
    (InvalidCursor, 400, "Bad paging parameters"),
    (CatalogSourceUnavailable, 503, "Giftery is unavailable"),
    (ExternalServiceError, 502, "A neighbour system failed"),
]


def problem(
    status: int,
    code: str,
    title: str,
    detail: str,
    request: Request | None = None,
    retry_after: int | None = None,
    **extra: object,
) -> Response:
    body: dict[str, object] = {"type": PROBLEM_BASE + code, "title": title, "status": status, "detail": detail}
    if request is not None:
        body["instance"] = request.url.path
    body.update({k: v for k, v in extra.items() if v is not None})
    headers = {"Retry-After": "1"} if status == 503 else None
    if retry_after is not None:  # throttled: say when trying again makes sense (RFC 9110 §10.2.3)
        headers = {"Retry-After": str(max(retry_after, 1))}
        body["retry_after"] = max(retry_after, 1)
    if status == 401:
        headers = {"WWW-Authenticate": 'Bearer realm="gifthub"'}
    return Response(content=body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def _status_of(error: Exception) -> tuple[int, str]:
    for error_type, status, title in _STATUS_BY_ERROR:
        if isinstance(error, error_type):
            return status, title
    return 422, "Invalid request"


def handle_business_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, DomainError | ApplicationError)
    status, title = _status_of(error)
    extra: dict[str, object] = {}
    if error.field:
        extra["errors"] = [{"field": error.field, "message": error.message}]
    if isinstance(error, InsufficientFunds):
        extra["requested"] = error.requested.to_string()
        extra["available"] = error.available.to_string()
        extra["currency"] = error.available.currency.value
    if isinstance(error, StepUpRequired):  # tells the client how to go on
        extra["step_up"] = {"method": "POST", "href": error.step_up, "body": {"code": "<a current code>"}}
        extra["valid_seconds"] = int(STEP_UP_VALID.total_seconds())
    retry_after = getattr(error, "retry_after", None)
    return problem(status, error.code, title, error.message, request, retry_after=retry_after, **extra)


def handle_validation(request: Request, error: ValidationException) -> Response:
    errors = []
    for item in error.extra or []:
        if isinstance(item, dict):
            message = str(item.get("message", ""))
            field = _field_path(str(item.get("key") or ""), message)
            errors.append({"field": field, "message": message})
    detail = error.detail or "the request is not valid"
    if not errors:
        errors.append({"field": "body", "message": detail})
    return problem(400, "validation-error", "Invalid request", _summary(errors, detail), request, errors=errors)


def handle_http(request: Request, error: HTTPException) -> Response:
    code = {
        404: "not-found",
        405: "method-not-allowed",
        401: "unauthenticated",
        403: "forbidden",
        413: "payload-too-large",
        415: "unsupported-media-type",
    }.get(error.status_code, "http-error")
    if isinstance(error, NotAuthorizedException):
        code = "unauthenticated"
    detail = str(error.detail)
    if error.status_code == 400 and "malformed" in detail.lower():
        return problem(
            400, "malformed-json", "Malformed JSON", detail, request, errors=[{"field": "body", "message": detail}]
        )
    return problem(error.status_code, code, detail, detail, request)


def handle_unexpected(request: Request, error: Exception) -> Response:
    log.exception("unhandled error on %s %s", request.method, request.url.path)
    return problem(
        HTTP_500_INTERNAL_SERVER_ERROR, "internal-error", "Internal error", "something went wrong on our side", request
    )


_NAMED_FIELD = re.compile(r"field `([^`]+)`")


def _field_path(key: str, message: str) -> str:
    """msgspec says ``$.reference.kind`` or names the field in the message; clients want ``reference.kind``."""
    path = "" if key in ("data", "body", "$") else key.removeprefix("$.").removeprefix("$")
    named = _NAMED_FIELD.search(message)
    if named:
        path = f"{path}.{named.group(1)}" if path else named.group(1)
    return path or "body"


def _summary(errors: list[dict[str, str]], fallback: str) -> str:
    first = errors[0]
    return f"{first['field']}: {first['message']}" if first["message"] else fallback


exception_handlers = {
    DomainError: handle_business_error,
    ApplicationError: handle_business_error,
    ValidationException: handle_validation,
    HTTPException: handle_http,
    Exception: handle_unexpected,
}
