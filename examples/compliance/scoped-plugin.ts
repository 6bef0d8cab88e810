import * as path from 'path';
import { IPolicyValidationContext, IPolicyValidationPlugin, PolicyValidationPluginReport, Stack, Stage } from 'aws-cdk-lib';

/**
 * Runs a policy validation plugin on one stage of the app only: its templates, and its subtree
 * for plugins that walk constructs (cdk-nag). The rest of the example app is a tour of
 * integrations whose demo backends are not built for these packs.
 */
export class StageScopedPlugin implements IPolicyValidationPlugin {
  public readonly name: string;
  public readonly version?: string;
  public readonly ruleIds?: string[];

  constructor(private readonly stage: Stage, private readonly plugin: IPolicyValidationPlugin) {
    this.name = plugin.name;
    this.version = plugin.version;
    this.ruleIds = plugin.ruleIds;
  }

  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const templates = new Set(this.stage.node.findAll().filter(Stack.isStack).map(s => s.templateFile));
    const mine = (templatePath: string) => templates.has(path.basename(templatePath))
      && path.basename(path.dirname(templatePath)) === this.stage.artifactId;
    return this.plugin.validate({
      ...context,
      templatePaths: context.templatePaths.filter(mine),
      stackTemplates: context.stackTemplates.filter(s => mine(s.templatePath)),
      appConstruct: this.stage,
    });
  }
}
