import { Aws, aws_stepfunctions as sfn } from 'aws-cdk-lib';
import { IntegrationResponse } from './options';

/**
 * What API Gateway sends AWS services and makes of their answers: the requests' headers and
 * templates, and the integration responses of the factories that call them.
 */

export const FORM_ENCODED = { 'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'" };
/** The headers of an AWS JSON 1.1 protocol call: the operation to run, and the body's type. */
export const AMZ_JSON = (target: string) => ({
  'integration.request.header.X-Amz-Target': `'${target}'`,
  'integration.request.header.Content-Type': "'application/x-amz-json-1.1'",
});

/** An object with its type; a key that is missing (or that the role may not read, which S3 answers 403) is not found. */
export const S3_GET_RESPONSES: IntegrationResponse[] = [
  { statusCode: '200', responseParameters: { 'method.response.header.Content-Type': 'integration.response.header.Content-Type' } },
  { statusCode: '404', selectionPattern: '4\\d{2}', responseTemplates: { 'application/json': '{"message": "no such object"}' } },
  { statusCode: '500', selectionPattern: '5\\d{2}' },
];
/** S3's XML listing, with its type; an error of S3's (a listing the role may not make) is the gateway's. */
export const S3_LIST_RESPONSES: IntegrationResponse[] = [
  { statusCode: '200', responseParameters: { 'method.response.header.Content-Type': 'integration.response.header.Content-Type' } },
  { statusCode: '500', selectionPattern: '[45]\\d{2}' },
];

export function serviceActionUri(service: string, action: string): string {
  return `arn:${Aws.PARTITION}:apigateway:${Aws.REGION}:${service}:action/${action}`;
}

/** Sets `$body` to the request body, `{}` when it is empty; renders nothing. */
export const BODY_OR_EMPTY_OBJECT = '#set($body = $input.json(\'$\'))#if("$!body" == "" || "$body" == \'""\')#set($body = "{}")#end';
/**
 * `$body` as the content of a JSON string. `escapeJavaScript` turns `'` into `\'`, which is not
 * valid JSON: undo that, as AWS's own Step Functions example does.
 */
export const BODY_AS_STRING = '$util.escapeJavaScript($body).replaceAll("\\\\\'", "\'")';

/** Kinesis PutRecords entries from the body's `records`: each one's `data` base64-encoded, its `partitionKey` as a JSON string. */
export const PUT_RECORDS_ENTRIES = "#foreach($record in $input.path('$.records'))"
  + '{"Data": "$util.base64Encode($record.data)", "PartitionKey": "$util.escapeJavaScript($record.partitionKey)"}'
  + '#if($foreach.hasNext),#end#end';

export function startExecutionTemplate(stateMachine: sfn.IStateMachine): string {
  return `${BODY_OR_EMPTY_OBJECT}{"input": "${BODY_AS_STRING}", "stateMachineArn": "${stateMachine.stateMachineArn}"}`;
}

/**
 * A synchronous execution answers HTTP 200 even when it failed: answer its output only when
 * it succeeded, and a 500 with its error otherwise.
 */
export const SYNC_EXECUTION_RESPONSES: IntegrationResponse[] = [
  {
    statusCode: '200',
    responseTemplates: {
      'application/json': '#if($input.path(\'$.status\') == "SUCCEEDED")$input.path(\'$.output\')#else'
        + '#set($context.responseOverride.status = 500)'
        + '{"message": "execution $input.path(\'$.status\')", "error": "$util.escapeJavaScript($input.path(\'$.error\'))"}#end',
    },
  },
  { statusCode: '400', selectionPattern: '4\\d{2}' },
  { statusCode: '500', selectionPattern: '5\\d{2}' },
];
