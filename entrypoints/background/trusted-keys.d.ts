/** Resolved at build time to the bundled trusted-keys file (see wxt.config.ts). */
declare module '#trusted-keys' {
  const file: unknown;
  export default file;
}
