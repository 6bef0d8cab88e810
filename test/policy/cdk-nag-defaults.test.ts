import { App, Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { GatewayApi, GatewayHttpApi, GatewayWebSocketApi, HttpIntegration, Integration, WebSocketIntegration } from '../../src';

/**
 * cdk-nag 3 registered as its README shows (a policy validation plugin) fails synth on warnings.
 * Default REST, HTTP and WebSocket APIs raise one only: a REST stage without a web ACL, which
 * costs money and is the user's to choose. README's "With cdk-nag 3" shows the two
 * acknowledgments that admit it; with them, synth passes.
 */
function synth(acknowledgeWaf: boolean): void {
  const app = new App({ context: { '@aws-cdk/core:validateAgainstDefaultRules': false } });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  const stack = new Stack(app, 'Nag');
  const api = new GatewayApi(stack, 'Rest', { routes: { 'GET /x': { integration: Integration.mock() } } });
  if (acknowledgeWaf) {
    Validations.of(api).acknowledge(
      { id: 'AwsSolutions::AwsSolutions-APIG3', reason: 'No web ACL: the API is IAM-authorized and internal.' },
      { id: 'GatewayApi::stage-waf', reason: 'No web ACL: the API is IAM-authorized and internal.' },
    );
  }
  new GatewayHttpApi(stack, 'Http', { routes: { 'GET /x': { integration: HttpIntegration.url('https://example.com') } } });
  new GatewayWebSocketApi(stack, 'Ws', { connectionsTable: {}, routes: { $default: { integration: WebSocketIntegration.url('https://example.com') } } });
  app.synth();
}

describe('default APIs under cdk-nag 3 (AwsSolutions and Serverless), registered as a plugin', () => {
  test('the only finding is the REST stage\'s missing web ACL, which fails synth (cdk-nag 3 fails on warnings)', () => {
    expect(() => synth(false)).toThrow(/AwsSolutions-APIG3[\s\S]*Nag\/Rest\/Stage\.prod/);
  });

  test('with README\'s two acknowledgments, synth passes', () => {
    expect(() => synth(true)).not.toThrow();
  });
});
