import { Aspects, CfnResource, IAspect, Lazy } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { acknowledgeUnderMirroredEngines } from './engine-acknowledgments';
import { PLUGIN_NAME } from './plugin';
import { ACKNOWLEDGED_METADATA, TemplateAcknowledgment } from './template/acknowledgments';

/** Where `Validations.of(scope).acknowledge()` records acknowledgments in the construct tree (aws-cdk-lib's key). */
const TREE_ACKNOWLEDGMENTS = 'aws:cdk:acknowledged-rules';

/**
 * Writes the acknowledgments of this validator's findings into the template, as metadata of
 * each resource of `owner`: those the app made with `Validations.of(scope).acknowledge()` on the
 * resource or any scope above it, and `narrower` ones a resource gives for parts of itself
 * (a REST API's routes). The CLI reads them there, so `gateway-policy check` on `cdk.out`
 * agrees with `cdk synth`. They are collected at synthesis, after every acknowledgment is made,
 * and those of whole resources reach the engines the rules mirror too.
 */
export function recordAcknowledgments(
  owner: IConstruct, narrower: (resource: CfnResource) => TemplateAcknowledgment[] = () => [],
): void {
  Aspects.of(owner).add(new AcknowledgmentRecorder(narrower));
}

class AcknowledgmentRecorder implements IAspect {
  private readonly recorded = new WeakSet<CfnResource>();

  constructor(private readonly narrower: (resource: CfnResource) => TemplateAcknowledgment[]) {}

  public visit(node: IConstruct): void {
    if (!CfnResource.isCfnResource(node) || this.recorded.has(node)) return;
    this.recorded.add(node);
    acknowledgeUnderMirroredEngines(node, fromTree(node));
    node.addMetadata(ACKNOWLEDGED_METADATA, Lazy.any({
      produce: () => {
        const acknowledgments = [...fromTree(node), ...this.narrower(node)];
        return acknowledgments.length > 0 ? acknowledgments : undefined;
      },
    }));
  }
}

/** This validator's acknowledgments that apply to the resource: made on it or above it, the nearest winning. */
function fromTree(resource: CfnResource): TemplateAcknowledgment[] {
  const byId = new Map<string, string>();
  for (const scope of resource.node.scopes) {
    for (const entry of scope.node.metadata) {
      if (entry.type !== TREE_ACKNOWLEDGMENTS || !entry.data) continue;
      for (const [id, reason] of Object.entries(entry.data as { [id: string]: string })) {
        if (id.startsWith(`${PLUGIN_NAME}::`)) byId.set(id, reason);
      }
    }
  }
  return [...byId.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([id, reason]) => ({ id, reason }));
}
