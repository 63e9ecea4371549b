"""Billing configuration adapters (dated VAT rates)."""
