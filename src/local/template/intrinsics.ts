/**
 * CloudFormation's intrinsic functions, resolved as a local deployment would: pseudo
 * parameters and parameters' defaults by value, every resource by a stand-in physical id (its
 * logical id), and attributes by stand-ins that keep what the gateway reads of them (a Lambda
 * function's ARN names the function's logical id).
 */

/** The account, region and partition a local deployment pretends to be in. */
export const LOCAL_ACCOUNT = '000000000000';
export const LOCAL_REGION = 'us-east-1';

export interface TemplateJson {
  readonly Parameters?: { readonly [name: string]: { readonly Default?: unknown } };
  readonly Resources?: { readonly [logicalId: string]: { readonly Type: string; readonly Properties?: { readonly [key: string]: unknown } } };
  /** Not CloudFormation's: the physical ids of resources deployed elsewhere (an emulator), which `Ref` and `Fn::GetAtt` give instead of stand-ins. */
  readonly PhysicalIds?: { readonly [logicalId: string]: string };
}

const PSEUDO: { readonly [name: string]: string } = {
  'AWS::AccountId': LOCAL_ACCOUNT,
  'AWS::Region': LOCAL_REGION,
  'AWS::Partition': 'aws',
  'AWS::URLSuffix': 'amazonaws.com',
  'AWS::StackName': 'local',
  'AWS::StackId': `arn:aws:cloudformation:${LOCAL_REGION}:${LOCAL_ACCOUNT}:stack/local/0`,
  'AWS::NoValue': '',
};

/** A value with every intrinsic function replaced by what it would give locally. */
export function resolveIntrinsics(value: unknown, template: TemplateJson): unknown {
  if (Array.isArray(value)) return value.map(item => resolveIntrinsics(item, template));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as object);
  if (entries.length === 1) {
    const [fn, arg] = entries[0];
    switch (fn) {
      case 'Ref': return ref(String(arg), template);
      case 'Fn::GetAtt': return getAtt(Array.isArray(arg) ? arg.map(String) : String(arg).split('.'), template);
      case 'Fn::Sub': return sub(arg, template);
      case 'Fn::Join': {
        const [separator, items] = arg as [string, unknown[]];
        return (resolveIntrinsics(items, template) as unknown[]).map(String).join(separator);
      }
      case 'Fn::Select': {
        const [index, items] = resolveIntrinsics(arg, template) as [number, unknown[]];
        return items[Number(index)];
      }
      case 'Fn::Split': {
        const [separator, text] = resolveIntrinsics(arg, template) as [string, string];
        return String(text).split(separator);
      }
      case 'Fn::ImportValue': return `imported:${String(resolveIntrinsics(arg, template))}`;
      case 'Fn::Base64': return Buffer.from(String(resolveIntrinsics(arg, template))).toString('base64');
      default: break;
    }
  }
  return Object.fromEntries(entries.map(([key, item]) => [key, resolveIntrinsics(item, template)]));
}

function ref(name: string, template: TemplateJson): unknown {
  if (name in PSEUDO) return PSEUDO[name];
  const physicalId = template.PhysicalIds?.[name];
  if (physicalId !== undefined) return physicalId;
  const parameter = template.Parameters?.[name];
  if (parameter) return parameter.Default ?? name;
  return REF_STAND_INS[template.Resources?.[name]?.Type ?? '']?.(name) ?? name;
}

/** `Ref` stand-ins of the types whose `Ref` is not a name: a queue's URL, a topic's and a state machine's ARN. */
const REF_STAND_INS: { readonly [type: string]: (logicalId: string) => string } = {
  'AWS::SQS::Queue': id => `https://sqs.${LOCAL_REGION}.amazonaws.com/${LOCAL_ACCOUNT}/${id}`,
  'AWS::SNS::Topic': id => `arn:aws:sns:${LOCAL_REGION}:${LOCAL_ACCOUNT}:${id}`,
  'AWS::StepFunctions::StateMachine': id => `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:stateMachine:${id}`,
};

/** An attribute's stand-in: ARNs that name the resource's logical id, so the gateway can find it. */
function getAtt([logicalId, attribute]: string[], template: TemplateJson): string {
  const type = template.Resources?.[logicalId]?.Type ?? '';
  const physicalId = template.PhysicalIds?.[logicalId];
  const deployed = physicalId === undefined ? undefined : DEPLOYED_ATTRIBUTES[type]?.(physicalId)[attribute];
  if (deployed !== undefined) return deployed;
  if (attribute === 'Arn') {
    const namespace = type.split('::')[1]?.toLowerCase() ?? 'local';
    const service = namespace === 'cognito' ? 'cognito-idp' : namespace;
    const kind = type === 'AWS::Lambda::Function' ? 'function:' : `${type.split('::')[2]?.toLowerCase() ?? 'resource'}/`;
    return `arn:aws:${service}:${LOCAL_REGION}:${LOCAL_ACCOUNT}:${kind}${logicalId}`;
  }
  return `${logicalId}.${attribute}`;
}

const arn = (service: string, resource: string) => `arn:aws:${service}:${LOCAL_REGION}:${LOCAL_ACCOUNT}:${resource}`;
const lastOf = (text: string, separator: string) => text.slice(text.lastIndexOf(separator) + 1);

/**
 * Attributes of a deployed resource that follow from its physical id (what `Ref` gives), by
 * type: enough for the services AWS integrations call. Lambda functions are left out: they run
 * in the test's process, found by their stand-in ARNs.
 */
const DEPLOYED_ATTRIBUTES: { readonly [type: string]: (id: string) => { readonly [attribute: string]: string } } = {
  'AWS::SQS::Queue': url => ({ QueueUrl: url, QueueName: lastOf(url, '/'), Arn: arn('sqs', lastOf(url, '/')) }),
  'AWS::SNS::Topic': topicArn => ({ TopicArn: topicArn, TopicName: lastOf(topicArn, ':') }),
  'AWS::DynamoDB::Table': name => ({ Arn: arn('dynamodb', `table/${name}`) }),
  'AWS::S3::Bucket': name => ({ Arn: `arn:aws:s3:::${name}`, DomainName: `${name}.s3.amazonaws.com`, RegionalDomainName: `${name}.s3.${LOCAL_REGION}.amazonaws.com` }),
  'AWS::StepFunctions::StateMachine': machineArn => ({ Arn: machineArn, Name: lastOf(machineArn, ':') }),
  'AWS::Kinesis::Stream': name => ({ Arn: arn('kinesis', `stream/${name}`) }),
  'AWS::Events::EventBus': name => ({ Arn: arn('events', `event-bus/${name}`), Name: name }),
  'AWS::IAM::Role': name => ({ Arn: `arn:aws:iam::${LOCAL_ACCOUNT}:role/${name}` }),
};

function sub(arg: unknown, template: TemplateJson): string {
  const [text, variables] = Array.isArray(arg) ? [String(arg[0]), arg[1] as { [name: string]: unknown }] : [String(arg), {}];
  return text.replace(/\$\{([^}!][^}]*)\}/g, (_, name: string) => {
    if (variables && name in variables) return String(resolveIntrinsics(variables[name], template));
    if (name in PSEUDO || !name.includes('.')) return String(ref(name, template));
    const dot = name.indexOf('.');
    return getAtt([name.slice(0, dot), name.slice(dot + 1)], template);
  }).replace(/\$\{!/g, '${');
}

/** The logical id a Lambda integration or authorizer URI invokes, from the stand-in ARN above. */
export function lambdaLogicalIdOf(uri: string): string | undefined {
  return /functions\/arn:aws:lambda:[^:]*:[^:]*:function:([^/:]+)(?::[^/]+)?\/(?:response-streaming-)?invocations/.exec(uri)?.[1];
}
