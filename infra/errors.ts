/** Errors of the CDK app: bad configuration and bundles that cannot be built or break a rule. */
export class InfraConfigError extends Error {
  override readonly name = 'InfraConfigError';
}

export class BundleError extends Error {
  override readonly name = 'BundleError';
}
