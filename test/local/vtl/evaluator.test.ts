import { BODY_AS_STRING, BODY_OR_EMPTY_OBJECT, PUT_RECORDS_ENTRIES } from '../../../src/integrations/service-templates';
import { InputObject, UtilObject } from '../../../src/local/vtl/builtins';
import { VtlTemplate } from '../../../src/local/vtl/evaluator';
import { fromJson } from '../../../src/local/vtl/java-values';
import { VtlSyntaxError } from '../../../src/local/vtl/parser';

const NO_PARAMS = { path: {}, querystring: {}, header: {} };

function render(template: string, body = '', more: { [name: string]: unknown } = {}, params = NO_PARAMS): string {
  const vars = new Map<string, unknown>([
    ['input', new InputObject(body, params)],
    ['util', new UtilObject()],
    ['context', fromJson({ requestId: 'r-1', stage: 'prod', responseOverride: { header: {} } })],
    ...Object.entries(more),
  ]);
  return VtlTemplate.of(template).render(vars);
}

describe('references', () => {
  test('values, map entries, method calls and indexes; an unknown reference is written as is, a quiet one as nothing', () => {
    expect(render('$context.requestId/$context.stage')).toBe('r-1/prod');
    expect(render('${context.requestId}x')).toBe('r-1x');
    expect(render('$nothing|$!nothing|${nothing}|$!{nothing}')).toBe('$nothing||${nothing}|');
    expect(render("$input.path('$.items')[1]", '{"items": [1, 2, 3]}')).toBe('2');
    expect(render("$input.path('$.items').size()", '{"items": [1, 2, 3]}')).toBe('3');
    expect(render("$input.path('$.owner')", '{"owner": {"name": "ann", "pets": [1, 2]}}')).toBe('{name=ann, pets=[1, 2]}');
    expect(render('$ 5 and 5$')).toBe('$ 5 and 5$');
    expect(render('\\$context.requestId')).toBe('$context.requestId');
  });

  test('strings answer Java\'s methods', () => {
    expect(render("#set($s = 'Hello, World')$s.length() $s.toUpperCase() $s.substring(7) $s.replaceAll('o', '0') $s.contains('World')"))
      .toBe('12 HELLO, WORLD World Hell0, W0rld true');
    expect(render("#set($csv = 'a,b,,c,,')#set($parts = $csv.split(','))$parts.size()")).toBe('4');
    expect(render("#set($s = 'a.b')$s.matches('a.b') $s.matches('a')")).toBe('true false');
  });
});

describe('directives', () => {
  test('#set, #if, #elseif, #else, with Velocity 1.7\'s truth (an empty string is true)', () => {
    const template = "#set($n = $input.path('$.n'))#if($n > 10)big#elseif($n == 10)ten#{else}small#end";
    expect(render(template, '{"n": 11}')).toBe('big');
    expect(render(template, '{"n": 10}')).toBe('ten');
    expect(render(template, '{"n": 1}')).toBe('small');
    expect(render("#if('')yes#end #if($missing)yes#{else}no#end #if(!$missing && true)both#end")).toBe('yes no both');
    expect(render('#if(1 lt 2 and 2 ge 2)words#end')).toBe('words');
  });

  test('#foreach with $foreach.hasNext, index and count; #break; the variable is restored after', () => {
    expect(render("[#foreach($x in $input.path('$.xs'))\"$x\"#if($foreach.hasNext),#end#end]", '{"xs": ["a", "b", "c"]}')).toBe('["a","b","c"]');
    expect(render('#foreach($i in [1..4])$foreach.index:$foreach.count #if($i == 2)#break#end#end')).toBe('0:1 1:2 ');
    expect(render("#set($x = 'kept')#foreach($x in [1, 2])$x#end $x")).toBe('12 kept');
    expect(render("#foreach($e in $input.path('$.m').entrySet())$e.key=$e.value;#end", '{"m": {"a": 1, "b": 2}}')).toBe('a=1;b=2;');
  });

  test('arithmetic is Java\'s: whole numbers divide to whole numbers; + joins strings', () => {
    expect(render('#set($a = 7)$a / 2 = #set($b = $a / 2)$b, #set($c = 7.5 / 2)$c, #set($d = "n" + $a)$d')).toBe('7 / 2 = 3, 3.75, n7');
  });

  test('maps and lists built in a template; #set into a map; $context.responseOverride', () => {
    expect(render("#set($m = {'a': 1})#set($m.b = 2)#set($ignored = $m.put('c', 3))$m")).toBe('{a=1, b=2, c=3}');
    const vars = new Map<string, unknown>([['context', fromJson({ responseOverride: { header: {} } })]]);
    VtlTemplate.of("#set($context.responseOverride.status = 404)#set($context.responseOverride.header.X-Reason = 'gone')").render(vars);
    expect((vars.get('context') as Map<string, any>).get('responseOverride').get('status')).toBe(404);
    expect((vars.get('context') as Map<string, any>).get('responseOverride').get('header').get('X-Reason')).toBe('gone');
  });

  test('a directive alone on its line takes its line; comments write nothing', () => {
    const template = ['{', '  #set($name = "ann")', '  ## a comment', '  #if(true)', '  "name": "$name"', '  #end', '}'].join('\n');
    expect(render(template)).toBe('{\n  "name": "ann"\n}');
    expect(render('a#* block\ncomment *#b')).toBe('ab');
  });

  test('#stop ends the template', () => {
    expect(render('a#stop b')).toBe('a');
  });

  test('what Velocity cannot parse is refused, with where', () => {
    expect(() => render('#if($x)a')).toThrow(VtlSyntaxError);
    expect(() => render('#end')).toThrow(/#end outside #if or #foreach/);
    expect(() => render('#set($x = )')).toThrow(/unexpected/);
    expect(() => render("#set($x = 'open)")).toThrow(/unterminated string/);
  });
});

describe('$input and $util', () => {
  const params = { path: { petId: '7' }, querystring: { q: 'cats', petId: 'query' }, header: { 'X-Tenant': 'acme' } };

  test('$input.params: by name from the path, the query string, then the headers (any case); all of them as maps', () => {
    expect(render("$input.params('petId') $input.params('q') $input.params('x-tenant') [$input.params('none')]", '', {}, params)).toBe('7 cats acme []');
    expect(render("$input.params().querystring.q $input.params().header.get('X-Tenant') $input.params().path", '', {}, params)).toBe('cats acme {petId=7}');
  });

  test('$input.json and $input.path; an empty payload is {} as $input.body, and nothing at a path is ""', () => {
    expect(render("$input.json('$.a')", '{"a": {"b": [1, "x"]}}')).toBe('{"b":[1,"x"]}');
    expect(render("$input.json('$.a.b[1]')", '{"a": {"b": [1, "x"]}}')).toBe('"x"');
    expect(render("$input.json('$.missing')|$input.json('$')|$input.body", '')).toBe('""|""|{}');
    expect(render("$input.path('$.items[*].id')", '{"items": [{"id": 1}, {"id": 2}]}')).toBe('[1, 2]');
    expect(render("$input.path('$..id')", '{"a": {"id": 1}, "b": [{"id": 2}]}')).toBe('[1, 2]');
    expect(render("$input.path('$.a')|$!input.path('$.a')", 'not json')).toBe("$input.path('$.a')|");
  });

  test('$util: escapeJavaScript as Apache Commons escapes, urlEncode as Java\'s URLEncoder, base64, parseJson', () => {
    expect(render("$util.escapeJavaScript($input.path('$.s'))", JSON.stringify({ s: 'O\'Brien said "hi"\n/é' }))).toBe('O\\\'Brien said \\"hi\\"\\n\\/\\u00E9');
    expect(render("$util.urlEncode('a b&c=d*~')")).toBe('a+b%26c%3Dd*%7E');
    expect(render("$util.urlDecode('a+b%26c')")).toBe('a b&c');
    expect(render("$util.base64Encode('héllo')|$util.base64Decode('aMOpbGxv')")).toBe('aMOpbGxv|héllo');
    expect(render("#set($o = $util.parseJson('{\"a\": [1, 2]}'))$o.a.get(1)")).toBe('2');
  });
});

describe('the library\'s own service templates', () => {
  const asString = `${BODY_OR_EMPTY_OBJECT}{"input": "${BODY_AS_STRING}"}`;

  test('the body as a JSON string (Step Functions, EventBridge): quotes kept valid JSON, an empty body as {}', () => {
    const rendered = render(asString, JSON.stringify({ name: "O'Brien", note: 'say "hi"' }));
    expect(JSON.parse(JSON.parse(rendered).input)).toEqual({ name: "O'Brien", note: 'say "hi"' });
    expect(JSON.parse(render(asString, ''))).toEqual({ input: '{}' });
  });

  test('Kinesis PutRecords entries from the body\'s records', () => {
    const rendered = render(`{"Records": [${PUT_RECORDS_ENTRIES}]}`, JSON.stringify({ records: [{ data: 'a', partitionKey: 'p1' }, { data: 'b', partitionKey: 'p2' }] }));
    expect(JSON.parse(rendered)).toEqual({ Records: [{ Data: 'YQ==', PartitionKey: 'p1' }, { Data: 'Yg==', PartitionKey: 'p2' }] });
  });
});
