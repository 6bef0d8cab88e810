"""LocalStack plugins for GatewayApi's deploy-and-call suite: Node.js Lambda functions run as host
processes, and CloudFormation custom resources backed by a Lambda function."""
