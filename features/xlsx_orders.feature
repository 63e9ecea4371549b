Feature: Orders from XLSX lists
  Every problem of a row is named by its row and column; valid rows can be accepted into a draft and
  the same file uploaded twice does not double the order.

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
