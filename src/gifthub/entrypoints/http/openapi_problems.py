"""Make the OpenAPI document tell the truth about errors and sign-in.

Litestar documents a generic ``400 ValidationException`` body, but every error GiftHub answers is an
RFC 9457 problem (``application/problem+json``, see problems.py). This replaces that entry with the
problem schema and lists the statuses an operation can answer; it also documents the browser session
(cookie plus the ``X-CSRF-Token`` header on state-changing requests) next to bearer keys, and marks
the public operations (sign-in, password reset, ...) as needing no credentials.
"""

from __future__ import annotations

from litestar import Litestar
from litestar.handlers import HTTPRouteHandler
from litestar.openapi.spec import (
    OpenAPI,
    OpenAPIMediaType,
    OpenAPIResponse,
    Reference,
    RequestBody,
    Schema,
    SecurityScheme,
)
from litestar.openapi.spec.enums import OpenAPIType

from gifthub.entrypoints.http.principal import CSRF_COOKIE, SESSION_COOKIE
from gifthub.entrypoints.http.problems import PROBLEM_JSON

_STRING, _INTEGER = Schema(type=OpenAPIType.STRING), Schema(type=OpenAPIType.INTEGER)
PROBLEM = Schema(
    type=OpenAPIType.OBJECT,
    required=["type", "title", "status", "detail"],
    properties={
        "type": Schema(type=OpenAPIType.STRING, description="stable per error, e.g. /problems/insufficient-funds"),
        "title": _STRING,
        "status": _INTEGER,
        "detail": Schema(type=OpenAPIType.STRING, description="what went wrong, for a person"),
        "instance": Schema(type=OpenAPIType.STRING, description="the request path"),
        "errors": Schema(
            type=OpenAPIType.ARRAY,
            description="per field (or row and column of an uploaded file)",
            items=Schema(type=OpenAPIType.OBJECT, properties={"field": _STRING, "message": _STRING}),
        ),
        "retry_after": Schema(type=OpenAPIType.INTEGER, description="seconds (429); also the Retry-After header"),
        "requested": Schema(type=OpenAPIType.STRING, description="insufficient funds: the amount asked for"),
        "available": Schema(type=OpenAPIType.STRING, description="insufficient funds: what is available"),
        "currency": _STRING,
    },
    description="RFC 9457 problem details",
)
_DESCRIPTIONS = {
    "400": "Malformed request (bad JSON, bad parameter syntax)",
    "401": "No or invalid credentials",
    "403": "Authenticated but not allowed (role, CSRF, step-up, IP allow-list)",
    "404": "Not found, or in another tenant",
    "409": "Conflicts with the current state or an earlier request under the same key",
    "422": "Invalid input; `errors` names each field",
    "429": "Too many attempts; see Retry-After",
    "503": "A neighbour system or the database is unavailable; retry later",
}
_WRITES = {"post", "put", "patch", "delete"}


def _statuses(path: str, method: str, public: bool) -> list[str]:
    statuses = ["400", "422"]
    if not public:
        statuses += ["401", "403"]
    if "{" in path:
        statuses.append("404")
    if method in _WRITES:
        statuses.append("409")
    if public:
        statuses.append("429")
    return statuses + ["503"]


def _operations_with(app: Litestar, option: str) -> dict[tuple[str, str], object]:
    found = {}
    for route in app.routes:
        for handler in getattr(route, "route_handlers", []):
            if isinstance(handler, HTTPRouteHandler) and handler.opt.get(option):
                found.update({(route.path, method.lower()): handler.opt[option] for method in handler.http_methods})
    return found


def document_problems(app: Litestar) -> None:
    schema: OpenAPI = app.openapi_schema
    components = schema.components
    components.schemas = {**(components.schemas or {}), "Problem": PROBLEM}
    components.security_schemes = {
        **(components.security_schemes or {}),
        "session": SecurityScheme(
            type="apiKey",
            name=SESSION_COOKIE,
            security_scheme_in="cookie",
            description=(
                f"Browser session from POST /api/v1/auth/sign-in; state-changing requests also send the "
                f"{CSRF_COOKIE} cookie's value in the X-CSRF-Token header"
            ),
        ),
    }
    public = _operations_with(app, "public")
    raw_bodies = _operations_with(app, "raw_body")  # handlers that read the request body themselves
    reference = Reference(ref="#/components/schemas/Problem")
    for path, item in (schema.paths or {}).items():
        for method in ("get", "put", "post", "delete", "patch"):
            operation = getattr(item, method, None)
            if operation is None:
                continue
            is_public = (path, method) in public or not path.startswith("/api/")
            responses = {
                code: answer for code, answer in (operation.responses or {}).items() if not code.startswith(("4", "5"))
            }
            for status in _statuses(path, method, is_public):
                responses[status] = OpenAPIResponse(
                    description=_DESCRIPTIONS[status], content={PROBLEM_JSON: OpenAPIMediaType(schema=reference)}
                )
            operation.responses = responses
            if (path, method) in raw_bodies:
                operation.request_body = RequestBody(
                    content={"application/octet-stream": OpenAPIMediaType(schema=Schema(type=OpenAPIType.STRING))},
                    description=str(raw_bodies[(path, method)]),
                    required=True,
                )
            if is_public:
                operation.security = [] if path.startswith("/api/") else operation.security
            elif path.startswith("/api/"):
                operation.security = [{"bearer": []}, {"session": []}]
