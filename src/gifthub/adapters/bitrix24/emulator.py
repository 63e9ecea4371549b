"""A Bitrix24 emulator for the inbound-webhook REST calls GiftHub makes:
``POST /rest/<user_id>/<code>/crm.lead.add.json`` with ``{"fields": {...}, "params": {...}}`` answering
``{"result": <id>, "time": {...}}``, and ``crm.lead.list.json`` with a ``filter``. Errors are
``{"error": CODE, "error_description": ...}``: 401 NO_AUTH_FOUND for an unknown webhook, and whatever the
test switch ``POST /_emulator/fail {"times": N, "status": 503, "error": "QUERY_LIMIT_EXCEEDED"}`` asks for.
Leads are de-duplicated on (ORIGINATOR_ID, ORIGIN_ID); ``GET /_emulator/leads`` shows what arrived.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from litestar import Litestar, Request, Response, get, post
from litestar.params import FromPath, JSONBody

_DESCRIPTIONS = {
    "NO_AUTH_FOUND": "Wrong authorization data",
    "INVALID_CREDENTIALS": "Invalid request credentials",
    "QUERY_LIMIT_EXCEEDED": "Too many requests",
    "INTERNAL_SERVER_ERROR": "Internal server error",
}


@dataclass
class Bitrix24EmulatorState:
    webhooks: dict[int, str]
    leads: dict[int, dict[str, Any]] = field(default_factory=dict)
    failures: list[tuple[int, str]] = field(default_factory=list)
    calls: int = 0

    def add(self, fields: dict[str, Any]) -> int:
        key = (fields.get("ORIGINATOR_ID"), fields.get("ORIGIN_ID"))
        if key[1]:
            for lead_id, lead in self.leads.items():
                if (lead.get("ORIGINATOR_ID"), lead.get("ORIGIN_ID")) == key:
                    return lead_id
        lead_id = len(self.leads) + 1
        self.leads[lead_id] = dict(fields)
        return lead_id


def _error(status: int, code: str, description: str | None = None) -> Response:
    body = {"error": code, "error_description": description or _DESCRIPTIONS.get(code, code)}
    return Response(body, status_code=status)


def _ok(result: Any, started: float) -> Response:
    now = time.time()
    timing = {"start": started, "finish": now, "duration": now - started, "processing": now - started}
    return Response({"result": result, "time": timing}, status_code=200)


def create_bitrix24_emulator(webhooks: dict[int, str] | None = None) -> Litestar:
    state = Bitrix24EmulatorState(webhooks=dict(webhooks or {1: "emulatorwebhook"}))

    @post("/rest/{user_id:int}/{code:str}/{method:str}", status_code=200)
    async def rest(user_id: FromPath[int], code: FromPath[str], method: FromPath[str], request: Request) -> Response:
        started = time.time()
        state.calls += 1
        if state.webhooks.get(user_id) != code:
            return _error(401, "NO_AUTH_FOUND")
        if state.failures:
            status, error = state.failures.pop(0)
            return _error(status, error)
        try:
            body = await request.json()
        except Exception:  # noqa: BLE001 - any unreadable body is the client's error
            body = None
        if not isinstance(body, dict):
            return _error(400, "INVALID_REQUEST", "the body must be a JSON object")
        if method == "crm.lead.add.json":
            fields = body.get("fields")
            if not isinstance(fields, dict) or not fields.get("TITLE"):
                return _error(400, "ERROR_CORE", "fields.TITLE is required")
            return _ok(state.add(fields), started)
        if method == "crm.lead.list.json":
            wanted = body.get("filter") or {}
            found = [
                {"ID": str(lead_id)}
                for lead_id, lead in state.leads.items()
                if all(str(lead.get(k)) == str(v) for k, v in wanted.items())
            ]
            return Response({"result": found, "total": len(found)}, status_code=200)
        return _error(404, "ERROR_METHOD_NOT_FOUND", f"Method not found: {method}")

    @post("/_emulator/fail", status_code=204)
    async def fail(data: JSONBody[dict[str, Any]]) -> None:
        times = int(data.get("times", 1))
        state.failures = [(int(data.get("status", 503)), str(data.get("error", "QUERY_LIMIT_EXCEEDED")))] * times

    @get("/_emulator/leads")
    async def leads() -> list[dict[str, Any]]:
        return [{"ID": lead_id, **lead} for lead_id, lead in state.leads.items()]

    app = Litestar(route_handlers=[rest, fail, leads], openapi_config=None, debug=False)
    app.state.emulator = state
    return app
