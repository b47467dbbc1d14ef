/** A command under a pseudo-terminal (python3's pty module), for what a terminal shows. */
import { spawn } from 'node:child_process';

const PTY = `
import fcntl, os, pty, struct, sys, termios
rows, cols = int(sys.argv[1]), int(sys.argv[2])
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))
    os.execvpe(sys.argv[3], sys.argv[3:], os.environ)
out = b''
while True:
    try:
        data = os.read(fd, 65536)
    except OSError:
        break
    if not data:
        break
    out += data
_, status = os.waitpid(pid, 0)
sys.stdout.buffer.write(out)
sys.exit(os.waitstatus_to_exitcode(status))
`;

/** Runs `command` under a pty of cols x 60; resolves with everything the terminal showed (\r\n as \n). */
export function underPty(command: string[], env: Record<string, string>, cols = 120): Promise<{ code: number | null; text: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', ['-c', PTY, '60', String(cols), ...command], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let text = '';
    child.stdout.setEncoding('utf-8').on('data', (d: string) => (text += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, text: text.replace(/\r\n/g, '\n') }));
  });
}
