import { execSync } from 'child_process';
import { awscdk, javascript } from 'projen';

/**
 * The lowest aws-cdk-lib the library's code needs (peer floor): the policy validator is a
 * policy validation plugin that reads `IPolicyValidationContext.appConstruct` to find the
 * resources each GatewayApi owns, which 2.262.0 has (2.257.0 does not); 2.262.0 also brought
 * the `@aws-cdk/core:validateAgainstDefaultRules` flag, and cdk-nag 3 needs 2.257.0 or later.
 * The build and tests run against CDK_DEV_VERSION, the current release.
 */
const CDK_PEER_FLOOR = '2.262.0';
const CDK_DEV_VERSION = '2.276.0';
/** A 2.x CLI: the `latest` tag (3.x) cannot read the cloud assemblies 2.27x writes. */
const CDK_CLI_VERSION = '2.1148.1';

const project = new awscdk.AwsCdkConstructLibrary({
  name: 'cdk-gateway-api',
  description:
    'GatewayApi: a production-grade Amazon API Gateway (REST, HTTP and WebSocket APIs) in one CDK statement, secure, '
    + 'observable and compliant by default, with a synth-time policy validator.',
  keywords: [
    'aws', 'cdk', 'awscdk', 'api-gateway', 'apigateway', 'rest-api', 'http-api', 'websocket', 'openapi', 'canary',
    'usage-plans', 'cloudwatch-alarms', 'compliance', 'policy-as-code', 'cdk-nag', 'cfn-guard',
  ],
  homepage: 'https://github.com/gatewayapi/gateway-api#readme',
  author: 'GatewayApi Developers',
  authorAddress: 'dev@gatewayapi.dev',
  repositoryUrl: 'https://github.com/gatewayapi/gateway-api.git',
  license: 'Apache-2.0',
  stability: 'experimental',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  jsiiVersion: '~6.0.0',

  cdkVersion: CDK_PEER_FLOOR,
  constructsVersion: '10.0.5',
  peerDependencyOptions: { pinnedDevDependency: false },
  devDeps: [
    `aws-cdk-lib@${CDK_DEV_VERSION}`, 'constructs@^10.5.1', `aws-cdk@${CDK_CLI_VERSION}`,
    // The policy engines the validator's parity suite and the example app run.
    'cdk-nag@3.0.2', '@cdklabs/cdk-validator-cfnguard@0.0.62',
    // A standard OpenAPI 3 parser and validator, for the exported documents.
    '@apidevtools/swagger-parser@^12',
    // The integration scenarios are declared as integ-runner tests (test/integ/).
    '@aws-cdk/integ-tests-alpha@2.245.0-alpha.0',
    // Property-based tests: random valid configurations must synthesize clean templates (test/properties/).
    'fast-check@^4.10.2',
  ],

  // Read OpenAPI documents written in YAML (bundled: never part of the public API).
  bundledDeps: ['yaml@^2'],

  // The policy validator's CLI, for any CloudFormation template.
  bin: { 'gateway-policy': 'lib/cli/gateway-policy.js', 'gateway-api': 'lib/cli/gateway-api.js' },

  publishToPypi: {
    distName: 'cdk-gateway-api',
    module: 'cdk_gateway_api',
  },

  jestOptions: {
    // Snapshots are written only by `npm run test:update`, never silently in a normal run.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      // Coverage doubled the run (80 s to 155 s here) and nothing reads it: `npx jest --coverage` when wanted.
      collectCoverage: false,
      coverageReporters: ['text-summary'],
      // Jest's default leaves a core to itself, so a 2-core machine ran every file in one worker, whose
      // heap grows with each file's fresh aws-cdk-lib: 6 minutes instead of 2.
      maxWorkers: '100%',
      setupFiles: ['<rootDir>/test/jest-setup.ts'],
      // The property-based tests run in full in `npm run test:properties` (CI runs it), not in npm test.
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/properties/'],
    },
  },
  // One program for every linted file (tsconfig.dev.json holds them all): the per-file project
  // service gave each test file an inferred program of its own, 12 CPU-minutes per lint.
  eslintOptions: {
    projectService: false,
    tsconfigPath: './tsconfig.dev.json',
    dirs: ['src'],
    devdirs: ['test', 'examples', 'bench', 'projenrc', '.projenrc.ts'],
  },
  // ts-jest transpiles each file alone (isolatedModules), so one tsc pass type-checks the tests.
  typecheckTests: true,
  // The dev tooling's tsconfig at the top, as projen's construct libraries keep it.
  tsconfigDevFile: 'tsconfig.dev.json',
  tsconfigDev: {
    include: ['src/**/*.ts', 'test/**/*.ts', 'examples/**/*.ts', 'bench/**/*.ts', '.projenrc.ts', 'projenrc/**/*.ts'],
    compilerOptions: {},
  },
  gitignore: ['/cdk.out/', '/bench/out/', '.venv/', '.jsii.tabl.json', '/.emulator/', '/emulator/runtime/node_modules/', '__pycache__/'],
  // The package is lib/, .jsii, README and API.md: none of the repository's tooling, examples or engines.
  npmIgnoreOptions: {
    ignorePatterns: ['/.venv/', '/cdk.out/', '/examples/', '/scripts/', '/emulator/', '/.emulator/', '/bench/', '/rosetta/', '/.ci/', '/API.python.md'],
  },
  githubOptions: { mergify: false },
});

// `npm run example`: synthesize the example app (a tour of the library) offline into cdk.out/.
const example = project.addTask('example', {
  description: 'Synthesize the example app into cdk.out/',
  env: { CDK_DISABLE_VERSION_CHECK: 'true', CDK_DISABLE_CLI_TELEMETRY: 'true' },
  exec: 'cdk synth --app "ts-node --prefer-ts-exts -P tsconfig.dev.json examples/app.ts" --output cdk.out --quiet --no-notices --no-version-reporting',
});
// The engines' verdicts are in the assembly's validation report: no unacknowledged error allowed.
example.exec('node scripts/check-validation-report.js cdk.out');
// The synthesized example run in-process by LocalGateway (after `npm run example`).
project.addTask('example:local', {
  description: 'Call the example app\'s APIs in-process with LocalGateway, from the templates in cdk.out/',
  exec: 'ts-node --prefer-ts-exts -P tsconfig.dev.json examples/local-tour.ts cdk.out',
});

// Every TypeScript example of README and the doc comments compiles (fixtures in rosetta/), or the
// build fails; the tablet it writes is what jsii-pacmak and jsii-docgen translate examples from.
const rosetta = project.addTask('rosetta', {
  description: 'Compile every README and doc-comment example strictly with jsii-rosetta',
  exec: 'jsii-rosetta extract --strict --compile --fail .jsii',
});
project.postCompileTask.prependSpawn(rosetta);
// The API reference for Python users, with the examples translated.
project.postCompileTask.exec('jsii-docgen -l python -o API.python.md');

// `npm run integ`: the integration scenarios' templates against their committed snapshots.
project.addTask('integ', {
  description: 'Synthesize test/integ/integ.*.ts offline and compare with the committed snapshots (-- --update rewrites them)',
  env: { CDK_DISABLE_VERSION_CHECK: 'true' },
  exec: 'node scripts/integ-snapshots.js',
  receiveArgs: true,
});

// `npm run test:python`: the wheel, installed with aws-cdk-lib in a fresh venv, under pytest.
project.addTask('test:python', {
  description: 'Build the Python wheel and run the pytest suite of test/python/ against it in a fresh virtual environment',
  env: { PYTHONDONTWRITEBYTECODE: '1' },
  exec: 'bash scripts/test-python.sh',
});

// The property-based tests (test/properties/settings.ts), which npm test leaves out to stay fast.
project.addTask('test:properties', {
  description: 'Run the property-based tests: 1,110 random configurations judged by every engine',
  exec: 'jest test/properties --passWithNoTests=false --testPathIgnorePatterns=/node_modules/',
});

// `npm run test:deploy`: the example app deployed on an emulator (LocalStack on the host, see emulator/)
// and every route of test/deploy/expected.py called.
project.addTask('test:deploy', {
  description: 'Deploy the example app on the emulator (installed pinned into .emulator/) and call every route',
  exec: 'bash scripts/test-deploy.sh',
});

// `npm run bench -- --routes N`: GatewayApi against aws-cdk-lib's RestApi.
project.addTask('bench', {
  description: 'Measure resources, template size, synth time and memory for N Lambda-proxy routes',
  exec: 'ts-node --prefer-ts-exts -P tsconfig.dev.json bench/bench.ts',
  receiveArgs: true,
});

// At the top, projen's default '**/*.ts' would take in lib/'s declarations and the emulator's runtime.
project.tsconfigDev.removeInclude('**/*.ts');

project.synth();

// After projen's `npm install`: put back the optional platform packages the registry here lacks,
// so that `npm ci` accepts the lock file (see scripts/complete-lockfile.js).
execSync('node scripts/complete-lockfile.js', { stdio: 'inherit' });
