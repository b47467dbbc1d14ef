/**
 * The one Python exception of the value model. The AWS CLI is Python, so where it fails on odd
 * data the user sees `str(exception)`: "invalid literal for int() with base 10: 'abc'",
 * "'str' object has no attribute 'items'". The Python behaviours in src/value raise this; each
 * boundary that calls them (the formatters, --query, the response shaper, the config loader)
 * turns it into the typed error of src/errors.ts with the exit code that place calls for.
 */
export class PyException extends Error {
  /**
   * @param pyClass the Python exception class, e.g. 'TypeError', 'ValueError', 'KeyError'
   * @param message exactly `str(exception)` in Python
   */
  constructor(
    readonly pyClass: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}
