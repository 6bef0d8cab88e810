// Capability: an integration of your own. Integration is an abstract class: `bind` gets the route
// and returns its x-amazon-apigateway-integration.
import { IIntegrationContext, Integration, IntegrationConfig, IntegrationType } from '../../src';

/**
 * Takes a route out of service without a backend: API Gateway answers 503 with a Retry-After
 * header and a JSON message naming the route.
 */
export class MaintenanceIntegration extends Integration {
  constructor(private readonly retryAfterSeconds: number) {
    super();
  }

  public bind(context: IIntegrationContext): IntegrationConfig {
    const message = JSON.stringify({ message: `${context.method} ${context.path} is under maintenance` });
    return {
      type: IntegrationType.MOCK,
      requestTemplates: { 'application/json': '{"statusCode": 503}' },
      responses: [{
        statusCode: '503',
        responseParameters: { 'method.response.header.Retry-After': `'${this.retryAfterSeconds}'` },
        responseTemplates: { 'application/json': message },
      }],
    };
  }
}
