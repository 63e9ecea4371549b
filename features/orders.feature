Feature: Certificate orders move through their lifecycle
  A project's order is a draft until it is submitted ("к оплате"). Submitting holds its total, with
  commission, on the project's balance; when the balance does not cover it, the order waits for
  payment. The worker buys each certificate once, captures what was bought and releases the rest.
  A certificate bought is "issued"; whether its recipient has it says its delivery ("waiting" for its
  moment, then "sent"). An order whose certificates wait for their moment is "scheduled", and
  "completed" once every one is sent. The platform charges 2.5% commission in these scenarios.

  Background:
    Given a project in RUB with 5000.00 RUB on its balance

  Scenario: A covered order is held, bought and completed
    Given a draft order of 2 certificates of product "101" at 1000.00 RUB
    When the order is submitted
    Then the order is "queued"
    And 2050.00 RUB is held on the project
    When the worker executes the queued certificates
    Then the order is "completed"
    And every certificate of the order is "issued" with delivery "sent"
    And the project's balance is 2950.00 RUB with nothing held

  Scenario: An order the balance does not cover waits for payment
    Given a draft order of 6 certificates of product "101" at 1000.00 RUB
    When the order is submitted
    Then the order is "awaiting_payment"
    And 0.00 RUB is held on the project
    When a payment of 1150.00 RUB arrives and waiting orders resume
    Then the order is "queued"
    And 6150.00 RUB is held on the project

  Scenario: Only a draft is deleted; an order awaiting payment is cancelled
    Given a draft order of 6 certificates of product "101" at 1000.00 RUB
    When the order is submitted
    Then deleting the order is refused
    When the order is cancelled
    Then the order is "cancelled"

  Scenario: A refused certificate fails with a readable reason and is retried on request
    Given Giftery refuses product "202"
    And a draft order of 1 certificates of product "202" at 1000.00 RUB
    When the order is submitted
    And the worker executes the queued certificates
    Then the order is "failed"
    And the certificate's reason reads "Giftery refused the order: Product is inactive (code 17)"
    And the project's balance is 5000.00 RUB with nothing held
    When Giftery accepts product "202" again
    And the failed certificate is retried
    And the worker executes the queued certificates
    Then the order is "completed"
    And the project's balance is 3975.00 RUB with nothing held

  Scenario: A certificate for tomorrow is bought now, waits for its moment, and only then completes the order
    Given a draft order of 1 certificates of product "101" at 1000.00 RUB to be sent tomorrow
    When the order is submitted
    And the worker executes the queued certificates
    Then the order is "scheduled"
    And every certificate of the order is "issued" with delivery "waiting"
    And the project's balance is 3975.00 RUB with nothing held
    When the certificate is resent to its own address before its moment
    Then the resend is refused, naming the moment it is sent at
    And every certificate of the order is "issued" with delivery "waiting"
    When the moment comes and the worker delivers
    Then the order is "completed"
    And every certificate of the order is "issued" with delivery "sent"

  Scenario: A resend to a new address keeps whom the gift was for, and is audited
    Given a draft order of 1 certificates of product "101" at 1000.00 RUB
    When the order is submitted
    And the worker executes the queued certificates
    And the certificate is resent to "new@example.com"
    Then the certificate is still for "p0@example.com" and was resent to "new@example.com"
    And the audit log shows the resend from "p0@example.com" to "new@example.com"

  Scenario: A quick order naming one email twice is refused unless the client confirms it
    When a quick order of product "101" at 1000.00 RUB is placed for "anna@example.com, bob@example.com, Anna@example.com"
    Then it is refused as a duplicate naming "emails[2]"
    And 0.00 RUB is held on the project
    When the same quick order is placed confirming the duplicates
    Then the quick order is "queued" with 3 certificates
