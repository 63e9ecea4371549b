from tests.support.giftery import giftery, sandbox, sandbox_server  # noqa: F401
