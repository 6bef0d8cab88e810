import { aws_apigateway as apigw, aws_bedrockagentcore as agentcore, aws_iam as iam } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { checkLengthBetween, checkPattern } from '../core/checks';
import { propError } from '../core/errors';
import { RouteModel } from '../model/api-model';

/** The methods an AgentCore gateway calls (its tool filters take no ANY). */
const TOOL_METHODS = ['GET', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH', 'PUT', 'POST'];
/** AgentCore's limits on a tool override's name and description, and a target's name. */
const MAX_TOOL_NAME = 64;
const MAX_DESCRIPTION = 200;
const TARGET_NAME = /^([0-9a-zA-Z][-]?){1,100}$/;

/** Which routes of a GatewayApi an AgentCore gateway offers its agents as MCP tools, and how. */
export interface McpTargetOptions {
  /**
   * The routes to offer, by their keys (e.g. `GET /pets/{petId}`). Only these are tools: no
   * route is opened to agents without being named here. Each tool is named by its route's
   * `operationId` and described by its `summary`.
   */
  readonly routes: string[];

  /**
   * The stage the gateway calls.
   *
   * @default - the API's first stage
   */
  readonly stageName?: string;

  /**
   * The target's name, which prefixes its tools' names for agents (`<target>___<tool>`): letters,
   * digits and single hyphens, at most 100.
   *
   * @default - the API's construct id
   */
  readonly targetName?: string;

  /**
   * What the target offers, for the gateway's listing (at most 200 characters).
   *
   * @default - none
   */
  readonly description?: string;
}

/** What the target needs of its API. */
export interface McpTargetApi {
  readonly scope: IConstruct;
  readonly restApiId: string;
  readonly routes: readonly RouteModel[];
  /** The API's stages, which the target waits for: the gateway reads the stage's export when the target is made. */
  readonly stages: (IConstruct & { readonly stageName: string })[];
  readonly endpointType: apigw.EndpointType;
  readonly arnForExecuteApi: (method: string, path: string, stage: string) => string;
}

/**
 * Registers routes of a REST API stage with an AgentCore gateway as MCP tools: a tool filter and
 * a name override per route, outbound authorization matching the routes' (the gateway's role,
 * allowed to invoke exactly those routes, when any is IAM-authorized; none when all are open),
 * and a refusal for every route the gateway cannot call.
 */
export function addMcpTarget(api: McpTargetApi, gateway: agentcore.IGateway, options: McpTargetOptions): agentcore.CfnGatewayTarget {
  const scope = api.scope;
  if (api.endpointType === apigw.EndpointType.PRIVATE) {
    throw propError(scope, 'addMcpTarget', 'a PRIVATE API', 'a REGIONAL or EDGE API: AgentCore gateways call public REST APIs only');
  }
  const stageNames = api.stages.map(s => s.stageName);
  const stageName = options.stageName ?? stageNames[0];
  const stage = api.stages.find(s => s.stageName === stageName);
  if (!stage) throw propError(scope, 'addMcpTarget stageName', stageName, `a stage of the API (${stageNames.join(', ')})`);
  const targetName = options.targetName ?? scope.node.id;
  const nameProp = options.targetName ? 'addMcpTarget targetName' : 'addMcpTarget targetName (the API\'s id by default)';
  checkPattern(scope, nameProp, targetName, TARGET_NAME, 'letters, digits and single hyphens, 1 to 100, starting with a letter or digit');
  const id = `McpTarget.${targetName}`;
  if (scope.node.tryFindChild(id)) throw propError(scope, nameProp, targetName, 'a name no other target of this API has');
  checkLengthBetween(scope, 'addMcpTarget description', options.description, 1, MAX_DESCRIPTION);
  const tools = chosenTools(api, options.routes);

  const iamRoutes = tools.filter(route => route.authorizationType === 'AWS_IAM');
  if (iamRoutes.length > 0) {
    // The gateway signs its calls with its role, which may invoke these routes of this stage and nothing else.
    gateway.role.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['execute-api:Invoke'],
      resources: iamRoutes.map(route => api.arnForExecuteApi(route.key.method, arnPath(route), stageName)),
    }));
  }
  const target = new agentcore.CfnGatewayTarget(scope, id, {
    gatewayIdentifier: gateway.gatewayId,
    name: targetName,
    description: options.description,
    credentialProviderConfigurations: iamRoutes.length > 0 ? [{ credentialProviderType: 'GATEWAY_IAM_ROLE' }] : undefined,
    targetConfiguration: {
      mcp: {
        apiGateway: {
          restApiId: api.restApiId,
          stage: stageName,
          apiGatewayToolConfiguration: {
            toolFilters: tools.map(route => ({ filterPath: route.key.path, methods: [route.key.method] })),
            toolOverrides: tools.map(route => ({
              name: route.operationId, path: route.key.path, method: route.key.method, description: route.summary,
            })),
          },
        },
      },
    },
  });
  // The stage exists for the gateway to read, and the role's policy is in place before it calls the routes.
  target.node.addDependency(stage, gateway.role);
  return target;
}

/** The chosen routes, each one the gateway can call. */
function chosenTools(api: McpTargetApi, keys: string[]): RouteModel[] {
  const scope = api.scope;
  if (keys.length === 0) throw propError(scope, 'addMcpTarget routes', keys, 'at least one route key: no route is a tool unless named');
  const seen = new Set<string>();
  return keys.map((key, i) => {
    const prop = `addMcpTarget routes[${i}]`;
    const route = api.routes.find(r => r.key.key === key);
    if (!route) throw propError(scope, prop, key, `a route of the API (${api.routes.map(r => r.key.key).join(', ')})`);
    if (seen.has(key)) throw propError(scope, prop, key, 'each route once');
    seen.add(key);
    checkCallable(scope, prop, route);
    checkLengthBetween(scope, `${prop} operationId (the tool's name)`, route.operationId, 1, MAX_TOOL_NAME);
    checkLengthBetween(scope, `${prop} summary (the tool's description)`, route.summary, 1, MAX_DESCRIPTION);
    return route;
  });
}

/** What AgentCore gateways cannot call, refused with the reason. */
function checkCallable(scope: IConstruct, prop: string, route: RouteModel): void {
  const refuse = (why: string) => {
    throw propError(scope, prop, route.key.key, `a route an AgentCore gateway can call: ${why}`);
  };
  if (!TOOL_METHODS.includes(route.key.method)) refuse(`its tools take one method of ${TOOL_METHODS.join(', ')}, not ${route.key.method}`);
  if (route.key.greedy) refuse('it skips proxy resources ({name+})');
  if (route.authorizationType === 'COGNITO_USER_POOLS' || route.authorizationType === 'CUSTOM') {
    refuse(`it signs with IAM or calls without credentials, and cannot pass a ${route.authorizationType === 'CUSTOM' ? 'Lambda' : 'Cognito'} authorizer`);
  }
  if (route.apiKeyRequired) refuse('the route requires an API key, which this target does not pass (and the gateway skips IAM routes that require one)');
}

/** The route's path in an execute-api ARN: each path parameter matches any segment. */
function arnPath(route: RouteModel): string {
  return route.key.path.replace(/\{[^}]+\}/g, '*');
}
