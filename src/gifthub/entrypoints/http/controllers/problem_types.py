"""The pages behind problem ``type`` URIs (RFC 9457 §3.1.1): what each error code means."""

from __future__ import annotations

import msgspec
from litestar import Controller, get
from litestar.exceptions import NotFoundException
from litestar.params import FromPath

from gifthub.entrypoints.http.problems import PROBLEM_BASE, problem_types


class ProblemTypeOut(msgspec.Struct, frozen=True):
    type: str
    code: str
    status: int
    title: str
    description: str


def _out(code: str) -> ProblemTypeOut:
    found = problem_types()[code]
    return ProblemTypeOut(PROBLEM_BASE + code, code, found.status, found.title, found.description)


class ProblemTypeController(Controller):
    path = "/problems"
    tags = ["problems"]

    @get("/", summary="Every problem type the API answers")
    async def list_problem_types(self) -> list[ProblemTypeOut]:
        return [_out(code) for code in sorted(problem_types())]

    @get("/{code:str}", summary="What one problem type means")
    async def problem_type(self, code: FromPath[str]) -> ProblemTypeOut:
        if code not in problem_types():
            raise NotFoundException(f"no problem type {code!r}")
        return _out(code)
