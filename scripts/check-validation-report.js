#!/usr/bin/env node
// Fails when the cloud assembly's validation report holds an unacknowledged error: the example
// app must synthesize clean under every engine it registers (cdk-nag, cfn-guard, GatewayApi).
const fs = require('fs');
const path = require('path');

const file = path.join(process.argv[2] || 'cdk.out', 'validation-report.json');
const report = JSON.parse(fs.readFileSync(file, 'utf-8'));
// Warnings and information (a route's own acknowledgment, with its reason) do not fail.
const errors = report.pluginReports.flatMap(plugin => (plugin.violations || [])
  .filter(v => v.severity !== 'warning' && v.severity !== 'info')
  .flatMap(v => v.violatingConstructs.map(c => `${plugin.pluginName} ${v.ruleName} (${v.severity}): ${c.constructPath}`)));
if (errors.length > 0) {
  console.error(`Unacknowledged findings in ${file}:\n  ${errors.join('\n  ')}`);
  process.exit(1);
}
const acknowledged = report.pluginReports.reduce((n, p) => n + (p.suppressedViolations || []).length, 0);
const byRoute = report.pluginReports.reduce((n, p) => n + (p.violations || []).filter(v => v.severity === 'info').length, 0);
console.log(`${file}: ${report.pluginReports.length} plugin reports, no unacknowledged error, ${acknowledged} acknowledged, ${byRoute} acknowledged by a route`);
