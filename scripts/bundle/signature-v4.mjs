// Bundled in place of @smithy/signature-v4 where @aws-sdk/core's SigV4 config imports it
// (scripts/build.mjs): the client builds its signer provider at construction, but only a signed
// call ever signs. This SignatureV4 loads the real one, as a chunk of its own, on first use.
export class SignatureV4 {
  #options;
  #real;
  constructor(options) {
    this.#options = options;
  }
  #signer() {
    return (this.#real ??= import('@smithy/signature-v4').then((m) => new m.SignatureV4(this.#options)));
  }
  async sign(...args) {
    return (await this.#signer()).sign(...args);
  }
  async presign(...args) {
    return (await this.#signer()).presign(...args);
  }
  async signMessage(...args) {
    return (await this.#signer()).signMessage(...args);
  }
}
