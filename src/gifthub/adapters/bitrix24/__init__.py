"""Bitrix24 CRM: the lead adapter (inbound webhook REST) and a wire-level emulator of it."""
