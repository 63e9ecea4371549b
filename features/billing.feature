Feature: Money in through invoice offers and 1C bank statements
  Clients fund their projects by paying invoice offers; the bank statement from 1C
  tells GiftHub which payments arrived, and each payment is credited exactly once.

  Background:
    Given a Russian seller issues invoices
    And a client project in region RU

  Scenario: an invoice for 150 000,00 ₽ paid in two parts
    Given an invoice for "150000.00" RUB issued to the project
    When a bank statement arrives with a payment of "100000.00" RUB naming the invoice
    Then the invoice is "partially_paid" with "50000.00" outstanding
    And the project balance is "100000.00"
    When a bank statement arrives with a payment of "50000.00" RUB naming the invoice
    And the same bank statement arrives again
    Then the invoice is "paid" with "0.00" outstanding
    And the project balance is "150000.00"

  Scenario: a payment without an invoice number waits for matching
    Given an invoice for "5000.00" RUB issued to the project
    When a bank statement arrives with a payment of "5000.00" RUB saying "Оплата за подарочные карты"
    Then the payment waits in the matching queue because "no invoice number in the payment purpose"
    And the project balance is "0.00"
    When staff match the waiting payment to the invoice
    Then the invoice is "paid" with "0.00" outstanding
    And the project balance is "5000.00"
