Feature: A project's balance, holds and negative-balance limit
  A corporate client tops a project up by paying invoices and spends it on certificates.
  While an order is in flight its money is held. A project may go below zero only as far as its
  negative-balance limit, which platform staff set. Money is never credited twice.

  Background:
    Given a cabinet "Acme" with a project in RUB

  Scenario: Topping up from a confirmed payment
    When the payment "PP-1001" of 15000.00 RUB is credited to the project
    Then the project's balance is 15000.00 RUB
    And the project's available funds are 15000.00 RUB

  Scenario: Spending within the negative-balance limit
    Given the project's negative-balance limit is 5000.00 RUB
    And the payment "PP-1" of 1000.00 RUB was credited to the project
    When an order "ORD-1" holds 5500.00 RUB
    Then the hold is accepted
    And the project's available funds are 500.00 RUB
    When the order "ORD-1" is completed for 5500.00 RUB
    Then the project's balance is -4500.00 RUB

  Scenario: Refusing to spend past the limit
    Given the project's negative-balance limit is 1000.00 RUB
    And the payment "PP-2" of 500.00 RUB was credited to the project
    When an order "ORD-2" holds 1500.01 RUB
    Then the hold is refused because only 1500.00 RUB is available
    And the project's ledger has 1 entry

  Scenario: The same bank payment applied twice credits once
    When the payment "PP-3" of 700.00 RUB is credited to the project
    And the payment "PP-3" of 700.00 RUB is credited to the project
    Then the project's balance is 700.00 RUB
    And the second credit is reported as a replay

  Scenario: Lowering the limit below the current overdraft blocks new spending
    Given the project's negative-balance limit is 3000.00 RUB
    And an order "ORD-3" held and spent 2000.00 RUB
    When platform staff lower the negative-balance limit to 1000.00 RUB
    Then the project's balance is still -2000.00 RUB
    And the project's available funds are -1000.00 RUB
    And an order "ORD-4" holding 0.01 RUB is refused
