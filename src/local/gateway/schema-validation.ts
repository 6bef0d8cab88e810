/**
 * JSON Schema draft 4, the subset API Gateway's models use, as its request validator applies
 * it: whether a value is valid. `$ref`s to `#/components/schemas/X` (or `#/definitions/X`) are
 * followed in the definition.
 */
export function validSchema(value: unknown, schema: unknown, definition: { readonly [key: string]: any }, depth = 0): boolean {
  if (depth > 64 || schema === null || typeof schema !== 'object') return true;
  const s = schema as { [key: string]: any };
  if (typeof s.$ref === 'string') return validSchema(value, resolveRef(s.$ref, definition), definition, depth + 1);
  if (s.type !== undefined && !(Array.isArray(s.type) ? s.type : [s.type]).some((t: string) => hasType(value, t))) return false;
  if (s.enum !== undefined && !s.enum.some((e: unknown) => JSON.stringify(e) === JSON.stringify(value))) return false;
  if (Array.isArray(s.allOf) && !s.allOf.every((sub: unknown) => validSchema(value, sub, definition, depth + 1))) return false;
  if (Array.isArray(s.anyOf) && !s.anyOf.some((sub: unknown) => validSchema(value, sub, definition, depth + 1))) return false;
  if (Array.isArray(s.oneOf) && s.oneOf.filter((sub: unknown) => validSchema(value, sub, definition, depth + 1)).length !== 1) return false;
  if (s.not !== undefined && validSchema(value, s.not, definition, depth + 1)) return false;
  if (typeof value === 'string') return validString(value, s);
  if (typeof value === 'number') return validNumber(value, s);
  if (Array.isArray(value)) return validArray(value, s, definition, depth);
  if (value !== null && typeof value === 'object') return validObject(value as { [key: string]: unknown }, s, definition, depth);
  return true;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'string': return typeof value === 'string';
    case 'number': return typeof value === 'number';
    case 'integer': return typeof value === 'number' && Number.isInteger(value);
    case 'boolean': return typeof value === 'boolean';
    case 'null': return value === null;
    case 'array': return Array.isArray(value);
    case 'object': return value !== null && typeof value === 'object' && !Array.isArray(value);
    default: return true;
  }
}

function validString(value: string, s: { [key: string]: any }): boolean {
  const length = [...value].length;
  if (s.minLength !== undefined && length < s.minLength) return false;
  if (s.maxLength !== undefined && length > s.maxLength) return false;
  if (s.pattern !== undefined && !new RegExp(s.pattern, 'u').test(value)) return false;
  return true;
}

function validNumber(value: number, s: { [key: string]: any }): boolean {
  if (s.minimum !== undefined && (s.exclusiveMinimum === true ? value <= s.minimum : value < s.minimum)) return false;
  if (s.maximum !== undefined && (s.exclusiveMaximum === true ? value >= s.maximum : value > s.maximum)) return false;
  if (s.multipleOf !== undefined && Math.abs(value / s.multipleOf - Math.round(value / s.multipleOf)) > 1e-9) return false;
  return true;
}

function validArray(value: unknown[], s: { [key: string]: any }, definition: { readonly [key: string]: any }, depth: number): boolean {
  if (s.minItems !== undefined && value.length < s.minItems) return false;
  if (s.maxItems !== undefined && value.length > s.maxItems) return false;
  if (s.uniqueItems === true && new Set(value.map(v => JSON.stringify(v))).size !== value.length) return false;
  if (s.items !== undefined && !Array.isArray(s.items)) return value.every(item => validSchema(item, s.items, definition, depth + 1));
  return true;
}

function validObject(
  value: { [key: string]: unknown }, s: { [key: string]: any }, definition: { readonly [key: string]: any }, depth: number,
): boolean {
  const keys = Object.keys(value);
  if (Array.isArray(s.required) && !s.required.every((name: string) => name in value)) return false;
  if (s.minProperties !== undefined && keys.length < s.minProperties) return false;
  if (s.maxProperties !== undefined && keys.length > s.maxProperties) return false;
  const properties: { [key: string]: unknown } = s.properties ?? {};
  for (const key of keys) {
    if (key in properties) {
      if (!validSchema(value[key], properties[key], definition, depth + 1)) return false;
    } else if (s.additionalProperties === false) {
      return false;
    } else if (typeof s.additionalProperties === 'object' && !validSchema(value[key], s.additionalProperties, definition, depth + 1)) {
      return false;
    }
  }
  return true;
}

function resolveRef(ref: string, definition: { readonly [key: string]: any }): unknown {
  const name = /^#\/(?:components\/schemas|definitions)\/(.+)$/.exec(ref)?.[1];
  if (name !== undefined) return definition.components?.schemas?.[name] ?? definition.definitions?.[name];
  // API Gateway's model URLs: https://apigateway.amazonaws.com/restapis/<id>/models/<name>
  const model = /\/models\/([^/]+)$/.exec(ref)?.[1];
  return model === undefined ? undefined : definition.components?.schemas?.[model] ?? definition.definitions?.[model];
}
