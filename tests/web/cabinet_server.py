"""A real GiftHub process for browser tests: its own SQLite database, migrated, the demo seeded, on a free port."""

from __future__ import annotations

import email
import email.policy
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from gifthub.entrypoints.cli.demo_users import DEMO_OWNER_EMAIL
from tests.support.live_server import free_port

ADMIN_TOKEN = "browser-tests-admin-token-0123456789"


@dataclass
class CabinetServer:
    url: str
    data_dir: Path
    process: subprocess.Popen
    owner_email: str
    owner_password: str

    def api(self) -> httpx.Client:
        """The platform administrator's client, to arrange what a journey starts from."""
        return httpx.Client(base_url=self.url, headers={"Authorization": f"Bearer {ADMIN_TOKEN}"}, timeout=30)

    def demo_cabinet_id(self) -> str:
        with self.api() as api:
            return next(c["id"] for c in api.get("/api/v1/cabinets").json()["items"] if c["name"] == "Demo cabinet")

    def emailed_link(self, to: str, path: str, timeout: float = 20) -> str:
        """The newest link to ``path`` in an email GiftHub sent ``to`` (the local mailbox under the data folder)."""
        pattern = re.compile(re.escape(self.url + path) + r"[^\s\"'<>]*")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            newest_first = sorted((self.data_dir / "mailbox").glob("*.eml"), key=lambda f: -f.stat().st_mtime)
            for file in newest_first:
                message = email.message_from_bytes(file.read_bytes(), policy=email.policy.default)
                if to not in str(message["To"]):
                    continue
                for part in message.walk():
                    if part.get_content_type() == "text/plain":
                        found = pattern.search(part.get_content())
                        if found:
                            return found.group(0)
            time.sleep(0.2)
        raise AssertionError(f"no email to {to} with a link to {path} within {timeout} s")

    @contextmanager
    def owner_session(self) -> Iterator[httpx.Client]:
        """The demo owner signed in over the API, for arranging and tidying up what a journey starts from."""
        with httpx.Client(base_url=self.url, timeout=30) as client:
            signed = client.post(
                "/api/v1/auth/sign-in", json={"email": self.owner_email, "password": self.owner_password}
            )
            signed.raise_for_status()
            # The cookies are Secure: httpx keeps them off plain http, a browser on 127.0.0.1 does not.
            client.headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in signed.cookies.items())
            client.headers["X-CSRF-Token"] = signed.json()["csrf_token"]
            yield client
            client.post("/api/v1/auth/sign-out")

    def set_owner_language(self, language: str) -> None:
        """The owner's profile language decides the cabinet's language after sign-in; journeys start from one."""
        with self.owner_session() as owner:
            owner.patch("/api/v1/auth/me", json={"language": language}).raise_for_status()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()


def start_cabinet_server(data_dir: Path) -> CabinetServer:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "GIFTHUB_DATA_DIR": str(data_dir),
        "GIFTHUB_DATABASE_URL": f"sqlite:///{data_dir / 'gifthub.db'}",
        "GIFTHUB_PORT": str(port),
        "GIFTHUB_PUBLIC_URL": url,
        "GIFTHUB_ADMIN_TOKEN": ADMIN_TOKEN,
        "GIFTHUB_LOG_LEVEL": "WARNING",
    }
    gifthub = [sys.executable, "-m", "gifthub.entrypoints.cli"]
    for command in ("migrate", "demo"):
        subprocess.run([*gifthub, command], env=env, check=True, capture_output=True, timeout=180)
    log = (data_dir / "server.log").open("wb")
    process = subprocess.Popen([*gifthub, "serve"], env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"GiftHub exited with {process.returncode}: see {data_dir / 'server.log'}")
        try:
            if httpx.get(f"{url}/readyz", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    else:
        process.kill()
        raise RuntimeError(f"GiftHub did not become ready on {url}")
    password = (data_dir / "demo-owner-password").read_text().strip()
    return CabinetServer(url, data_dir, process, DEMO_OWNER_EMAIL, password)
