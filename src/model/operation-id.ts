/** `GET /pets/{petId}` becomes `getPetsPetId`; `GET /` becomes `getRoot`. */
export function deriveOperationId(method: string, path: string): string {
  const words = path.split(/[/{}+._-]+/).filter(w => w.length > 0);
  const tail = words.length > 0 ? words.map(capitalize).join('') : 'Root';
  return `${method.toLowerCase()}${tail}`;
}

export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
