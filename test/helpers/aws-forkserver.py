"""A fork server for the AWS CLI (v1 or v2) in tests: `python aws-forkserver.py SCRIPT`.

A run of `aws` spends most of its CPU importing awscli and botocore (measured: v1 0.25 s of
0.47 s, v2 0.36 s of 0.44 s). This process imports what the script imports, once, then forks a
child per request; the child takes the request's environment, working directory and stdio and
runs the script itself (runpy, as `python SCRIPT ARGS` would), so everything after the import
(the session, the config files, the parser, the call) happens in the child as in a fresh
process, and no state passes from one run to the next. What the imports read from the
environment is read again in the child: awscli's AWS_DATA_PATH (awscli is reloaded). What the
interpreter reads as it starts (PYTHON*, LANG, LC_*) and botocore's import reads
(BOTO_DISABLE_CRT) cannot change after the start: the test side (test/helpers/aws-forkserver.ts)
starts one server per set of those variables, with them, and sends each run to the server whose
variables are the run's.

Protocol, one JSON object per line: requests on stdin {"id", "args", "env", "cwd", "input"
(base64), "timeout_ms"}; answers on stdout {"id", "code", "signal", "stdout", "stderr"} (output
in base64). Single-threaded (selectors), so forking is safe.
"""

import base64
import importlib
import json
import os
import runpy
import selectors
import signal
import sys
import tempfile
import time

SCRIPT = sys.argv[1]

# The script's own imports, done once: the children inherit them. awscli.handlers too: every v1
# run imports it (with the customizations) when the driver loads its plugins, which costs more than
# anything else a run does. No module of awscli, botocore or s3transfer reads the environment as it
# is imported but awscli (AWS_DATA_PATH, done again per child) and botocore.compat
# (BOTO_DISABLE_CRT, fixed per server).
import awscli  # noqa: E402
import awscli.clidriver  # noqa: E402,F401

try:
    import awscli.handlers  # noqa: E402,F401  (v1; v2 imports its handlers with the driver)
except ImportError:
    pass

import botocore.loaders as loaders  # noqa: E402  (v2's own copy is also imported by this name)


def warm_data():
    """The CLI's installed data, read once here, so a run does not read it again.

    After the imports, a run spends most of its CPU on two things it does the same way every time
    from files that come with the CLI: parsing their JSON (endpoints.json, partitions.json, the
    service models: ~30 ms) and listing which services have a model of each type (five walks of
    the data directories, ~400 services each: ~40 ms). Both answers are made here, before any fork,
    by botocore's own code, and a child finds them where botocore asks:
    - loaders.json.loads(text) returns what this server parsed from exactly that text, once per text
      in each child (a second load of the same text parses it again, so no two loads share an
      object that one could change under the other; a child's changes never reach this server,
      which forks every child from the same memory). Any text not parsed here is parsed as usual.
    - Loader.list_available_services(type) answers from what each data directory held here, when
      every directory the child's loader searches is one of the CLI's own (which no test
      changes); a loader with any other directory (AWS_DATA_PATH, ~/.aws/models) walks as usual.
    """
    real_json = loaders.json
    parsed = {}
    taken = set()

    class WarmJson:
        def __getattr__(self, name):
            return getattr(real_json, name)

        @staticmethod
        def loads(s, **kwargs):
            if isinstance(s, str) and kwargs.get('object_pairs_hook') is loaders.OrderedDict and len(kwargs) == 1:
                if warming:
                    data = parsed[s] = real_json.loads(s, **kwargs)
                    return data
                if s in parsed and s not in taken:
                    taken.add(s)
                    return parsed[s]
            return real_json.loads(s, **kwargs)

    own_dirs = [loaders.Loader.BUILTIN_DATA_PATH, os.path.join(os.path.dirname(awscli.__file__), 'data')]
    own_dirs = [d for d in own_dirs if os.path.isdir(d)]
    warming = True
    loaders.json = WarmJson()
    files = loaders.JSONFileLoader()
    for d in own_dirs:
        names = [os.path.join(d, n) for n in os.listdir(d) if n.endswith('.json')]
        for service in ('sso-oidc', 'sso', 'sdb'):
            for version in sorted(os.listdir(os.path.join(d, service))) if os.path.isdir(os.path.join(d, service)) else []:
                vdir = os.path.join(d, service, version)
                names += [os.path.join(vdir, n) for n in os.listdir(vdir) if '.json' in n]
        for name in names:
            files.load_file(name[: name.index('.json')])
    warming = False

    types = ('service-2', 'waiters-2', 'paginators-1', 'endpoint-rule-set-1')
    listed = {
        (d, t): frozenset(loaders.Loader(extra_search_paths=[d], include_default_search_paths=False).list_available_services(t))
        for d in own_dirs
        for t in types
    }
    walk = loaders.Loader.list_available_services

    def list_available_services(self, *args, **kwargs):
        key = ('list_available_services',) + args  # as botocore's instance_cache keys it
        for pair in sorted(kwargs.items()):
            key += pair
        if key in self._cache:
            return self._cache[key]
        type_name = args[0] if args else kwargs.get('type_name')
        found = [listed.get((d, type_name)) for d in self._potential_locations()]
        if not found or None in found:
            return walk(self, *args, **kwargs)
        self._cache[key] = data = sorted(frozenset().union(*found))
        return data

    loaders.Loader.list_available_services = list_available_services


_botocore_as_imported = (loaders.json, loaders.Loader.list_available_services)
try:
    warm_data()
except Exception:  # a botocore unlike the two measured: every run reads its data as before, only slower
    loaders.json, loaders.Loader.list_available_services = _botocore_as_imported


def child(req, in_fd, out_w, err_w):
    """Runs in the forked child: never returns."""
    code = 1
    try:
        os.chdir(req['cwd'])
        os.environ.clear()
        os.environ.update(req['env'])
        os.dup2(in_fd, 0)
        os.dup2(out_w, 1)
        os.dup2(err_w, 2)
        for f in (in_fd, out_w, err_w):
            os.close(f)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        importlib.reload(awscli)
        sys.argv = [SCRIPT] + req['args']
        try:
            runpy.run_path(SCRIPT, run_name='__main__')
            code = 0
        except SystemExit as e:
            if e.code is None:
                code = 0
            elif isinstance(e.code, int):
                code = e.code
            else:
                print(e.code, file=sys.stderr)
                code = 1
        except BaseException:
            import traceback

            traceback.print_exc()
            code = 1
        try:
            sys.stdout.flush()
        except BaseException:
            code = 120
        try:
            sys.stderr.flush()
        except BaseException:
            pass
    except BaseException:
        # Before the script could run (no such directory...): say so where the answer goes.
        import traceback

        traceback.print_exc()
    finally:
        os._exit(code & 0xFF)


def main():
    sel = selectors.DefaultSelector()
    runs = {}  # pid -> state
    inbuf = b''
    stdin_open = True
    sel.register(0, selectors.EVENT_READ, ('requests', None))
    tmp = tempfile.mkdtemp(prefix='aws-forkserver-')

    def send(obj):
        data = (json.dumps(obj) + '\n').encode()
        while data:
            n = os.write(1, data)
            data = data[n:]

    def start(req):
        in_path = os.path.join(tmp, 'in-%d' % req['id'])
        with open(in_path, 'wb') as f:
            f.write(base64.b64decode(req.get('input') or ''))
        in_fd = os.open(in_path, os.O_RDONLY)
        os.unlink(in_path)
        out_r, out_w = os.pipe()
        err_r, err_w = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            os.close(out_r)
            os.close(err_r)
            sel.close()
            child(req, in_fd, out_w, err_w)
        os.close(in_fd)
        os.close(out_w)
        os.close(err_w)
        timeout = req.get('timeout_ms') or 60000
        state = {'id': req['id'], 'out': [], 'err': [], 'open': 2, 'deadline': time.monotonic() + timeout / 1000}
        runs[pid] = state
        sel.register(out_r, selectors.EVENT_READ, ('out', pid))
        sel.register(err_r, selectors.EVENT_READ, ('err', pid))

    def finish(pid):
        state = runs.pop(pid)
        _, status = os.waitpid(pid, 0)
        if os.WIFSIGNALED(status):
            code, sig = None, signal.Signals(os.WTERMSIG(status)).name
        else:
            code, sig = os.WEXITSTATUS(status), None
        send({
            'id': state['id'],
            'code': code,
            'signal': sig,
            'stdout': base64.b64encode(b''.join(state['out'])).decode(),
            'stderr': base64.b64encode(b''.join(state['err'])).decode(),
        })

    while stdin_open or runs:
        now = time.monotonic()
        for pid, state in runs.items():
            if now > state['deadline']:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                state['deadline'] = float('inf')
        for key, _ in sel.select(timeout=1.0):
            kind, pid = key.data
            data = os.read(key.fd, 65536)
            if kind == 'requests':
                if not data:
                    stdin_open = False
                    sel.unregister(0)
                    continue
                inbuf += data
                while b'\n' in inbuf:
                    line, inbuf = inbuf.split(b'\n', 1)
                    if line.strip():
                        start(json.loads(line))
                continue
            state = runs[pid]
            if data:
                state[kind].append(data)
                continue
            sel.unregister(key.fd)
            os.close(key.fd)
            state['open'] -= 1
            if state['open'] == 0:
                finish(pid)
    os.rmdir(tmp)


if __name__ == '__main__':
    main()
