import { Rule } from '../../rule';

/** cdk-nag's APIGWSSLEnabled: the stage presents a client certificate to its backends. */
export const stageClientCertificate: Rule = {
  id: 'stage-client-certificate',
  severity: 'error',
  title: 'REST stages present a client certificate to HTTP backends',
  fix: 'Give the stage a client certificate (GatewayApi clientCertificate; the NIST R5, PCI and HIPAA presets do), or set ClientCertificateId.',
  resourceTypes: ['AWS::ApiGateway::Stage'],
  mirrors: ['HIPAA.Security-APIGWSSLEnabled', 'NIST.800.53.R5-APIGWSSLEnabled', 'PCI.DSS.321-APIGWSSLEnabled'],
  check: template => template.ofType('AWS::ApiGateway::Stage')
    .filter(stage => stage.properties.ClientCertificateId == null)
    .map(stage => ({ logicalId: stage.logicalId, location: 'Properties/ClientCertificateId', message: 'the stage has no ClientCertificateId' })),
};
