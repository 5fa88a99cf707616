/**
 * Errors meant for the user: their message is shown as is (a warning, not a crash report).
 * Anything else thrown inside a command is shown as "Inkwell: <message>" and logged with its stack.
 */
export class UserFacingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserFacingError';
  }
}
