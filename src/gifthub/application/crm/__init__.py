"""Leads for the sales team's CRM, created from bus events."""
