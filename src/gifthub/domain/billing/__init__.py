"""Money in: sellers, VAT, invoice offers, bank payments and their matching."""
