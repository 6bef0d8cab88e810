// Cognito, Lambda token and Lambda request authorizers, and IAM.
import { integApp, integTest } from './integ-app';
import { AuthorizersStack } from '../../examples/stacks/authorizers-stack';

const app = integApp();
integTest(app, 'Authorizers', new AuthorizersStack(app, 'GatewayApiAuthorizersExample'));
