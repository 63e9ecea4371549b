"""The message bus: outbox relay, NATS JetStream and in-process transports, inbox, settings."""
