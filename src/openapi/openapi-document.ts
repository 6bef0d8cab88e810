import * as fs from 'fs';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';

/**
 * An existing OpenAPI 3 document to build a GatewayApi from (`openApi`): its operations become
 * the API's routes, with their parameters, request bodies, models and request validators.
 */
export class OpenApiDocument {
  /**
   * Reads a document from a JSON or YAML file (`.json`, `.yaml`, `.yml`).
   *
   * @param file the path, relative to the working directory of `cdk synth`
   */
  public static fromFile(file: string): OpenApiDocument {
    const text = fs.readFileSync(file, 'utf8');
    const document = path.extname(file) === '.json' ? JSON.parse(text) : parseYaml(text);
    return new OpenApiDocument(document, file);
  }

  /**
   * Takes a document already in memory, as parsed JSON.
   *
   * @param document the OpenAPI 3 document
   */
  public static fromObject(document: any): OpenApiDocument {
    return new OpenApiDocument(document, 'the document');
  }

  /** The parsed document. */
  public readonly document: any;
  /** Where the document came from, for messages. */
  public readonly source: string;

  private constructor(document: any, source: string) {
    if (document === null || typeof document !== 'object' || typeof document.openapi !== 'string' || !document.openapi.startsWith('3.')) {
      throw new Error(`OpenApiDocument: ${source} is not allowed. Allowed: an OpenAPI 3 document (openapi: 3.x.y, paths, components)`);
    }
    this.document = document;
    this.source = source;
  }
}
