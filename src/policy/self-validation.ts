import { Stage, Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ownedResources, registerOwner } from './ownership';
import { PLUGIN_NAME, runPlugin } from './plugin';
import { PolicyRuleSet } from './rule-set';

const registeredStages = new WeakSet<Stage>();

/**
 * Makes `owner` (a GatewayApi) judge its own resources at synth with the given rule sets, so a
 * misconfigured API fails `cdk synth` with no setup. One plugin per CDK stage serves every
 * self-validating construct in it, each with its own rule sets.
 */
export function validateItself(owner: IConstruct, ruleSets: readonly PolicyRuleSet[]): void {
  registerOwner(owner, { ruleSets });
  const stage = Stage.of(owner);
  if (!stage || registeredStages.has(stage)) return;
  registeredStages.add(stage);
  Validations.of(stage).addPlugins({
    name: PLUGIN_NAME,
    validate: context => {
      const owners = ownedResources(context.appConstruct);
      return runPlugin(context.templatePaths, templateFile => owners.flatMap(owned => {
        const only = owned.logicalIds.get(templateFile);
        return only ? [{ ruleSets: owned.validation.ruleSets, only }] : [];
      }));
    },
  });
}
