"""The web cabinet's bundle, served at ``/``: hashed assets cached for a year, ``index.html`` never cached,
and every other non-API path answered with ``index.html`` so the single-page app's own router takes it.

The cabinet is a client of the public API like any other: nothing here reads or changes data."""

from __future__ import annotations

from pathlib import Path

from litestar import Request, Response, Router, get
from litestar.datastructures import CacheControlHeader
from litestar.exceptions import NotFoundException
from litestar.response import File
from litestar.static_files import create_static_files_router

BUNDLE = Path(__file__).with_name("web_bundle")  # built by `make web` (Vite); git ignores it
# Paths that belong to the API and the tools beside it: an unknown one is a JSON 404, never the cabinet.
NOT_CABINET = ("api", "schema", "healthz", "readyz", "problems", "sandbox", "emulators", "dev", "assets")
YEAR = 365 * 24 * 3600
NOT_BUILT = (
    "<!doctype html><meta charset=utf-8><title>GiftHub</title>"
    "<p>The web cabinet is not built yet: run <code>make web</code> (or <code>make run</code>). "
    "The API answers at <a href=/schema>/schema</a>.</p>"
)


def web_cabinet(bundle: Path = BUNDLE) -> Router:
    root = bundle.resolve()

    @get(["/", "/{path:path}"], include_in_schema=False, sync_to_thread=False)
    def page(request: Request) -> Response:
        parts = [part for part in str(request.path_params.get("path", "")).split("/") if part]
        if parts and parts[0] in NOT_CABINET:
            raise NotFoundException()
        if parts and "." in parts[-1]:  # a file, not a page: the bundle's root files (favicon), or a 404
            asset = (root / Path(*parts)).resolve()
            if asset.is_file() and asset.is_relative_to(root) and asset.name != "index.html":
                return File(asset, content_disposition_type="inline")
            raise NotFoundException()
        index = root / "index.html"
        if not index.is_file():
            return Response(NOT_BUILT, status_code=503, media_type="text/html")
        return Response(index.read_bytes(), media_type="text/html", headers={"Cache-Control": "no-cache"})

    assets = create_static_files_router(
        path="/assets",
        directories=[root / "assets"],
        cache_control=CacheControlHeader(max_age=YEAR, public=True),
        include_in_schema=False,
        name="web-assets",
    )
    return Router(path="/", route_handlers=[assets, page], include_in_schema=False)
