import * as fs from 'fs';
import * as path from 'path';
import { ruleTableMarkdown } from '../../src/policy/rule-table';

test('README\'s rule table is the one the rules generate (gateway-policy rules --format markdown)', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf-8');
  const section = readme.split('<!-- rules:start (generated: gateway-policy rules --format markdown) -->\n')[1]?.split('\n<!-- rules:end -->')[0];
  expect(section).toBe(ruleTableMarkdown());
});
