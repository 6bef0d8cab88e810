// A REST API with two stages, prod serving a canary of the newest definition.
import { integApp, integTest } from './integ-app';
import { ReleasesStack } from '../../examples/stacks/releases-stack';

const app = integApp();
integTest(app, 'RestCanary', new ReleasesStack(app, 'GatewayApiReleasesExample'));
