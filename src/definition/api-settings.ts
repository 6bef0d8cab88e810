/** API-level settings, resolved, as the RestApi resource carries them. */
export interface ApiSettings {
  readonly policy?: unknown;
  readonly binaryMediaTypes?: string[];
  readonly minimumCompressionSize?: number;
  readonly disableExecuteApiEndpoint?: boolean;
  readonly vpcEndpointIds?: unknown[];
  readonly securityPolicy?: string;
  readonly endpointAccessMode?: string;
}

/**
 * Copies the API-level settings into the definition as API Gateway extensions. An imported
 * definition (PutRestApi, overwrite) then states them too, so the import cannot undo what
 * the RestApi resource set.
 */
export function withApiSettings(definition: unknown, settings: ApiSettings): unknown {
  const endpoint = {
    ...(settings.disableExecuteApiEndpoint !== undefined ? { disableExecuteApiEndpoint: settings.disableExecuteApiEndpoint } : {}),
    ...(settings.vpcEndpointIds ? { vpcEndpointIds: settings.vpcEndpointIds } : {}),
  };
  return {
    ...(definition as object),
    ...(settings.policy ? { 'x-amazon-apigateway-policy': settings.policy } : {}),
    ...(settings.binaryMediaTypes ? { 'x-amazon-apigateway-binary-media-types': settings.binaryMediaTypes } : {}),
    ...(settings.minimumCompressionSize !== undefined
      ? { 'x-amazon-apigateway-minimum-compression-size': settings.minimumCompressionSize } : {}),
    ...(Object.keys(endpoint).length > 0 ? { 'x-amazon-apigateway-endpoint-configuration': endpoint } : {}),
    ...(settings.securityPolicy ? { 'x-amazon-apigateway-security-policy': settings.securityPolicy } : {}),
    ...(settings.endpointAccessMode ? { 'x-amazon-apigateway-endpoint-access-mode': settings.endpointAccessMode } : {}),
  };
}
