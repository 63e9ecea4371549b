// RFC 9457 problem details from GiftHub, turned into what a form shows: a message per field.

export interface FieldError {
  field: string;
  message: string;
}

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldError[],
  ) {
    super(detail || title);
  }

  /** The problem's code: the last segment of its `type` (`/problems/insufficient-funds` -> `insufficient-funds`). */
  get code(): string {
    return this.type.split("/").pop() ?? "";
  }

  /** Field errors keyed by the request field they name (`emails[1]`, `buyer.inn`, `body`). */
  byField(): Record<string, string> {
    return Object.fromEntries(this.errors.map((e) => [e.field, e.message]));
  }
}

export function toProblem(body: unknown, status: number): ApiProblem {
  const problem = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  const errors = Array.isArray(problem.errors)
    ? problem.errors.filter(
        (e): e is FieldError => typeof e === "object" && e !== null && typeof e.field === "string",
      )
    : [];
  return new ApiProblem(
    status,
    String(problem.type ?? "about:blank"),
    String(problem.title ?? ""),
    String(problem.detail ?? ""),
    errors,
  );
}
