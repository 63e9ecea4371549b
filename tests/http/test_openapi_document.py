"""The OpenAPI document describes what the API really answers: RFC 9457 problems for errors, bearer keys
or a browser session for protected operations, no credentials for the public ones."""

from __future__ import annotations


async def test_errors_are_documented_as_the_problems_the_api_answers(client) -> None:
    schema = (await client.get("/schema/openapi.json")).json()
    problem = schema["components"]["schemas"]["Problem"]
    assert set(problem["required"]) == {"type", "title", "status", "detail"}
    operations = [
        (path, method, operation)
        for path, item in schema["paths"].items()
        for method, operation in item.items()
        if method in {"get", "post", "put", "patch", "delete"}
    ]
    assert len(operations) > 80
    for path, method, operation in operations:
        errors = {code: answer for code, answer in operation["responses"].items() if code[0] in "45"}
        assert "422" in errors, (path, method)
        for code, answer in errors.items():
            assert answer["content"]["application/problem+json"]["schema"] == {
                "$ref": "#/components/schemas/Problem"
            }, (path, method, code)

    holds = schema["paths"]["/api/v1/projects/{project_id}/holds"]["post"]
    assert holds["security"] == [{"bearer": []}, {"session": []}] and {"401", "403", "404", "409"} <= set(
        holds["responses"]
    )
    assert schema["paths"]["/api/v1/auth/sign-in"]["post"]["security"] == []
    statement = schema["paths"]["/api/v1/platform/bank-statements"]["post"]["requestBody"]
    assert "application/octet-stream" in statement["content"] and "1CClientBankExchange" in statement["description"]

    # A real refusal has the documented shape.
    refused = await client.post("/api/v1/cabinets", json={"name": ""})
    assert refused.status_code == 422 and refused.headers["content-type"].startswith("application/problem+json")
    assert set(problem["required"]) <= set(refused.json()) and set(refused.json()) <= set(problem["properties"])


async def test_every_problem_type_uri_is_a_page_that_explains_it(client) -> None:
    refused = await client.post("/api/v1/cabinets", json={"name": ""})
    page = await client.get(refused.json()["type"], headers={"Authorization": ""})
    assert page.status_code == 200 and page.json()["status"] == 422 and page.json()["description"]
    listed = (await client.get("/problems")).json()
    codes = {entry["code"] for entry in listed}
    assert {"insufficient-funds", "not-found", "too-many-attempts", "idempotency-conflict", "validation-error"} <= codes
    assert next(e for e in listed if e["code"] == "insufficient-funds")["status"] == 409
    unknown = await client.get("/problems/no-such-problem")
    assert unknown.status_code == 404 and unknown.json()["type"] == "/problems/not-found"
