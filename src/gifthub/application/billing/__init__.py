"""Use cases of money in: sellers, invoice offers, bank statements, registries."""
