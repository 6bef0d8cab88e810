type Json = unknown;

/** A definition whose CloudFormation intrinsics are replaced by placeholders. */
export interface ExternalizedDefinition {
  /** The definition as JSON text, with `"@@CFN:N@@"` where intrinsic N stood. */
  readonly text: string;
  /** The intrinsics by index, for CloudFormation to resolve and the importer to put back. */
  readonly substitutions: { [index: string]: Json };
}

/** The JSON string that stands for intrinsic `index` in an externalized definition. */
export function placeholder(index: number): string {
  return `@@CFN:${index}@@`;
}

/**
 * Takes the intrinsics (`Ref`, `Fn::*`) out of a resolved definition, so that it can live in
 * S3, where CloudFormation does not resolve anything. Equal intrinsics share one placeholder.
 */
export function externalize(definition: Json): ExternalizedDefinition {
  const indexByJson = new Map<string, number>();
  const substitutions: { [index: string]: Json } = {};
  const walk = (value: Json): Json => {
    if (Array.isArray(value)) return value.map(walk);
    if (value === null || typeof value !== 'object') return value;
    const record = value as { [key: string]: Json };
    const keys = Object.keys(record);
    if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) {
      const json = JSON.stringify(record);
      let index = indexByJson.get(json);
      if (index === undefined) {
        index = indexByJson.size;
        indexByJson.set(json, index);
        substitutions[String(index)] = record;
      }
      return placeholder(index);
    }
    return Object.fromEntries(keys.map(k => [k, walk(record[k])]));
  };
  const text = JSON.stringify(walk(definition));
  return { text, substitutions };
}
