import * as fs from 'fs';
import * as path from 'path';

/**
 * The layers of README's design map, read from its table: a file may import its own folder and
 * the folders of lower layers, never a folder of its own layer or above. `.` is src/ itself.
 */
const README = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf-8');
const SRC = path.join(__dirname, '..', 'src');

function designLayers(): Map<string, number> {
  const design = README.slice(README.indexOf('## Design'));
  const layers = new Map<string, number>();
  for (const row of design.matchAll(/^\| (\d+) \| ([^|]+) \|/gm)) {
    for (const folder of row[2].matchAll(/`src\/([^`]*)`/g)) layers.set(folder[1].replace(/\/$/, '') || '.', Number(row[1]));
  }
  return layers;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => entry.isDirectory()
    ? sourceFiles(path.join(dir, entry.name))
    : entry.name.endsWith('.ts') ? [path.join(dir, entry.name)] : []);
}

/** The folder of src/ a path (relative to src/) is in: its first segment, or `.` for src/ itself. */
function folderOf(file: string): string {
  const parts = file.split('/');
  return parts.length === 1 ? '.' : parts[0];
}

/** Each relative import of src/, as source and target paths relative to src/. */
function sourceImports(): { from: string; to: string }[] {
  return sourceFiles(SRC).flatMap(file => [...fs.readFileSync(file, 'utf-8').matchAll(/(?:from|import|require)\s*\(?\s*'(\.{1,2}\/[^']*)'/g)]
    .map(m => ({
      from: path.relative(SRC, file).split(path.sep).join('/'),
      to: path.relative(SRC, path.resolve(path.dirname(file), m[1])).split(path.sep).join('/') + '.ts',
    })));
}

/** The imports that go to another folder of the same layer or to a higher one. */
function upwardImports(layers: Map<string, number>, imports: { from: string; to: string }[]): string[] {
  return imports.filter(({ from, to }) => folderOf(from) !== folderOf(to) && !(layers.get(folderOf(to))! < layers.get(folderOf(from))!))
    .map(({ from, to }) => `${from} (layer ${layers.get(folderOf(from))}) imports ${to} (layer ${layers.get(folderOf(to))})`);
}

describe('layering', () => {
  const layers = designLayers();

  test("README's design map names every folder of src/ once", () => {
    const folders = [...new Set(sourceFiles(SRC).map(file => folderOf(path.relative(SRC, file).split(path.sep).join('/'))))].sort();
    expect([...layers.keys()].sort()).toEqual(folders);
  });

  test('every import goes to its own folder or a lower layer', () => {
    expect(upwardImports(layers, sourceImports())).toEqual([]);
  });

  test('an import upward, or sideways within a layer, is reported', () => {
    expect(upwardImports(layers, [
      { from: 'core/errors.ts', to: 'gateway-api.ts' },
      { from: 'rest/api-stage.ts', to: 'v2/v2-stage.ts' },
      { from: 'http/gateway-http-api.ts', to: 'model/route-table.ts' },
      { from: 'model/route-table.ts', to: 'model/api-model.ts' },
    ])).toEqual([
      'core/errors.ts (layer 1) imports gateway-api.ts (layer 13)',
      'rest/api-stage.ts (layer 9) imports v2/v2-stage.ts (layer 9)',
    ]);
  });
});
