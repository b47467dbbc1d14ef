"""The case table for scripts/capture-goldens.py (data only; loaded with runpy).

A case: name (the fixture file name), response (dict, dumped with json.dumps, or a raw str body),
query (None: no --query), output, color ('off' unless stated), columns (None: stdout is a pipe,
the CLI uses 80; N: a pty of N columns), command (default start-device-authorization).
"""

R = {
    'deviceCode': 'DEVCODE-123',
    'userCode': 'ABCD-EFGH',
    'verificationUri': 'https://device.sso.us-east-1.amazonaws.com/',
    'verificationUriComplete': 'https://device.sso.us-east-1.amazonaws.com/?user_code=ABCD-EFGH',
    'expiresIn': 600,
    'interval': 1,
}
REGISTER = {
    'clientId': 'cid-123', 'clientSecret': 'csecret-456', 'clientIdIssuedAt': 1700000000,
    'clientSecretExpiresAt': 1707776000, 'authorizationEndpoint': None, 'tokenEndpoint': None,
}
REGISTER_FULL = dict(REGISTER, authorizationEndpoint='https://oidc.us-east-1.amazonaws.com/authorize',
                     tokenEndpoint='https://oidc.us-east-1.amazonaws.com/token')
TOKEN = {'accessToken': 'AT-secret', 'tokenType': 'Bearer', 'expiresIn': 28800,
         'refreshToken': 'RT-secret', 'idToken': 'ID-tok'}

CASES = []


def case(name, output, query=None, response=R, **extra):
    CASES.append(dict(name=name, output=output, query=query, response=response, **extra))


def all3(name, query=None, response=R, **extra):
    """The same data through json, text and table (non-TTY, 80 columns)."""
    for output in ('json', 'text', 'table'):
        case(f'{name}-{output}', output, query, response, **extra)


# §1: the plain successful call, every format, widths around the vertical threshold, colour.
all3('sda-basic')
for cols in (60, 80, 96, 100, 168, 169, 250):
    case(f'sda-basic-table-tty{cols}', 'table', columns=cols)
case('sda-basic-table-color-on', 'table', color='on')
case('sda-basic-table-tty250-color-on', 'table', color='on', columns=250)
case('sda-basic-table-tty100-color-auto', 'table', color='auto', columns=100)
case('sda-basic-json-color-on', 'json', color='on')
case('sda-basic-text-color-on', 'text', color='on')
case('sda-basic-json-tty60', 'json', columns=60)
case('sda-basic-text-tty60', 'text', columns=60)

# §1 response parsing: wire order, missing/null/extra members, numbers, loose string members.
all3('sda-reversed', response=dict(reversed(list(R.items()))))
all3('sda-missing-uri-complete', response={k: v for k, v in R.items() if k != 'verificationUriComplete'})
case('sda-null-member-json', 'json', response=dict(R, verificationUriComplete=None))
case('sda-extra-members-json', 'json', response=dict(R, zzExtra=1, aaExtra={'k': 'v'}))
case('sda-float-ints-json', 'json', response=dict(R, expiresIn=600.0, interval=1.5))
case('sda-string-ints-text', 'text', response=dict(R, expiresIn='600', interval=True))
all3('sda-loose-types', response=dict(R, userCode=123, deviceCode=['a', 1], verificationUri={'k': 'v'}))
all3('sda-empty-object', response={})
case('sda-empty-body-table', 'table', response='')
case('sda-not-json-body-json', 'json', response='hello not json')
all3('sda-unicode', response=dict(R, deviceCode='dévé😀', userCode='ÄBÇD-日本'))
case('sda-unicode-table-tty250', 'table', response=dict(R, deviceCode='dévé😀', userCode='ÄBÇD-日本'), columns=250)
all3('sda-tab-newline', response=dict(R, userCode='AB\tCD\nEF', deviceCode='x\r\ny'))
case('sda-long-values-table-tty250', 'table', columns=250,
     response=dict(R, deviceCode='D' * 120, verificationUriComplete='https://x/' + 'q' * 150))
case('sda-long-values-table', 'table', response=dict(R, deviceCode='D' * 120))
all3('sda-control-chars', response=dict(R, userCode='a\u0001b\u007fc\u00a0d', deviceCode='"q"\\'))

# §2: every query of the table, json / text / table.
QUERIES = {
    'q-usercode': 'userCode',
    'q-expiresin': 'expiresIn',
    'q-float': '`1.5`',
    'q-true': '`true`',
    'q-zero': '`0`',
    'q-false': '`false`',
    'q-empty-string': '`""`',
    'q-empty-list': '`[]`',
    'q-empty-object': '`{}`',
    'q-nonexistent': 'nonexistent',
    'q-600-0': '`600.0`',
    'q-1e3': '`1e3`',
    'q-1e-7': '`1.0e-7`',
    'q-b-list': '[userCode, deviceCode]',
    'q-list-null-false': '[userCode, nonexistent, `false`]',
    'q-c-object': '{code: userCode, uri: verificationUri}',
    'q-row-error-2-1': '[[userCode, deviceCode], [expiresIn]]',
    'q-d-lists': '[[userCode, deviceCode], [expiresIn, interval]]',
    'q-row-error-1-2': '[userCode, [deviceCode, interval]]',
    'q-e-nested-object': '{a: userCode, b: {c: deviceCode, d: interval}}',
    'q-f-nested-list': '{a: userCode, l: [deviceCode, interval]}',
    'q-g-list-of-objects': '[{a: userCode, n: interval}, {a: deviceCode, n: expiresIn}]',
    'q-h-mixed-objects': '[{a: userCode, x: {y: interval}}, {a: deviceCode, z: `5`}]',
    'q-response-metadata': 'ResponseMetadata',
    'q-keys': 'keys(@)',
    'q-big-int': '`123456789012345678901234567890`',
    'q-negative-zero': '`-0.0`',
    'q-1e100': '`1e100`',
    'q-floats-list': '[`0.1`, `1e16`, `1e-5`, `0.0001`, `123456789.125`]',
    'q-string-with-tab': '`"a\\tb\\nc"`',
}
for name, query in QUERIES.items():
    all3(name, query)

# Table and text structure edge cases (builder rules, nested sections, missing keys, errors).
EDGE = {
    'e-missing-keys': '[{a: userCode}, {b: deviceCode}]',
    'e-only-nested-dict': '{x: {y: userCode, z: deviceCode}}',
    'e-only-nested-in-list': '[{a: {b: userCode}}]',
    'e-falsy-nested': '{a: `[]`, b: `{}`, c: userCode, d: `""`, e: `0`}',
    'e-scalar-then-list': "{a: `[1, 2]`, b: [[`1`], [`2`, `3`]], c: userCode}",
    'e-value-list-in-row': '[{a: userCode}, {a: `[1, "x"]`}]',
    'e-nested-each': '[{a: userCode, x: {y: interval}}, {a: deviceCode, x: {y: expiresIn}}]',
    'e-untitled-subtables': '[[{a: userCode}], [{a: deviceCode, m: {n: interval}}, {a: `x`, m: {n: `2`}}]]',
    'e-dict-first-then-string': '[@, userCode]',
    'e-string-then-dict': '[userCode, @]',
    'e-string-then-empty-list': '[userCode, `[]`]',
    'e-empty-lists': '[`[]`, `[]`]',
    'e-index-error': '[[`1`], [{a: `1`, b: `2`}]]',
    'e-scalars-mixed': '[`true`, `null`, `1.5`, `0`, `""`]',
    'e-long-key': '{a_very_long_key_name_that_is_much_longer_than_the_title_itself: {b: userCode}}',
    'e-empty-cells': '{a: `""`, b: userCode, c: `null`}',
    'e-unicode-keys': '{"日本": userCode, "é": deviceCode, "±°×": `"Ω"`, "Ａ": `"e\\u0301"`}',
    'e-upper-keys': '{"straße": [userCode], "ﬁx": {"ß": `1`, k: `2`}}',
    'e-deep-nesting': '{a: {b: {c: {d: userCode, e: deviceCode}}}}',
    'e-list-of-lists-of-dicts': '[[{a: userCode, b: `1`}, {a: deviceCode, b: `2`}]]',
    'e-dict-in-scalar-list': '[[`1`, `2`], {x: `1`, y: `2`}]',
    'e-nested-lists-text': '[`1`, [`2`, `3`], `4`, [[`5`], `6`]]',
    'e-list-of-dicts-nested-lists': '[{a: userCode, l: [`1`, `2`]}, {a: deviceCode, l: `[]`, m: [`x`]}]',
    'e-one-dict-in-list': '[{code: userCode, uri: verificationUriComplete, n: expiresIn}]',
    'e-many-columns': '{c1: userCode, c2: deviceCode, c3: `"x"`, c4: `"yy"`, c5: `"zzz"`, c6: `12`, c7: `7`}',
    'e-embedded-newline-cell': '{a: `"line1\\nline2"`, b: `"t\\tab"`}',
    'e-surrogate-pair': '{e: `"\\ud83d\\ude00"`, k: userCode}',
}
for name, query in EDGE.items():
    all3(name, query)

# Widths: nested and list layouts around their thresholds; the vertical rule per section.
for cols in (40, 60, 61, 62, 100):
    case(f'q-c-object-table-tty{cols}', 'table', '{code: userCode, uri: verificationUri}', columns=cols)
for cols in (20, 25, 60):
    case(f'q-h-mixed-objects-table-tty{cols}', 'table',
         '[{a: userCode, x: {y: interval}}, {a: deviceCode, z: `5`}]', columns=cols)
case('e-one-dict-in-list-table-tty250', 'table', '[{code: userCode, uri: verificationUriComplete, n: expiresIn}]',
     columns=250)
case('e-nested-each-table-tty20', 'table', '[{a: userCode, x: {y: interval}}, {a: deviceCode, x: {y: expiresIn}}]',
     columns=20)
case('e-many-columns-table-tty250', 'table', EDGE['e-many-columns'], columns=250)
case('e-unicode-keys-table-tty250', 'table', EDGE['e-unicode-keys'], columns=250)
case('e-wide-scaling-table-tty250', 'table',
     '{t: {a: `"x"`, b: `"yy"`, c: `"zzz"`}, u: {p: `"0123456789abcdefghij0123456789abcdefghij"`, q: `"k"`}}',
     columns=250)
case('e-scaling-half-even-table-tty250', 'table', '{x: {a: `"a"`, b: `"bbbbbbb"`}, yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy: {c: `1`}}',
     columns=250)

# Colour: escapes wrap data cells (keys too, when vertical) and indent bars; errors and falsy data.
for name, query in (('q-e-nested-object', QUERIES['q-e-nested-object']),
                    ('q-h-mixed-objects', QUERIES['q-h-mixed-objects']),
                    ('q-c-object', QUERIES['q-c-object']),
                    ('q-usercode', QUERIES['q-usercode']),
                    ('e-unicode-keys', EDGE['e-unicode-keys']),
                    ('e-deep-nesting', EDGE['e-deep-nesting'])):
    case(f'{name}-table-color-on', 'table', query, color='on')
case('q-false-table-color-on', 'table', '`false`', color='on')
case('q-false-table-tty80-color-on', 'table', '`false`', color='on', columns=80)
case('q-row-error-2-1-table-color-on', 'table', QUERIES['q-row-error-2-1'], color='on')
case('q-c-object-table-tty250-color-auto', 'table', QUERIES['q-c-object'], color='auto', columns=250)

# Sibling operations: other titles, long ints, null members dropped.
for op, resp, tag in (('register-client', REGISTER, 'rc'), ('create-token', TOKEN, 'ct')):
    all3(f'{tag}-basic', response=resp, command=op)
    case(f'{tag}-basic-table-tty250', 'table', response=resp, command=op, columns=250)
all3('rc-full', response=REGISTER_FULL, command='register-client')
case('rc-full-table-tty250', 'table', response=REGISTER_FULL, command='register-client', columns=250)
case('ct-query-table', 'table', '{token: accessToken, type: tokenType}', response=TOKEN, command='create-token')
case('ct-scalar-table', 'table', 'accessToken', response=TOKEN, command='create-token')

# Extras: partial text output before a Python error, the dropped 2-space indent (a first column
# scaled below its natural width: CreateToken's short title lets a 4-column section set the
# width), per-section vertical conversion, non-finite floats and big ints in loose members.
case('x-text-partial-before-error-text', 'text', '{a: userCode, b: [@, userCode]}')
case('x-text-partial-nested-error-text', 'text', '{a: userCode, b: {c: deviceCode, d: [`{"k": 1}`, `2`]}}')
for tag, extra in (('', {}), ('-color-on', {'color': 'on'})):
    case(f'x-indent-dropped-table{tag}', 'table', '{a: `"x"`, b: `"yy"`, c: `"yy"`, d: `"yy"`}',
         response=TOKEN, command='create-token', **extra)
case('x-indent-dropped-2-table', 'table', '{a: `"x"`, b: `"yy"`, c: `"yy"`, d: `"yyyyyyyyyyyyyy"`}',
     response=TOKEN, command='create-token')
VERT = '{a: {x: userCode, y: verificationUriComplete}, b: [{p: deviceCode, q: verificationUri}, {p: `1`, q: `2`}]}'
case('x-partial-vertical-table', 'table', VERT)
case('x-partial-vertical-table-tty250', 'table', VERT, columns=250)
case('x-partial-vertical-table-color-on', 'table', VERT, color='on')
NONFINITE = ('{"deviceCode": NaN, "userCode": Infinity, "verificationUri": -Infinity, '
             '"verificationUriComplete": 123456789012345678901234567890, "expiresIn": 600, "interval": 1}')
all3('x-nonfinite-bigint', response=NONFINITE)
case('x-basic-table-color-auto', 'table', color='auto')
case('x-falsy-table-tty80-color-auto', 'table', '`[]`', color='auto', columns=80)
