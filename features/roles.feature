Feature: Roles in a cabinet
  Who may do what in a corporate client's cabinet. The owner does everything; the manager
  ("руководитель") sees everything and changes nothing; an operator spends money only in the
  projects granted to them; nobody sees another client's cabinet.

  Background:
    Given a cabinet "Acme" with a project "Gifts" topped up with 1000.00 RUB

  Scenario: A manager sees the balance but cannot place a hold
    Given a manager of "Acme" signed in
    When the manager asks for the balance of "Gifts"
    Then the available amount is 1000.00 RUB
    When the manager tries to place a hold of 100.00 RUB on "Gifts"
    Then the answer is "forbidden"
    And the available amount of "Gifts" is still 1000.00 RUB

  Scenario: An operator places a hold only in a granted project
    Given a project "Events" in "Acme"
    And an operator of "Acme" granted "Gifts" signed in
    When the operator tries to place a hold of 100.00 RUB on "Gifts"
    Then the answer is "created"
    And the available amount of "Gifts" is still 900.00 RUB
    When the operator asks for the balance of "Events"
    Then the answer is "not found"

  Scenario: The owner of another cabinet does not even see the project
    Given a cabinet "Rival" with a project "Theirs" topped up with 50.00 RUB
    And an owner of "Rival" signed in
    When the owner asks for the balance of "Gifts"
    Then the answer is "not found"
