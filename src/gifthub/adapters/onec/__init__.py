"""1C: the 1CClientBankExchange statement reader and the outbound messages for accounting."""
