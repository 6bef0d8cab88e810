// An HTTP API: JWT authorization, Lambda, URL, SQS and private integrations, a custom domain.
import { integApp, integTest } from './integ-app';
import { HttpApiStack } from '../../examples/stacks/http-api-stack';

const app = integApp();
integTest(app, 'HttpApi', new HttpApiStack(app, 'GatewayApiHttpExample'));
