/**
 * aws-cdk-lib runs its bundled CloudFormation Validate engine on every synthesis of an app that
 * does not switch it off: 3 s for the first synthesis in each test file and half a second for
 * each one after, most of `npm test`. Tests judge what this library writes; the engine's own
 * verdicts are tested where they are the subject (test/policy and test/properties run it
 * themselves). A test that wants aws-cdk-lib's run sets CDK_VALIDATION back to 'true'.
 */
process.env.CDK_VALIDATION = 'false';
