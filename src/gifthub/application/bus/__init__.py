"""The message bus seen from the application: inbound messages, handlers and their registry."""
