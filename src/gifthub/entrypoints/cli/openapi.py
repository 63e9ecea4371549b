"""``gifthub openapi``: the OpenAPI document the app serves at /schema/openapi.json, without starting it.

The web cabinet's API types are generated from it (``make web-types``), and a test compares them."""

from __future__ import annotations

import json

import click


@click.command()
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default="-", show_default=True)
def openapi(output: str) -> None:
    """Print the OpenAPI document (JSON) the HTTP app serves."""
    from gifthub.entrypoints.cli.main import load_settings
    from gifthub.entrypoints.http.app import create_app

    document = json.dumps(create_app(load_settings()).openapi_schema.to_schema(), ensure_ascii=False, indent=2)
    with click.open_file(output, "w", encoding="utf-8") as stream:
        stream.write(document + "\n")
