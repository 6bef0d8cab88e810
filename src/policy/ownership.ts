import { CfnResource, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { PolicyRuleSet } from './rule-set';

/** What a construct that validates itself enforces. */
export interface SelfValidation {
  readonly ruleSets: readonly PolicyRuleSet[];
}

const owners = new WeakMap<IConstruct, SelfValidation>();

/** Marks a construct (a GatewayApi) as validating its own resources with these rule sets. */
export function registerOwner(owner: IConstruct, validation: SelfValidation): void {
  owners.set(owner, validation);
}

/** The resources of one owner, by template file name and logical id. */
export interface OwnedResources {
  readonly validation: SelfValidation;
  /** Template file name (e.g. `MyStack.template.json`) to the logical ids the owner holds in it. */
  readonly logicalIds: Map<string, Set<string>>;
}

/** Every self-validating construct in the app, with the resources it owns. */
export function ownedResources(root: IConstruct): OwnedResources[] {
  return root.node.findAll().filter(c => owners.has(c)).map(owner => {
    const logicalIds = new Map<string, Set<string>>();
    for (const c of owner.node.findAll()) {
      if (!CfnResource.isCfnResource(c)) continue;
      const stack = Stack.of(c);
      const ids = logicalIds.get(stack.templateFile) ?? new Set<string>();
      ids.add(stack.resolve(c.logicalId));
      logicalIds.set(stack.templateFile, ids);
    }
    return { validation: owners.get(owner)!, logicalIds };
  });
}
