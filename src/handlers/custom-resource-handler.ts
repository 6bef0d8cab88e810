/**
 * The source of an inline custom resource handler (Node.js, AWS SDK v3 from the runtime): it
 * runs `onCreateOrUpdate` (statements that may read `props`, the resource properties, and set
 * `reason`) on Create and Update, does nothing on Delete, and reports the outcome to
 * CloudFormation's pre-signed URL with Node's https module. Inline handlers cannot depend on a
 * package, so synthesis needs no bundling.
 */
export function customResourceHandlerSource(imports: string, onCreateOrUpdate: string): string {
  return `
${imports}
const https = require('https');

exports.handler = async (event, context) => {
  const props = event.ResourceProperties;
  let status = 'SUCCESS';
  let reason = '';
  try {
    if (event.RequestType !== 'Delete') {
${onCreateOrUpdate}
    }
  } catch (error) {
    status = 'FAILED';
    reason = String((error && error.message) || error).slice(0, 500);
  }
  await respond(event, context, status, reason);
};

function respond(event, context, status, reason) {
  const body = JSON.stringify({
    Status: status,
    Reason: reason + ' (see log stream ' + context.logStreamName + ')',
    PhysicalResourceId: event.PhysicalResourceId || event.ResourceProperties.RestApiId,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
  });
  return new Promise((resolve, reject) => {
    const request = https.request(event.ResponseURL, {
      method: 'PUT', headers: { 'content-type': '', 'content-length': Buffer.byteLength(body) },
    }, response => { response.resume(); response.on('end', resolve); });
    request.on('error', reject);
    request.end(body);
  });
}
`;
}
