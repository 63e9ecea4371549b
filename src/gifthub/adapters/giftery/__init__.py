"""Giftery B2B API: the client (implements GifteryGateway) and a wire-level sandbox."""
