/**
 * The error a formatter raises when the AWS CLI's formatter would have raised: a table row of
 * the wrong length ("Row should have 2 elements, instead it has 1") or a Python exception on
 * data it cannot handle ("'str' object has no attribute 'items'"). The AWS CLI prints
 * `"\n" + str(exception) + "\n"` on stderr and exits 255.
 */
import { CliError, EXIT } from '../errors.js';

export class FormatError extends CliError {
  /**
   * What the AWS CLI had already written to stdout before failing. The text formatter writes as
   * it goes (and flushes before the exception propagates), so this can be non-empty for
   * `--output text`; json and table output build everything first, so it is '' for them.
   */
  readonly stdout: string;
  constructor(message: string, stdout = '') {
    super(message, EXIT.other);
    this.stdout = stdout;
  }
}
