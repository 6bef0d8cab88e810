import { TemplateJson } from './intrinsics';

/**
 * Names a test gives the template's resources by: a logical id, or a construct path (the
 * construct's own, e.g. `MyStack/TrialKey`, or its L1's, `MyStack/TrialKey/Resource`), read
 * from the template's path metadata or, for an app synthesized without it, from the paths the
 * construct tree gives.
 */
export class ResourceNames {
  constructor(private readonly template: TemplateJson, private readonly paths: { readonly [path: string]: string } = {}) {}

  /** The logical id a name stands for, if it names a resource of the template. */
  public logicalIdOf(name: string): string | undefined {
    const resources = this.template.Resources ?? {};
    if (name in resources) return name;
    for (const path of [name, `${name}/Resource`]) {
      if (this.paths[path] !== undefined) return this.paths[path];
      const found = Object.entries(resources).find(([, r]) => (r as { Metadata?: any }).Metadata?.['aws:cdk:path'] === path);
      if (found) return found[0];
    }
    return undefined;
  }

  /** The construct path of a logical id, when known. */
  public pathOf(logicalId: string): string | undefined {
    const resource = this.template.Resources?.[logicalId] as { Metadata?: any } | undefined;
    return resource?.Metadata?.['aws:cdk:path'] ?? Object.keys(this.paths).find(p => this.paths[p] === logicalId);
  }
}
