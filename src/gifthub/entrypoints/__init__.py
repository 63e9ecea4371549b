"""Entry points: HTTP, bus consumers, CLI and jobs; they translate the outside world into use cases."""
