"""The Giftery SANDBOX: a wire-level emulator of Giftery's B2B API for development, demos and tests.

Nothing bought here is real. See ``app.py`` for the routes and ``faults.py`` for what can be switched on.
"""
