Feature: Orders from XLSX lists
  Every problem of a row is named by its row and column; valid rows can be accepted into a draft and
  the same file uploaded twice does not double the order. The same product at the same nominal for the
  same person twice, in the list or against the draft it is added to, is a duplicate unless the client
  confirms it.

  Background:
    Given a project in RUB with 5000.00 RUB on its balance

  Scenario Outline: A bad cell is reported by row and column
    Given an order list whose row 2 has <column> set to "<value>"
    When the list is checked
    Then row 2, column "<letter>" is reported with "<message>"

    Examples:
      | column     | value            | letter | message                          |
      | product_id | 999              | A      | unknown product '999'            |
      | nominal    | 1234             | B      | is not allowed                   |
      | quantity   | two              | C      | is not a whole number            |
      | email      | anna@            | E      | is not an email address          |
      | phone      | 12345            | F      | is not a phone number            |
      | send_at    | 2020-01-01 10:00 | I      | the delivery moment is in the past |
      | send_at    | next friday      | I      | is text, not a date              |

  Scenario: A repeated row is a duplicate
    Given an order list with the same row twice
    When the list is checked
    Then row 3, column "E" is reported with "duplicates row 2"

  Scenario: A row for someone who already gets the same certificate in the draft is a duplicate
    Given a draft order of 1 certificates of product "101" at 1000.00 RUB
    And an order list with a row for "p0@example.com" and a row for "olga@example.com"
    When the list is added to the draft
    Then row 2, column "E" is reported with "the order already has this product at this nominal for this recipient"
    And the draft holds 2 certificates
    When a list with only a row for "p0@example.com" is added to the draft, confirming duplicates
    Then the draft holds 3 certificates

  Scenario: Valid rows are accepted and a re-upload does not double the order
    Given an order list with 3 valid rows and 1 row of an unknown product
    When the list is accepted
    Then a draft order of 3 certificates is created
    And row 5 is listed as failed
    When the same list is accepted again
    Then the project has 1 order

  Scenario: A file that is not a workbook creates nothing
    Given a file that is plain text
    When the list is accepted
    Then the upload is refused with "the file is not an XLSX workbook"
    And the project has 0 order
