/** One resource of a CloudFormation template, as the rules see it. */
export interface TemplateResource {
  readonly logicalId: string;
  readonly type: string;
  /** The resource's `Properties`; `{}` when absent. */
  readonly properties: { readonly [name: string]: unknown };
  /** The resource's `Metadata`; `{}` when absent. */
  readonly metadata: { readonly [name: string]: unknown };
}

/**
 * A CloudFormation template indexed by resource type, so that each rule reads only the types
 * it judges and a template of thousands of resources is walked once.
 */
export class TemplateIndex {
  /** Reads a parsed template; anything that is not a JSON object is an error. */
  public static of(template: unknown): TemplateIndex {
    if (!isObject(template)) throw new Error('a CloudFormation template must be a JSON object');
    return new TemplateIndex(template);
  }

  private readonly byType = new Map<string, TemplateResource[]>();
  private readonly byId = new Map<string, TemplateResource>();
  private readonly parameters: { readonly [name: string]: unknown };

  private constructor(template: { readonly [key: string]: unknown }) {
    this.parameters = isObject(template.Parameters) ? template.Parameters : {};
    const resources = isObject(template.Resources) ? template.Resources : {};
    for (const [logicalId, raw] of Object.entries(resources)) {
      if (!isObject(raw) || typeof raw.Type !== 'string') continue;
      const resource: TemplateResource = {
        logicalId,
        type: raw.Type,
        properties: isObject(raw.Properties) ? raw.Properties : {},
        metadata: isObject(raw.Metadata) ? raw.Metadata : {},
      };
      this.byId.set(logicalId, resource);
      const list = this.byType.get(raw.Type) ?? [];
      list.push(resource);
      this.byType.set(raw.Type, list);
    }
  }

  /** The resources of the given types, in template order per type. */
  public ofType(...types: string[]): TemplateResource[] {
    return types.flatMap(type => this.byType.get(type) ?? []);
  }

  /** The resource with this logical id, if any. */
  public resource(logicalId: string): TemplateResource | undefined {
    return this.byId.get(logicalId);
  }

  /** The declared `Default` of a template parameter, if it has one. */
  public parameterDefault(name: string): unknown {
    const parameter = this.parameters[name];
    return isObject(parameter) ? parameter.Default : undefined;
  }

  /** Every resource type present. */
  public get types(): string[] {
    return [...this.byType.keys()];
  }
}

/** A JSON object (not an array, not null). */
export function isObject(value: unknown): value is { readonly [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
