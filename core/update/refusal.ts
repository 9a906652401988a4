/** Why an update was not taken, in words a person can act on. The installed dataset stays in use. */
export type RefusalCode =
  | 'no-update-url'
  | 'network'
  | 'malformed'
  | 'unknown-key'
  | 'signature'
  | 'rollback'
  | 'expired'
  | 'sequence-jump'
  | 'redirect'
  | 'schema-version'
  | 'size'
  | 'hash'
  | 'invalid-data'
  | 'install';

export class UpdateRefused extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
  ) {
    super(message);
    this.name = 'UpdateRefused';
  }
}
