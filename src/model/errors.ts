/**
 * User errors carry a stable code, the place and a hint; bugs stay plain `Error`.
 * Message grammar: lowercase, `invalid <thing>: <value>`, `unknown <thing>: <value>`.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly hint?: string,
    readonly place?: { file?: string; line?: number; field?: string },
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
