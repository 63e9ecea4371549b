"""Adapters: implementations of the application's ports."""
