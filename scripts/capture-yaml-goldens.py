#!/opt/awscli2/bin/python
"""Capture AWS CLI v2's YAML bytes for many values into test/fixtures/yaml-dump.json, and what
its --cli-input-yaml loader makes of many texts into test/fixtures/yaml-load.json.

Why: `src/output/yaml.ts` must write the bytes `aws --output yaml|yaml-stream` writes. v2 formats
with `awscli.formatter.YAMLDumper` (ruamel.yaml `typ='safe'`, libyaml's C emitter through
ruamel.yaml.clib). Running every quoting class through the real `aws` binary would need a server
round trip per string; this script calls v2's own YAMLDumper on the values instead (the same
object the formatter uses), and `scripts/capture-v2-goldens.py` pins the whole pipeline (real
`aws` against a local server) for the cases that go through a response.

Run with v2's Python (it imports v2's awscli and ruamel.yaml):
    /opt/awscli2/bin/python scripts/capture-yaml-goldens.py           # rewrite the fixture
    /opt/awscli2/bin/python scripts/capture-yaml-goldens.py --fuzz N  # N random cases, JSON lines
                                                                      # on stdout (for a differential run)
Record: {name, data (json.dumps of the value: ints and floats kept apart), yaml (YAMLFormatter's
bytes), stream (StreamedYAMLFormatter's bytes), shared (alias cases: equal collections in data are
one object, as in the Python value)}.
"""
import io
import json
import os
import random
import sys

from awscli.formatter import YAMLDumper

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'test', 'fixtures', 'yaml-dump.json')
LOAD_OUT = os.path.join(ROOT, 'test', 'fixtures', 'yaml-load.json')
DUMPER = YAMLDumper()


def yaml_bytes(value):
    """YAMLFormatter._format_response: nothing for {}, else the dumper."""
    if value == {}:
        return ''
    s = io.StringIO()
    DUMPER.dump(value, s)
    return s.getvalue()


def stream_bytes(value):
    """StreamedYAMLFormatter: nothing for {}, else [value]."""
    if value == {}:
        return ''
    s = io.StringIO()
    DUMPER.dump([value], s)
    return s.getvalue()


LONG_WORDS = ' '.join(['word%02d' % i for i in range(30)])
URL = 'https://device.sso.us-east-1.amazonaws.com/?user_code=ABCD-EFGH'

# Strings by quoting class: (class, [strings]).
STRING_CLASSES = [
    ('bool-1.2', ['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'tRUE']),
    ('bool-1.1-only', ['yes', 'Yes', 'YES', 'no', 'No', 'NO', 'y', 'Y', 'n', 'N', 'on', 'On', 'ON', 'off', 'Off', 'OFF']),
    ('null', ['null', 'Null', 'NULL', '~', '', 'nULL', 'none', 'None']),
    ('int-1.2', ['0', '123', '-1', '+7', '0o17', '0b101', '0x1F', '0xff', '012', '1_000', '_1', '-_', '0o', '0b', '08', '09']),
    ('int-1.1-only', ['1:20', '190:20:30', '-1:30', '0b1:0']),
    ('float-1.2', ['1.5', '1.', '.5', '-.5', '1e3', '1E3', '1e+3', '1.0e-5', '.inf', '-.inf', '+.INF', '.nan', '.NaN', '.5e+3', '.5e3', '1_0.5', 'e3', '1e', 'inf', 'nan']),
    ('float-1.1-only', ['190:20:30.15', '1:20.5']),
    ('timestamp', ['2020-01-01', '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43.10 -5', '2001-12-15T02:59:43.1Z', '2002-12-14', '2020-1-1', '2020-01-01T', '20200101']),
    ('special-tags', ['<<', '=', '!', '&', '*', '<', '==', '!a', '&a', '*a']),
    ('indicators-first', ['#a', ',a', '[a', ']a', '{a', '}a', '&a', '*a', '!a', '|a', '>a', "'a", '"a', '%a', '@a', '`a', '?a', '? a', ':a', ': a', '-a', '- a', '-', '?', ':', '--- a', '---', '...', '.. .', '--']),
    ('indicators-inside', ['a,b', 'a?b', 'a[b]', 'a{b}', 'a:b', 'a: b', 'a:', 'a #b', 'a#b', 'a #', "a'b", 'a"b', 'a\\b', 'a!b', 'a&b', 'a*b', 'a|b', 'a>b', 'a%b', 'a@b', 'a`b', 'http://x/y?z=1#f', URL]),
    ('spaces', [' a', 'a ', ' ', '  ', 'a  b', ' a ', 'a\u00a0b', '\u00a0']),
    ('newlines', ['a\nb', 'a\n', '\na', '\n', 'a\n\nb', 'a \nb', 'a\n b', 'a\r\nb', 'a\rb', 'line1\nline2\nline3', 'a\u2028b', 'a\u2029b', 'a\x85b']),
    ('control', ['\x00', 'a\x07b', '\x08', 'a\tb', '\t', '\x0b', '\x0c', '\x1b[0m', '\x7f', '\x01', '\x1f', '\x80', '\x9f', 'bom\ufeff', '\ufffe', '\uffff', '\ue000', '\ufffd']),
    ('unicode', ['caf\u00e9', '\u65e5\u672c\u8a9e', '\U0001F600', 'a\U0001F600b', '\u00e9\u00e9', '\u0394', '\U00010000', 'mix \u00e9 \U0001F600 "q"']),
    ('long', ['x' * 100, LONG_WORDS, LONG_WORDS + ' ' + LONG_WORDS, 'a' * 79 + ' b', 'a' * 80 + ' b', 'a' * 81 + ' b',
              'a' * 78 + ' b c', 'y' * 30 + '  ' + 'z' * 60 + ' q', (LONG_WORDS + ': x'), ("'" + LONG_WORDS + "'"),
              LONG_WORDS.replace(' ', '\t'), LONG_WORDS + '\n' + LONG_WORDS, '\U0001F600 ' + LONG_WORDS,
              ' ' + LONG_WORDS, LONG_WORDS + ' ', 'a' * 85 + '  b' + ' c' * 5, '"' + LONG_WORDS + '"']),
    ('quotes', ["'", '"', "''", "it's", 'say "hi"', "'quoted'", '"dq"', '\\', '\\n']),
    ('plain', ['ABCD-EFGH', 'Bearer', 'DEVCODE-123', 'a b c', 'a-b', 'a_b', 'a.b', '1a', 'a1', '0.0.1', '1.2.3', '1-2', '+', '++', '-+', '.', '..', '1.0.0-beta']),
]


def named_cases():
    cases = []
    for cls, strings in STRING_CLASSES:
        for i, s in enumerate(strings):
            cases.append((f'{cls}-{i:02d}-value', {'k': s}))
            cases.append((f'{cls}-{i:02d}-key', {s: 'v'}))
            cases.append((f'{cls}-{i:02d}-item', [s]))
    cases += [
        ('scalar-str', 'dev-code-123'),
        ('scalar-str-unicode', 'caf\u00e9 \U0001F600'),
        ('scalar-str-quote', 'a "b" \\ \n'),
        ('scalar-null', None),
        ('scalar-true', True),
        ('scalar-false', False),
        ('scalar-int', 600),
        ('scalar-bigint', 2 ** 70),
        ('scalar-float', 1.5),
        ('scalar-float-int', 600.0),
        ('scalar-float-exp', 1e17),
        ('scalar-float-small', 1e-05),
        ('scalar-numberlike', '123'),
        ('empty-map', {}),
        ('empty-list', []),
        ('list-of-empty', [[], {}]),
        ('map-of-empty', {'a': [], 'b': {}}),
        ('nested', {'b': 1, 'a': {'y': [1, 2, {'q': 'yes'}], 'x': 'on'}, 'c': [[1, [2]], [], {'z': None}]}),
        ('deep', {'a': {'b': {'c': {'d': {'e': [{'f': [{'g': 'h'}]}]}}}}}),
        ('list-in-list', [[['a']], ['b', ['c', 'd']]]),
        ('numbers', {'i': 0, 'neg': -5, 'big': 2 ** 64, 'f': 0.1, 'f2': -0.0, 'f3': 1e100, 'f4': 123456789.125, 'f5': 1e16, 'f6': 1e-7}),
        ('bools', {'t': True, 'f': False, 'n': None}),
        ('key-order', {'b': 1, 'B': 2, 'a': 3, '_': 4, '1': 5, '\u00e9': 6, '\U0001F600': 7, '\uff01': 8, 'aa': 9, 'A': 10}),
        ('long-key', {'k' * 128: 1, 'j' * 129: 2, '\u00e9' * 64: 3, '\u00e9' * 65: 4}),
        ('multiline-key', {'a\nb': 1, 'c\td': 2}),
        ('long-value-nested', {'a': {'b': [LONG_WORDS, {'c': LONG_WORDS}]}}),
        ('device-authorization', {
            'deviceCode': 'DEVCODE-123', 'userCode': 'ABCD-EFGH',
            'verificationUri': 'https://device.sso.us-east-1.amazonaws.com/',
            'verificationUriComplete': URL, 'expiresIn': 600, 'interval': 1}),
    ]
    shared = {'x': 1}
    shared_list = ['s']
    cases.append(('alias-map', [shared, shared]))
    cases.append(('alias-mixed', {'a': shared, 'b': shared, 'c': shared_list, 'd': [shared_list, shared]}))
    return cases


ALPHABET = (list('abcXYZ019') + [' '] * 6 + list(":#-?'\"\\,[]{}&*!|>%@`.~=<+_") +
            ['\n', '\n', '\t', '\r', '\x00', '\x07', '\x1b', '\x7f', '\x85', '\xa0', '\u00e9', '\u2028',
             '\u2029', '\ufeff', '\U0001F600', '\u65e5', '\uffff'])
WORDS = ['true', 'yes', 'null', '123', '1.5', '2020-01-01', '0x1F', '1:20', '~', '---', '...', 'on', 'No']


def random_string(rng):
    r = rng.random()
    if r < 0.15:
        return rng.choice(WORDS)
    n = rng.choice([0, 1, 2, 3, 5, 8, 20, 40, 79, 80, 81, 90, 120, 200])
    if r < 0.5:
        return ''.join(rng.choice(ALPHABET) for _ in range(n))
    # word-like text with spaces, to exercise folding
    out = []
    while len(''.join(out)) < n:
        out.append(''.join(rng.choice('abcdefgh') for _ in range(rng.randint(1, 12))))
        out.append(rng.choice([' ', ' ', ' ', '  ', '\n', ' ', ': ', ' #', "'", '"', '\U0001F600', '\t']))
    return ''.join(out)


def random_value(rng, depth=0):
    r = rng.random()
    if depth > 3 or r < 0.5:
        k = rng.random()
        if k < 0.7:
            return random_string(rng)
        if k < 0.8:
            return rng.randint(-10 ** 6, 10 ** 6)
        if k < 0.9:
            return rng.choice([None, True, False])
        return rng.choice([0.5, 1e17, -2.25, 1e-9, 3.0])
    if r < 0.75:
        return [random_value(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    return {random_string(rng): random_value(rng, depth + 1) for _ in range(rng.randint(0, 4))}


# --cli-input-yaml texts, loaded as v2 loads them (cliinput.py: YAML(typ='safe', pure=True)).
LOAD_TEXTS = [
    'clientName: yes', 'clientName: no', 'clientName: on', 'clientName: true', 'clientName: True',
    'clientName: ~', 'clientName: null', 'clientName:', 'clientName: ""', "clientName: ''",
    'clientName: 123', 'clientName: -0', 'clientName: 012', 'clientName: 09', 'clientName: 0o17', 'clientName: 0x1F',
    'clientName: 0b101', 'clientName: 1_000', 'clientName: +12', 'clientName: 1:20', 'clientName: 1.5', 'clientName: 1e3',
    'clientName: .5', 'clientName: 1.', 'clientName: .inf', 'clientName: -.Inf', 'clientName: .NaN', 'clientName: 6.02e+23',
    'clientName: 2020-01-01', 'clientName: 2001-12-14t21:59:43.10-05:00', 'clientName: 2001-12-15T02:59:43.1Z',
    'clientName: 2001-12-14 21:59:43.10 -5', 'clientName: 2020-1-1 1:02:03', 'clientName: 2020-01-01 10:00:00.1234567',
    'clientName: 2020-01-01T10:00:00+05:30', 'clientName: "2020-01-01"', 'clientName: !!str 2020-01-01',
    'clientName: !!str 12', 'clientName: !!int "12"', 'clientName: !!float "1"', 'clientName: !!bool "yes"',
    'clientName: !!null ""', 'clientName: !!binary aGVsbG8=', 'clientName: ! 12', 'clientName: !foo x',
    'clientName: <<', 'clientName: =',
    '# a comment\nclientName: x # trailing\n# more\n',
    'clientName: |\n  line one\n  line two\n', 'clientName: >\n  folded\n  text\n\n  para\n',
    'clientName: |-\n  keep\n', 'clientName: |+\n  keep\n\n', 'clientName: >2\n   indented\n',
    'clientName: "a\\tb\\u00e9\\U0001F600\\x41"', "clientName: 'it''s'", 'clientName: "multi\n  line"',
    'clientName: plain\n  continued', 'clientName: &a x\nclientType: *a', 'base: &b {clientType: public}\nclientName: x\nmore: *b',
    'clientName: x\nscopes: &s [a, b]\nredirectUris: *s', '<<: {clientType: public}\nclientName: x',
    '<<: [{clientType: public, a: 1}, {a: 2, b: 3}]\nclientName: x\nb: 4',
    'clientName: a\nclientName: b', '{clientName: a, clientName: b}', '1: a\n1.0: b', 'true: a\n1: b',
    'clientName: a\n---\nclientType: b', '---\nclientName: a\n...\n', '---\nclientName: a\n---\n',
    '', '# nothing\n', '---\n', '- a\n- b', 'just text', '42', '[a, b]',
    'clientName: [a', 'clientName: "unterminated', 'clientName: a: b', '\tclientName: x', 'clientName: *undefined',
    '? [1, 2]\n: x', '? {a: 1}\n: x', '1: x', 'null: x', '2020-01-01: x', '1.5: x',
    '%YAML 1.1\n---\nclientName: yes', '%YAML 1.1\n---\nclientName: 012', '%YAML 1.1\n---\nclientName: 1:20',
    '%YAML 1.2\n---\nclientName: yes', '\ufeffclientName: bom', 'clientName: x\r\nclientType: y\r\n',
    'clientName: {a: 1, b: [1, 2]}', 'scopes:\n- a\n- b\n-\n- "4"', 'scopes: [a, 1, true, null, 2020-01-01, 1.5]',
    'clientName: "\\N\\_\\L\\P\\e\\a\\0"', 'clientName: !!set {a, b}', 'clientName: 0o', 'clientName: 0x',
    # tabs: ruamel's scanner refuses them outside quotes, block scalars, comments and flow collections
    'clientName:\tx', 'clientName: x\t', 'clientName: a\tb', '- \ta', '\tclientName: x', 'clientName: x\n\t\nb: 2',
    'clientName: "a\tb"', "clientName: 'a\tb'", 'clientName: [a,\tb]', 'clientName: |\n  a\tb\n', 'clientName: x #\tc',
    # the end of the text
    'clientName: |\n  no final break', 'clientName: >\n  folded\n  no break', 'clientName: |+\n  keep', '...', '...\n',
    '# c\n...\nclientName: x',
]


def encode(v):
    import datetime
    if isinstance(v, bool) or v is None or isinstance(v, str):
        return v
    if isinstance(v, int):
        return {'int': str(v)}
    if isinstance(v, float):
        return {'float': repr(v)}
    if isinstance(v, (bytes, bytearray)):
        return {'bytes': bytes(v).hex()}
    if isinstance(v, (datetime.date, datetime.datetime)):
        return {'py': f'{type(v).__module__}.{type(v).__name__}', 'str': str(v)}
    if isinstance(v, list):
        return [encode(x) for x in v]
    if isinstance(v, dict):
        return {'map': [[k if isinstance(k, str) else str(k), encode(x)] for k, x in v.items()]}
    return {'py': type(v).__name__}


def load_one(text):
    """One load in a fresh child process: ruamel keeps state between loads of one process (a
    `%YAML 1.1` document switches later ones to 1.1), and aws loads once per run."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError
    rfd, wfd = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(rfd)
        try:
            record = {'text': text, 'value': encode(YAML(typ='safe', pure=True).load(text))}
        except YAMLError:
            record = {'text': text, 'error': 'Invalid YAML received.'}
        except Exception as e:  # not a YAMLError: v2 itself fails here (a Python traceback)
            record = {'text': text, 'crash': type(e).__name__}
        os.write(wfd, json.dumps(record).encode('utf-8'))
        os._exit(0)
    os.close(wfd)
    data = b''
    while True:
        chunk = os.read(rfd, 65536)
        if not chunk:
            break
        data += chunk
    os.close(rfd)
    os.waitpid(pid, 0)
    return json.loads(data.decode('utf-8'))


def load_records():
    return [load_one(text) for text in LOAD_TEXTS]


def main():
    if len(sys.argv) == 3 and sys.argv[1] == '--fuzz':
        rng = random.Random(int(os.environ.get('SEED', '1')))
        for i in range(int(sys.argv[2])):
            v = {'k': random_value(rng)} if rng.random() < 0.5 else random_value(rng)
            print(json.dumps({'name': f'fuzz-{i}', 'data': json.dumps(v), 'yaml': yaml_bytes(v), 'stream': stream_bytes(v)}))
        return
    records = [{'name': name, 'data': json.dumps(v), 'yaml': yaml_bytes(v), 'stream': stream_bytes(v)}
               for name, v in named_cases()]
    for r in records:
        if r['name'].startswith('alias-'):
            # JSON cannot say that two dicts are one object: the reader shares equal collections.
            r['shared'] = True
    names = [r['name'] for r in records]
    assert len(set(names)) == len(names), 'duplicate names'
    with open(OUT, 'w', encoding='utf-8') as f:
        json.dump(records, f, indent=1, ensure_ascii=False)
        f.write('\n')
    print(f'wrote {OUT}: {len(records)} cases')
    loads = load_records()
    with open(LOAD_OUT, 'w', encoding='utf-8') as f:
        json.dump(loads, f, indent=1, ensure_ascii=False)
        f.write('\n')
    print(f'wrote {LOAD_OUT}: {len(loads)} cases')


if __name__ == '__main__':
    main()
