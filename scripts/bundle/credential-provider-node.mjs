// Bundled in place of @aws-sdk/credential-provider-node where the SSO-OIDC client's runtime
// config imports it (scripts/build.mjs). These operations are unsigned and never ask for
// credentials; a signed call that does loads the real chain then, as a chunk of its own.
export const defaultProvider = (init) => async (props) => {
  const real = await import('@aws-sdk/credential-provider-node');
  return real.defaultProvider(init)(props);
};
