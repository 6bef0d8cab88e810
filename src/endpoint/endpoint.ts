import { aws_apigateway as apigw, aws_ec2 as ec2 } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { propError } from '../core/errors';

/** What the endpoint props decide about the RestApi. */
export interface EndpointSettings {
  readonly endpointType: apigw.EndpointType;
  readonly endpointConfiguration: { types: string[]; vpcEndpointIds?: string[] };
}

/** Validates the endpoint type and its VPC endpoints (the resource policy admits calls through them only). */
export function endpointSettings(
  scope: IConstruct, endpointType: apigw.EndpointType | undefined, vpcEndpoints: ec2.IVpcEndpoint[] | undefined,
  disableExecuteApiEndpoint: boolean | undefined,
): EndpointSettings {
  const type = endpointType ?? apigw.EndpointType.REGIONAL;
  const endpoints = vpcEndpoints ?? [];
  if (type !== apigw.EndpointType.PRIVATE) {
    if (endpoints.length > 0) {
      throw propError(scope, 'vpcEndpoints', `${endpoints.length} endpoint(s)`, 'VPC endpoints only with endpointType PRIVATE');
    }
    return { endpointType: type, endpointConfiguration: { types: [type] } };
  }
  if (endpoints.length === 0) {
    throw propError(scope, 'vpcEndpoints', vpcEndpoints ?? 'undefined',
      'at least one interface VPC endpoint for execute-api when endpointType is PRIVATE: a private API is reachable only through one');
  }
  if (disableExecuteApiEndpoint === true) {
    throw propError(scope, 'disableExecuteApiEndpoint', true,
      'false for a PRIVATE API: its execute-api endpoint is the only way in (through the VPC endpoints)');
  }
  return { endpointType: type, endpointConfiguration: { types: [type], vpcEndpointIds: endpoints.map(e => e.vpcEndpointId) } };
}
