import { compactIntrinsics } from '../../src/render/compact-intrinsics';

describe('compactIntrinsics', () => {
  test('turns an empty-delimiter join of strings, Refs and GetAtts into one Fn::Sub', () => {
    expect(compactIntrinsics({
      uri: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':x/', { 'Fn::GetAtt': ['Fn', 'Arn'] }, '/y']] },
    })).toEqual({ uri: { 'Fn::Sub': 'arn:${AWS::Partition}:x/${Fn.Arn}/y' } });
  });

  test('escapes literal ${ so Fn::Sub does not read it as a variable', () => {
    expect(compactIntrinsics({ 'Fn::Join': ['', ['#set($x = "${y}")', { Ref: 'R' }]] }))
      .toEqual({ 'Fn::Sub': '#set($x = "${!y}")${R}' });
  });

  test('leaves joins it cannot express alone, and recurses into lists and objects', () => {
    const delimited = { 'Fn::Join': [',', ['a', { Ref: 'R' }]] };
    const nested = { 'Fn::Join': ['', ['a', { 'Fn::ImportValue': 'x' }]] };
    expect(compactIntrinsics([delimited, { k: nested }])).toEqual([delimited, { k: nested }]);
    expect(compactIntrinsics({ a: [1, 'b', null, true] })).toEqual({ a: [1, 'b', null, true] });
  });
});
