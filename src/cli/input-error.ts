/** A problem with what the user gave us (arguments, file): printed as one line, exit code 2. */
export class InputError extends Error {
  override name = 'InputError';
}
