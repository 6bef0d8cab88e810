import { aws_apigateway as apigw } from 'aws-cdk-lib';

/** Keys of `apigw.JsonSchema` whose value is a schema. */
const SCHEMA_VALUED = new Set(['not', 'additionalItems', 'additionalProperties', 'contains', 'propertyNames']);
/** Keys whose value is a list of schemas. */
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf']);
/** Keys whose value maps names to schemas. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions']);
/** aws-cdk-lib's names for JSON Schema keywords that start with `$`. */
const RENAMED: { [key: string]: string } = { ref: '$ref', id: '$id' };
/** Dropped: an OpenAPI 3.0 schema object has no `$schema`. */
const DROPPED = new Set(['schema']);

/**
 * Converts aws-cdk-lib's `JsonSchema` (jsii-friendly keys such as `ref`) to the JSON Schema
 * API Gateway reads in an OpenAPI document (`$ref`).
 */
export function toOpenApiSchema(schema: apigw.JsonSchema): { [key: string]: unknown } {
  const out: { [key: string]: unknown } = {};
  for (const [key, value] of Object.entries(schema)) {
    if (value === undefined || DROPPED.has(key)) continue;
    const name = RENAMED[key] ?? key;
    if (SCHEMA_VALUED.has(key) && typeof value === 'object') {
      out[name] = toOpenApiSchema(value as apigw.JsonSchema);
    } else if (SCHEMA_LISTS.has(key)) {
      out[name] = (value as apigw.JsonSchema[]).map(toOpenApiSchema);
    } else if (SCHEMA_MAPS.has(key)) {
      out[name] = mapValues(value as { [k: string]: apigw.JsonSchema }, toOpenApiSchema);
    } else if (key === 'items') {
      out[name] = Array.isArray(value) ? value.map(toOpenApiSchema) : toOpenApiSchema(value as apigw.JsonSchema);
    } else if (key === 'dependencies') {
      out[name] = mapValues(value as { [k: string]: apigw.JsonSchema | string[] },
        v => (Array.isArray(v) ? v : toOpenApiSchema(v)));
    } else {
      out[name] = value;
    }
  }
  return out;
}

function mapValues<T, U>(record: { [k: string]: T }, fn: (v: T) => U): { [k: string]: U } {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, fn(v)]));
}
