"""Bus entry points: the handler registry, the dispatcher, the NATS worker and the in-process bus."""
