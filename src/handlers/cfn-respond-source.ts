/**
 * `respond(event, context, status, reason)`: sends a custom resource's result to CloudFormation's
 * pre-signed URL with Node's https module, for the library's inline Lambda handlers (which
 * cannot depend on a package).
 */
export const CFN_RESPOND_SOURCE = `function respond(event, context, status, reason) {
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
