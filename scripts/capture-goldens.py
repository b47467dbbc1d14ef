#!/usr/bin/env python3
"""Capture formatter goldens from the REAL AWS CLI v1 into test/fixtures/golden/<name>.json.

Why: `src/output/**` must write the very bytes `aws` writes for json, text and table output. These
fixtures pin that, case by case, so `test/unit/format-golden.test.ts` can compare byte for byte.

How it works
  * A tiny HTTP server on 127.0.0.1 (random port) answers every request with the case's body
    (status 200, application/json). Nothing but 127.0.0.1 is ever contacted: every run gets
    `--endpoint-url http://127.0.0.1:PORT --no-sign-request`.
  * `aws` runs in an environment built from scratch (`env -i` style): PATH, HOME=<tmp>,
    AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE in <tmp>, AWS_EC2_METADATA_DISABLED=true, and a
    config `[default] region = us-east-1, cli_follow_urlparam = false`. No AWS_* variable of the
    calling shell leaks in.
  * Non-TTY cases (`columns: 80, tty: false`) capture stdout through a pipe, as the CLI sizes a
    non-TTY table at 80 columns.
  * TTY cases run under `script -qec "stty cols N rows 50 -opost; aws ... 2>ERRFILE" /dev/null`, so
    stdout is a pty of N columns. `-opost` switches off the pty's output processing (onlcr), so the
    pty does NOT turn `\\n` into `\\r\\n` and the recorded stdout needs no normalisation (the
    script checks that no `\\r` appears unless the data has one). stderr goes to a file, so it is
    not mixed into the pty stream.
  * `queried` is the data the formatter sees: the body parsed by botocore's own rest-json parser
    with the operation's output shape (model member order, ints vs floats as botocore makes them),
    `ResponseMetadata` removed, then `jmespath.search(query, ...)`. It is stored as Python's
    `json.dumps(...)` (ASCII-escaped) so a reader that keeps int/float apart gets the same data.
    For json cases the script cross-checks `json.dumps(queried, indent=4, ensure_ascii=False)`
    against the real stdout.

Record: { name, operation, command, response (raw body), query, output, color ("on"/"off"/
"auto"), columns, tty, queried, stdout, rc, stderr }. The effective colour is
`color == "on" or (color == "auto" and tty)`.

Run (re-runnable; rewrites every fixture):
    python3 scripts/capture-goldens.py            # all cases
    python3 scripts/capture-goldens.py sda-json   # only cases whose name contains the argument
    python3 scripts/capture-goldens.py --east-asian-width   # regenerate src/output/east-asian-width-data.ts
Needs the installed aws-cli v1 (same Python as this script: sys.prefix/bin/aws), `script`, `stty`.
The committed fixtures were captured with aws-cli/1.45.11 Python/3.11.7 botocore/1.43.11
(colorama 0.4.6, jmespath 1.1.0).
"""
import http.server
import json
import os
import runpy
import shlex
import subprocess
import sys
import tempfile
import threading

import botocore.parsers
import botocore.session
import jmespath

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, 'test', 'fixtures', 'golden')
AWS = os.environ.get('AWS_BIN') or os.path.join(sys.prefix, 'bin', 'aws')
# The case table (data only) lives next to this script.
CASES = runpy.run_path(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'capture-goldens.cases.py'))['CASES']

OPERATIONS = {
    'start-device-authorization': (
        'StartDeviceAuthorization',
        ['--client-id', 'ok', '--client-secret', 's3cr3t', '--start-url', 'file://{tmp}/starturl.txt'],
    ),
    'register-client': ('RegisterClient', ['--client-name', 'myapp', '--client-type', 'public']),
    'create-token': (
        'CreateToken',
        ['--client-id', 'ok', '--client-secret', 's', '--grant-type',
         'urn:ietf:params:oauth:grant-type:device_code', '--device-code', 'DEVCODE-123'],
    ),
}


class FakeServer:
    """Answers every POST with the current body; remembers the paths it saw."""

    def __init__(self):
        self.body = b'{}'
        self.paths = []
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                length = int(self.headers.get('content-length') or 0)
                self.rfile.read(length)
                outer.paths.append(self.path)
                self.send_response(200)
                self.send_header('Content-Type', 'application/json')
                self.send_header('Content-Length', str(len(outer.body)))
                self.end_headers()
                self.wfile.write(outer.body)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Handler)
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()


def make_env(tmp):
    with open(os.path.join(tmp, 'config'), 'w') as f:
        f.write('[default]\nregion = us-east-1\ncli_follow_urlparam = false\n')
    with open(os.path.join(tmp, 'credentials'), 'w') as f:
        f.write('')
    with open(os.path.join(tmp, 'starturl.txt'), 'w') as f:
        f.write('https://example.awsapps.com/start')
    return {
        'PATH': os.pathsep.join([os.path.dirname(AWS), '/usr/bin', '/bin']),
        'HOME': tmp,
        'AWS_CONFIG_FILE': os.path.join(tmp, 'config'),
        'AWS_SHARED_CREDENTIALS_FILE': os.path.join(tmp, 'credentials'),
        'AWS_EC2_METADATA_DISABLED': 'true',
        'LANG': 'C.UTF-8',
    }


def queried_data(op_name, body, query):
    """What the formatter sees: botocore's parse, minus ResponseMetadata, then the query."""
    model = botocore.session.get_session().get_service_model('sso-oidc')
    shape = model.operation_model(op_name).output_shape
    parser = botocore.parsers.create_parser('rest-json')
    parsed = parser.parse(
        {'status_code': 200, 'headers': {'content-type': 'application/json'}, 'body': body},
        shape,
    )
    parsed.pop('ResponseMetadata', None)
    return parsed if query is None else jmespath.search(query, parsed)


def has_cr(value):
    """True when some string in the data carries a \\r of its own."""
    if isinstance(value, str):
        return '\r' in value
    if isinstance(value, dict):
        return any(has_cr(k) or has_cr(v) for k, v in value.items())
    if isinstance(value, list):
        return any(has_cr(v) for v in value)
    return False


def run_case(case, server, tmp, env):
    command = case.get('command', 'start-device-authorization')
    op_name, op_args = OPERATIONS[command]
    body = case['response'] if isinstance(case['response'], str) else json.dumps(case['response'])
    server.body = body.encode('utf-8')
    argv = [AWS, 'sso-oidc', command] + [a.format(tmp=tmp) for a in op_args]
    argv += ['--no-sign-request', '--endpoint-url', f'http://127.0.0.1:{server.port}']
    argv += ['--output', case['output'], '--color', case.get('color', 'off')]
    if case.get('query') is not None:
        argv += ['--query', case['query']]
    columns = case.get('columns')
    if columns is None:
        proc = subprocess.run(argv, env=env, capture_output=True, stdin=subprocess.DEVNULL, timeout=60)
        stdout, stderr = proc.stdout, proc.stderr
    else:
        errfile = os.path.join(tmp, 'stderr.txt')
        inner = f'stty cols {columns} rows 50 -opost; exec {shlex.join(argv)} 2>{shlex.quote(errfile)}'
        proc = subprocess.run(['script', '-qec', inner, '/dev/null'], env=env, capture_output=True,
                              stdin=subprocess.DEVNULL, timeout=60)
        stdout = proc.stdout
        with open(errfile, 'rb') as f:
            stderr = f.read()
    out_text = stdout.decode('utf-8')
    queried = queried_data(op_name, body.encode('utf-8'), case.get('query'))
    if '\r' in out_text and not has_cr(queried):
        raise SystemExit(f'{case["name"]}: unexpected \\r in stdout (pty output processing?)')
    if case['output'] == 'json' and proc.returncode == 0 and queried != {}:
        expected = json.dumps(queried, indent=4, ensure_ascii=False) + '\n'
        if expected != out_text:
            raise SystemExit(f'{case["name"]}: queried does not reproduce the json stdout')
    return {
        'name': case['name'],
        'operation': op_name,
        'command': command,
        'response': body,
        'query': case.get('query'),
        'output': case['output'],
        'color': case.get('color', 'off'),
        'columns': 80 if columns is None else columns,
        'tty': columns is not None,
        'queried': json.dumps(queried),
        'stdout': out_text,
        'rc': proc.returncode,
        'stderr': stderr.decode('utf-8'),
    }


def write_east_asian_width_table():
    """Regenerates src/output/east-asian-width-data.ts from this Python's unicodedata.

    awscli/table.py counts a character as 2 columns when east_asian_width() is W, F or A; the TS
    port needs the same table for the same Unicode version (the one the captured aws runs on).
    Encoding: alternating run lengths (not-wide, wide, not-wide, ...) from U+0000, base 36.
    """
    import unicodedata
    runs, current, length = [], False, 0
    for cp in range(0x110000):
        wide = unicodedata.east_asian_width(chr(cp)) in 'WFA'
        if wide != current:
            runs.append(length)
            current, length = wide, 0
        length += 1
    runs.append(length)

    def b36(n):
        digits = '0123456789abcdefghijklmnopqrstuvwxyz'
        out = ''
        while True:
            n, r = divmod(n, 36)
            out = digits[r] + out
            if n == 0:
                return out

    encoded = ','.join(b36(n) for n in runs)
    lines = [encoded[i:i + 96] for i in range(0, len(encoded), 96)]
    body = '\n'.join(f"  '{line}' +" for line in lines)[:-2]
    path = os.path.join(ROOT, 'src', 'output', 'east-asian-width-data.ts')
    with open(path, 'w') as f:
        f.write('// Generated by `python3 scripts/capture-goldens.py --east-asian-width`; do not edit.\n')
        f.write(f'// Unicode {unicodedata.unidata_version} (Python {sys.version.split()[0]}, the aws-cli v1 runtime).\n')
        f.write('// Alternating run lengths in base 36 from U+0000: not W/F/A, W/F/A, not W/F/A, ...\n')
        f.write(f"export const UNICODE_VERSION = '{unicodedata.unidata_version}';\n")
        f.write(f'export const WIDE_RUNS =\n{body};\n')
    print(f'wrote {path} ({len(runs)} runs)')


def main():
    if sys.argv[1:] == ['--east-asian-width']:
        write_east_asian_width_table()
        return
    filters = sys.argv[1:]
    names = [c['name'] for c in CASES]
    dupes = {n for n in names if names.count(n) > 1}
    if dupes:
        raise SystemExit(f'duplicate case names: {sorted(dupes)}')
    os.makedirs(OUT_DIR, exist_ok=True)
    server = FakeServer()
    with tempfile.TemporaryDirectory() as tmp:
        env = make_env(tmp)
        for case in CASES:
            if filters and not any(f in case['name'] for f in filters):
                continue
            record = run_case(case, server, tmp, env)
            with open(os.path.join(OUT_DIR, case['name'] + '.json'), 'w', encoding='utf-8') as f:
                json.dump(record, f, indent=2, ensure_ascii=False)
                f.write('\n')
            print(f'{case["name"]}: rc {record["rc"]}, {len(record["stdout"])} chars')
    server.httpd.shutdown()


if __name__ == '__main__':
    main()
