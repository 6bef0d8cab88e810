import { Token, aws_apigateway as apigw, aws_apigatewayv2 as apigwv2 } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { checkBasePath } from './base-path';
import { RoutingRuleOptions } from './domain-options';
import { checkIntegerInRange, checkLength } from '../core/checks';
import { propError } from '../core/errors';
import { ApiStage } from '../rest/api-stage';
import { IGatewayStage, stageNameReference } from '../rest/gateway-stage';

const MIN_PRIORITY = 1;
const MAX_PRIORITY = 1_000_000;
const MAX_HEADER_CONDITIONS = 2;
/** Header names are shorter than 40 characters; globs than 128, or 40 with `*` at both ends. */
const MAX_HEADER_NAME = 39;
const MAX_GLOB = 127;
const MAX_INFIX_GLOB = 39;
const MAX_BASE_PATH = 127;
const HEADER_NAME = /^[A-Za-z0-9!#$%&'.^_`|~-]+$/;
const GLOB_CORE = /^[A-Za-z0-9?!#$%&'.^_`|~-]+$/;
/** Headers API Gateway will not route on: names, and prefixes ending in `*`. */
const RESERVED_HEADERS = [
  'access-control-*', 'apigw-*', 'authorization', 'connection', 'content-encoding', 'content-length', 'content-location',
  'forwarded', 'keep-alive', 'origin', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailers', 'transfer-encoding',
  'upgrade', 'x-amz-*', 'x-amzn-*', 'x-apigw-api-id', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-restapi', 'via',
];

/** What a domain tells its rules: its ARN, whether it is private, and the URL of a base path. */
export interface DomainRulesTarget {
  readonly domainNameArn: string;
  readonly private: boolean;
  readonly urlOf: (basePath: string | undefined) => string;
  /** What the domain refuses of any rule (for instance, a public domain that maps HTTP APIs). */
  readonly checkRuleAllowed?: (prop: string) => void;
}

/**
 * A custom domain's routing rules (`AWS::ApiGatewayV2::RoutingRule`): each checked against
 * API Gateway's limits as it is added, priorities unique.
 */
export class DomainRoutingRules {
  private readonly priorities = new Map<number, string>();
  private count = 0;

  constructor(private readonly scope: Construct, private readonly domain: DomainRulesTarget) {}

  /** How many rules the domain has. */
  public get size(): number {
    return this.count;
  }

  /**
   * The rule that sends a mapped stage's canary header to the canary's stage, when its release
   * names one: at the mapping's base path, with the header's priority or the lowest free one.
   */
  public routeHeaderCanary(prop: string, stage: IGatewayStage, basePath: string | undefined): void {
    const canary = stage instanceof ApiStage ? stage._headerCanary : undefined;
    if (!canary) return;
    const priority = canary.header.priority ?? this.lowestFreePriority();
    this.add(`${prop} (the canary header of ${stage.node.path})`, {
      priority, stage: canary.stage, headers: { [canary.header.name]: canary.header.value }, basePath,
    });
    canary.routedBy.push(this.scope);
  }

  public add(prop: string, options: RoutingRuleOptions): apigwv2.CfnRoutingRule {
    const { scope } = this;
    this.domain.checkRuleAllowed?.(prop);
    checkIntegerInRange(scope, `${prop}.priority`, options.priority, MIN_PRIORITY, MAX_PRIORITY);
    const taken = this.priorities.get(options.priority);
    if (taken) throw propError(scope, `${prop}.priority`, options.priority, `a priority no other rule of the domain has (${taken} has it)`);
    checkTarget(scope, `${prop}.stage`, options.stage, this.domain.private);
    const headers = Object.entries(options.headers ?? {});
    checkHeaders(scope, `${prop}.headers`, headers);
    checkRuleBasePath(scope, `${prop}.basePath`, options.basePath);
    if (options.stripBasePath && options.basePath === undefined) {
      throw propError(scope, `${prop}.stripBasePath`, true, 'stripBasePath only with a basePath');
    }
    // The stage is served through the domain: where its execute-api endpoint is off, its URL is the domain's.
    options.stage.serveFromDomain(this.domain.urlOf(options.basePath));
    // A priority known only at deploy cannot name the rule's construct.
    const id = `RoutingRule.${Token.isUnresolved(options.priority) ? `#${this.count + 1}` : options.priority}`;
    if (!Token.isUnresolved(options.priority)) this.priorities.set(options.priority, options.stage.node.path);
    this.count++;
    return new apigwv2.CfnRoutingRule(scope, id, {
      domainNameArn: this.domain.domainNameArn,
      priority: options.priority,
      conditions: [
        ...headers.map(([header, valueGlob]) => ({ matchHeaders: { anyOf: [{ header, valueGlob }] } })),
        ...(options.basePath !== undefined ? [{ matchBasePaths: { anyOf: [options.basePath] } }] : []),
      ],
      actions: [{
        invokeApi: {
          apiId: options.stage.restApi.restApiId,
          stage: stageNameReference(options.stage),
          stripBasePath: options.stripBasePath ?? options.basePath !== undefined,
        },
      }],
    });
  }

  private lowestFreePriority(): number {
    let priority = MIN_PRIORITY;
    while (this.priorities.has(priority)) priority++;
    return priority;
  }
}

/**
 * How a domain routes: by its rules first when it has both rules and mappings, by rules alone
 * when it has no mapping, and by its mappings (API Gateway's default, left unwritten) otherwise.
 */
export function routingMode(rules: number, mappings: number): string | undefined {
  if (rules === 0) return undefined;
  return mappings > 0 ? 'ROUTING_RULE_THEN_BASE_PATH_MAPPING' : 'ROUTING_RULE_ONLY';
}

/** A private domain routes to PRIVATE APIs only, a public one to the others. */
function checkTarget(scope: IConstruct, prop: string, stage: IGatewayStage, privateDomain: boolean): void {
  const privateApi = stage.endpointType === apigw.EndpointType.PRIVATE;
  if (privateApi !== privateDomain) {
    throw propError(scope, prop, `${stage.node.path} of a ${stage.endpointType} API`, privateDomain
      ? 'a stage of a PRIVATE API: a private domain routes to private APIs only'
      : 'a stage of a REGIONAL or EDGE API: a public domain does not route to private APIs');
  }
}

function checkHeaders(scope: IConstruct, prop: string, headers: Array<[string, string]>): void {
  if (headers.length > MAX_HEADER_CONDITIONS) {
    throw propError(scope, prop, headers.map(([name]) => name), `at most ${MAX_HEADER_CONDITIONS} headers per rule`);
  }
  for (const [name, glob] of headers) {
    const at = `${prop}['${name}']`;
    if (!Token.isUnresolved(name)) {
      checkLength(scope, `${prop} name`, name, MAX_HEADER_NAME);
      if (!HEADER_NAME.test(name)) throw propError(scope, `${prop} name`, name, "a header name of letters, digits and !#$%&'.^_`|~- (no wildcards)");
      const reserved = RESERVED_HEADERS.find(r => r.endsWith('*') ? name.toLowerCase().startsWith(r.slice(0, -1)) : name.toLowerCase() === r);
      if (reserved) throw propError(scope, `${prop} name`, name, `a header API Gateway routes on (not ${reserved})`);
    }
    if (Token.isUnresolved(glob)) continue;
    checkLength(scope, at, glob, MAX_GLOB);
    const core = glob.replace(/^\*/, '').replace(/\*$/, '');
    if (!GLOB_CORE.test(core)) {
      throw propError(scope, at, glob, "a value of letters, digits and ?!#$%&'.^_`|~-, with * only at its start, its end or both");
    }
    if (glob.startsWith('*') && glob.endsWith('*')) checkLength(scope, at, glob, MAX_INFIX_GLOB);
  }
}

function checkRuleBasePath(scope: IConstruct, prop: string, basePath: string | undefined): void {
  checkBasePath(scope, prop, basePath);
  checkLength(scope, prop, basePath, MAX_BASE_PATH);
}
