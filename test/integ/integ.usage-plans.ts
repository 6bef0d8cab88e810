// Usage plans with quotas and route throttles, API keys, and a cached stage.
import { integApp, integTest } from './integ-app';
import { UsagePlansStack } from '../../examples/stacks/usage-plans-stack';

const app = integApp();
integTest(app, 'UsagePlans', new UsagePlansStack(app, 'GatewayApiUsagePlansExample'));
