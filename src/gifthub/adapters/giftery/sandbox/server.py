"""Run the sandbox on its own port with uvicorn (``gifthub sandbox giftery``)."""

from __future__ import annotations

from gifthub.adapters.giftery.sandbox.app import GifterySandbox
from gifthub.adapters.giftery.sandbox.faults import Faults
from gifthub.adapters.giftery.sandbox.state import SandboxState


def serve(*, host: str, port: int, client_id: str, secret: str, faults: Faults, balance: int, log_level: str) -> None:
    import uvicorn

    app = GifterySandbox(client_id, secret, SandboxState(balance=balance, faults=faults))
    uvicorn.run(app, host=host, port=port, log_level=log_level, access_log=log_level != "warning")
