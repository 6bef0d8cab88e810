import { aws_apigateway as apigw } from 'aws-cdk-lib';

/** Keys of `apigw.JsonSchema` whose value is a schema. */
const SCHEMA_VALUED = new Set(['not', 'additionalItems', 'additionalProperties', 'contains', 'propertyNames']);
/** Keys whose value is a list of schemas. */
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf']);
/** Keys whose value maps names to schemas. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions']);
/** aws-cdk-lib's names for JSON Schema keywords that start with `$`. */
const TO_OPENAPI: { [key: string]: string } = { ref: '$ref', id: '$id' };
const FROM_OPENAPI: { [key: string]: string } = { $ref: 'ref', $id: 'id' };
/** Dropped: an OpenAPI 3.0 schema object has no `$schema`. */
const DROPPED = new Set(['schema']);

type Schema = { [key: string]: unknown };

/**
 * Converts aws-cdk-lib's `JsonSchema` (jsii-friendly keys such as `ref`) to the JSON Schema
 * API Gateway reads in an OpenAPI document (`$ref`).
 */
export function toOpenApiSchema(schema: apigw.JsonSchema): Schema {
  return convert(schema as Schema, TO_OPENAPI, DROPPED);
}

/** The other way: a schema of an OpenAPI document as aws-cdk-lib's `JsonSchema`. */
export function fromOpenApiSchema(schema: Schema): apigw.JsonSchema {
  return convert(schema, FROM_OPENAPI, new Set()) as apigw.JsonSchema;
}

/** Renames keywords at every schema position, leaving property names alone. */
function convert(schema: Schema, renamed: { [key: string]: string }, dropped: Set<string>): Schema {
  const next = (s: unknown) => convert(s as Schema, renamed, dropped);
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (value === undefined || dropped.has(key)) continue;
    const name = renamed[key] ?? key;
    if (SCHEMA_VALUED.has(key) && typeof value === 'object') {
      out[name] = next(value);
    } else if (SCHEMA_LISTS.has(key)) {
      out[name] = (value as unknown[]).map(next);
    } else if (SCHEMA_MAPS.has(key)) {
      out[name] = mapValues(value as { [k: string]: unknown }, next);
    } else if (key === 'items') {
      out[name] = Array.isArray(value) ? value.map(next) : next(value);
    } else if (key === 'dependencies') {
      out[name] = mapValues(value as { [k: string]: unknown }, v => (Array.isArray(v) ? v : next(v)));
    } else {
      out[name] = value;
    }
  }
  return out;
}

function mapValues<T, U>(record: { [k: string]: T }, fn: (v: T) => U): { [k: string]: U } {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, fn(v)]));
}
