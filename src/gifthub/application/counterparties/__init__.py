"""Client companies, their bank details and the Bank of Russia directory."""
