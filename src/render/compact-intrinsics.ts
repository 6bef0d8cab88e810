type Json = unknown;

/**
 * Rewrites `Fn::Join` with an empty delimiter over strings, `Ref`s and `Fn::GetAtt`s as one
 * `Fn::Sub` string. CDK renders every string that embeds a token as a `Fn::Join`, which the
 * pretty-printed template spreads over a dozen lines; in an API definition that repeats
 * for every route (each Lambda invocation URI), so the compact form is what keeps a
 * thousand-route definition far below CloudFormation's 1 MB template limit.
 * Anything else (a nested intrinsic, a join with a delimiter) is left as it is.
 */
export function compactIntrinsics(value: Json): Json {
  if (Array.isArray(value)) return value.map(compactIntrinsics);
  if (value === null || typeof value !== 'object') return value;
  const record = value as { [key: string]: Json };
  const keys = Object.keys(record);
  if (keys.length === 1 && keys[0] === 'Fn::Join') {
    const sub = joinAsSub(record['Fn::Join']);
    if (sub !== undefined) return { 'Fn::Sub': sub };
  }
  return Object.fromEntries(keys.map(k => [k, compactIntrinsics(record[k])]));
}

function joinAsSub(join: Json): string | undefined {
  if (!Array.isArray(join) || join.length !== 2 || join[0] !== '' || !Array.isArray(join[1])) return undefined;
  const parts: string[] = [];
  for (const part of join[1] as Json[]) {
    const text = subPart(part);
    if (text === undefined) return undefined;
    parts.push(text);
  }
  return parts.join('');
}

function subPart(part: Json): string | undefined {
  // A literal `${` would read as a variable in Fn::Sub; `${!` is its escape.
  if (typeof part === 'string') return part.replace(/\$\{/g, '${!');
  if (part === null || typeof part !== 'object' || Array.isArray(part)) return undefined;
  const record = part as { [key: string]: Json };
  const keys = Object.keys(record);
  if (keys.length !== 1) return undefined;
  const ref = record.Ref;
  if (typeof ref === 'string') return `\${${ref}}`;
  const getAtt = record['Fn::GetAtt'];
  if (Array.isArray(getAtt) && getAtt.length === 2 && getAtt.every(s => typeof s === 'string')) {
    return `\${${getAtt[0]}.${getAtt[1]}}`;
  }
  return undefined;
}
