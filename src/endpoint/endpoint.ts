import { aws_apigateway as apigw, aws_apigatewayv2 as apigwv2, aws_ec2 as ec2 } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { checkOneOf } from '../core/checks';
import { propError } from '../core/errors';

/** What the endpoint props decide about the RestApi. */
export interface EndpointSettings {
  readonly endpointType: apigw.EndpointType;
  readonly endpointConfiguration: { types: string[]; vpcEndpointIds?: string[]; ipAddressType?: string };
}

/** What the API's props say of its endpoint. */
export interface EndpointProps {
  readonly endpointType?: apigw.EndpointType;
  readonly vpcEndpoints?: ec2.IVpcEndpoint[];
  readonly disableExecuteApiEndpoint?: boolean;
  readonly ipAddressType?: apigw.IpAddressType;
}

/**
 * Validates the endpoint type, its VPC endpoints (the resource policy admits calls through them
 * only) and its IP address type (PRIVATE APIs are dual-stack only).
 */
export function endpointSettings(scope: IConstruct, props: EndpointProps): EndpointSettings {
  const type = props.endpointType ?? apigw.EndpointType.REGIONAL;
  const endpoints = props.vpcEndpoints ?? [];
  checkOneOf(scope, 'ipAddressType', props.ipAddressType, Object.values(apigw.IpAddressType));
  const ipAddressType = props.ipAddressType;
  if (type !== apigw.EndpointType.PRIVATE) {
    if (endpoints.length > 0) {
      throw propError(scope, 'vpcEndpoints', `${endpoints.length} endpoint(s)`, 'VPC endpoints only with endpointType PRIVATE');
    }
    return { endpointType: type, endpointConfiguration: { types: [type], ipAddressType } };
  }
  if (ipAddressType === apigw.IpAddressType.IPV4) {
    throw propError(scope, 'ipAddressType', ipAddressType, 'DUAL_STACK (or nothing) for a PRIVATE API: API Gateway gives private APIs dual-stack addresses only');
  }
  if (endpoints.length === 0) {
    throw propError(scope, 'vpcEndpoints', props.vpcEndpoints ?? 'undefined',
      'at least one interface VPC endpoint for execute-api when endpointType is PRIVATE: a private API is reachable only through one');
  }
  if (props.disableExecuteApiEndpoint === true) {
    throw propError(scope, 'disableExecuteApiEndpoint', true,
      'false for a PRIVATE API: its execute-api endpoint is the only way in (through the VPC endpoints)');
  }
  return {
    endpointType: type,
    endpointConfiguration: { types: [type], vpcEndpointIds: endpoints.map(e => e.vpcEndpointId), ipAddressType },
  };
}

/** An HTTP or WebSocket API's IP address type, checked (JavaScript and Python callers may pass any string). */
export function checkedIpAddressType(scope: IConstruct, ipAddressType: apigwv2.IpAddressType | undefined): string | undefined {
  checkOneOf(scope, 'ipAddressType', ipAddressType, Object.values(apigwv2.IpAddressType));
  return ipAddressType;
}
